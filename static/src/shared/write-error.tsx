import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError } from '../../../src/domain/api';
import { ErrorMessage } from './components';
import { useReloadRoadmap } from './data/writes';

/**
 * A write refused with CONFLICT (someone saved first), or any other error value, with a way to reload the roadmap
 * when the conflict needs it. `retryHint` says what to do after reloading.
 */
export function WriteError({ error, retryHint }: { error: ApiError; retryHint: string }) {
  // Reload refetches everything the surface shows (the data layer's cache).
  const reload = useReloadRoadmap();
  if (error.code !== 'CONFLICT') return <ErrorMessage error={error} />;
  return (
    <ErrorMessage error={{ ...error, message: '' }} title="The roadmap changed since you opened it">
      <p>{error.message || 'Someone else saved a change first.'}</p>
      <p>{retryHint}</p>
      <div style={{ marginTop: token('space.100') }}>
        <Button onClick={reload}>Reload roadmap</Button>
      </div>
    </ErrorMessage>
  );
}
