import { token } from '@atlaskit/tokens';
import { type CSSProperties, useMemo } from 'react';
import { CAPACITY_UNIT_LABEL } from '../../../../../src/domain/labels';
import { type Track, TRACKS } from '../../../../../src/domain/model';
import { riceRows } from '../../../../../src/domain/views/priorities';
import { muted, trackColor } from '../../components';
import { TRACK_LABEL } from '../../labels';
import { Panel } from '../../panel';
import type { RoadmapViewProps } from '../view-props';
import { CostImpactMatrix, type MatrixInitiative, type MatrixSize, MAX_MATRIX_POINTS } from './CostImpactMatrix';
import { PresentationMode } from './PresentationMode';
import { RiceTable } from './RiceTable';

/**
 * Prioritisation, as argued in a stakeholder session: the open initiatives by RICE (sortable), and the cost-vs-impact
 * matrix with its four quadrants, which a Present button shows full screen. Both come from the roadmap's health
 * (`ranking`, `costImpact`), so they agree with the health panel and the board's flags.
 */
export function PrioritiesView({ view, health, openInitiative, embedded }: RoadmapViewProps) {
  const initiatives = useMemo(
    () => new Map<string, MatrixInitiative>(view.initiatives.map((i) => [i.id, { title: i.title, track: i.track }])),
    [view.initiatives],
  );
  const rows = useMemo(() => riceRows(view.initiatives, health.ranking, health.costImpact), [view.initiatives, health.ranking, health.costImpact]);
  const unit = CAPACITY_UNIT_LABEL[view.capacity.unit].many;
  const matrix = (size: MatrixSize) => (
    <MatrixWithKey size={size} matrix={health.costImpact} initiatives={initiatives} unit={unit} openInitiative={openInitiative} />
  );
  return (
    <div data-testid="priorities" style={{ display: 'flex', flexDirection: 'column', gap: token('space.300') }}>
      <Panel testId="cost-impact-panel" title="Cost vs impact">
        {health.costImpact.thresholds.scoredCount === 0 ? (
          <div style={muted}>No open initiative has both an effort estimate and RICE inputs yet, so none can be placed on the matrix.</div>
        ) : embedded ? (
          matrix('normal')
        ) : (
          <PresentationMode render={() => matrix('large')}>{matrix('normal')}</PresentationMode>
        )}
      </Panel>
      <Panel testId="rice-panel" title="RICE ranking">
        {rows.length === 0 ? <div style={muted}>No open initiatives to rank.</div> : <RiceTable rows={rows} openInitiative={openInitiative} />}
      </Panel>
    </div>
  );
}

function MatrixWithKey({ size, matrix, initiatives, unit, openInitiative }: Parameters<typeof CostImpactMatrix>[0] & { size: MatrixSize }) {
  const large = size === 'large';
  const used = useMemo(() => {
    const tracks = new Set<Track>();
    for (const p of matrix.placements) {
      const track = initiatives.get(p.initiativeId)?.track;
      if (p.quadrant !== 'unscored' && track) tracks.add(track);
    }
    return TRACKS.filter((t) => tracks.has(t));
  }, [matrix, initiatives]);
  const unscored = matrix.placements.filter((p) => p.quadrant === 'unscored');
  const { scoredCount } = matrix.thresholds;
  const text: CSSProperties = { font: large ? token('font.body.large') : token('font.body.small'), color: token('color.text.subtle') };
  return (
    // Presenting, the key goes under the matrix so the matrix gets the whole width (and its type stays large).
    // Plain blocks then: a flex column sizes the SVG's box before the SVG knows its height.
    <div style={large ? undefined : { display: 'flex', flexWrap: 'wrap', gap: token('space.300'), alignItems: 'flex-start' }}>
      <div style={large ? { marginBlockEnd: token('space.300') } : { flex: '3 1 560px', minWidth: 0, maxWidth: 960 }}>
        <CostImpactMatrix matrix={matrix} initiatives={initiatives} unit={unit} size={size} openInitiative={openInitiative} />
      </div>
      <div
        style={{
          flex: large ? 'none' : '1 1 200px',
          display: 'flex',
          flexDirection: large ? 'row' : 'column',
          flexWrap: 'wrap',
          gap: token('space.200'),
          ...text,
        }}
      >
        <div>
          <div style={{ fontWeight: token('font.weight.semibold'), color: token('color.text') }}>Tracks</div>
          <ul
            data-testid="matrix-legend"
            style={{
              margin: 0,
              padding: 0,
              listStyle: 'none',
              display: 'flex',
              flexDirection: large ? 'row' : 'column',
              flexWrap: 'wrap',
              columnGap: token('space.200'),
            }}
          >
            {used.map((t) => (
              <li key={t} style={{ display: 'flex', alignItems: 'center', gap: token('space.075') }}>
                <span aria-hidden style={{ width: large ? 14 : 10, height: large ? 14 : 10, borderRadius: '50%', backgroundColor: trackColor(t) }} />
                {TRACK_LABEL[t]}
              </li>
            ))}
          </ul>
        </div>
        {scoredCount > MAX_MATRIX_POINTS ? (
          <div data-testid="matrix-capped" style={{ maxWidth: large ? '40em' : undefined }}>
            Drawn: the {MAX_MATRIX_POINTS} initiatives with the most impact per cost, of {scoredCount.toLocaleString('en-US')} scored. The RICE ranking below
            lists them all.
          </div>
        ) : null}
        <div data-testid="matrix-thresholds" style={{ maxWidth: large ? '40em' : undefined }}>
          Dashed lines: the medians, cost {number(matrix.thresholds.cost)} {unit} and impact {number(matrix.thresholds.impact)}. A point on a line counts as
          low.
        </div>
        {unscored.length > 0 ? (
          <div data-testid="matrix-unscored">
            <span style={{ fontWeight: token('font.weight.semibold'), color: token('color.text') }}>Needs effort and RICE: </span>
            {unscored.map((p, index) => {
              const title = initiatives.get(p.initiativeId)?.title ?? p.initiativeId;
              return (
                <span key={p.initiativeId}>
                  {index > 0 ? ', ' : null}
                  {openInitiative ? (
                    <button
                      type="button"
                      data-initiative-id={p.initiativeId}
                      onClick={() => openInitiative(p.initiativeId)}
                      style={{ background: 'none', border: 'none', padding: 0, font: 'inherit', color: token('color.link'), cursor: 'pointer' }}
                    >
                      {title}
                    </button>
                  ) : (
                    title
                  )}
                </span>
              );
            })}
          </div>
        ) : null}
      </div>
    </div>
  );
}

const number = (n: number | null) => (n === null ? '—' : n.toLocaleString('en', { maximumFractionDigits: 1 }));
