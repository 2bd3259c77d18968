/** One valid payload per resolver, filling every optional field, for the state `fuzzState` builds. */
import type { LocalForge } from '../../../dev/local-forge';
import { FREE_TR_EPIC, issuePanel, LINKED_TR_EPIC, mustCall, PAY, projectPage, seededForge, TR, USERS } from './harness';
import type { Json } from './payload-spec';

/** TR with the demo roadmap (rev 1), debt item D-1 (rev 2), business goal G-1 (rev 3) and reviews #1 and #2 (revs 4, 5). */
/** The revision fuzzState leaves TR at: the bases' baseRevision. */
export const FUZZ_REVISION = 5;

export async function fuzzState(): Promise<{ forge: LocalForge; revision: number }> {
  const forge = await seededForge();
  await mustCall(
    forge,
    'createDebtItem',
    { baseRevision: 1, item: { title: 'Express 4 is end of life', category: 'outdated-dependency', impact: 3, urgency: 3 } },
    'admin',
    projectPage(TR),
  );
  await mustCall(
    forge,
    'saveSettings',
    { baseRevision: 2, settings: { businessGoals: [{ title: 'Halve incident count', metric: 'P1s per quarter' }] } },
    'admin',
    projectPage(TR),
  );
  await mustCall(forge, 'markReviewed', { baseRevision: 3, note: 'First review' }, 'admin', projectPage(TR));
  await mustCall(forge, 'markReviewed', { baseRevision: 4, note: 'Second review' }, 'admin', projectPage(TR));
  return { forge, revision: FUZZ_REVISION };
}

const fullInitiative = (): Record<string, Json> => ({
  title: 'Adopt OpenTelemetry tracing',
  phaseId: 'P-2',
  goal: 'Find slow requests across services',
  successMetric: { description: 'Trace coverage', target: 90, current: 10, unit: '%' },
  targetQuarter: '2027-Q2',
  horizonPin: 'next',
  status: 'planned',
  ownerAccountId: USERS.member.accountId,
  track: 'reliability',
  effort: 5,
  rice: { reach: 100, impact: 2, confidence: 80, effort: 3 },
  riskReduction: 1,
  reversibility: 'costly-to-reverse',
  businessGoalIds: ['G-1'],
  dependsOn: ['I-1'],
  epicIds: [],
});

const IMPORT_TABLE = [
  '| Phase | Initiative | Goal | Success metric | Target quarter |',
  '|---|---|---|---|---|',
  '| Foundation | Adopt SBOM scanning | Know our dependencies | All repos scanned | 2027-Q1 |',
].join('\n');

export function basePayloads(revision: number): Record<string, Json> {
  return {
    getRoadmapView: {},
    getRoadmapViewPart: { revision, initiatives: [1, 3], debtItems: [0, 1] },
    getEpicContext: {},
    getProgress: {},
    getDigest: {},
    markDigestSeen: { asOf: '2026-11-23', dismiss: true },
    getPeople: { accountIds: ['557058:aaaa-admin', '557058:bbbb-member'] },
    findPeople: { query: 'Max' },
    getChangelog: { limit: 5 },
    findProject: { projectKeyOrId: 'TR' },
    searchProjects: { query: 'tr' },
    getMacroPreview: { projectId: '10000' },
    startRoadmap: { withExamples: true },
    createInitiative: { baseRevision: revision, initiative: fullInitiative(), epicKeys: [FREE_TR_EPIC.key] },
    updateInitiative: {
      baseRevision: revision,
      initiativeId: 'I-1',
      patch: { ...fullInitiative(), dependsOn: ['I-2'] },
      epicKeys: [LINKED_TR_EPIC.key, FREE_TR_EPIC.key],
      reason: 'Re-planned after the incident review',
    },
    moveInitiative: {
      baseRevision: revision,
      initiativeId: 'I-3',
      to: { phaseId: 'P-1', targetQuarter: '2027-Q2', horizonPin: 'later' },
      reason: 'Capacity moved',
    },
    deleteInitiative: { baseRevision: revision, initiativeId: 'I-6', reason: 'Dropped' },
    createPhase: {
      baseRevision: revision,
      phase: { name: 'Resilience', theme: 'Survive failures', startQuarter: '2027-Q1', endQuarter: '2027-Q2', description: 'd' },
    },
    updatePhase: {
      baseRevision: revision,
      phaseId: 'P-3',
      patch: { name: 'Velocity+', theme: 't', startQuarter: '2027-Q1', endQuarter: '2027-Q3', description: 'd' },
      reason: 'Longer',
    },
    movePhase: { baseRevision: revision, phaseId: 'P-3', toIndex: 0, reason: 'First' },
    deletePhase: { baseRevision: revision, phaseId: 'P-3', moveInitiativesTo: 'P-2', reason: 'Merged' },
    saveSettings: {
      baseRevision: revision,
      settings: {
        title: 'Platform roadmap',
        ownerAccountId: USERS.admin.accountId,
        reviewCadenceDays: 14,
        capacity: { perQuarter: 40, unit: 'points', bufferPercent: 20 },
        horizonRules: { nowQuarters: 2, nextQuarters: 3 },
        businessGoals: [
          { id: 'G-1', title: 'Halve incident count', metric: 'P1s' },
          { title: 'Ship weekly', metric: '' },
        ],
      },
    },
    createDebtItem: {
      baseRevision: revision,
      item: { title: 'Monolith coupling', category: 'architectural-coupling', description: 'd', impact: 4, urgency: 2, effort: 8 },
    },
    updateDebtItem: {
      baseRevision: revision,
      debtId: 'D-1',
      patch: { title: 'Express 4 EOL', category: 'security-risk', description: 'd2', impact: 5, urgency: 5, effort: 3 },
    },
    deleteDebtItem: { baseRevision: revision, debtId: 'D-1' },
    promoteDebtItem: { baseRevision: revision, debtId: 'D-1', initiative: { ...fullInitiative(), title: 'Move off Express 4' } },
    markReviewed: { baseRevision: revision, note: 'Quarterly review' },
    previewImport: { text: IMPORT_TABLE, format: 'markdown', mode: 'merge' },
    importRoadmap: { baseRevision: revision, text: IMPORT_TABLE, format: 'markdown', mode: 'merge', confirmRemovals: false },
    exportRoadmap: { format: 'csv' },
    getReviewBaselines: {},
    getReviewComparison: { from: 1, to: 2 },
    linkEpic: { baseRevision: revision, initiativeId: 'I-2' },
    unlinkEpic: { baseRevision: revision, reason: 'Split into two epics' },
  };
}

/** Where each resolver is called from in the fuzz: the issue panel for the epic panel, else TR's project page. */
export function fuzzExtension(key: string): Record<string, unknown> {
  if (key === 'getEpicContext' || key === 'unlinkEpic') return issuePanel(TR, LINKED_TR_EPIC);
  if (key === 'linkEpic') return issuePanel(TR, FREE_TR_EPIC);
  return projectPage(TR);
}

/** startRoadmap's valid base only succeeds on a project without a roadmap. */
export function sanityExtension(key: string): Record<string, unknown> {
  if (key === 'startRoadmap') return projectPage(PAY);
  return fuzzExtension(key);
}
