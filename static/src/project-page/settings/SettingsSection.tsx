import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import { bufferSettingWarning } from '../../../../src/domain/rules/capacity';
import { roundTo } from '../../../../src/domain/rules/numbers';
import { goalCountWarning } from '../../../../src/domain/rules/traceability';
import { PersonName } from '../../shared/board';
import { Fact, muted } from '../../shared/components';
import { usePeople } from '../../shared/data/queries';
import { Panel } from '../../shared/panel';
import { WarningLine } from './inputs';
import { cadenceText, horizonRulesText, UNIT_OPTIONS } from './settings-model';
import { SettingsForm } from './SettingsForm';

const formatAmount = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
const unitLabel = (unit: RoadmapView['capacity']['unit']) => UNIT_OPTIONS.find((o) => o.value === unit)?.label.toLowerCase() ?? unit;

/**
 * Roadmap settings at the bottom of the project page: a compact summary for everyone who can read the roadmap, and
 * for project admins an "Edit settings" form. A save's answer updates the data layer's cache, so the page (the
 * capacity panel, health, the board's horizons) follows at once.
 */
export function SettingsSection({ view }: { view: RoadmapView }) {
  const [editing, setEditing] = useState(false);
  const canAdminister = view.permissions.canAdminister;
  return (
    <Panel
      testId="settings"
      title="Roadmap settings"
      actions={
        canAdminister && !editing ? (
          <Button spacing="compact" aria-label="Edit settings" onClick={() => setEditing(true)}>
            Edit settings
          </Button>
        ) : undefined
      }
    >
      {canAdminister && editing ? (
        <SettingsForm view={view} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <>
          {canAdminister ? null : (
            <div style={muted} data-testid="settings-why-not">
              Only {view.project.key} project admins change these settings (Jira's Administer projects permission).
            </div>
          )}
          <SettingsSummary view={view} />
        </>
      )}
    </Panel>
  );
}

function SettingsSummary({ view }: { view: RoadmapView }) {
  const { capacity, businessGoals } = view;
  const unit = unitLabel(capacity.unit);
  const plannable = roundTo(capacity.perQuarter - (capacity.perQuarter * capacity.bufferPercent) / 100);
  const bufferWarning = bufferSettingWarning(capacity.bufferPercent);
  const countWarning = goalCountWarning(businessGoals.length);
  const owner = usePeople(view.ownerAccountId ? [view.ownerAccountId] : []);
  return (
    <div data-testid="settings-summary" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))', gap: `${token('space.050')} ${token('space.200')}` }}
      >
        <Fact label="Owner">
          <span data-testid="settings-owner">{view.ownerAccountId ? <PersonName person={owner.get(view.ownerAccountId)} /> : 'Not set'}</span>
        </Fact>
        <Fact label="Review">
          <span data-testid="settings-cadence">{cadenceText(view.reviewCadenceDays)}</span>
        </Fact>
        <Fact label="Capacity">
          <span data-testid="settings-capacity">
            {capacity.perQuarter > 0
              ? `${formatAmount(capacity.perQuarter)} ${unit} per quarter, ${formatAmount(capacity.bufferPercent)} % buffer (${formatAmount(plannable)} plannable)`
              : `Not set (${unit}, ${formatAmount(capacity.bufferPercent)} % buffer)`}
          </span>
        </Fact>
        <Fact label="Horizons">
          <span data-testid="settings-horizons">{horizonRulesText(view.horizonRules)}</span>
        </Fact>
      </div>
      {bufferWarning ? <WarningLine testId="settings-buffer-warning">{bufferWarning.message}.</WarningLine> : null}
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <div style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>Business goals</div>
        {businessGoals.length === 0 ? (
          <div style={muted} data-testid="settings-goals-empty">
            No business goals yet.
          </div>
        ) : (
          <ol
            data-testid="settings-goal-list"
            style={{ margin: 0, paddingInlineStart: token('space.250'), display: 'flex', flexDirection: 'column', gap: token('space.050') }}
          >
            {businessGoals.map((goal) => (
              <li key={goal.id} data-testid="settings-goal" data-goal-id={goal.id} style={{ font: token('font.body.small'), overflowWrap: 'anywhere' }}>
                <span style={{ fontWeight: token('font.weight.medium'), color: token('color.text') }}>{goal.title}</span>
                {goal.metric ? <span style={{ color: token('color.text.subtle') }}> — {goal.metric}</span> : <span style={muted}> — no metric</span>}
              </li>
            ))}
          </ol>
        )}
        {countWarning ? <WarningLine testId="settings-goal-count-warning">{countWarning.message}.</WarningLine> : null}
      </div>
    </div>
  );
}
