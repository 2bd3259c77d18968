import type { z } from 'zod';
import { type InitiativeView, createDebtItemPayload, promoteDebtItemPayload } from '../../../../src/domain/api';
import { fieldErrors } from '../../../../src/domain/errors';
import { type DebtCategory, type DebtItem, type Phase, DEBT_CATEGORIES } from '../../../../src/domain/model';
import { addQuarters, normaliseQuarter, quarterOf } from '../../../../src/domain/quarter';
import { type DebtBand, rankDebt } from '../../../../src/domain/rules/prioritisation';
import { DEBT_CATEGORY_LABEL } from '../../shared/labels';
import type { FormErrors } from '../../shared/use-write-form';

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

/** The "Record debt" form's inputs, as typed. */
export interface DebtValues {
  title: string;
  category: DebtCategory;
  impact: string;
  urgency: string;
  effort: string;
  description: string;
}
export type DebtField = keyof DebtValues;
export type CreateDebtPayload = z.input<typeof createDebtItemPayload>;

export const emptyDebt = (): DebtValues => ({ title: '', category: 'outdated-dependency', impact: '3', urgency: '3', effort: '', description: '' });

/** A typed number: blank is undefined (the schema says what is missing), anything unreadable is NaN. */
function typedNumber(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

export function toDebtPayload(values: DebtValues, baseRevision: number): CreateDebtPayload {
  const effort = typedNumber(values.effort);
  return {
    baseRevision,
    item: {
      title: values.title,
      category: values.category,
      impact: typedNumber(values.impact) as number,
      urgency: typedNumber(values.urgency) as number,
      effort: effort === undefined ? null : effort,
      description: values.description,
    },
  };
}

/** The schema's number messages ("Too big: expected number to be <=5") said the way the form asks. */
const NUMBER_HINT: Partial<Record<DebtField, string>> = {
  impact: 'Enter a whole number from 1 to 5',
  urgency: 'Enter a whole number from 1 to 5',
  effort: 'Enter a number from 0 to 10,000, or leave it blank',
};

export type { FormErrors };

/** Dot-path field errors (`item.title`, `item.impact`, …) onto the record form's inputs. */
export function mapDebtErrors(fields: Record<string, string>): FormErrors<DebtField> {
  const byField: Partial<Record<DebtField, string>> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const match = /^item\.(title|category|impact|urgency|effort|description)(\.|$)/.exec(path);
    if (!match) {
      other.push(message);
      continue;
    }
    const field = match[1] as DebtField;
    byField[field] = byField[field] ?? NUMBER_HINT[field] ?? message;
  }
  return { byField, other: [...new Set(other)] };
}

/** Checks the payload with the resolver's own schema, so the user sees the same messages without a round trip. */
export function validateDebt(payload: CreateDebtPayload): Record<string, string> | null {
  const parsed = createDebtItemPayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}

// ---------------------------------------------------------------- promote

/** The promote form's inputs, as typed: what a new initiative needs that the debt item cannot give it. */
export interface PromoteValues {
  phaseId: string;
  targetQuarter: string;
  successMetric: string;
}
export type PromoteField = keyof PromoteValues;
export type PromotePayload = z.input<typeof promoteDebtItemPayload>;

/** The first phase, next quarter (like a new initiative), no metric yet. */
export function promoteValues(phases: readonly Phase[], today = new Date()): PromoteValues {
  const first = [...phases].sort((a, b) => a.order - b.order)[0];
  return { phaseId: first?.id ?? '', targetQuarter: addQuarters(quarterOf(today), 1), successMetric: '' };
}

export function toPromotePayload(values: PromoteValues, debtId: string, baseRevision: number): PromotePayload {
  return {
    baseRevision,
    debtId,
    initiative: {
      phaseId: values.phaseId,
      // Accept "Q3 2026" too; anything else goes as typed so the schema explains what's wrong.
      targetQuarter: normaliseQuarter(values.targetQuarter) ?? values.targetQuarter.trim(),
      successMetric: { description: values.successMetric },
    },
  };
}

/** Dot-path field errors (`initiative.phaseId`, `initiative.successMetric.description`, …) onto the promote form. */
export function mapPromoteErrors(fields: Record<string, string>): FormErrors<PromoteField> {
  const byField: Partial<Record<PromoteField, string>> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const match = /^initiative\.(phaseId|targetQuarter|successMetric)(\.|$)/.exec(path);
    if (!match) {
      other.push(message);
      continue;
    }
    const field = match[1] as PromoteField;
    byField[field] = byField[field] ?? message;
  }
  return { byField, other: [...new Set(other)] };
}

export function validatePromote(payload: PromotePayload): Record<string, string> | null {
  const parsed = promoteDebtItemPayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}
