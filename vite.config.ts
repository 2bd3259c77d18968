import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * One Vite app per Custom UI surface. Each surface lives in static/src/<surface>/ (index.html + main.tsx) and is
 * built into its own Forge resource directory static/build/<surface>/. Pick the surface with SURFACE=<name>;
 * scripts/build-ui.mjs builds them all.
 */
const SURFACES = ['project-page', 'issue-panel', 'macro', 'macro-config'] as const;
type Surface = (typeof SURFACES)[number];

function isSurface(value: string | undefined): value is Surface {
  return SURFACES.some((s) => s === value);
}

function surfaceConfig(surface: Surface): UserConfig {
  const staticDir = resolve(__dirname, 'static');
  return {
    root: resolve(staticDir, 'src', surface),
    // Forge serves a resource from a sub-path: every asset URL must be relative.
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: {
      outDir: resolve(staticDir, 'build', surface),
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
  const surface = process.env.SURFACE;
  if (!isSurface(surface)) {
    throw new Error(`Set SURFACE to one of ${SURFACES.join(', ')} (got ${surface ?? 'nothing'}).`);
  }
  return surfaceConfig(surface);
});
