import type { RoadmapView } from './api';
import { type Roadmap, SCHEMA_VERSION } from './model';
import { type RoadmapHealth, roadmapHealth } from './rules/health';

/**
 * Health (capacity and buffer, RICE and cost-vs-impact, dependencies, traceability, staleness) is derived from the
 * roadmap, so it is not sent over the bridge: the view already carries everything it needs, and each surface
 * computes it in the browser. This keeps a 5,000-initiative view inside Forge's 5 MB invoke response.
 */
export function roadmapFromView(view: RoadmapView): Roadmap {
  return {
    meta: {
      schemaVersion: SCHEMA_VERSION,
      projectId: view.project.id,
      title: view.title,
      ownerAccountId: view.ownerAccountId,
      businessGoals: view.businessGoals,
      reviewCadenceDays: view.reviewCadenceDays,
      lastReviewedAt: view.lastReviewedAt,
      capacity: view.capacity,
      horizonRules: view.horizonRules,
      phases: view.phases,
      // Sequences are the server's business; a view never creates ids.
      nextPhaseSeq: 1,
      nextInitiativeSeq: 1,
      nextGoalSeq: 1,
      nextDebtSeq: 1,
      epicProjects: {},
      revision: view.revision,
      updatedAt: '',
    },
    initiatives: view.initiatives.map(({ horizon: _derived, ...initiative }) => initiative),
    debtItems: view.debtItems,
  };
}

export function healthOfView(view: RoadmapView, today: Date): RoadmapHealth {
  return roadmapHealth(roadmapFromView(view), today);
}
