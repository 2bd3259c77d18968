import { useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import type { ApiError, RoadmapView } from '../../../src/domain/api';
import { call } from '../shared/client';
import { ErrorMessage } from '../shared/components';
import { useShowView } from '../shared/data/writes';

/** First visit to a project without a roadmap: admins start one from the template; others are told whom to ask. */
export function StartRoadmap({ view }: { view: RoadmapView }) {
  const showView = useShowView();
  const [busy, setBusy] = useState<null | 'examples' | 'phases'>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const start = async (withExamples: boolean) => {
    setBusy(withExamples ? 'examples' : 'phases');
    setError(null);
    const result = await call('startRoadmap', { withExamples });
    setBusy(null);
    // The answer is the new roadmap's view: shown at once, no refetch.
    if (result.ok) showView(result.value);
    else setError(result.error);
  };

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
