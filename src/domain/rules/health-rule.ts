import type { Initiative, Roadmap } from '../model';
import type { Quarter } from '../quarter';

/** What every health rule is given: the roadmap, the day, and the facts each would otherwise recompute. */
export interface HealthContext {
  roadmap: Roadmap;
  today: Date;
  currentQuarter: Quarter;
  /** Initiatives neither done nor dropped. */
  open: readonly Initiative[];
}

/**
 * One roadmap health rule: its report (shown in the health panel under `key`) and how many findings in that report
 * need someone's attention (summed into `counts.problems`). A new rule is one file exporting one of these, plus one
 * line in HEALTH_RULES (health.ts).
 */
export interface HealthRule<K extends string = string, R = unknown> {
  key: K;
  analyse: (context: HealthContext) => R;
  problems: (report: R) => number;
}

/** Declares a rule, keeping its key and report type for the registry. */
export const healthRule = <K extends string, R>(rule: HealthRule<K, R>): HealthRule<K, R> => rule;
