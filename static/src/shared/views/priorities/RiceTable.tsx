import { token } from '@atlaskit/tokens';
import { type CSSProperties, useMemo, useState } from 'react';
import {
  firstDirection,
  QUADRANT_LABEL,
  REVERSIBILITY_LABEL,
  type RiceColumn,
  type RiceRow,
  type SortDirection,
  sortRiceRows,
} from '../../../../../src/domain/views/priorities';
import { TrackLozenge } from '../../components';
import { ShowMoreButton, useShowMore } from '../../show-more';

const COLUMNS: Array<{ key: RiceColumn; label: string; numeric: boolean }> = [
  { key: 'title', label: 'Initiative', numeric: false },
  { key: 'reach', label: 'Reach', numeric: true },
  { key: 'impact', label: 'Impact', numeric: true },
  { key: 'confidence', label: 'Confidence', numeric: true },
  { key: 'effort', label: 'Effort', numeric: true },
  { key: 'score', label: 'RICE score', numeric: true },
  { key: 'riskReduction', label: 'Risk reduction', numeric: true },
  { key: 'reversibility', label: 'Reversibility', numeric: false },
  { key: 'quadrant', label: 'Quadrant', numeric: false },
];

const number = (n: number | null, digits = 1) => (n === null ? '—' : n.toLocaleString('en', { maximumFractionDigits: digits }));

const cell: CSSProperties = {
  padding: `${token('space.075')} ${token('space.100')}`,
  borderBlockEnd: `${token('border.width', '1px')} solid ${token('color.border')}`,
  textAlign: 'start',
  verticalAlign: 'middle',
  font: token('font.body.small'),
};
const numberCell: CSSProperties = { ...cell, textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };
/** A button that reads as text (keeping the browser's focus ring, which `all: unset` would remove). */
const plainButton: CSSProperties = { background: 'none', border: 'none', padding: 0, margin: 0, font: 'inherit', textAlign: 'inherit' };
const headerButton: CSSProperties = {
  ...plainButton,
  cursor: 'pointer',
  display: 'inline-flex',
  alignItems: 'center',
  gap: token('space.050'),
  color: token('color.text.subtle'),
  fontWeight: token('font.weight.semibold'),
  whiteSpace: 'nowrap',
};
const linkButton: CSSProperties = {
  ...plainButton,
  cursor: 'pointer',
  color: token('color.link'),
  fontWeight: token('font.weight.medium'),
  overflowWrap: 'anywhere',
};

/** Rows the table shows before "Show more". */
const ROWS_SHOWN = 50;

/**
 * The open initiatives by RICE, sortable by any column (a header is a button; the sorted one carries aria-sort).
 * Opens in the domain's ranking order; initiatives without RICE inputs stay last whichever the sort.
 */
export function RiceTable({ rows, openInitiative }: { rows: readonly RiceRow[]; openInitiative?: (id: string) => void }) {
  const [sort, setSort] = useState<{ column: RiceColumn; direction: SortDirection }>({ column: 'score', direction: 'descending' });
  const sorted = useMemo(() => sortRiceRows(rows, sort.column, sort.direction), [rows, sort]);
  // The first rows of the sort (all of a usual roadmap); thousands of rows wait for "Show more".
  const list = useShowMore(sorted, ROWS_SHOWN);
  const sortBy = (column: RiceColumn) =>
    setSort((s) =>
      s.column === column ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: firstDirection(column) },
    );
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="rice-table" style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text') }}>
        <caption style={{ textAlign: 'start', color: token('color.text.subtle'), font: token('font.body.small'), paddingBlockEnd: token('space.075') }}>
          RICE = reach × impact × confidence ÷ effort. Select a column heading to sort.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label, numeric }) => {
              const active = sort.column === key;
              return (
                <th
                  key={key}
                  scope="col"
                  aria-sort={active ? sort.direction : undefined}
                  data-column={key}
                  style={{ ...cell, textAlign: numeric ? 'end' : 'start' }}
                >
                  <button type="button" style={headerButton} onClick={() => sortBy(key)}>
                    {label}
                    <span aria-hidden style={{ width: '1ch', color: active ? token('color.text') : token('color.text.subtlest') }}>
                      {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {list.visible.map((row) => (
            <tr key={row.initiativeId} data-testid="rice-row" data-initiative-id={row.initiativeId}>
              <th scope="row" style={{ ...cell, fontWeight: 'inherit' }}>
                <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
                  {openInitiative ? (
                    <button type="button" style={linkButton} onClick={() => openInitiative(row.initiativeId)}>
                      {row.title}
                    </button>
                  ) : (
                    <span style={{ fontWeight: token('font.weight.medium') }}>{row.title}</span>
                  )}
                  <TrackLozenge track={row.track} />
                </div>
              </th>
              <td style={numberCell} data-value={row.reach ?? ''}>
                {number(row.reach)}
              </td>
              <td style={numberCell} data-value={row.impact ?? ''}>
                {number(row.impact, 2)}
              </td>
              <td style={numberCell} data-value={row.confidence ?? ''}>
                {row.confidence === null ? '—' : `${number(row.confidence)} %`}
              </td>
              <td style={numberCell} data-value={row.effort ?? ''}>
                {number(row.effort)}
              </td>
              <td style={{ ...numberCell, fontWeight: token('font.weight.semibold') }} data-value={row.score ?? ''}>
                {number(row.score)}
              </td>
              <td style={numberCell} data-value={row.riskReduction}>
                {row.riskReduction}
              </td>
              <td style={cell} data-value={row.reversibility}>
                {REVERSIBILITY_LABEL[row.reversibility]}
              </td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }} data-value={row.quadrant}>
                {row.quadrant === 'unscored' ? '—' : QUADRANT_LABEL[row.quadrant]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMoreButton hidden={list.hidden} step={list.step} noun="initiatives" onMore={list.more} testId="rice-more" />
    </div>
  );
}
