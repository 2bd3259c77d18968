import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useQueryClient } from '@tanstack/react-query';
import type { RoadmapView } from '../../../src/domain/api';
import { viewProgress } from '../../../src/domain/view-pages';
import { QUERY_KEYS } from './data/keys';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * While a roadmap too large for one answer is still arriving in parts (src/domain/view-pages.ts), says how far it
 * got — everything shown meanwhile is computed from the part loaded so far — and, if a part could not be loaded,
 * offers to load the roadmap again. Nothing on a whole view.
 */
export function ViewLoadingNotice({ view }: { view: RoadmapView }) {
  const client = useQueryClient();
  const progress = viewProgress(view);
  if (!progress) return null;
  const { total } = progress;
  const debt = total.debtItems > 0 ? `, debt items: ${count(progress.debtItems)} of ${count(total.debtItems)}` : '';
  const failed = view.more?.failed;
  if (failed) {
    return (
      <SectionMessage appearance="warning" title="Only part of the roadmap could be loaded" testId="view-loading-failed">
        <p>
          Showing {count(progress.initiatives)} of {count(total.initiatives)} initiatives{debt}. {failed.message}
        </p>
        <Button onClick={() => void client.invalidateQueries({ queryKey: QUERY_KEYS.view })}>Load the roadmap again</Button>
      </SectionMessage>
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
