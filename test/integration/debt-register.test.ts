import type { LocalForge } from '../../dev/local-forge';
import type { ChangelogPage, MutationResult, RoadmapView } from '../../src/domain/api';
import { answeredView } from './support/answered-view';
import { call, mustCall, projectPage, seededForge, storageSnapshot, TR, type UserName, USERS } from './support/harness';

/** Issue 8's debt register through the resolvers: edit an item, promote it under a title and quarter of one's own. */
describe('debt register: edit and promote through the resolvers', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = await seededForge();
  });
  afterEach(() => forge.close());
  const page = projectPage(TR);
  const view = (user: UserName = 'member') => mustCall<RoadmapView>(forge, 'getRoadmapView', {}, user, page);
  /** A write, and the view its answer (a delta) leaves the writer with (checked against a fresh fetch). */
  const write = async (key: string, payload: Record<string, unknown>, user: UserName = 'member') => {
    const before = await view(user);
    const answer = await mustCall<MutationResult>(forge, key, { baseRevision: before.revision, ...payload }, user, page);
    return { ...answer, view: await answeredView(answer, () => view(user), before) };
  };
  const record = () =>
    write('createDebtItem', {
      item: { title: 'Single-AZ database', category: 'scaling-bottleneck', impact: 5, urgency: 4, effort: 8, description: 'One zone' },
    });

  it('updateDebtItem changes only the fields sent, records them, and is for editors only', async () => {
    const recorded = await record();
    const id = recorded.view.debtItems[0].id;
    const edited = await write('updateDebtItem', { debtId: id, patch: { urgency: 2, description: 'One zone, one disk' } });
    expect(edited.view.debtItems[0]).toMatchObject({ id, title: 'Single-AZ database', impact: 5, urgency: 2, effort: 8, description: 'One zone, one disk' });
    expect(edited.change.summary).toBe('Updated debt "Single-AZ database"');
    expect(edited.change.diffs.map((d) => d.field).sort()).toEqual(['description', 'urgency']);
    const log = await mustCall<ChangelogPage>(forge, 'getChangelog', { limit: 1 }, 'outsider', page);
    expect(log.changes[0].revision).toBe(edited.revision);

    const before = await storageSnapshot(forge);
    const refused = await call(forge, 'updateDebtItem', { baseRevision: edited.revision, debtId: id, patch: { urgency: 5 } }, 'outsider', page);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const stale = await call(forge, 'updateDebtItem', { baseRevision: recorded.revision, debtId: id, patch: { urgency: 5 } }, 'member', page);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await storageSnapshot(forge)).toBe(before);
  });

  it('promotes under the title and target quarter the user set, and links item and initiative both ways', async () => {
    const recorded = await record();
    const id = recorded.view.debtItems[0].id;
    const promoted = await write('promoteDebtItem', {
      debtId: id,
      initiative: {
        title: 'Run the database in three zones',
        phaseId: 'P-2',
        targetQuarter: '2026-Q4',
        successMetric: { description: 'Survives losing a zone' },
      },
    });
    const initiative = promoted.view.initiatives.find((i) => i.fromDebtId === id)!;
    expect(initiative).toMatchObject({ title: 'Run the database in three zones', phaseId: 'P-2', targetQuarter: '2026-Q4', track: 'reliability', effort: 8 });
    expect(promoted.view.debtItems[0]).toMatchObject({ title: 'Single-AZ database', promotedTo: initiative.id });
    expect(promoted.change.summary).toBe('Promoted debt "Single-AZ database" to initiative "Run the database in three zones"');
  });

  it('confirms the new initiative’s owner in Jira as the caller; an unknown owner is refused beside the field', async () => {
    const recorded = await record();
    const id = recorded.view.debtItems[0].id;
    const initiative = { phaseId: 'P-2', targetQuarter: '2027-Q1', successMetric: { description: 'Survives losing a zone' } };
    const before = await storageSnapshot(forge);
    const refused = await call(
      forge,
      'promoteDebtItem',
      { baseRevision: recorded.revision, debtId: id, initiative: { ...initiative, ownerAccountId: '557058:nobody-here' } },
      'member',
      page,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'initiative.ownerAccountId': expect.stringContaining('No Jira user') } },
    });
    expect(await storageSnapshot(forge)).toBe(before);
    const owned = await write('promoteDebtItem', { debtId: id, initiative: { ...initiative, ownerAccountId: USERS.admin.accountId } });
    expect(owned.view.initiatives.find((i) => i.fromDebtId === id)?.ownerAccountId).toBe(USERS.admin.accountId);
  });
});
