/** The add-initiative form's model: values shaped like the createInitiative payload, its one transform, the reset. */
import { createInitiativePayload } from '../../../src/domain/api';
import { emptyAddValues, nextAddValues, splitEpicKeys, toCreateDraft, upcomingQuarters } from '../../../static/src/project-page/form-model';
import { leafPaths } from '../../../static/src/shared/form/paths';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const today = new Date('2026-11-15T00:00:00Z'); // 2026-Q4

describe('the add-initiative form', () => {
  const empty = emptyAddValues('P-1', today);
  const paths = leafPaths(empty);

  it('names its fields by payload path', () => {
    expect(paths).toEqual([
      'initiative.title',
      'initiative.phaseId',
      'initiative.targetQuarter',
      'initiative.goal',
      'initiative.successMetric.description',
      'initiative.track',
      'epicKeys',
    ]);
  });

  it('starts empty in the given phase, next quarter, on the feature-enabling track', () => {
    expect(empty.initiative).toMatchObject({ title: '', phaseId: 'P-1', targetQuarter: '2027-Q1', track: 'feature-enabling' });
    expect(empty.epicKeys).toBe('');
  });

  it('after an add, empties but keeps the phase, target quarter and track', () => {
    const typed = {
      initiative: {
        title: 'Retire auth',
        phaseId: 'P-2',
        targetQuarter: '2027-Q3',
        goal: 'One IdP',
        successMetric: { description: 'Zero logins' },
        track: 'security' as const,
      },
      epicKeys: 'TR-28',
    };
    expect(nextAddValues(typed, today)).toEqual({
      initiative: { title: '', phaseId: 'P-2', targetQuarter: '2027-Q3', goal: '', successMetric: { description: '' }, track: 'security' },
      epicKeys: '',
    });
  });

  it('reads "Q3 2027" as 2027-Q3 and splits the epic keys, upper-cased', () => {
    const values = {
      ...empty,
      initiative: { ...empty.initiative, title: 'A', targetQuarter: 'Q3 2027', successMetric: { description: 'M' } },
      epicKeys: 'tr-12, TR-15;tr-16',
    };
    const { payload } = toCreateDraft(values, 7);
    expect(payload).toEqual({
      baseRevision: 7,
      initiative: { title: 'A', phaseId: 'P-1', goal: '', successMetric: { description: 'M' }, targetQuarter: '2027-Q3', track: 'feature-enabling' },
      epicKeys: ['TR-12', 'TR-15', 'TR-16'],
    });
    expect(createInitiativePayload.safeParse(payload).success).toBe(true);
    expect(splitEpicKeys('  ')).toEqual([]);
  });

  it('a missing title and a quarter that is no quarter land beside their inputs, with the server’s messages', () => {
    const values = { ...empty, initiative: { ...empty.initiative, targetQuarter: 'someday' }, epicKeys: 'not a key' };
    const found = checkDraft(createInitiativePayload, toCreateDraft(values, 1), paths);
    expect(Object.keys(found!.byField).sort()).toEqual(['epicKeys', 'initiative.successMetric.description', 'initiative.targetQuarter', 'initiative.title']);
    expect(found!.formLevel).toEqual([]);
  });

  it('suggests this quarter and the seven after it', () => {
    const quarters = upcomingQuarters(today);
    expect(quarters).toHaveLength(8);
    expect(quarters[0]).toEqual({ value: '2026-Q4', label: expect.any(String) });
    expect(quarters.at(-1)!.value).toBe('2028-Q3');
  });
});
