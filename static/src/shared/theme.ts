import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { view } from '@forge/bridge';

/**
 * Follows the host's light/dark theme. `view.theme.enable()` asks the Forge host to apply its theme to this
 * frame (it sets `data-color-mode` on <html> and provides the token CSS). When the host has not done so — an
 * older host or a local page — the token themes are loaded here for the colour mode from the context, so
 * `token()` values still resolve.
 */
export async function followHostTheme(colorMode: 'light' | 'dark' | undefined): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Theming is cosmetic: a host without it still gets the light fallbacks of token().
  }
  if (document.documentElement.hasAttribute('data-color-mode')) return;
  try {
    await setGlobalTheme({ colorMode: colorMode ?? 'light' });
  } catch {
    // As above: never fail the app over its theme.
  }
}
