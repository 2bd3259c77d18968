import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { SURFACE_LIST, type SurfaceInfo } from './scripts/surfaces.cjs';

/** A call `token('name')` or `token('name', 'fallback')` with string literals. */
const CALL = /\btoken\(\s*(['"])([\w.[\]-]+)\1\s*(?:,\s*(['"])([^'"\\]*)\3\s*)?\)/g;

/**
 * Replaces the app's `token('color.text')` calls with the string `token()` returns at run time ("var(--ds-text)", with
 * the fallback when one is given), as @atlaskit/tokens' own Babel plugin does for Atlaskit's packages. `token()` then
 * needs its name table (~5 KB gzip) only where a name is computed, so most surfaces never download it. Names the
 * table lacks are left to `token()` (which warns about them in development).
 */
function inlineTokens(root: string): Plugin {
  const require = createRequire(resolve(root, 'package.json'));
  const names = (require('@atlaskit/tokens/dist/cjs/artifacts/token-names.js') as { default: Record<string, string> }).default;
  const sources = resolve(root, 'static/src');
  return {
    name: 'tech-roadmap:inline-tokens',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(sources) || !/\.tsx?$/.test(id) || !code.includes('token(')) return null;
      const out = code.replace(CALL, (call, _q: string, name: string, _fq?: string, fallback?: string) => {
        const cssVar = names[name];
        if (!cssVar) return call;
        return JSON.stringify(fallback ? `var(${cssVar}, ${fallback})` : `var(${cssVar})`);
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

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
    plugins: [inlineTokens(__dirname), react()],
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
