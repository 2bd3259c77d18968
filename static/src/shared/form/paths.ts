/**
 * Form values are shaped like the resolver's payload, so a field's name is its payload path (`to.targetQuarter`,
 * `patch.rice.reach`). These helpers read values by path; arrays are one field (a list of ids, say), not one per item.
 */

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every field's path in a values object, in the object's order. */
export function leafPaths(values: object, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isPlainObject(value) ? leafPaths(value, path) : [path];
  });
}

export function valueAt(values: object, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : undefined), values);
}

/** The values as one flat record keyed by path (what the three-way merge compares field by field). */
export const flatten = (values: object, paths: readonly string[] = leafPaths(values)): Record<string, unknown> =>
  Object.fromEntries(paths.map((p) => [p, valueAt(values, p)]));

/** An element id for a field: the form's prefix and the path, dots as dashes (`move-I-2-to-targetQuarter`). */
export const fieldId = (idPrefix: string, path: string) => `${idPrefix}-${path.replace(/\./g, '-')}`;

/** A flat record keyed by path back to nested values (the inverse of `flatten`). */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.');
    let at = values;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys.at(-1)!] = value;
  }
  return values;
}
