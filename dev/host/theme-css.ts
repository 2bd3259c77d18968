/** The design-token theme CSS Atlassian products inject into a Custom UI frame when it enables theming. */
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

let cached: string | undefined;

export function themeCss(): string {
  if (cached === undefined) {
    cached = THEMES.map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string };
      return mod.default;
    }).join('\n');
  }
  return cached;
}
