import type { z } from 'zod';
import type { createDebtItemPayload, InitiativeView, promoteDebtItemPayload, updateDebtItemPayload } from '../../../../src/domain/api';
import { type PromotionProposal, proposePromotion } from '../../../../src/domain/debt-promotion';
import { DEBT_CATEGORIES, type DebtCategory, type DebtItem, type Phase } from '../../../../src/domain/model';
import { type DebtBand, rankDebt } from '../../../../src/domain/rules/prioritisation';
import type { Draft } from '../../shared/form/payload-check';
import { readQuarter, sameQuarter } from '../../shared/form/quarter-input';
import { DEBT_CATEGORY_LABEL } from '../../shared/labels';
import { type Equals, sameText } from '../../shared/three-way-merge';

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

/** A debt item's inputs, as typed (numbers as text, so a half-typed one is kept and explained). */
export interface DebtFields {
  title: string;
  category: DebtCategory;
  impact: string;
  urgency: string;
  effort: string;
  description: string;
}

/** The "Record debt" form's inputs, shaped like the payload (`item.title`, `item.impact`, …). */
export interface DebtValues {
  item: DebtFields;
}
export type CreateDebtPayload = z.input<typeof createDebtItemPayload>;

export const emptyDebt = (): DebtValues => ({ item: { title: '', category: 'outdated-dependency', impact: '3', urgency: '3', effort: '', description: '' } });

/** A typed number: blank is undefined (the schema says what is missing), anything unreadable is NaN. */
function typedNumber(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

/** Typed fields as the payload has them: numbers read as typed (blank is undefined; a blank effort is "not estimated"). */
function debtFields(v: DebtFields) {
  return {
    title: v.title,
    category: v.category,
    impact: typedNumber(v.impact),
    urgency: typedNumber(v.urgency),
    effort: typedNumber(v.effort) ?? null,
    description: v.description,
  };
}

/** The record form's one transform to the payload (a blank scale goes missing, for the schema to name). */
export function toDebtDraft(values: DebtValues, baseRevision: number): Draft<CreateDebtPayload> {
  const typed = debtFields(values.item);
  return { payload: { baseRevision, item: { ...typed, impact: typed.impact as number, urgency: typed.urgency as number } } };
}

// ---------------------------------------------------------------- edit

/** The edit dialog's inputs, shaped like the updateDebtItem payload (`patch.title`, …). */
export interface EditDebtValues {
  patch: DebtFields;
}
export type UpdateDebtPayload = z.input<typeof updateDebtItemPayload>;

const FIELD_LABELS: Record<keyof DebtFields, string> = {
  title: 'Debt title',
  category: 'Category',
  impact: 'Impact',
  urgency: 'Urgency',
  effort: 'Effort',
  description: 'Description',
};
/** The edit's fields by path, as the conflict notice names them. */
export const DEBT_LABELS: Record<string, string> = Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, label]) => [`patch.${field}`, label]));

/** Numbers compare as numbers ("3" is "3.0"); what does not read compares as typed. */
const sameNumber: Equals = (a, b) => {
  const x = typeof a === 'string' ? typedNumber(a) : a;
  const y = typeof b === 'string' ? typedNumber(b) : b;
  return x === y || (typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim());
};
/** How the three-way merge compares the edit's fields: as they would be saved. */
export const DEBT_EQUALS: Record<string, Equals> = {
  'patch.title': sameText,
  'patch.description': sameText,
  'patch.impact': sameNumber,
  'patch.urgency': sameNumber,
  'patch.effort': sameNumber,
};

const asText = (n: number | null) => (n === null ? '' : String(n));

export const debtValues = (item: DebtItem): EditDebtValues => ({
  patch: {
    title: item.title,
    category: item.category,
    impact: asText(item.impact),
    urgency: asText(item.urgency),
    effort: asText(item.effort),
    description: item.description,
  },
});

/** Editing a debt item: only what differs from the stored version `base` goes in `patch`; nothing changed is refused. */
export function toUpdateDebtDraft(values: EditDebtValues, base: { source: DebtItem; revision: number }): Draft<UpdateDebtPayload> {
  const typed = debtFields(values.patch);
  const item = base.source;
  const patch: UpdateDebtPayload['patch'] = {};
  if (typed.title.trim() !== item.title) patch.title = typed.title;
  if (typed.category !== item.category) patch.category = typed.category;
  // A cleared scale is not "unchanged": it goes as NaN, which the schema refuses with its own words.
  const impact = typed.impact ?? NaN;
  const urgency = typed.urgency ?? NaN;
  if (impact !== item.impact) patch.impact = impact;
  if (urgency !== item.urgency) patch.urgency = urgency;
  if (typed.effort !== item.effort) patch.effort = typed.effort;
  if (typed.description.trim() !== item.description) patch.description = typed.description;
  return {
    payload: { baseRevision: base.revision, debtId: item.id, patch },
    refusal: Object.keys(patch).length === 0 ? 'Nothing to save: no field changed.' : undefined,
  };
}

// ---------------------------------------------------------------- promote

/** The promote form's inputs, shaped like the payload: the new initiative's title and what a debt item cannot give. */
export interface PromoteValues {
  initiative: {
    title: string;
    phaseId: string;
    targetQuarter: string;
    successMetric: { description: string };
  };
}
export type PromotePayload = z.input<typeof promoteDebtItemPayload>;

/** What the form starts from: the domain's proposal (the item's title, the quarter its urgency band gives, that quarter's phase). */
export function promoteValues(proposal: PromotionProposal): PromoteValues {
  return { initiative: { title: proposal.title, phaseId: proposal.phaseId, targetQuarter: proposal.targetQuarter, successMetric: { description: '' } } };
}

/** The proposal for an item on this roadmap today. */
export const promotionFor = (item: DebtItem, phases: readonly Phase[], today = new Date()): PromotionProposal => proposePromotion(item, phases, today);

/** Whether the typed quarter is still the proposed one ("Q4 2026" is 2026-Q4). */
export const isProposedQuarter = (typed: string, proposal: PromotionProposal) => sameQuarter(typed, proposal.targetQuarter);

/** "Q3 2026" reads as 2026-Q3; anything else goes as typed so the schema explains what is wrong. */
export function toPromoteDraft(values: PromoteValues, debtId: string, baseRevision: number): Draft<PromotePayload> {
  const v = values.initiative;
  return {
    payload: {
      baseRevision,
      debtId,
      initiative: {
        title: v.title,
        phaseId: v.phaseId,
        targetQuarter: readQuarter(v.targetQuarter, ''),
        successMetric: { description: v.successMetric.description },
      },
    },
  };
}
