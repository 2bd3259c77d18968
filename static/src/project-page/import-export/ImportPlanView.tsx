import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ImportPreview } from '../../../../src/domain/api';
import { quarterLabel } from '../../../../src/domain/quarter';
import { muted } from '../../shared/components';
import { CappedList, PanelSection } from '../../shared/panel';
import { countsSummary, problemsSummary, shown, sortProblems, whereOf } from './import-model';

/** Enough to fix a table in one pass; the rest is summarised. */
const PROBLEM_CAP = 100;
const LIST_CAP = 25;

const span = (start: string, end: string) => (start === end ? quarterLabel(start) : `${quarterLabel(start)} – ${quarterLabel(end)}`);
const rowsText = (rows: number[]) => (rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`);

/** What a previewed import would do: counts, problems by row, new phases, and initiatives created, updated, removed. */
export function ImportPlanView({ plan, phaseNames }: { plan: ImportPreview; phaseNames: Map<string, string> }) {
  const problems = sortProblems(plan.errors);
  return (
    <div data-testid="import-plan" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <div data-testid="import-counts" style={{ font: token('font.body'), color: token('color.text') }}>
        {countsSummary(plan)}
      </div>
      {problems.length > 0 ? (
        <PanelSection testId="import-errors" title={`Problems: ${problemsSummary(plan)}`}>
          <ul style={{ margin: 0, paddingInlineStart: 0, display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
            {problems.slice(0, PROBLEM_CAP).map((e, i) => (
              <li
                key={`${e.row}-${e.column ?? ''}-${i}`}
                data-testid="import-error"
                data-severity={e.severity}
                data-row={e.row}
                style={{
                  listStyle: 'none',
                  display: 'flex',
                  flexWrap: 'wrap',
                  alignItems: 'baseline',
                  gap: token('space.075'),
                  font: token('font.body.small'),
                }}
              >
                <Lozenge appearance={e.severity === 'error' ? 'removed' : 'moved'}>{e.severity === 'error' ? 'Error' : 'Warning'}</Lozenge>
                <span style={{ fontWeight: token('font.weight.semibold'), color: token('color.text') }}>{whereOf(e)}:</span>
                <span style={{ color: e.severity === 'error' ? token('color.text.danger') : token('color.text.warning'), overflowWrap: 'anywhere' }}>
                  {e.message}
                </span>
              </li>
            ))}
            {problems.length > PROBLEM_CAP ? <li style={{ ...muted, listStyle: 'none' }}>and {problems.length - PROBLEM_CAP} more</li> : null}
          </ul>
        </PanelSection>
      ) : null}
      {plan.phasesToCreate.length > 0 ? (
        <PanelSection testId="import-new-phases" title="New phases" count={plan.phasesToCreate.length}>
          <CappedList
            testId="import-new-phase"
            cap={LIST_CAP}
            items={plan.phasesToCreate}
            itemKey={(p) => p.ref}
            empty=""
            render={(p) => (
              <>
                <strong>{p.name}</strong>{' '}
                <span style={muted}>
                  · {span(p.startQuarter, p.endQuarter)} · {rowsText(p.rows)}
                </span>
              </>
            )}
          />
        </PanelSection>
      ) : null}
      {plan.initiativesToCreate.length > 0 ? (
        <PanelSection testId="import-creates" title="To create" count={plan.initiativesToCreate.length}>
          <CappedList
            testId="import-create"
            cap={LIST_CAP}
            items={plan.initiativesToCreate}
            itemKey={(c) => c.ref}
            empty=""
            render={(c) => (
              <>
                <strong>{c.title}</strong>{' '}
                <span style={muted}>
                  · {c.phaseName} · {quarterLabel(c.fields.targetQuarter)} · row {c.row}
                </span>
              </>
            )}
          />
        </PanelSection>
      ) : null}
      {plan.initiativesToUpdate.length > 0 ? (
        <PanelSection testId="import-updates" title="To update" count={plan.initiativesToUpdate.length}>
          <CappedList
            testId="import-update"
            cap={LIST_CAP}
            items={plan.initiativesToUpdate}
            itemKey={(u) => u.id}
            empty=""
            render={(u) => (
              <>
                <strong>{u.title}</strong>{' '}
                <span style={muted}>
                  · {phaseNames.get(u.phaseId) ?? u.phaseId} · row {u.row}
                </span>
                {u.moves ? (
                  <>
                    {' '}
                    <span data-testid="import-update-moves">
                      <Lozenge appearance="moved">Moves</Lozenge>
                    </span>
                  </>
                ) : null}
                <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
                  {u.changes.map((change) => (
                    <li key={change.field} data-testid="import-change">
                      <span style={{ color: token('color.text.subtle') }}>{change.column}: </span>
                      <del style={{ color: token('color.text.subtlest') }}>{shown(change.before)}</del>
                      {' → '}
                      <ins style={{ textDecoration: 'none', color: token('color.text'), fontWeight: token('font.weight.medium') }}>{shown(change.after)}</ins>
                    </li>
                  ))}
                </ul>
              </>
            )}
          />
        </PanelSection>
      ) : null}
      {plan.mode === 'replace' ? (
        // Every initiative the import deletes, uncapped: the confirmation below stands for exactly this list.
        <PanelSection testId="import-removals" title="To delete" count={plan.initiativesToRemove.length}>
          <div style={{ maxBlockSize: '20rem', overflowY: 'auto' }}>
            <CappedList
              testId="import-removal"
              cap={Number.POSITIVE_INFINITY}
              items={plan.initiativesToRemove}
              itemKey={(r) => r.id}
              empty="Every initiative on the roadmap is in the table: nothing is deleted."
              render={(r) => (
                <>
                  <span style={muted}>{r.id}</span> <strong style={{ color: token('color.text.danger') }}>{r.title}</strong>{' '}
                  <span style={muted}>· {phaseNames.get(r.phaseId) ?? r.phaseId}</span>
                </>
              )}
            />
          </div>
        </PanelSection>
      ) : null}
      {plan.initiativesUnchanged.length > 0 ? (
        <div data-testid="import-unchanged" style={muted}>
          Unchanged:{' '}
          {plan.initiativesUnchanged
            .slice(0, LIST_CAP)
            .map((u) => u.title)
            .join(', ')}
          {plan.initiativesUnchanged.length > LIST_CAP ? ` and ${plan.initiativesUnchanged.length - LIST_CAP} more` : ''}.
        </div>
      ) : null}
    </div>
  );
}
