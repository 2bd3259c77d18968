/**
 * The app's Custom UI surfaces, read from the one place that lists them: manifest.yml's `resources`. The UI build
 * (scripts/build-ui.mjs, vite.config.ts), the local host (dev/host) and the manifest test all take them from here, so a
 * new surface is one resource (and the module that uses it) in manifest.yml plus static/src/<key>/.
 *
 * CommonJS so that Node ESM scripts, Vite's config loader, tsx and Jest (ts-jest, CommonJS) can all load it as is.
 * YAML is parsed with `yaml`, the parser @forge/manifest itself uses (installed with it).
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..');

/** Each resource of manifest.yml, with the module that shows it (`config` when it is that module's config dialog). */
function readSurfaces(root = ROOT) {
  const manifest = YAML.parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8')) ?? {};
  const modules = Object.entries(manifest.modules ?? {}).flatMap(([type, entries]) =>
    Array.isArray(entries) ? entries.map((entry) => ({ type, entry })) : [],
  );
  return (manifest.resources ?? []).map((resource) => {
    const main = modules.find(({ entry }) => entry.resource === resource.key);
    const config = modules.find(({ entry }) => entry.config && typeof entry.config === 'object' && entry.config.resource === resource.key);
    const user = main ?? config;
    return {
      key: resource.key,
      path: resource.path,
      module: user ? { type: user.type, key: user.entry.key, role: main ? 'main' : 'config' } : null,
      // A config dialog's size as the manifest asks for it (Confluence's default is medium).
      ...(config && !main ? { viewportSize: config.entry.config.viewportSize ?? 'medium' } : {}),
    };
  });
}

const SURFACE_LIST = readSurfaces();
/** The surface (resource) keys, in manifest order. */
const SURFACES = SURFACE_LIST.map((s) => s.key);

module.exports = { readSurfaces, SURFACE_LIST, SURFACES };
