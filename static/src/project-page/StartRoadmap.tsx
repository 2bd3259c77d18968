import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import type { RoadmapView } from '../../../src/domain/api';
import { ErrorMessage } from '../shared/components';
import { useShowView, useWriteAction } from '../shared/data/writes';

/** First visit to a project without a roadmap: admins start one from the template; others are told whom to ask. */
export function StartRoadmap({ view }: { view: RoadmapView }) {
  const showView = useShowView();
  // The answer is the new roadmap's view: shown at once, no refetch.
  const starting = useWriteAction('startRoadmap', { onSuccess: showView });
  const busy = starting.pending ? (starting.sent?.withExamples ? 'examples' : 'phases') : null;
  const { error } = starting;
  const start = (withExamples: boolean) => starting.run({ withExamples });

  if (!view.permissions.canAdminister) {
    return (
      <EmptyState
        testId="no-roadmap"
        header="No roadmap yet"
        description={`${view.project.name} has no technical roadmap yet. Ask a project admin to start one.`}
      />
    );
  }
  return (
    <div data-testid="no-roadmap">
      <EmptyState
        header="Start this project's technical roadmap"
        description="Begin with the Foundation, Scale and Velocity phases of the technical-roadmap template, with or without its six example initiatives. You can rename and reshape everything afterwards."
        primaryAction={
          <Button appearance="primary" isLoading={busy === 'phases'} isDisabled={busy !== null} onClick={() => start(false)}>
            Start with the template phases
          </Button>
        }
        secondaryAction={
          <Button isLoading={busy === 'examples'} isDisabled={busy !== null} onClick={() => start(true)}>
            Include example initiatives
          </Button>
        }
      />
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
