/**
 * Small numeric helpers shared by the rules. Percentages and sums of fractional efforts are rounded before they
 * are compared or shown, so 0.1 + 0.2 does not turn a boundary (exactly 20 % buffer) into a false warning.
 */

const DISPLAY_DECIMALS = 6;

export function roundTo(value: number, decimals: number = DISPLAY_DECIMALS): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return roundTo(total);
}

/** The middle value (the mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A number as people read it in a message: at most one decimal (16.7, not 16.666667; 20, not 20.0). */
export function readable(value: number): string {
  return String(roundTo(value, 1));
}
