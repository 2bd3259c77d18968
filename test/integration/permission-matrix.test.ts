/**
 * Permission matrix: every resolver × admin / member / outsider × TR / PAY × surface (project page; the Confluence
 * macro for reads; the issue panel for the epic panel). One `it` per cell. Allowed calls use valid payloads at the
 * current revision, so allowed writes really commit; refused calls answer FORBIDDEN with no data and write nothing.
 *
 * Two lookups are keyed by something the caller names rather than by the project in context: findProject (a
 * project key) and getEpicContext (the issue in the panel). For a project or issue the caller cannot see, they
 * answer NOT_FOUND exactly as for one that does not exist — a FORBIDDEN there would confirm that it exists.
 */
import { DEMO_EPICS } from '../../dev/jira';
import type { LocalForge } from '../../dev/local-forge';
import type { Result, RoadmapView } from '../../src/domain/api';
import { CONTRACT } from '../../src/domain/contract';
import { RESOLVER_TABLE } from '../../src/resolvers/define';
import {
  call,
  FIRST_PAY_EPIC,
  FREE_TR_EPIC,
  issuePanel,
  LINKED_TR_EPIC,
  macro,
  mustCall,
  PAY,
  projectPage,
  seededForge,
  storageSnapshot,
  storedRevision,
  TR,
  transactionCalls,
  type UserName,
  USERS,
} from './support/harness';

type Level = 'read' | 'edit' | 'administer';
type Surface = 'projectPage' | 'macro' | 'issuePanel';
type Project = typeof TR | typeof PAY;

const LEVEL: Record<string, Level> = {
  getRoadmapView: 'read',
  getRoadmapViewPart: 'read',
  getChangelog: 'read',
  findProject: 'read',
  searchProjects: 'read',
  getMacroPreview: 'read',
  getEpicContext: 'read',
  getProgress: 'read',
  getDigest: 'read',
  markDigestSeen: 'read',
  getPeople: 'read',
  findPeople: 'read',
  exportRoadmap: 'read',
  getReviewBaselines: 'read',
  getReviewComparison: 'read',
  createInitiative: 'edit',
  updateInitiative: 'edit',
  moveInitiative: 'edit',
  deleteInitiative: 'edit',
  createPhase: 'edit',
  updatePhase: 'edit',
  movePhase: 'edit',
  deletePhase: 'edit',
  createDebtItem: 'edit',
  updateDebtItem: 'edit',
  deleteDebtItem: 'edit',
  promoteDebtItem: 'edit',
  markReviewed: 'edit',
  linkEpic: 'edit',
  unlinkEpic: 'edit',
  previewImport: 'edit',
  importRoadmap: 'edit',
  startRoadmap: 'administer',
  saveSettings: 'administer',
};
const WRITES = new Set(Object.keys(LEVEL).filter((k) => LEVEL[k] !== 'read' && k !== 'previewImport'));
/** Lookups by a caller-named key: refused as NOT_FOUND, identical to a missing project / issue. */
const LOOKUPS = new Set(['findProject', 'getEpicContext', 'searchProjects', 'getMacroPreview', 'getDigest', 'markDigestSeen']);
/** Searches never refuse: they list only what the caller may browse (checked per cell). */
const SEARCHES = new Set(['searchProjects']);
/** Writes from the issue panel: an issue the caller cannot see is NOT_FOUND; one they see but may not edit, FORBIDDEN. */
const PANEL_WRITES = new Set(['linkEpic', 'unlinkEpic']);
const PANEL_KEYS = new Set(['getEpicContext', ...PANEL_WRITES]);

/** What each demo user holds (dev/jira/demo-data.ts). */
const GRANTS: Record<UserName, Record<string, Level | null>> = {
  admin: { [TR.id]: 'administer', [PAY.id]: 'administer' },
  member: { [TR.id]: 'edit', [PAY.id]: 'edit' },
  outsider: { [TR.id]: 'read', [PAY.id]: null },
  trEditor: { [TR.id]: 'edit', [PAY.id]: null },
  payEditor: { [TR.id]: null, [PAY.id]: 'edit' },
};
const RANK: Record<Level, number> = { read: 1, edit: 2, administer: 3 };
const allowed = (user: UserName, project: Project, level: Level) => {
  const held = GRANTS[user][project.id];
  return held !== null && RANK[held] >= RANK[level];
};

