import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { SURFACE_LIST, type SurfaceInfo } from './scripts/surfaces.cjs';

/**
 * One Vite app per Custom UI surface. Each surface lives in static/src/<surface>/ (index.html + main.tsx) and is
 * built into its own Forge resource directory (the resource's path in manifest.yml, static/build/<surface>/). The
 * surfaces are manifest.yml's resources (scripts/surfaces.cjs). Pick the surface with SURFACE=<name>;
 * scripts/build-ui.mjs builds them all.
 */
function surfaceConfig(surface: SurfaceInfo): UserConfig {
  const staticDir = resolve(__dirname, 'static');
  return {
    root: resolve(staticDir, 'src', surface.key),
    // Forge serves a resource from a sub-path: every asset URL must be relative.
    base: './',
    plugins: [react()],
    resolve: {
      alias: [
        // Atlaskit's feature-gate client is never initialised in a Custom UI frame: every gate is off (see the stub).
        { find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/, replacement: resolve(staticDir, 'src/shared/feature-gates-off.ts') },
      ],
    },
    logLevel: 'warn',
    build: {
      outDir: resolve(__dirname, surface.path),
      emptyOutDir: true,
      // No data: URIs and no inline scripts (Forge's CSP).
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      target: 'es2020',
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
    },
  };
}

export default defineConfig(() => {
  const surface = SURFACE_LIST.find((s) => s.key === process.env.SURFACE);
  if (!surface) {
    throw new Error(`Set SURFACE to one of ${SURFACE_LIST.map((s) => s.key).join(', ')} (got ${process.env.SURFACE ?? 'nothing'}).`);
  }
  return surfaceConfig(surface);
});
