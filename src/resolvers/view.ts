import type { InitiativeView, RoadmapView } from '../domain/api';
import { horizonFor } from '../domain/horizon';
import { limitViolations } from '../domain/limits';
import type { HorizonRules, Initiative, Roadmap } from '../domain/model';
import { byItemId } from '../domain/view-delta';
import type { ProjectAccess } from './access';

export function toInitiativeView(initiative: Initiative, today: Date, rules: HorizonRules): InitiativeView {
  return { ...initiative, horizon: horizonFor(initiative, today, rules) };
}

export function toRoadmapView(roadmap: Roadmap, access: ProjectAccess, today: Date): RoadmapView {
  const { meta } = roadmap;
  return {
    project: access.project,
    title: meta.title,
    revision: meta.revision,
    phases: [...meta.phases].sort((a, b) => a.order - b.order),
    // By id, as stored: a write's delta merges into this order (see domain/view-delta.ts).
    initiatives: byItemId(roadmap.initiatives).map((initiative) => toInitiativeView(initiative, today, meta.horizonRules)),
    debtItems: byItemId(roadmap.debtItems),
    businessGoals: meta.businessGoals,
    capacity: meta.capacity,
    horizonRules: meta.horizonRules,
    reviewCadenceDays: meta.reviewCadenceDays,
    lastReviewedAt: meta.lastReviewedAt,
    ownerAccountId: meta.ownerAccountId,
    permissions: { canEdit: access.canEdit, canAdminister: access.canAdminister },
    // A roadmap stored out of limits still shows, saying what to repair (writes may not make it worse).
    limitWarnings: roadmap.meta.revision === 0 ? [] : limitViolations(roadmap, undefined, { itemSchemas: false }),
  };
}