const IMPORT_TABLE = ['| Phase | Initiative | Target quarter |', '|---|---|---|', '| Foundation | Adopt SBOM scanning | 2027-Q1 |'].join('\n');

function payloadFor(key: string, project: Project, revision: number): unknown {
  const base = { baseRevision: revision };
  switch (key) {
    case 'getRoadmapView':
    case 'getProgress':
    case 'getEpicContext':
    case 'getDigest':
      return {};
    case 'getRoadmapViewPart':
      return { revision, initiatives: [1, 3], debtItems: [0, 1] };
    case 'markDigestSeen':
      return { asOf: '2026-11-23', dismiss: true };
    case 'getChangelog':
      return { limit: 5 };
    case 'findProject':
      return { projectKeyOrId: project.key };
    case 'searchProjects':
      return { query: project.key.toLowerCase() };
    case 'getMacroPreview':
      return { projectId: project.id };
    case 'getPeople':
      return { accountIds: ['557058:aaaa-admin'] };
    case 'findPeople':
      return { query: 'Ada' };
    case 'exportRoadmap':
      return { format: 'csv' };
    case 'getReviewBaselines':
      return {};
    case 'getReviewComparison':
      return { from: 1 };
    case 'startRoadmap':
      return { withExamples: false };
    case 'createInitiative':
      return { ...base, initiative: { title: 'Matrix initiative', phaseId: 'P-2', successMetric: { description: 'm' }, targetQuarter: '2027-Q2' } };
    case 'updateInitiative':
      return { ...base, initiativeId: 'I-2', patch: { goal: 'A sharper goal' } };
    case 'moveInitiative':
      return { ...base, initiativeId: 'I-3', to: { targetQuarter: '2028-Q1' }, reason: 'Later' };
    case 'deleteInitiative':
      return { ...base, initiativeId: 'I-6', reason: 'Dropped' };
    case 'createPhase':
      return { ...base, phase: { name: 'Resilience', startQuarter: '2027-Q1', endQuarter: '2027-Q2' } };
    case 'updatePhase':
      return { ...base, phaseId: 'P-1', patch: { theme: 'New theme' } };
    case 'movePhase':
      return { ...base, phaseId: 'P-3', toIndex: 0 };
    case 'deletePhase':
      return { ...base, phaseId: 'P-3', moveInitiativesTo: 'P-2', reason: 'Merged' };
    case 'saveSettings':
      return { ...base, settings: { title: 'Renamed roadmap' } };
    case 'createDebtItem':
      return { ...base, item: { title: 'Matrix debt', category: 'developer-friction', impact: 2, urgency: 2 } };
    case 'updateDebtItem':
      return { ...base, debtId: 'D-1', patch: { impact: 5 } };
    case 'deleteDebtItem':
      return { ...base, debtId: 'D-1' };
    case 'promoteDebtItem':
      return { ...base, debtId: 'D-1', initiative: { phaseId: 'P-1', targetQuarter: '2027-Q1', successMetric: { description: 'Gone' } } };
    case 'markReviewed':
      return { ...base, note: 'Reviewed' };
    case 'linkEpic':
      return { ...base, initiativeId: 'I-2' };
    case 'unlinkEpic':
      return base;
    case 'previewImport':
      return { text: IMPORT_TABLE, format: 'markdown' };
    case 'importRoadmap':
      return { ...base, text: IMPORT_TABLE, format: 'markdown' };
    default:
      throw new Error(`no matrix payload for ${key}`);
  }
}

/** The epic in the panel: linked ones (I-1 on TR, the matrix's initiative on PAY), or free ones for linkEpic. */
const SECOND_PAY_EPIC = DEMO_EPICS.filter((e) => e.projectKey === 'PAY')[1];
const epicOf = (key: string, project: Project) =>
  key === 'linkEpic' ? (project.id === TR.id ? FREE_TR_EPIC : SECOND_PAY_EPIC) : project.id === TR.id ? LINKED_TR_EPIC : FIRST_PAY_EPIC;
function extensionFor(key: string, surface: Surface, project: Project): Record<string, unknown> {
  if (surface === 'macro') return macro(project);
  if (surface === 'issuePanel') return issuePanel(project, epicOf(key, project));
  return projectPage(project);
}

/**
 * TR: the demo roadmap plus debt item D-1, then review #1. PAY (unless this cell starts it): started by its admin
 * from the template with examples, debt item D-1, initiative I-7 linked to PAY's first epic, then review #1.
 */
