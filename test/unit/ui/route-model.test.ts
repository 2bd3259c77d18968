import fc from 'fast-check';
import {
  type BoardFilters,
  DEFAULT_ROUTE,
  FILTER_KEYS,
  formatRoute,
  HEADER_VIEWS,
  type PageRoute,
  parseRoute,
  TAB_VIEWS,
} from '../../../static/src/shared/route/route-model';

const at = (path: string) => {
  const url = new URL(path, 'http://app');
  return parseRoute({ pathname: url.pathname, search: url.search });
};

describe('the project page route', () => {
  it('reads the view from the first path segment and anything unknown as the board', () => {
    expect(at('/debt')).toEqual({ view: 'debt', filters: {} });
    expect(at('/import-export/')).toEqual({ view: 'import-export', filters: {} });
    expect(at('/')).toEqual(DEFAULT_ROUTE);
    expect(at('/nowhere')).toEqual(DEFAULT_ROUTE);
    expect(at('/constructor')).toEqual(DEFAULT_ROUTE);
  });

  it('reads filters and the initiative from the query, trimmed, empty ones dropped, long ones cut', () => {
    expect(at('/board?track=reliability&owner=557058:x&text=%20logs%20&phase=&goal=G-1&initiative=I-3')).toEqual({
      view: 'board',
      filters: { track: 'reliability', owner: '557058:x', text: 'logs', goal: 'G-1' },
      initiative: 'I-3',
    });
    expect(at(`/board?text=${'a'.repeat(500)}`).filters.text).toHaveLength(200);
  });

  it('writes filters only on the board, where they apply', () => {
    expect(formatRoute({ view: 'board', filters: { track: 'security', text: 'a b&c' } })).toBe('/board?track=security&text=a+b%26c');
    expect(formatRoute({ view: 'changelog', filters: { track: 'security' }, initiative: 'I-2' })).toBe('/changelog?initiative=I-2');
    expect(formatRoute({ view: 'settings', filters: {} })).toBe('/settings');
  });

  it('round-trips every route it can write', () => {
    const value = fc.string({ minLength: 1, maxLength: 40 }).filter((v) => v.trim() === v && v.length > 0);
    const filters = fc.record(Object.fromEntries(FILTER_KEYS.map((k) => [k, value])) as Record<keyof BoardFilters, typeof value>, { requiredKeys: [] });
    const route = fc.record(
      { view: fc.constantFrom(...TAB_VIEWS, ...HEADER_VIEWS), filters, initiative: value },
      { requiredKeys: ['view', 'filters'] },
    ) as fc.Arbitrary<PageRoute>;
    fc.assert(
      fc.property(route, (r) => {
        const expected = { ...r, filters: r.view === 'board' ? r.filters : {} };
        expect(at(formatRoute(r))).toEqual(expected);
      }),
    );
  });
});
