import type { z } from 'zod';
import type { createDebtItemPayload, InitiativeView, promoteDebtItemPayload } from '../../../../src/domain/api';
import { DEBT_CATEGORIES, type DebtCategory, type DebtItem, type Phase } from '../../../../src/domain/model';
import { addQuarters, quarterOf } from '../../../../src/domain/quarter';
import { type DebtBand, rankDebt } from '../../../../src/domain/rules/prioritisation';
import type { Draft } from '../../shared/form/payload-check';
import { readQuarter } from '../../shared/form/quarter-input';
import { DEBT_CATEGORY_LABEL } from '../../shared/labels';

// ---------------------------------------------------------------- the register

export const BAND_LABEL: Record<DebtBand, string> = { 'act-now': 'Act now', plan: 'Plan', watch: 'Watch' };
/** Lozenge appearances: red for act now, amber for plan, neutral for watch. */
export const BAND_APPEARANCE = { 'act-now': 'removed', plan: 'moved', watch: 'default' } as const;

export interface RegisterEntry {
  item: DebtItem;
  score: number;
  band: DebtBand;
  /** The initiative the item was promoted to, when it is still on the roadmap. */
  promotedTo: { id: string; title: string } | null;
}

/**
 * The register: open items ranked by priority (impact × urgency, then urgency, then title) and, apart, the items
 * already promoted to an initiative (same order).
 */
export function register(items: readonly DebtItem[], initiatives: readonly InitiativeView[]): { open: RegisterEntry[]; promoted: RegisterEntry[] } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const titles = new Map(initiatives.map((i) => [i.id, i.title]));
  const entries = rankDebt(items).map((ranked): RegisterEntry => {
    const item = byId.get(ranked.debtId)!;
    const promotedTo = item.promotedTo === null ? null : { id: item.promotedTo, title: titles.get(item.promotedTo) ?? item.promotedTo };
    return { item, score: ranked.score, band: ranked.band, promotedTo };
  });
  return { open: entries.filter((e) => e.promotedTo === null), promoted: entries.filter((e) => e.promotedTo !== null) };
}

export const CATEGORY_OPTIONS = DEBT_CATEGORIES.map((c) => ({ value: c, label: DEBT_CATEGORY_LABEL[c] }));

// ---------------------------------------------------------------- record

/** The "Record debt" form's inputs, shaped like the payload (`item.title`, `item.impact`, …), as typed. */
export interface DebtValues {
  item: {
    title: string;
    category: DebtCategory;
    impact: string;
    urgency: string;
    effort: string;
    description: string;
  };
}
export type CreateDebtPayload = z.input<typeof createDebtItemPayload>;

export const emptyDebt = (): DebtValues => ({ item: { title: '', category: 'outdated-dependency', impact: '3', urgency: '3', effort: '', description: '' } });

/** A typed number: blank is undefined (the schema says what is missing), anything unreadable is NaN. */
function typedNumber(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

/** The record form's one transform to the payload: numbers read as typed (a blank effort is "not estimated"). */
export function toDebtDraft(values: DebtValues, baseRevision: number): Draft<CreateDebtPayload> {
  const v = values.item;
  return {
    payload: {
      baseRevision,
      item: {
        title: v.title,
        category: v.category,
        impact: typedNumber(v.impact) as number,
        urgency: typedNumber(v.urgency) as number,
        effort: typedNumber(v.effort) ?? null,
        description: v.description,
      },
    },
  };
}

// ---------------------------------------------------------------- promote

/** The promote form's inputs, shaped like the payload: what a new initiative needs that the debt item cannot give. */
export interface PromoteValues {
  initiative: {
    phaseId: string;
    targetQuarter: string;
    successMetric: { description: string };
  };
}
export type PromotePayload = z.input<typeof promoteDebtItemPayload>;

/** The first phase, next quarter (like a new initiative), no metric yet. */
export function promoteValues(phases: readonly Phase[], today = new Date()): PromoteValues {
  const first = [...phases].sort((a, b) => a.order - b.order)[0];
  return { initiative: { phaseId: first?.id ?? '', targetQuarter: addQuarters(quarterOf(today), 1), successMetric: { description: '' } } };
}

/** "Q3 2026" reads as 2026-Q3; anything else goes as typed so the schema explains what is wrong. */
export function toPromoteDraft(values: PromoteValues, debtId: string, baseRevision: number): Draft<PromotePayload> {
  const v = values.initiative;
  return {
    payload: {
      baseRevision,
      debtId,
      initiative: { phaseId: v.phaseId, targetQuarter: readQuarter(v.targetQuarter, ''), successMetric: { description: v.successMetric.description } },
    },
  };
}
