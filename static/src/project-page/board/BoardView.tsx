import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import { filterInitiatives, isFiltering } from '../../../../src/domain/board-filter';
import { cardFlagsOfView } from '../../../../src/domain/card-flags';
import { type BoardDragAndDrop, HorizonBoard, showInitiativeCard } from '../../shared/board';
import { useBoardDetails } from '../../shared/data/queries';
import { useDrift } from '../../shared/drift-state';
import { usePageRoute } from '../../shared/route/PageRouteProvider';
import type { BoardFilters } from '../../shared/route/route-model';
import { useDialogs } from '../shell/dialogs';
import { BoardFilterBar } from './BoardFilterBar';
import { filterOptions } from './filter-options';

/**
 * The Now / Next / Later board of the project page, with its filters (kept in the route). Editors drag a card to
 * another column or use its Move button — both open the Move dialog, which asks why — and open its editor. A route
 * naming an initiative (`/board?initiative=I-3`, from Health or the debt register) brings its card into view.
 */
export function BoardView({ view }: { view: RoadmapView }) {
  const details = useBoardDetails(view);
  const { route, navigate } = usePageRoute();
  const { openDialog } = useDialogs();
  const { canEdit } = view.permissions;
  const focus = route.initiative;
  useEffect(() => {
    if (focus) requestAnimationFrame(() => showInitiativeCard(focus));
  }, [focus]);

  // The cards' warnings, by the health rules and the drift from Jira, once per view and progress (today is read then:
  // the board shows it as of loading).
  const drift = useDrift()?.report ?? null;
  const flags = useMemo(() => cardFlagsOfView(view, new Date(), drift), [view, drift]);
  const cardDetails = useMemo(() => ({ ...details, flags }), [details, flags]);
  const { filters } = route;
  // Typing stays responsive on a big roadmap: the cards follow the filters as soon as React has time.
  const deferredFilters = useDeferredValue(filters);
  const shown = useMemo(() => filterInitiatives(view.initiatives, deferredFilters), [view.initiatives, deferredFilters]);
  const options = filterOptions(view, details.people, filters);
  const setFilters = (next: BoardFilters, how: { replace: boolean }) => navigate({ view: 'board', filters: next }, how);
  const clear = () => navigate({ view: 'board', filters: {} });

  const dnd = useBoardDragAndDrop(canEdit, openDialog);
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
  const filtering = isFiltering(deferredFilters);
  return (
    <>
      <BoardFilterBar filters={filters} options={options} shown={shown.length} total={view.initiatives.length} onChange={setFilters} onClear={clear} />
      {filtering && shown.length === 0 && view.initiatives.length > 0 ? (
        <p data-testid="no-matches" style={{ margin: 0, font: token('font.body'), color: token('color.text.subtle') }}>
          No initiative matches these filters.
        </p>
      ) : null}
      <HorizonBoard
        initiatives={shown}
        phases={view.phases}
        renderActions={canEdit ? renderActions : undefined}
        details={cardDetails}
        dnd={dnd}
        emptyText={filtering ? 'No matches here.' : 'Nothing here yet.'}
      />
    </>
  );
}

/**
 * Drag and drop for editors: dropping a card on another column opens the Move dialog set to that column, and nothing
 * moves before it is confirmed. The drag library loads on its own, after the board shows, and only for people who may
 * move initiatives (readers never download it).
 */
function useBoardDragAndDrop(canEdit: boolean, openDialog: ReturnType<typeof useDialogs>['openDialog']): BoardDragAndDrop | undefined {
  const [dnd, setDnd] = useState<BoardDragAndDrop>();
  useEffect(() => {
    setDnd(undefined);
    if (!canEdit) return;
    let live = true;
    void import('./drag-and-drop').then(({ boardDragAndDrop }) => {
      if (live) setDnd(boardDragAndDrop((initiativeId, horizon) => openDialog({ kind: 'move', initiativeId, horizon })));
    });
    return () => {
      live = false;
    };
  }, [canEdit, openDialog]);
  return dnd;
}
