/** Helpers the project page's forms share: quarter suggestions and typed epic keys. */
import { splitEpicKeys, upcomingQuarters } from '../../../static/src/project-page/form-model';

const today = new Date('2026-11-15T00:00:00Z'); // 2026-Q4

describe('the forms’ shared helpers', () => {
  it('suggests this quarter and the seven after it', () => {
    const quarters = upcomingQuarters(today);
    expect(quarters).toHaveLength(8);
    expect(quarters[0]).toEqual({ value: '2026-Q4', label: 'Q4 2026' });
    expect(quarters.at(-1)!.value).toBe('2028-Q3');
  });

  it('splits typed epic keys on commas, semicolons and spaces, upper-cased', () => {
    expect(splitEpicKeys('tr-12, TR-15;tr-16  TR-17')).toEqual(['TR-12', 'TR-15', 'TR-16', 'TR-17']);
    expect(splitEpicKeys('  ')).toEqual([]);
  });
});
