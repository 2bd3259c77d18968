/** Evaluates custom-entity filter conditions (transaction `conditions`/`check`, entity query filters). */
import { badRequest, KvsError, KvsErrorCode } from './errors';

export interface Filter {
  property: string;
  condition: string;
  values: unknown[];
}

export interface FilterGroup {
  and?: Filter[];
  or?: Filter[];
}

const VALUE_COUNT: Record<string, number> = {
  BEGINS_WITH: 1,
  BETWEEN: 2,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  EQUAL_TO: 1,
  NOT_EQUAL_TO: 1,
  EXISTS: 1,
  NOT_EXISTS: 1,
  GREATER_THAN: 1,
  GREATER_THAN_EQUAL_TO: 1,
  LESS_THAN: 1,
  LESS_THAN_EQUAL_TO: 1,
};

export function validateFilter(f: unknown, allowed: readonly string[] = Object.keys(VALUE_COUNT)): Filter {
  if (!f || typeof f !== 'object') throw badRequest('filter must be an object');
  const { property, condition, values } = f as Partial<Filter>;
  if (typeof property !== 'string' || property === '') {
    throw new KvsError(400, KvsErrorCode.QUERY_WHERE_FIELD_INVALID, 'filter property must be a non-empty string');
  }
  if (typeof condition !== 'string' || !allowed.includes(condition)) {
    throw new KvsError(400, KvsErrorCode.INVALID_FILTER_CONDITION, `The condition ${String(condition)} is not supported here.`);
  }
  if (!Array.isArray(values) || values.length !== VALUE_COUNT[condition]) {
    throw new KvsError(400, KvsErrorCode.INVALID_FILTER_VALUES, `Condition ${condition} takes ${VALUE_COUNT[condition]} value(s).`);
  }
  return { property, condition, values };
}

export function validateFilterGroup(group: unknown): FilterGroup {
  if (!group || typeof group !== 'object') throw badRequest('conditions must be { and: [...] } or { or: [...] }');
  const { and, or } = group as FilterGroup;
  if ((and === undefined) === (or === undefined)) throw badRequest('conditions must have exactly one of "and" / "or"');
  const list = and ?? or;
  if (!Array.isArray(list) || list.length === 0) throw badRequest('conditions must list at least one filter');
  const filters = list.map((f) => validateFilter(f));
  return and ? { and: filters } : { or: filters };
}

type Comparable = string | number;
const comparable = (v: unknown): v is Comparable => typeof v === 'string' || typeof v === 'number';

export function matchesCondition(actual: unknown, condition: string, values: unknown[]): boolean {
  const [a, b] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === a;
    case 'NOT_EQUAL_TO':
      return actual !== a;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(a));
    case 'CONTAINS':
      return (typeof actual === 'string' && actual.includes(String(a))) || (Array.isArray(actual) && actual.includes(a));
    case 'NOT_CONTAINS':
      return !matchesCondition(actual, 'CONTAINS', values);
    case 'BETWEEN':
      return comparable(actual) && comparable(a) && comparable(b) && typeof actual === typeof a && actual >= a && actual <= b;
    case 'GREATER_THAN':
      return comparable(actual) && comparable(a) && typeof actual === typeof a && actual > a;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(actual) && comparable(a) && typeof actual === typeof a && actual >= a;
    case 'LESS_THAN':
      return comparable(actual) && comparable(a) && typeof actual === typeof a && actual < a;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(actual) && comparable(a) && typeof actual === typeof a && actual <= a;
    default:
      return false;
  }
}

const propertyOf = (entity: unknown, property: string): unknown =>
  entity !== null && typeof entity === 'object' ? (entity as Record<string, unknown>)[property] : undefined;

/** True when `entity` (undefined if absent) satisfies the group. */
export function matchesGroup(entity: unknown, group: FilterGroup): boolean {
  const test = (f: Filter): boolean => matchesCondition(propertyOf(entity, f.property), f.condition, f.values);
  return group.and ? group.and.every(test) : (group.or ?? []).some(test);
}

export { propertyOf };
