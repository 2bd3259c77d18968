import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { InitiativeView, RoadmapView } from '../../../../src/domain/api';
import type { DriftFix as Fix, DriftFlag } from '../../../../src/domain/rules/drift';
import { DangerConfirm } from '../../shared/danger-confirm';
import { useWriteAction } from '../../shared/data/writes';
import { WriteError } from '../../shared/write-error';
import { useDialogs } from '../shell/dialogs';
import { fixButtonText, fixPatch } from './drift-fix-model';

/**
 * The one action that settles a flag. Moves and metric updates open the existing dialogs (a move still asks why);
 * status and effort are one updateInitiative write against the revision shown, its CONFLICT offered a reload like any
 * other write; unlinking asks first, since an epic hidden from this viewer may still be seen by others.
 */
export function DriftFix({ flag, fix, initiative, view }: { flag: DriftFlag; fix: Fix; initiative: InitiativeView; view: RoadmapView }) {
  const { openDialog } = useDialogs();
  const write = useWriteAction('updateInitiative');
  const { reset } = write;
  const [confirming, setConfirming] = useState(false);
  // A newer revision (another write, a reload) makes an old error moot.
  useEffect(() => reset(), [view.revision, reset]);

  const patch = fixPatch(fix, initiative);
  const send = () => patch && write.run({ baseRevision: view.revision, initiativeId: initiative.id, patch });
  const onClick = () => {
    if (fix.action === 'move') openDialog({ kind: 'move', initiativeId: initiative.id, horizon: fix.horizon });
    else if (fix.action === 'update-metric') openDialog({ kind: 'edit', initiativeId: initiative.id, focus: 'metric' });
    else if (fix.action === 'unlink') setConfirming(true);
    else send();
  };
  const epic = flag.epicKey ?? `epic ${fix.action === 'unlink' ? fix.epicId : ''}`.trim();
  return (
    <>
      <Button
        appearance="default"
        spacing="compact"
        testId="drift-fix"
        isLoading={write.pending}
        isDisabled={confirming}
        aria-label={`${fixButtonText(fix, flag).replace(/…$/, '')}: “${initiative.title}”`}
        onClick={onClick}
      >
        {fixButtonText(fix, flag)}
      </Button>
      {confirming || write.error ? (
        <div style={{ flexBasis: '100%', order: 1 }}>
          {confirming ? (
            <DangerConfirm
              id={`unlink-${flag.key.replace(/[^A-Za-z0-9-]/g, '-')}`}
              question={`Unlink ${epic} from “${initiative.title}”?`}
              testId="drift-unlink-confirm"
            >
              <div style={{ font: token('font.body.small'), color: token('color.text') }}>
                The epic stays in Jira; the roadmap stops counting it for everyone, and the changelog records it.
              </div>
              <div style={{ display: 'flex', gap: token('space.100') }}>
                <Button
                  appearance="danger"
                  spacing="compact"
                  isLoading={write.pending}
                  onClick={() => {
                    setConfirming(false);
                    send();
                  }}
                >
                  Unlink
                </Button>
                <Button appearance="subtle" spacing="compact" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </DangerConfirm>
          ) : null}
          {write.error ? <WriteError error={write.error} retryHint="Reload the roadmap: if the flag is still there, fix it again." /> : null}
        </div>
      ) : null}
    </>
  );
}
