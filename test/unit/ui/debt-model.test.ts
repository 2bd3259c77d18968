/** The debt register's model: the ranked register, and the record / promote forms' drafts checked with the resolvers' schemas. */
import { createDebtItemPayload, type InitiativeView, promoteDebtItemPayload, updateDebtItemPayload } from '../../../src/domain/api';
import type { DebtItem, Phase } from '../../../src/domain/model';
import {
  DEBT_EQUALS,
  debtValues,
  emptyDebt,
  isProposedQuarter,
  promoteValues,
  promotionFor,
  register,
  toDebtDraft,
  toPromoteDraft,
  toUpdateDebtDraft,
} from '../../../static/src/project-page/debt/debt-model';
import { leafPaths } from '../../../static/src/shared/form/paths';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

const debt = (id: string, title: string, impact: number, urgency: number, promotedTo: string | null = null): DebtItem => ({
  id,
  title,
  category: 'security-risk',
  impact,
  urgency,
  effort: null,
  description: '',
  promotedTo,
  revision: 1,
  createdAt: '',
  updatedAt: '',
});

describe('the register', () => {
  it('ranks open items by impact × urgency and puts promoted ones apart, named by their initiative', () => {
    const items = [debt('D-1', 'Backups', 2, 2), debt('D-2', 'Postgres 11', 5, 4), debt('D-3', 'Sessions', 4, 4, 'I-9')];
    const { open, promoted } = register(items, [{ id: 'I-9', title: 'Scale sessions' } as InitiativeView]);
    expect(open.map((e) => [e.item.id, e.score, e.band])).toEqual([
      ['D-2', 20, 'act-now'],
      ['D-1', 4, 'watch'],
    ]);
    expect(promoted.map((e) => e.promotedTo)).toEqual([{ id: 'I-9', title: 'Scale sessions' }]);
  });

  it('names a promoted item by its initiative id when the initiative is gone', () => {
    expect(register([debt('D-1', 'Backups', 2, 2, 'I-4')], []).promoted[0].promotedTo).toEqual({ id: 'I-4', title: 'I-4' });
  });
});

describe('recording debt', () => {
  const names = leafPaths(emptyDebt());
  const check = (edit: Partial<ReturnType<typeof emptyDebt>['item']>) =>
    checkDraft(createDebtItemPayload, toDebtDraft({ item: { ...emptyDebt().item, ...edit } }, 7), names);

  it('has fields named by payload path', () => {
    expect(names).toEqual(['item.title', 'item.category', 'item.impact', 'item.urgency', 'item.effort', 'item.description']);
  });

  it('reads the numbers as typed; a blank effort is not estimated', () => {
    const { payload } = toDebtDraft({ item: { ...emptyDebt().item, title: 'Postgres 11', impact: ' 5 ', urgency: '4', effort: '' } }, 7);
    expect(payload).toEqual({
      baseRevision: 7,
      item: { title: 'Postgres 11', category: 'outdated-dependency', impact: 5, urgency: 4, effort: null, description: '' },
    });
    expect(toDebtDraft({ item: { ...emptyDebt().item, effort: '2.5' } }, 7).payload.item.effort).toBe(2.5);
  });

  it('says what the server says, beside the field of its path', () => {
    expect(check({})?.byField).toEqual({ 'item.title': 'Required' });
    expect(check({ title: 'x', impact: '9', urgency: '', effort: '-1' })?.byField).toEqual({
      'item.impact': 'Enter a whole number from 1 to 5',
      'item.urgency': 'Enter a whole number from 1 to 5',
      'item.effort': 'Enter a number from 0 to 10,000, or leave it blank',
    });
    expect(check({ title: 'x', impact: '2.5' })?.byField).toEqual({ 'item.impact': 'Enter a whole number from 1 to 5' });
    expect(check({ title: 'Postgres 11' })).toBeNull();
  });
});

