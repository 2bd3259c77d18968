import { view } from '@forge/bridge';

/**
 * Follows the host's light/dark theme. `view.theme.enable()` asks the Forge host to apply its theme to this
 * frame (it sets `data-color-mode` on <html> and provides the token CSS). When the host has not done so — an
 * older host or a local page — the token themes are loaded here for the colour mode from the context, so
 * `token()` values still resolve. setGlobalTheme is imported only then: it brings Atlaskit's feature-flag client
 * (statsig, ~35 KB gzip), which no surface should download up front for a fallback a Forge host never needs.
 */
export async function followHostTheme(colorMode: 'light' | 'dark' | undefined): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Theming is cosmetic: a host without it still gets the light fallbacks of token().
  }
  if (document.documentElement.hasAttribute('data-color-mode')) return;
  try {
    const { setGlobalTheme } = await import('@atlaskit/tokens/set-global-theme');
    await setGlobalTheme({ colorMode: colorMode ?? 'light' });
  } catch {
    // As above: never fail the app over its theme.
  }
}
