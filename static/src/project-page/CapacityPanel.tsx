import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';
import { CAPACITY_UNIT_LABEL } from '../../../src/domain/labels';
import { TRACKS } from '../../../src/domain/model';
import type { Quarter } from '../../../src/domain/quarter';
import { BUFFER_MAX_PERCENT, BUFFER_MIN_PERCENT, type CapacityReport, type QuarterCapacity } from '../../../src/domain/rules/capacity';
import { muted } from '../shared/components';
import { TRACK_LABEL } from '../shared/labels';
import { Panel } from '../shared/panel';
import { BufferWarnings } from '../shared/views/capacity/BufferWarnings';
import { CapacityChart } from '../shared/views/capacity/CapacityChart';

const formatAmount = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });

/** Capacity per quarter against what the roadmap commits, keeping the 20–30 % buffer (from `healthOfView`). */
export function CapacityPanel({ report, currentQuarter, canAdminister }: { report: CapacityReport; currentQuarter: Quarter; canAdminister: boolean }) {
  const { summary, quarters } = report;
  const notSet = summary.state === 'capacity-not-set';
  const unit = CAPACITY_UNIT_LABEL[summary.unit].many;
  return (
    <Panel testId="capacity-panel" title="Capacity">
      {notSet ? (
        <CapacityNotSet canAdminister={canAdminister} />
      ) : (
        <div style={muted} data-testid="capacity-settings">
          {formatAmount(summary.perQuarter)} {unit} per quarter, {formatAmount(summary.bufferPercent)} % kept as buffer for bugs, incidents and debt. Amounts in{' '}
          {unit}.
        </div>
      )}
      <BufferWarnings report={report} />
      {notSet ? null : <CapacityChart report={report} currentQuarter={currentQuarter} />}
      <CapacityTable quarters={quarters} currentQuarter={currentQuarter} unit={unit} notSet={notSet} />
    </Panel>
  );
}

function CapacityNotSet({ canAdminister }: { canAdminister: boolean }) {
  return (
    <SectionMessage appearance="information" title="Capacity per quarter is not set" testId="capacity-not-set">
      <p>
        Without it, commitments can't be checked against capacity and the {BUFFER_MIN_PERCENT}–{BUFFER_MAX_PERCENT} % buffer for unplanned work.{' '}
        {canAdminister ? 'Set capacity per quarter in the roadmap settings.' : 'Ask a project admin to set capacity per quarter in the roadmap settings.'}
      </p>
    </SectionMessage>
  );
}

const cell: CSSProperties = {
  padding: `${token('space.075')} ${token('space.100')}`,
  borderBlockEnd: `${token('border.width', '1px')} solid ${token('color.border')}`,
  textAlign: 'start',
  verticalAlign: 'top',
  font: token('font.body.small'),
};
const headCell: CSSProperties = { ...cell, color: token('color.text.subtle'), fontWeight: token('font.weight.semibold'), whiteSpace: 'nowrap' };
const numberCell: CSSProperties = { ...cell, textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

function CapacityTable({ quarters, currentQuarter, unit, notSet }: { quarters: QuarterCapacity[]; currentQuarter: Quarter; unit: string; notSet: boolean }) {
  const columns: Array<[string, boolean]> = notSet
    ? [
        ['Quarter', false],
        [`Committed (${unit})`, true],
        ['By track', false],
        ['Unestimated', true],
      ]
    : [
        ['Quarter', false],
        ['Capacity', true],
        ['Buffer kept', true],
        ['Plannable', true],
        ['Committed', true],
        ['Remaining', true],
        ['By track', false],
        ['Unestimated', true],
      ];
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}>
        <thead>
          <tr>
            {columns.map(([label, numeric]) => (
              <th key={label} scope="col" style={{ ...headCell, textAlign: numeric ? 'end' : 'start' }}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <QuarterRow key={q.quarter} q={q} current={q.quarter === currentQuarter} notSet={notSet} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QuarterRow({ q, current, notSet }: { q: QuarterCapacity; current: boolean; notSet: boolean }) {
  const quarter = (
    <th scope="row" style={{ ...cell, whiteSpace: 'nowrap', fontWeight: token('font.weight.medium') }}>
      {q.label}
      {current ? <span style={muted}> (current)</span> : null}
    </th>
  );
  const rest: ReactNode = notSet ? (
    <td style={numberCell}>{formatAmount(q.committed)}</td>
  ) : (
    <>
      <td style={numberCell}>{formatAmount(q.capacity)}</td>
      <td style={numberCell}>
        {formatAmount(q.bufferKept)} <span style={muted}>({formatAmount(q.bufferPercent)} %)</span>
      </td>
      <td style={numberCell}>{formatAmount(q.plannable)}</td>
      <td style={numberCell}>{formatAmount(q.committed)}</td>
      <td style={numberCell} data-testid="capacity-remaining">
        {q.overCommitted ? <Lozenge appearance="removed">Over by {formatAmount(q.overCommitBy)}</Lozenge> : formatAmount(q.remaining)}
      </td>
    </>
  );
  return (
    <tr data-testid="capacity-quarter" data-quarter={q.quarter} data-state={q.state}>
      {quarter}
      {rest}
      <td style={cell}>
        <TrackTotals totals={q.committedByTrack} />
      </td>
      <td style={numberCell}>{q.unestimatedCount > 0 ? <Lozenge appearance="moved">{q.unestimatedCount}</Lozenge> : '0'}</td>
    </tr>
  );
}

/** "Security 3 · Reliability 5": the tracks with committed work only. */
function TrackTotals({ totals }: { totals: QuarterCapacity['committedByTrack'] }) {
  const used = TRACKS.filter((t) => totals[t] > 0);
  if (used.length === 0) return <span style={muted}>—</span>;
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {used.map((t) => (
        <li key={t} style={{ whiteSpace: 'nowrap' }}>
          {TRACK_LABEL[t]} <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatAmount(totals[t])}</span>
        </li>
      ))}
    </ul>
  );
}
