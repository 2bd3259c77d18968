import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { PeopleAnswer, Result, RoadmapView } from '../../src/domain/api';

/** getPeople: names for the account ids a roadmap shows, asked of Jira as the caller, for people who may browse it. */
describe('getPeople', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = new LocalForge();
    await seedDemoRoadmap(forge);
  });
  afterEach(() => forge.close());

  const page = (user: keyof typeof DEMO_USERS, project: { id: string; key: string } = DEMO_PROJECTS.TR) => ({
    accountId: DEMO_USERS[user].accountId,
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key } },
  });
  const people = (payload: unknown, user: keyof typeof DEMO_USERS = 'member', project?: { id: string; key: string }) =>
    forge.invoke('getPeople', payload, page(user, project)) as Promise<Result<PeopleAnswer>>;

  it('answers names and avatars in one Jira call, leaving out ids that name nobody', async () => {
    forge.jira.resetStats();
    const answer = await people({ accountIds: [DEMO_USERS.admin.accountId, DEMO_USERS.member.accountId, '557058:nobody'] });
    expect(answer.ok && answer.value.people.map((p) => p.displayName)).toEqual(['Ada Admin', 'Max Member']);
    expect(answer.ok && answer.value.people[0].avatarUrl).toMatch(/^https:\/\//);
    expect(forge.jira.stats['GET /rest/api/3/user/bulk']).toBe(1);
  });

  it('nobody asked, no Jira call', async () => {
    forge.jira.resetStats();
    expect(await people({ accountIds: [] })).toEqual({ ok: true, value: { people: [] } });
    expect(forge.jira.stats['GET /rest/api/3/user/bulk']).toBeUndefined();
  });

  it('is refused to someone who may not browse the project, before asking Jira', async () => {
    forge.jira.resetStats();
    const refused = await people({ accountIds: [DEMO_USERS.admin.accountId] }, 'trEditor', DEMO_PROJECTS.PAY);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && ['FORBIDDEN', 'NOT_FOUND']).toContain(!refused.ok && refused.error.code);
    expect(forge.jira.stats['GET /rest/api/3/user/bulk']).toBeUndefined();
  });

  it('bad input is a field error', async () => {
    const notAnId = await people({ accountIds: ['not an id; drop table'] });
    expect(notAnId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'accountIds.0': expect.any(String) } } });
    const tooMany = await people({ accountIds: Array.from({ length: 101 }, (_, i) => `557058:u${i}`) });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { accountIds: 'At most 100 people at a time' } } });
  });

  it('findPeople: the owner picker finds people by name as the caller, nothing for someone Jira lets find no one', async () => {
    const found = await forge.invoke('findPeople', { query: 'max' }, page('member'));
    expect(found).toMatchObject({ ok: true, value: { people: [{ accountId: DEMO_USERS.member.accountId, displayName: 'Max Member' }] } });
    // The outsider may browse TR but lacks Jira's "Browse users and groups": Jira answers no one.
    expect(await forge.invoke('findPeople', { query: 'max' }, page('outsider'))).toEqual({ ok: true, value: { people: [] } });
    expect(await forge.invoke('findPeople', { query: '  ' }, page('member'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { query: 'Type a name' } },
    });
  });

  it('an owner a write names must be a Jira user; nothing is written otherwise', async () => {
    const view = (await forge.invoke('getRoadmapView', {}, page('admin'))) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    const base = { baseRevision: view.value.revision, initiativeId: 'I-1' };
    const refused = await forge.invoke('updateInitiative', { ...base, patch: { ownerAccountId: '557058:nobody' } }, page('admin'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'patch.ownerAccountId': expect.stringContaining('No Jira user') } } });
    expect((await forge.deps.store.load(DEMO_PROJECTS.TR.id))?.meta.revision).toBe(view.value.revision);
    const set = await forge.invoke('updateInitiative', { ...base, patch: { ownerAccountId: DEMO_USERS.member.accountId } }, page('admin'));
    expect(set).toMatchObject({ ok: true });
    const settings = await forge.invoke(
      'saveSettings',
      { baseRevision: view.value.revision + 1, settings: { ownerAccountId: '557058:nobody' } },
      page('admin'),
    );
    expect(settings).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'settings.ownerAccountId': expect.any(String) } } });
  });
});
