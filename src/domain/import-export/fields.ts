import type { Initiative, Roadmap } from '../model';
import { quarterLabel } from '../quarter';
import { type ColumnKey, headerOf, horizonLabel, PINNED_SUFFIX, statusLabel, trackLabel } from './columns';
import { quoteName } from './list-cell';
import type { ImportedField, ImportedFields, PlanTarget } from './types';

/** A new initiative needs a success metric (the model requires one); this stands in until someone writes it. */
export const METRIC_PLACEHOLDER = 'To be defined';

/** The importable fields of a stored initiative, in the plan's terms. */
export function fieldsOf(initiative: Initiative): ImportedFields {
  return {
    goal: initiative.goal,
    successMetric: initiative.successMetric,
    targetQuarter: initiative.targetQuarter,
    horizonPin: initiative.horizonPin,
    status: initiative.status,
    track: initiative.track,
    ownerAccountId: initiative.ownerAccountId,
    effort: initiative.effort,
    businessGoalIds: initiative.businessGoalIds,
    dependsOn: initiative.dependsOn.map((id): PlanTarget => ({ kind: 'existing', id })),
    epicIds: initiative.epicIds,
  };
}

export const FIELD_COLUMNS: Record<ImportedField, ColumnKey> = {
  goal: 'goal',
  successMetric: 'successMetric',
  targetQuarter: 'targetQuarter',
  horizonPin: 'horizon',
  status: 'status',
  track: 'track',
  ownerAccountId: 'owner',
  effort: 'effort',
  businessGoalIds: 'businessGoals',
  dependsOn: 'dependsOn',
  epicIds: 'epics',
};

export const columnOfField = (field: ImportedField): string => headerOf(FIELD_COLUMNS[field]);

export type FieldDisplay = { [K in ImportedField]: (value: ImportedFields[K]) => string };

/** How each field reads in a table cell and in the preview; `titleOf` names dependency targets. */
export function fieldDisplay(roadmap: Roadmap, titleOf: (target: PlanTarget) => string): FieldDisplay {
  const goalTitle = (id: string) => roadmap.meta.businessGoals.find((g) => g.id === id)?.title ?? id;
  return {
    goal: (v) => v,
    successMetric: (v) => v.description,
    targetQuarter: (v) => quarterLabel(v),
    horizonPin: (v) => (v === null ? 'Not pinned (follows the target quarter)' : `${horizonLabel(v)}${PINNED_SUFFIX}`),
    status: (v) => statusLabel(v),
    track: (v) => trackLabel(v),
    ownerAccountId: (v) => v ?? '',
    effort: (v) => (v === null ? '' : String(v)),
    businessGoalIds: (v) => v.map((id) => quoteName(goalTitle(id))).join('; '),
    dependsOn: (v) => v.map((t) => quoteName(titleOf(t))).join('; '),
    epicIds: (v) => v.join('; '),
  };
}
