import { quarterOf } from '../../../src/domain/quarter';
import { HEALTH_RULES, roadmapHealth } from '../../../src/domain/rules';
import { isOpen } from '../../../src/domain/rules';
import { meta, roadmap, TODAY } from './fixtures';

describe('HEALTH_RULES', () => {
  it('each rule reports under its own key, and counts.problems is the sum of the rules’ problems', () => {
    const r = roadmap({ meta: meta({ capacity: { perQuarter: 0 }, phases: [] }) });
    const health = roadmapHealth(r, TODAY);
    const context = { roadmap: r, today: TODAY, currentQuarter: quarterOf(TODAY), open: r.initiatives.filter(isOpen) };
    let total = 0;
    for (const rule of HEALTH_RULES) {
      const report = rule.analyse(context);
      expect((health as unknown as Record<string, unknown>)[rule.key]).toEqual(report);
      total += (rule.problems as (report: unknown) => number)(report);
    }
    expect(new Set(HEALTH_RULES.map((rule) => rule.key)).size).toBe(HEALTH_RULES.length);
    expect(health.counts.problems).toBe(total);
    expect(total).toBeGreaterThan(0);
  });
});
