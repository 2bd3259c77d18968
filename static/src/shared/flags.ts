import { showFlag } from '@forge/bridge';

export type FlagKind = 'success' | 'info' | 'warning' | 'error';

let counter = 0;

/**
 * Announces an outcome with the product's own flag (bottom left in Jira), as Jira does after a change. Success and
 * info flags dismiss themselves; warnings and errors stay until closed. A host that cannot show flags is ignored:
 * the page already shows the result.
 */
export function announce(title: string, options: { description?: string; kind?: FlagKind } = {}): void {
  const kind = options.kind ?? 'success';
  counter += 1;
  try {
    void Promise.resolve(
      showFlag({
        id: `tech-roadmap-${Date.now()}-${counter}`,
        title,
        description: options.description,
        type: kind,
        isAutoDismiss: kind === 'success' || kind === 'info',
      }),
    ).catch(() => undefined);
  } catch {
    // No bridge (a page rendered outside a product frame): nothing to announce to.
  }
}
