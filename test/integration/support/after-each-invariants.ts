/**
 * Jest setupFilesAfterEnv hook (see jest.config.js): for the integration suites, checks the storage invariants of
 * every LocalForge a test used, after each test and when a suite closes its backends (./invariant-tracking.ts).
 * Other suites (unit, contract) are left alone.
 */
const testPath = expect.getState().testPath ?? '';

if (/[\\/]test[\\/]integration[\\/]/.test(testPath)) {
  // Loaded only here, so unit and contract suites never pay for the backend's modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tracking = require('./invariant-tracking') as typeof import('./invariant-tracking');
  tracking.installInvariantTracking();
  afterEach(() => tracking.assertInvariantsHeld('after the test'));
  afterAll(() => tracking.assertInvariantsHeld('when the suite closed its backends'));
}

export {};
