import { view } from '@forge/bridge';

type ColorMode = 'light' | 'dark';

/** The host's colour mode in a Forge context (`theme.colorMode`), when it says one. */
export function colorModeOf(raw: unknown): ColorMode | undefined {
  const theme = typeof raw === 'object' && raw !== null ? (raw as { theme?: unknown }).theme : undefined;
  const mode = typeof theme === 'object' && theme !== null ? (theme as { colorMode?: unknown }).colorMode : undefined;
  return mode === 'dark' || mode === 'light' ? mode : undefined;
}

/**
 * Only the colour mode of the Forge context, for the first paint: reading the whole context (context.ts) checks the
 * macro's config with the domain's schemas, which a surface that needs no config should not download.
 */
export async function loadColorMode(): Promise<ColorMode | undefined> {
  return colorModeOf(await view.getContext());
}
