import { token } from '@atlaskit/tokens';
import { createContext, type ReactNode, useContext } from 'react';
import type { ProgressReport } from '../../../src/domain/api';
import type { Progress } from '../../../src/domain/progress';
import { useProgressQuery } from './data/queries';
import { muted } from './page';

/**
 * Epic progress comes from Jira (child issues), separately from the roadmap view, so the board shows at once and
 * the bars fill in when Jira answers. Surfaces wrap their board in <ProgressProvider>; cards read it.
 */
const ProgressContext = createContext<ProgressReport | null>(null);

/**
 * Progress is a cached query: it is fetched once, and again only when a write or a newer view links other epics
 * (see showView in data/roadmap-cache.ts) or the user reloads.
 */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const report = useProgressQuery();
  return <ProgressContext.Provider value={report.data ?? null}>{children}</ProgressContext.Provider>;
}

export function useInitiativeProgress(initiativeId: string): ProgressReport['initiatives'][string] | null {
  return useContext(ProgressContext)?.initiatives[initiativeId] ?? null;
}

function describe(progress: Progress): string {
  if (progress.basis === 'points') return `${progress.percentDone}% done · ${progress.points.done} of ${progress.points.total} points`;
  if (progress.basis === 'issues') return `${progress.percentDone}% done · ${progress.issues.done} of ${progress.issues.total} issues`;
  return 'No child issues yet';
}

/** An initiative's delivery progress across its linked epics, as a bar with its numbers. */
export function InitiativeProgress({ initiativeId }: { initiativeId: string }) {
  const entry = useInitiativeProgress(initiativeId);
  if (!entry) return null;
  const { progress, unavailableEpics } = entry;
  const percent = progress.percentDone ?? 0;
  return (
    <div data-testid="initiative-progress" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      {progress.percentDone !== null ? (
        <div
          role="progressbar"
          aria-label="Delivery progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          style={{ height: 6, borderRadius: 3, backgroundColor: token('color.background.neutral'), overflow: 'hidden' }}
        >
          <div style={{ width: `${percent}%`, height: '100%', backgroundColor: token('color.background.success.bold') }} />
        </div>
      ) : null}
      <div style={muted}>{describe(progress)}</div>
      {unavailableEpics > 0 ? (
        <div style={{ ...muted, color: token('color.text.warning') }} data-testid="unavailable-epics">
          {unavailableEpics === 1 ? '1 linked epic was deleted or is hidden from you' : `${unavailableEpics} linked epics were deleted or are hidden from you`}
        </div>
      ) : null}
    </div>
  );
}
