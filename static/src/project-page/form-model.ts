import { addQuarters, quarterLabel, quarterOf } from '../../../src/domain/quarter';

/** Helpers the project page's forms share (the initiative dialog, phases, promoting debt). */

/** The current quarter and the seven after it, offered as suggestions for "Target quarter". */
export function upcomingQuarters(today = new Date()): Array<{ value: string; label: string }> {
  const first = quarterOf(today);
  return Array.from({ length: 8 }, (_, i) => {
    const q = addQuarters(first, i);
    return { value: q, label: quarterLabel(q) };
  });
}

/** Typed epic keys, one text ("tr-12, TR-15; TR-16"), as the payload takes them: upper-cased, one per key. */
export function splitEpicKeys(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((k) => k.trim().toUpperCase())
    .filter((k) => k !== '');
}
