import { settingsSummary } from '../change-text';
import { diffFields } from '../changes';
import { AppError } from '../errors';
import type { BusinessGoal, CapacitySettings, HorizonRules, Roadmap, RoadmapMeta } from '../model';
import { type BaselineDrift, baselineOf, NO_DRIFT } from '../review/baseline';
import { encodeBaseline } from '../review/codec';
import { type Actor, type Edit, finishEdit } from '../roadmap-ops';

export interface SettingsPatch {
  title?: string;
  ownerAccountId?: string | null;
  reviewCadenceDays?: number;
  capacity?: CapacitySettings;
  horizonRules?: HorizonRules;
  /** The full list of goals: entries with an id update that goal, entries without one are new. */
  businessGoals?: Array<Omit<BusinessGoal, 'id'> & { id?: string }>;
}

const SETTINGS_FIELDS = ['title', 'ownerAccountId', 'reviewCadenceDays', 'capacity', 'horizonRules', 'businessGoals'] as const;

export function updateSettings(roadmap: Roadmap, patch: SettingsPatch, actor: Actor, fieldPrefix = 'settings'): Edit {
  const meta = roadmap.meta;
  let nextGoalSeq = meta.nextGoalSeq;
  let businessGoals = meta.businessGoals;
  if (patch.businessGoals) {
    const known = new Set(meta.businessGoals.map((g) => g.id));
    businessGoals = patch.businessGoals.map((goal, index) => {
      if (goal.id && !known.has(goal.id))
        throw new AppError('INVALID_INPUT', `Unknown business goal ${goal.id}`, { [`${fieldPrefix}.businessGoals.${index}.id`]: 'Unknown goal' });
      return { id: goal.id ?? `G-${nextGoalSeq++}`, title: goal.title, metric: goal.metric };
    });
    const kept = new Set(businessGoals.map((g) => g.id));
    const stillUsed = roadmap.initiatives.find((i) => i.businessGoalIds.some((id) => !kept.has(id)));
    if (stillUsed) {
      throw new AppError('INVALID_INPUT', `A removed goal is still traced by "${stillUsed.title}"; unlink it first`, {
        [`${fieldPrefix}.businessGoals`]: 'A removed goal is still in use',
      });
    }
  }
  const next: RoadmapMeta = {
    ...meta,
    ...Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'businessGoals')),
    businessGoals,
    nextGoalSeq,
  };
  const diffs = SETTINGS_FIELDS.flatMap((field) =>
    JSON.stringify(meta[field]) === JSON.stringify(next[field])
      ? []
      : [{ entity: 'roadmap' as const, id: meta.projectId, field, before: meta[field], after: next[field] }],
  );
  if (diffs.length === 0) throw new AppError('INVALID_INPUT', 'Nothing to change', { [fieldPrefix]: 'No setting differs from the stored roadmap' });
  return finishEdit(roadmap, { ...roadmap, meta: next }, actor, settingsSummary(diffs.map((d) => d.field)), diffs, []);
}

/**
 * Records that the team reviewed the roadmap (the review cadence counts from here) and keeps what was planned then as
 * the review's baseline (domain/review), stored with the change in one transaction. `drift`: the flags open at the
 * review as the reviewer saw them (the resolver asks Jira); none when Jira did not answer.
 */
export function markReviewed(roadmap: Roadmap, actor: Actor, note: string | null, drift: BaselineDrift = NO_DRIFT): Edit {
  const at = actor.now.toISOString();
  const edit = finishEdit(
    roadmap,
    { ...roadmap, meta: { ...roadmap.meta, lastReviewedAt: at } },
    actor,
    'Reviewed the roadmap',
    diffFields('roadmap', roadmap.meta.projectId, { lastReviewedAt: roadmap.meta.lastReviewedAt }, { lastReviewedAt: at }),
    [],
    note,
  );
  const baseline = baselineOf(roadmap, { revision: edit.roadmap.meta.revision, reviewedAt: at, reviewer: actor.accountId, note: note || null }, drift);
  return { ...edit, review: encodeBaseline(baseline) };
}
