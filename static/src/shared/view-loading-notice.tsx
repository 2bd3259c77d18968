import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense } from 'react';
import type { RoadmapView } from '../../../src/domain/api';
import { viewProgress } from '../../../src/domain/view-pages';

const count = (n: number) => n.toLocaleString('en-US');

// Only a failed part needs a section message and a button: loaded then, so the macro's first download stays light.
const ViewLoadingFailed = lazy(() => import('./view-loading-failed').then((m) => ({ default: m.ViewLoadingFailed })));

/**
 * While a roadmap too large for one answer is still arriving in parts (src/domain/view-pages.ts), says how far it
 * got — everything shown meanwhile is computed from the part loaded so far — and, if a part could not be loaded,
 * offers to load the roadmap again. Nothing on a whole view.
 */
export function ViewLoadingNotice({ view }: { view: RoadmapView }) {
  const progress = viewProgress(view);
  if (!progress) return null;
  const { total } = progress;
  const debt = total.debtItems > 0 ? `, debt items: ${count(progress.debtItems)} of ${count(total.debtItems)}` : '';
  const failed = view.more?.failed;
  if (failed) {
    return (
      <Suspense fallback={null}>
        <ViewLoadingFailed shown={`Showing ${count(progress.initiatives)} of ${count(total.initiatives)} initiatives${debt}.`} message={failed.message} />
      </Suspense>
    );
  }
  return (
    <div
      role="status"
      data-testid="view-loading"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token('space.100'),
        padding: `${token('space.075')} ${token('space.150')}`,
        borderRadius: 3,
        backgroundColor: token('color.background.information'),
        color: token('color.text'),
        font: token('font.body.small'),
      }}
    >
      <Spinner size="small" label="Loading the rest of the roadmap" />
      <span>
        Loading initiatives: {count(progress.initiatives)} of {count(total.initiatives)}
        {debt}. What you see covers the part loaded so far.
      </span>
    </div>
  );
}
