import SectionMessage from '@atlaskit/section-message';
import type { RoadmapView } from '../../../src/domain/api';

const SHOWN = 8;

/**
 * A roadmap stored out of the app's limits (written by an older version, or a limit lowered since) still shows;
 * this says what to repair. Changes that do not add to the problems keep working.
 */
export function LimitWarnings({ warnings }: { warnings: RoadmapView['limitWarnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <div data-testid="limit-warnings">
      <SectionMessage appearance="warning" title="This roadmap is over some of the app's limits">
        <p>It still works, but changes that would add to these problems are refused. Fix them to clear this message:</p>
        <ul>
          {warnings.slice(0, SHOWN).map((w) => (
            <li key={`${w.path}:${w.message}`}>
              <code>{w.path}</code>: {w.message}
            </li>
          ))}
        </ul>
        {warnings.length > SHOWN ? <p>…and {warnings.length - SHOWN} more.</p> : null}
      </SectionMessage>
    </div>
  );
}