async function matrixState(startPay: boolean): Promise<LocalForge> {
  const forge = await seededForge();
  const debt = (baseRevision: number) => ({ baseRevision, item: { title: 'Old TLS config', category: 'security-risk', impact: 4, urgency: 4 } });
  await mustCall(forge, 'createDebtItem', debt(1), 'admin', projectPage(TR));
  await mustCall(forge, 'markReviewed', { baseRevision: 2, note: 'Matrix review' }, 'admin', projectPage(TR));
  if (startPay) {
    await mustCall(forge, 'startRoadmap', { withExamples: true }, 'admin', projectPage(PAY));
    await mustCall(forge, 'createDebtItem', debt(1), 'admin', projectPage(PAY));
    await mustCall(
      forge,
      'createInitiative',
      {
        baseRevision: 2,
        initiative: { title: 'Tokenise the card vault', phaseId: 'P-2', successMetric: { description: 'No PANs stored' }, targetQuarter: '2027-Q2' },
        epicKeys: [FIRST_PAY_EPIC.key],
      },
      'admin',
      projectPage(PAY),
    );
    await mustCall(forge, 'markReviewed', { baseRevision: 3, note: 'Matrix review' }, 'admin', projectPage(PAY));
  }
  return forge;
}

interface Cell {
  key: string;
  user: UserName;
  project: Project;
  surface: Surface;
  allow: boolean;
  /** For allowed cells: 'ok' or the domain error the payload must get. */
  outcome: 'ok' | 'CONFLICT';
  refusal: 'FORBIDDEN' | 'NOT_FOUND';
}

const surfacesOf = (key: string): Surface[] => (PANEL_KEYS.has(key) ? ['issuePanel'] : LEVEL[key] === 'read' ? ['projectPage', 'macro'] : ['projectPage']);
const USER_NAMES: UserName[] = ['admin', 'member', 'outsider'];

const CELLS: Cell[] = Object.keys(LEVEL).flatMap((key) =>
  USER_NAMES.flatMap((user) =>
    [TR, PAY].flatMap((project) =>
      surfacesOf(key).map((surface) => ({
        key,
        user,
        project,
        surface,
        allow: SEARCHES.has(key) || allowed(user, project, LEVEL[key]),
        // TR always has a roadmap; the startRoadmap cells on PAY run before anyone started PAY's.
        outcome: key === 'startRoadmap' && project.id === TR.id ? ('CONFLICT' as const) : ('ok' as const),
        refusal: LOOKUPS.has(key) || (PANEL_WRITES.has(key) && !allowed(user, project, 'read')) ? ('NOT_FOUND' as const) : ('FORBIDDEN' as const),
      })),
    ),
  ),
);

