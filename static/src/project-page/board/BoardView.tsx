import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import { HorizonBoard, showInitiativeCard } from '../../shared/board';
import { useBoardDetails } from '../../shared/data/queries';
import { usePageRoute } from '../../shared/route/PageRouteProvider';
import { useDialogs } from '../shell/dialogs';

/**
 * The Now / Next / Later board of the project page. Editors open an initiative's editor or the Move dialog from its
 * card. A route naming an initiative (`/board?initiative=I-3`, from Health or the debt register) brings its card into
 * view.
 */
export function BoardView({ view }: { view: RoadmapView }) {
  const details = useBoardDetails(view);
  const { route } = usePageRoute();
  const { openDialog } = useDialogs();
  const { canEdit } = view.permissions;
  const focus = route.initiative;
  useEffect(() => {
    if (focus) requestAnimationFrame(() => showInitiativeCard(focus));
  }, [focus]);
  const renderActions = (initiative: InitiativeView) => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
      <Button
        appearance="subtle"
        spacing="compact"
        aria-label={`Edit “${initiative.title}”`}
        onClick={() => openDialog({ kind: 'edit', initiativeId: initiative.id })}
      >
        Edit
      </Button>
      <Button
        appearance="subtle"
        spacing="compact"
        aria-label={`Move “${initiative.title}”`}
        onClick={() => openDialog({ kind: 'move', initiativeId: initiative.id })}
      >
        Move
      </Button>
    </div>
  );
  return <HorizonBoard initiatives={view.initiatives} phases={view.phases} renderActions={canEdit ? renderActions : undefined} details={details} />;
}
