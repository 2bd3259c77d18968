import { draggable, dropTargetForElements, monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/adapter/element-adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import type { Horizon } from '../../../../src/domain/model';
import type { BoardDragAndDrop, DropState } from '../../shared/board';

/** What a dragged card carries (pragmatic-drag-and-drop's initial data). */
interface CardDrag {
  kind: 'initiative-card';
  initiativeId: string;
  horizon: Horizon;
}

function asCardDrag(data: Record<string | symbol, unknown>): CardDrag | null {
  return data.kind === 'initiative-card' && typeof data.initiativeId === 'string' && typeof data.horizon === 'string' ? (data as unknown as CardDrag) : null;
}

/**
 * Drag and drop for the board, on pragmatic-drag-and-drop's element adapter (native HTML5 drag and drop): each card
 * is draggable, each Now / Next / Later column a drop target. A drop on another column moves nothing by itself: it
 * calls `onDrop`, which opens the Move dialog (reason and confirmation first). Columns say whether a card may land
 * on them while a drag is on, and which one it is over.
 */
export function boardDragAndDrop(onDrop: (initiativeId: string, horizon: Horizon) => void): BoardDragAndDrop {
  return {
    card(element, getCard, onDragging) {
      return draggable({
        element,
        getInitialData: () => {
          const { id, horizon } = getCard();
          return { kind: 'initiative-card', initiativeId: id, horizon } satisfies CardDrag;
        },
        onDragStart: () => onDragging(true),
        onDrop: () => onDragging(false),
      });
    },
    column(element, horizon, onState) {
      // A card may land on any column but its own.
      const accepts = (data: Record<string | symbol, unknown>) => {
        const drag = asCardDrag(data);
        return drag !== null && drag.horizon !== horizon;
      };
      const set = (state: DropState) => onState(state);
      return combine(
        dropTargetForElements({
          element,
          getData: () => ({ horizon }),
          canDrop: ({ source }) => accepts(source.data),
          onDragEnter: () => set('over'),
          onDragLeave: () => set('available'),
          onDrop: ({ source }) => {
            set('idle');
            const drag = asCardDrag(source.data);
            if (drag) onDrop(drag.initiativeId, horizon);
          },
        }),
        monitorForElements({
          canMonitor: ({ source }) => asCardDrag(source.data) !== null,
          onDragStart: ({ source }) => set(accepts(source.data) ? 'available' : 'idle'),
          onDrop: () => set('idle'),
        }),
      );
    },
  };
}
