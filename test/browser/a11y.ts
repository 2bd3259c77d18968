import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';

/** The WCAG 2.1 A/AA rules the issue asks every view and dialog to pass. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeInternals {
  script(): string;
  axeConfigure(): Promise<string>;
  inject(frames: Frame[], shouldThrow?: boolean): Promise<void>;
}

/**
 * An AxeBuilder that waits for each frame to take axe's script. @axe-core/playwright gives a frame one second and
 * silently skips a slower one; on a busy machine the app's frame takes about 1.5 s, and a skipped frame would make
 * the check pass without looking at the app at all.
 */
function patientAxe(page: Page): AxeBuilder {
  const builder = new AxeBuilder({ page });
  const internals = builder as unknown as AxeInternals;
  internals.inject = async (frames, shouldThrow) => {
    for (const frame of frames) {
      try {
        await frame.evaluate(internals.script());
        await frame.evaluate(await internals.axeConfigure());
      } catch (error) {
        if (shouldThrow) throw error;
      }
    }
  };
  return builder;
}

/**
 * Runs axe-core on the app's frame (`#app-frame`, or a part of it: `[frame, selector]`) as it is now and fails on any
 * serious or critical violation, naming each with the nodes it found. The rules must really have run inside the
 * frame (colour contrast, names, roles…), not on an empty selection.
 */
export async function expectNoSeriousViolations(page: Page, within?: string): Promise<void> {
  const results = await patientAxe(page)
    .include(within ? ['#app-frame', within] : '#app-frame')
    .withTags(TAGS)
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(' | ')}`);
  expect(serious).toEqual([]);
  const checkedInFrame = results.passes.flatMap((rule) => rule.nodes).filter((node) => JSON.stringify(node.target).includes('#app-frame'));
  expect(checkedInFrame.length).toBeGreaterThan(5);
}
