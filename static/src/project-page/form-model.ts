import { type CreateInitiativePayload, createInitiativePayload } from '../../../src/domain/api';
import { addQuarters, normaliseQuarter, quarterLabel, quarterOf } from '../../../src/domain/quarter';
import type { Track } from '../../../src/domain/model';
import { fieldErrors } from '../../../src/domain/errors';

/** The add-initiative form's inputs, as typed. */
export interface FormValues {
  title: string;
  phaseId: string;
  targetQuarter: string;
  goal: string;
  successMetric: string;
  track: Track;
  epicKeys: string;
}
export type FormField = keyof FormValues;

export function emptyForm(phaseId: string, today = new Date()): FormValues {
  return {
    title: '',
    phaseId,
    targetQuarter: addQuarters(quarterOf(today), 1),
    goal: '',
    successMetric: '',
    track: 'feature-enabling',
    epicKeys: '',
  };
}

/** The current quarter and the seven after it, offered as suggestions for "Target quarter". */
export function upcomingQuarters(today = new Date()): Array<{ value: string; label: string }> {
  const first = quarterOf(today);
  return Array.from({ length: 8 }, (_, i) => {
    const q = addQuarters(first, i);
    return { value: q, label: quarterLabel(q) };
  });
}

export function splitEpicKeys(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((k) => k.trim().toUpperCase())
    .filter((k) => k !== '');
}

export function toPayload(values: FormValues, baseRevision: number): CreateInitiativePayload {
  return {
    baseRevision,
    initiative: {
      title: values.title,
      phaseId: values.phaseId,
      goal: values.goal,
      successMetric: { description: values.successMetric },
      // Accept "Q3 2026" too; anything else goes as typed so the schema explains what's wrong.
      targetQuarter: normaliseQuarter(values.targetQuarter) ?? values.targetQuarter.trim(),
      track: values.track,
    },
    epicKeys: splitEpicKeys(values.epicKeys),
  };
}

/** Field errors split between the form's inputs and what no input owns. */
export interface MappedErrors {
  byField: Partial<Record<FormField, string>>;
  other: string[];
}

const PREFIXES: Array<[string, FormField]> = [
  ['initiative.title', 'title'],
  ['initiative.phaseId', 'phaseId'],
  ['initiative.targetQuarter', 'targetQuarter'],
  ['initiative.goal', 'goal'],
  ['initiative.successMetric', 'successMetric'],
  ['initiative.track', 'track'],
  ['epicKeys', 'epicKeys'],
];

/**
 * Maps dot-path field errors (`initiative.title`, `epicKeys.0`, …) onto the inputs. An error on one epic key
 * names the key it is about.
 */
export function mapFieldErrors(fields: Record<string, string>, epicKeys: string[]): MappedErrors {
  const byField: Partial<Record<FormField, string>> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const match = PREFIXES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
    if (!match) {
      other.push(`${path}: ${message}`);
      continue;
    }
    const field = match[1];
    let text = message;
    const epicIndex = field === 'epicKeys' ? /^epicKeys\.(\d+)$/.exec(path) : null;
    if (epicIndex) {
      const key = epicKeys[Number(epicIndex[1])];
      if (key) text = `${key}: ${message}`;
    }
    byField[field] = byField[field] ? `${byField[field]} ${text}` : text;
  }
  return { byField, other };
}

/** Checks the payload with the resolver's own schema, so the user sees the same messages without a round trip. */
export function validate(payload: CreateInitiativePayload): Record<string, string> | null {
  const parsed = createInitiativePayload.safeParse(payload);
  return parsed.success ? null : fieldErrors(parsed.error);
}
