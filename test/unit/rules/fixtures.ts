import type { z } from 'zod';
import {
  type DebtItem,
  debtItemSchema,
  type Initiative,
  initiativeSchema,
  type Phase,
  phaseSchema,
  type Roadmap,
  type RoadmapMeta,
  roadmapMetaSchema,
  SCHEMA_VERSION,
} from '../../../src/domain/model';

/** Builders for valid model objects: everything goes through the real zod schemas, so defaults match production. */

export const FIXED_AT = '2026-11-10T09:00:00.000Z';
/** Mid Q4 2026. */
export const TODAY = new Date('2026-11-15T12:00:00.000Z');

export function initiative(overrides: Partial<z.input<typeof initiativeSchema>> = {}): Initiative {
  return initiativeSchema.parse({
    id: 'I-1',
    title: `Initiative ${overrides.id ?? 'I-1'}`,
    phaseId: 'P-1',
    successMetric: { description: 'Measurable outcome' },
    targetQuarter: '2026-Q4',
    revision: 1,
    createdAt: FIXED_AT,
    updatedAt: FIXED_AT,
    ...overrides,
  });
}

/** `initiatives(3, { track: 'security' })` → I-1, I-2, I-3. */
export function initiatives(count: number, overrides: Partial<z.input<typeof initiativeSchema>> = {}): Initiative[] {
  return Array.from({ length: count }, (_, index) => initiative({ ...overrides, id: `I-${index + 1}` }));
}

export function phase(overrides: Partial<z.input<typeof phaseSchema>> = {}): Phase {
  return phaseSchema.parse({ id: 'P-1', name: 'Foundation', order: 0, startQuarter: '2026-Q4', endQuarter: '2026-Q4', ...overrides });
}

export function debtItem(overrides: Partial<z.input<typeof debtItemSchema>> = {}): DebtItem {
  return debtItemSchema.parse({
    id: 'D-1',
    title: `Debt ${overrides.id ?? 'D-1'}`,
    category: 'outdated-dependency',
    impact: 3,
    urgency: 3,
    revision: 1,
    createdAt: FIXED_AT,
    updatedAt: FIXED_AT,
    ...overrides,
  });
}

export function goals(count: number): RoadmapMeta['businessGoals'] {
  return Array.from({ length: count }, (_, index) => ({ id: `G-${index + 1}`, title: `Goal ${index + 1}`, metric: '' }));
}

export function meta(overrides: Partial<z.input<typeof roadmapMetaSchema>> = {}): RoadmapMeta {
  return roadmapMetaSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    projectId: '10000',
    title: 'Platform roadmap',
    capacity: { perQuarter: 100, unit: 'person-weeks', bufferPercent: 25 },
    phases: [],
    nextPhaseSeq: 1,
    nextInitiativeSeq: 1,
    nextGoalSeq: 1,
    revision: 1,
    updatedAt: FIXED_AT,
    ...overrides,
  });
}

export function roadmap(parts: { meta?: RoadmapMeta; initiatives?: Initiative[]; debtItems?: DebtItem[] } = {}): Roadmap {
  return { meta: parts.meta ?? meta(), initiatives: parts.initiatives ?? [], debtItems: parts.debtItems ?? [] };
}

export function rice(reach: number, impact: 0.25 | 0.5 | 1 | 2 | 3, confidence: number, effort: number) {
  return { reach, impact, confidence, effort };
}
