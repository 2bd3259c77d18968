import type { EpicContext } from '../../../src/domain/api';
import { OpenInJira } from '../shared/embed/OpenInJira';
import { muted } from '../shared/page';

/**
 * Where the issue serves no initiative the viewer may see: one quiet line, and the way to the project's roadmap (or to
 * where an admin starts one). Nothing about roadmaps the viewer may not browse: this is exactly what they see when none
 * exists.
 */
export function QuietLine({ context }: { context: EpicContext }) {
  const { issue, home } = context;
  const what = issue.issueType === 'Epic' ? 'This epic' : 'This issue';
  return (
    <div data-testid="not-linked" style={{ ...muted, margin: 0 }}>
      <p style={{ margin: 0 }} data-testid="not-linked-text">
        {issue.issueType === 'Epic' ? `${what} isn't linked to a roadmap initiative yet.` : `${what} isn't part of a roadmap initiative.`}
      </p>
      {home ? (
        <p style={{ margin: 0 }}>
          {home.hasRoadmap ? (
            <OpenInJira projectKey={home.project.key}>{`Open the ${home.project.key} roadmap`}</OpenInJira>
          ) : home.canStart ? (
            <>
              {home.project.key} has no technical roadmap yet. <OpenInJira projectKey={home.project.key}>Start one</OpenInJira>
            </>
          ) : (
            <>
              {home.project.key} has no technical roadmap yet; a project admin can start one.{' '}
              <OpenInJira projectKey={home.project.key}>Roadmap page</OpenInJira>
            </>
          )}
        </p>
      ) : null}
    </div>
  );
}
