import type { ChangeRecord } from './changes';
import { type Initiative, initiativeSchema, type Phase } from './model';
import { addQuarters, type Quarter, quarterOf } from './quarter';
import type { Actor, Edit } from './roadmap-ops';
import { emptyRoadmap } from './roadmap-ops';

/**
 * The starter roadmap from the technical-roadmap template the product is built from: three phases
 * (Foundation, Scale, Velocity), two initiatives each, with a goal and a measurable success metric.
 * Quarters are laid out from the current quarter so the template lands in Now / Next / Later.
 */
export const TEMPLATE_ROWS = [
  {
    phase: 'Foundation',
    initiative: 'Upgrade Node.js to v22 LTS',
    goal: 'Reduce security exposure, access new APIs',
    metric: 'All services running v22',
    offset: 0,
    track: 'security',
  },
  {
    phase: 'Foundation',
    initiative: 'Centralize logging',
    goal: 'Single pane of glass for debugging',
    metric: 'All services shipping logs to Datadog',
    offset: 0,
    track: 'reliability',
  },
  {
    phase: 'Scale',
    initiative: 'Migrate primary DB to read replicas',
    goal: 'Handle 3x current read traffic',
    metric: 'Read queries served by replicas, primary load reduced 60%',
    offset: 1,
    track: 'reliability',
  },
  {
    phase: 'Scale',
    initiative: 'Implement CDN for static assets',
    goal: 'Reduce origin load, improve global latency',
    metric: 'p50 asset load time under 80ms globally',
    offset: 1,
    track: 'feature-enabling',
  },
  {
    phase: 'Velocity',
    initiative: 'Adopt feature flags',
    goal: 'Decouple deploys from releases',
    metric: 'Product team can toggle features without eng support',
    offset: 2,
    track: 'developer-experience',
  },
  {
    phase: 'Velocity',
    initiative: 'Parallelize CI pipeline',
    goal: 'Faster feedback loop for developers',
    metric: 'CI runs complete in under 4 minutes',
    offset: 2,
    track: 'developer-experience',
  },
] as const;

const PHASE_THEMES: Record<string, string> = {
  Foundation: 'Pay down the risks everything else stands on',
  Scale: 'Grow capacity ahead of demand',
  Velocity: 'Ship faster with less toil',
};

export interface TemplateOptions {
  /** Add the template's example initiatives (default), or only its phases. */
  withExamples?: boolean;
  /** Demo data: epic ids to link to the example initiative of the same title. */
  epicIdsByTitle?: Record<string, string[]>;
}

export function templateRoadmap(projectId: string, title: string, actor: Actor, options: TemplateOptions = {}): Edit {
  const { withExamples = true, epicIdsByTitle = {} } = options;
  const start: Quarter = quarterOf(actor.now);
  const base = emptyRoadmap(projectId, title, actor.now);
  const at = actor.now.toISOString();
  const phaseNames = [...new Set(TEMPLATE_ROWS.map((row) => row.phase))];
  const phases: Phase[] = phaseNames.map((name, index) => {
    const offset = TEMPLATE_ROWS.find((row) => row.phase === name)!.offset;
    const quarter = addQuarters(start, offset);
    return { id: `P-${index + 1}`, name, theme: PHASE_THEMES[name] ?? '', order: index, startQuarter: quarter, endQuarter: quarter, description: '' };
  });
  const rows = withExamples ? TEMPLATE_ROWS : [];
  const initiatives: Initiative[] = rows.map((row, index) =>
    initiativeSchema.parse({
      id: `I-${index + 1}`,
      title: row.initiative,
      phaseId: phases.find((p) => p.name === row.phase)!.id,
      goal: row.goal,
      successMetric: { description: row.metric },
      targetQuarter: addQuarters(start, row.offset),
      status: row.offset === 0 ? 'in-progress' : 'planned',
      track: row.track,
      epicIds: epicIdsByTitle[row.initiative] ?? [],
      revision: 1,
      createdAt: at,
      updatedAt: at,
    }),
  );
  const meta = {
    ...base.meta,
    phases,
    nextPhaseSeq: phases.length + 1,
    nextInitiativeSeq: initiatives.length + 1,
    revision: 1,
  };
  const change: ChangeRecord = {
    revision: 1,
    at,
    accountId: actor.accountId,
    summary: withExamples ? 'Started the roadmap from the technical-roadmap template, with its examples' : 'Started the roadmap with the template’s phases',
    reason: null,
    diffs: [],
  };
  return { roadmap: { meta, initiatives, debtItems: [] }, change, touched: initiatives.map((i) => i.id) };
}
