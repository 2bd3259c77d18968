import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError } from '../../../src/domain/api';
import { ErrorMessage } from '../shared/components';
import { reloadEpicContext } from './epic-store';

/**
 * A refused link/unlink as an ADS section message. CONFLICT (the roadmap changed since the panel loaded) is a
 * warning with a Reload action; NOT_FOUND gets one too, since a reload shows what is there now.
 */
export function PanelWriteError({ error }: { error: ApiError }) {
  // The panel's one answer is all it shows: Reload asks for it again (the forms rebase onto its revision).
  const onReload = () => void reloadEpicContext();
  if (error.code === 'CONFLICT') {
    return (
      <ErrorMessage error={{ ...error, message: '' }} title="The roadmap changed since this panel loaded">
        {/* The resolver's message names what changed and says to reload. */}
        <p>{error.message || 'Someone else saved a change first. Reload, then try again.'}</p>
        <ReloadAction onReload={onReload} />
      </ErrorMessage>
    );
  }
  if (error.code === 'NOT_FOUND') {
    return (
      <ErrorMessage error={error}>
        <ReloadAction onReload={onReload} />
      </ErrorMessage>
    );
  }
  return <ErrorMessage error={error} title={error.code === 'FORBIDDEN' ? "You can't change this project's roadmap" : undefined} />;
}

function ReloadAction({ onReload }: { onReload: () => void }) {
  return (
    <div style={{ marginTop: token('space.100') }}>
      <Button spacing="compact" onClick={onReload}>
        Reload
      </Button>
    </div>
  );
}
