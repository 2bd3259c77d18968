import { createContext, useContext } from 'react';
import type { ApiError } from '../../../src/domain/api';
import type { DriftFlag, DriftReport } from '../../../src/domain/rules/drift';

/*
 * Drift's state as views read it, apart from the provider that computes it (drift.tsx): a surface's first download
 * carries these few lines, and the rules load with the code that draws drift (the macro's view chunk).
 */

/**
 * Drift (where the roadmap and Jira disagree), computed once per view and progress. Until Jira answers only the rules
 * that need no Jira data have run (`status: 'loading'`); if progress fails, those are all there is (`status: 'error'`).
 */
export interface DriftState {
  status: 'loading' | 'ready' | 'error';
  report: DriftReport;
  /** Flags by initiative id, in report order. */
  byInitiative: ReadonlyMap<string, readonly DriftFlag[]>;
  error: ApiError | null;
}

export const DriftContext = createContext<DriftState | null>(null);

/** This surface's drift, or null where none is computed (the macro settings' preview). */
export function useDrift(): DriftState | null {
  return useContext(DriftContext);
}

/**
 * Set by a surface that loads progress as its viewer (the macro): its drawn views then compute drift. The macro
 * settings' preview leaves it unset — its context names no saved project to ask Jira about.
 */
export const DriftAvailable = createContext(false);