describe('permission matrix', () => {
  it('covers every resolver in RESOLVER_TABLE', () => {
    expect(Object.keys(LEVEL).sort()).toEqual(Object.keys(RESOLVER_TABLE).sort());
    // The contract declares the level this matrix checks (a lookup is a read that answers NOT_FOUND when refused).
    const declared = Object.fromEntries(Object.entries(CONTRACT).map(([key, spec]) => [key, spec.level]));
    expect(declared).toEqual(Object.fromEntries(Object.keys(LEVEL).map((key) => [key, LOOKUPS.has(key) ? 'lookup' : LEVEL[key]])));
    expect(CELLS.length).toBeGreaterThanOrEqual(150);
  });

  it.each(CELLS.map((c) => [c.key, c.user, c.project.key, c.surface, c.allow ? `allowed (${c.outcome})` : `refused (${c.refusal})`, c]))(
    '%s as %s on %s via %s: %s',
    async (key, user, _p, surface, _e, cell) => {
      const { project } = cell;
      const forge = await matrixState(!(key === 'startRoadmap' && project.id === PAY.id));
      try {
        const stored = await forge.deps.store.load(project.id);
        const revision = stored?.meta.revision ?? 0;
        const payload = payloadFor(key, project, revision);
        const snapshot = await storageSnapshot(forge);
        const transactions = transactionCalls(forge);

        const result = await call(forge, key, payload, user, extensionFor(key, surface, project));
        expect(result).not.toHaveProperty('thrown');
        const answer = result as Result<unknown>;

        if (cell.allow) {
          if (cell.outcome === 'CONFLICT') {
            expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
            expect(await storageSnapshot(forge)).toBe(snapshot);
            return;
          }
          if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`);
          if (WRITES.has(key)) {
            expect(await storedRevision(forge, project.id)).toBe(revision + 1);
          } else {
            expect(transactionCalls(forge)).toBe(transactions);
            expect(await storageSnapshot(forge)).toBe(snapshot);
          }
          if (key === 'searchProjects') {
            const keys = (answer.value as { projects: Array<{ key: string }> }).projects.map((p) => p.key);
            expect(keys.includes(project.key)).toBe(allowed(user, project, 'read'));
          }
          if (key === 'getMacroPreview') {
            const preview = answer.value as { view: RoadmapView; changes: unknown[] };
            expect(preview.view.project.id).toBe(project.id);
            expect(preview.changes.length).toBeGreaterThan(0);
          }
          if (key === 'getReviewComparison') {
            const answer2 = answer.value as { comparison: { from: { seq: number } } | null };
            expect(answer2.comparison?.from.seq).toBe(1);
          }
          if (key === 'markDigestSeen') {
            // The one allowed "read" that writes: the caller's own last visit, outside the roadmap's records.
            expect(await forge.deps.digests.getVisit(project.id, USERS[user].accountId)).toMatchObject({ dismissedOn: '2026-11-23' });
          }
          if (key === 'getRoadmapViewPart') {
            // The same initiatives and debt item as the whole view shows the caller, at the revision asked.
            const part = answer.value as { revision: number; range: unknown; initiatives: unknown[]; debtItems: unknown[] };
            const whole = (await call(forge, 'getRoadmapView', {}, user, extensionFor(key, surface, project))) as Result<RoadmapView>;
            if (!whole.ok) throw new Error('the whole view was refused');
            expect(part).toEqual({
              revision,
              range: { initiatives: [1, 3], debtItems: [0, 1] },
              initiatives: whole.value.initiatives.slice(1, 3),
              debtItems: whole.value.debtItems.slice(0, 1),
            });
          }
          if (key === 'getRoadmapView') {
            const view = answer.value as RoadmapView;
            expect(view.project.id).toBe(project.id);
            expect(view.permissions).toEqual({ canEdit: allowed(user, project, 'edit'), canAdminister: allowed(user, project, 'administer') });
          }
          return;
        }

        // Refused: the code, nothing else in the answer, and nothing stored.
        expect(Object.keys(answer).sort()).toEqual(['error', 'ok']);
        if (answer.ok) throw new Error('expected a refusal');
        expect(Object.keys(answer.error).sort()).toEqual(['code', 'message']);
        expect(answer.error.code).toBe(cell.refusal);
        const text = JSON.stringify(answer);
        const secrets = [
          project.name,
          'Matrix review',
          ...(stored
            ? [stored.meta.title, ...stored.initiatives.map((i) => i.title), ...stored.meta.phases.map((p) => p.name), ...stored.debtItems.map((d) => d.title)]
            : []),
        ];
        for (const secret of secrets) expect({ leaked: text.includes(secret), secret }).toEqual({ leaked: false, secret });
        if (key === 'findProject') {
          // Word for word the answer for a project that does not exist (the key is the caller's own input).
          const missing = (await call(forge, key, { projectKeyOrId: 'NOPE' }, user, extensionFor(key, surface, project))) as Result<unknown>;
          expect(text).toBe(JSON.stringify(missing).replace('NOPE', project.key));
        }
        if (key === 'getMacroPreview') {
          // Word for word the answer for a project id that does not exist.
          const missing = (await call(forge, key, { projectId: '99999' }, user, extensionFor(key, surface, project))) as Result<unknown>;
          expect(answer).toEqual(missing);
        }
        if (key === 'getDigest' || key === 'markDigestSeen') {
          // Word for word the answer for a project that does not exist (no roadmap, no digest).
          const missing = await call(forge, key, payload, user, macro({ id: '99999' }));
          expect(answer).toEqual(missing);
        }
        if (key === 'getEpicContext') {
          const missing = await call(forge, key, {}, user, issuePanel(project, { id: '99999', key: `${project.key}-99999` }));
          expect(answer).toEqual(missing);
        }
        expect(transactionCalls(forge)).toBe(transactions);
        expect(await storageSnapshot(forge)).toBe(snapshot);
      } finally {
        forge.close();
      }
    },
  );
});
