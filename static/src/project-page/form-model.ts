import type { CreateInitiativePayload } from '../../../src/domain/api';
import type { Track } from '../../../src/domain/model';
import { addQuarters, quarterLabel, quarterOf } from '../../../src/domain/quarter';
import type { Draft } from '../shared/form/payload-check';
import { readQuarter } from '../shared/form/quarter-input';

/**
 * The add-initiative form's inputs, shaped like the createInitiative payload (`initiative.title`,
 * `initiative.successMetric.description`, `epicKeys`), as typed: the epic keys are one comma-separated text.
 */
export interface AddValues {
  initiative: {
    title: string;
    phaseId: string;
    targetQuarter: string;
    goal: string;
    successMetric: { description: string };
    track: Track;
  };
  epicKeys: string;
}

/** An empty form: the given phase, next quarter, the feature-enabling track. */
export function emptyAddValues(phaseId: string, today = new Date()): AddValues {
  return {
    initiative: {
      title: '',
      phaseId,
      targetQuarter: addQuarters(quarterOf(today), 1),
      goal: '',
      successMetric: { description: '' },
      track: 'feature-enabling',
    },
    epicKeys: '',
  };
}

/** After an add: an empty form that keeps the phase, target quarter and track just used (the next one is often alike). */
export function nextAddValues(after: AddValues, today = new Date()): AddValues {
  const empty = emptyAddValues(after.initiative.phaseId, today);
  return { ...empty, initiative: { ...empty.initiative, targetQuarter: after.initiative.targetQuarter, track: after.initiative.track } };
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

/** The form's one transform to the payload: "Q3 2026" reads as 2026-Q3, the epic keys text splits into keys. */
export function toCreateDraft(values: AddValues, baseRevision: number): Draft<CreateInitiativePayload> {
  const v = values.initiative;
  return {
    payload: {
      baseRevision,
      initiative: {
        title: v.title,
        phaseId: v.phaseId,
        goal: v.goal,
        successMetric: { description: v.successMetric.description },
        targetQuarter: readQuarter(v.targetQuarter, ''),
        track: v.track,
      },
      epicKeys: splitEpicKeys(values.epicKeys),
    },
  };
}
