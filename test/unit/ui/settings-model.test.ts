/** The settings form's model: values by payload path, the draft (only what changed), row error names, the refusal detail. */
import { type RoadmapView, saveSettingsPayload } from '../../../src/domain/api';
import {
  cadenceText,
  canAddGoal,
  goalFieldNames,
  goalsRefusalDetail,
  horizonRulesText,
  newGoalRow,
  parseNumber,
  type SettingsValues,
  settingsValues,
  toSettingsDraft,
  typedBuffer,
} from '../../../static/src/project-page/settings/settings-model';
import { leafPaths } from '../../../static/src/shared/form/paths';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const view = {
  title: 'TR roadmap',
  ownerAccountId: null,
  revision: 7,
  reviewCadenceDays: 30,
  capacity: { perQuarter: 60, unit: 'person-weeks', bufferPercent: 25 },
  horizonRules: { nowQuarters: 1, nextQuarters: 1 },
  businessGoals: [
    { id: 'G-1', title: 'Cut cost', metric: 'Cloud bill' },
    { id: 'G-2', title: 'Ship faster', metric: 'Lead time' },
  ],
} as RoadmapView;

const edit = (change: (s: SettingsValues['settings']) => Partial<SettingsValues['settings']>): SettingsValues => {
  const v = settingsValues(view);
  return { settings: { ...v.settings, ...change(v.settings) } };
};
const check = (values: SettingsValues) => checkDraft(saveSettingsPayload, toSettingsDraft(values, view), [...leafPaths(values), ...goalFieldNames(values)]);

describe('settings values', () => {
  it('are shaped like the payload, the goal list one field', () => {
    expect(leafPaths(settingsValues(view))).toEqual([
      'settings.title',
      'settings.ownerAccountId',
      'settings.reviewCadenceDays',
      'settings.capacity.perQuarter',
      'settings.capacity.unit',
      'settings.capacity.bufferPercent',
      'settings.horizonRules.nowQuarters',
      'settings.horizonRules.nextQuarters',
      'settings.businessGoals',
    ]);
    expect(goalFieldNames(settingsValues(view))).toEqual([
      'settings.businessGoals.0.title',
      'settings.businessGoals.0.metric',
      'settings.businessGoals.1.title',
      'settings.businessGoals.1.metric',
    ]);
  });

  it('allows at most five goals, each new row with its own key', () => {
    const rows = [newGoalRow(), newGoalRow()];
    expect(rows[0].key).not.toBe(rows[1].key);
    expect(canAddGoal([...view.businessGoals.map((g) => ({ ...g, key: g.id })), ...rows])).toBe(true);
    expect(canAddGoal([...rows, ...rows, newGoalRow()])).toBe(false);
  });

  it('reads numbers strictly and the buffer only when the schema could take it', () => {
    expect([parseNumber(''), parseNumber(' 12.5 '), parseNumber('1e3')]).toEqual([null, 12.5, Number.NaN]);
    expect(typedBuffer(edit((s) => ({ capacity: { ...s.capacity, bufferPercent: '35' } })))).toBe(35);
    expect(typedBuffer(edit((s) => ({ capacity: { ...s.capacity, bufferPercent: '150' } })))).toBeNull();
  });
});

describe('the settings draft', () => {
  it('sends only what changed: capacity whole, goals as the full list with their ids', () => {
    const values = edit((s) => ({
      capacity: { ...s.capacity, bufferPercent: '30' },
      businessGoals: [...s.businessGoals, { key: 'new-x', title: 'Fewer incidents', metric: 'Pages' }],
    }));
    expect(toSettingsDraft(values, view).payload).toEqual({
      baseRevision: 7,
      settings: {
        capacity: { perQuarter: 60, unit: 'person-weeks', bufferPercent: 30 },
        businessGoals: [
          { id: 'G-1', title: 'Cut cost', metric: 'Cloud bill' },
          { id: 'G-2', title: 'Ship faster', metric: 'Lead time' },
          { title: 'Fewer incidents', metric: 'Pages' },
        ],
      },
    });
    expect(check(values)).toBeNull();
  });

  it('refuses to send nothing', () => {
    expect(check(settingsValues(view))).toEqual({ byField: {}, formLevel: ['Nothing to save: no setting changed.'] });
    expect(check(edit((s) => ({ title: `  ${s.title} ` })))).toEqual({ byField: {}, formLevel: ['Nothing to save: no setting changed.'] });
  });

  it('puts every error beside the field of its path, a goal row’s on that row', () => {
    const values = edit((s) => ({
      reviewCadenceDays: '',
      capacity: { ...s.capacity, bufferPercent: '150' },
      horizonRules: { ...s.horizonRules, nowQuarters: 'x' },
      businessGoals: [...s.businessGoals, { key: 'new-y', title: '', metric: 'A metric without a goal' }],
    }));
    const found = check(values)!;
    expect(found.formLevel).toEqual([]);
    expect(found.byField['settings.reviewCadenceDays']).toBe('Required');
    expect(found.byField['settings.horizonRules.nowQuarters']).toBe('Enter a number');
    expect(found.byField['settings.capacity.bufferPercent']).toMatch(/100/);
    expect(found.byField['settings.businessGoals.2.title']).toBe('Required');
  });
});

describe('a refusal about the goals', () => {
  it('keeps the settings edit’s own sentence when its fields name the goal list', () => {
    const fields = { 'settings.businessGoals': 'A removed goal is still in use' };
    expect(goalsRefusalDetail({ message: 'A removed goal is still traced by "X"; unlink it first', fields })).toBe(
      'A removed goal is still traced by "X"; unlink it first',
    );
    expect(goalsRefusalDetail({ message: 'Unknown business goal G-9', fields: { 'settings.businessGoals.0.id': 'Unknown goal' } })).toBe(
      'Unknown business goal G-9',
    );
  });

  it('drops the schema’s summary and sentences about other settings', () => {
    expect(
      goalsRefusalDetail({ message: 'Invalid input — settings.businessGoals.0.title: Required', fields: { 'settings.businessGoals.0.title': 'Required' } }),
    ).toBeNull();
    expect(goalsRefusalDetail({ message: 'Nothing to change', fields: { settings: 'No setting differs from the stored roadmap' } })).toBeNull();
  });
});

describe('the summary texts', () => {
  it('say the cadence and the horizons in words', () => {
    expect(cadenceText(1)).toBe('Reviewed every 1 day');
    expect(horizonRulesText({ nowQuarters: 2, nextQuarters: 3 })).toBe('Now = this quarter and the next, Next = the following 3 quarters');
  });
});

describe('the roadmap owner in the settings draft', () => {
  it('sends the owner only when it changed, and clearing it sends null', () => {
    expect(
      toSettingsDraft(
        edit(() => ({ ownerAccountId: '557058:bbbb-member' })),
        view,
      ).payload.settings,
    ).toEqual({ ownerAccountId: '557058:bbbb-member' });
    const owned = { ...view, ownerAccountId: '557058:bbbb-member' } as RoadmapView;
    const cleared = { settings: { ...settingsValues(owned).settings, ownerAccountId: '' } };
    expect(toSettingsDraft(cleared, owned).payload.settings).toEqual({ ownerAccountId: null });
    expect(toSettingsDraft(settingsValues(owned), owned).refusal).toBe('Nothing to save: no setting changed.');
  });
});
