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
 * axe-core on the app's frame (`#app-frame`, or a part of it: `[frame, selector]`) as it is now: its serious and
 * critical violations, one line each naming the nodes (an empty list is the pass). Throws when the rules did not
 * really run inside the frame (colour contrast, names, roles…) rather than on an empty selection.
 */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  const results = await patientAxe(page)
    .include(within ? ['#app-frame', within] : '#app-frame')
    .withTags(TAGS)
    .analyze();
  const checkedInFrame = results.passes.flatMap((rule) => rule.nodes).filter((node) => JSON.stringify(node.target).includes('#app-frame'));
  if (checkedInFrame.length <= 5) throw new Error(`axe checked only ${checkedInFrame.length} nodes in the app frame: it did not run there`);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** Fails on any serious or critical axe violation in the app's frame (or a part of it), naming each. */
export async function expectNoSeriousViolations(page: Page, within?: string): Promise<void> {
  expect(await seriousViolations(page, within)).toEqual([]);
}