describe('editing debt', () => {
  const item = { ...debt('D-4', 'Postgres 11', 5, 4), effort: 3, description: 'Out of support' };
  const base = { source: item, revision: 12 };
  const values = debtValues(item);
  const edit = (change: Partial<(typeof values)['patch']>) => toUpdateDebtDraft({ patch: { ...values.patch, ...change } }, base);

  it('opens with every field of the item, as typed text, named by payload path', () => {
    expect(values).toEqual({
      patch: { title: 'Postgres 11', category: 'security-risk', impact: '5', urgency: '4', effort: '3', description: 'Out of support' },
    });
    expect(leafPaths(values)).toEqual(['patch.title', 'patch.category', 'patch.impact', 'patch.urgency', 'patch.effort', 'patch.description']);
    expect(debtValues({ ...item, effort: null }).patch.effort).toBe('');
  });

  it('sends only what changed, against the version it is based on', () => {
    expect(edit({ urgency: '2', description: 'Out of support since 2023' }).payload).toEqual({
      baseRevision: 12,
      debtId: 'D-4',
      patch: { urgency: 2, description: 'Out of support since 2023' },
    });
    expect(edit({ effort: '' }).payload.patch).toEqual({ effort: null });
    expect(edit({ category: 'outdated-dependency', title: 'Postgres 11 ' }).payload.patch).toEqual({ category: 'outdated-dependency' });
  });

  it('refuses nothing changed on the form line, and a cleared or bad scale beside its field', () => {
    expect(edit({ impact: '5.0', description: ' Out of support ' }).refusal).toBe('Nothing to save: no field changed.');
    const names = leafPaths(values);
    expect(checkDraft(updateDebtItemPayload, edit({ impact: '' }), names)?.byField).toEqual({ 'patch.impact': 'Enter a whole number from 1 to 5' });
    expect(checkDraft(updateDebtItemPayload, edit({ urgency: '7', title: '  ' }), names)?.byField).toEqual({
      'patch.title': 'Required',
      'patch.urgency': 'Enter a whole number from 1 to 5',
    });
  });

  it('compares fields as they would be saved when rebasing', () => {
    expect(DEBT_EQUALS['patch.impact']('5', '5.0')).toBe(true);
    expect(DEBT_EQUALS['patch.effort']('', '')).toBe(true);
    expect(DEBT_EQUALS['patch.effort']('2', '3')).toBe(false);
    expect(DEBT_EQUALS['patch.title']('Postgres 11 ', 'Postgres 11')).toBe(true);
  });
});

describe('promoting debt', () => {
  const phases = [
    { id: 'P-2', order: 1, startQuarter: '2027-Q1', endQuarter: '2027-Q4' },
    { id: 'P-1', order: 0, startQuarter: '2026-Q3', endQuarter: '2026-Q4' },
  ] as Phase[];
  const today = new Date('2026-11-15T00:00:00Z');

  it('starts from the proposal: the item’s title, the quarter its band gives and the phase spanning it, no metric', () => {
    const actNow = promotionFor(debt('D-3', 'Sessions', 4, 4), phases, today);
    expect(promoteValues(actNow)).toEqual({
      initiative: { title: 'Sessions', phaseId: 'P-1', targetQuarter: '2026-Q4', successMetric: { description: '' } },
    });
    expect(promoteValues(promotionFor(debt('D-1', 'Backups', 3, 3), phases, today)).initiative).toMatchObject({ phaseId: 'P-2', targetQuarter: '2027-Q1' });
    expect(promoteValues(promotionFor(debt('D-1', 'Backups', 3, 3), [], today)).initiative.phaseId).toBe('');
    expect(isProposedQuarter('Q4 2026', actNow)).toBe(true);
    expect(isProposedQuarter('2027-Q1', actNow)).toBe(false);
  });

  it('reads "Q3 2027" as 2027-Q3 and sends the title and the rest as typed', () => {
    const values = {
      initiative: {
        title: 'Run sessions on every node',
        phaseId: 'P-2',
        targetQuarter: ' Q3 2027 ',
        successMetric: { description: 'Sessions survive a node' },
      },
    };
    expect(toPromoteDraft(values, 'D-3', 9).payload).toEqual({
      baseRevision: 9,
      debtId: 'D-3',
      initiative: { title: 'Run sessions on every node', phaseId: 'P-2', targetQuarter: '2027-Q3', successMetric: { description: 'Sessions survive a node' } },
    });
  });

  it('refuses a missing metric, a blank title and an unreadable quarter beside their fields', () => {
    const values = promoteValues(promotionFor(debt('D-3', 'Sessions', 4, 4), phases, today));
    const names = leafPaths(values);
    const bad = { initiative: { ...values.initiative, title: ' ', targetQuarter: 'soon' } };
    const found = checkDraft(promoteDebtItemPayload, toPromoteDraft(bad, 'D-3', 9), names);
    expect(Object.keys(found?.byField ?? {}).sort()).toEqual(['initiative.successMetric.description', 'initiative.targetQuarter', 'initiative.title']);
    expect(found?.byField['initiative.successMetric.description']).toBe('Required');
  });
});
