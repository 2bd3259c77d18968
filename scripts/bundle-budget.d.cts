/** Types for bundle-budget.cjs: the UI's bundle budgets and how a surface's initial size is measured. */
export declare const BUDGETS_KIB: Readonly<Record<string, number>>;
export declare function initialFiles(html: string): string[];
export declare function initialSize(outDir: string): { raw: number; gzip: number; files: string[] };
export interface BudgetViolation {
  surface: string;
  gzip: number;
  budget: number | null;
  message: string;
}
export declare function budgetViolations(sizes: Record<string, number>, budgets?: Readonly<Record<string, number>>): BudgetViolation[];
