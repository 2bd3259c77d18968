/**
 * Stands in for `@atlaskit/feature-gate-js-client/feature-gates` (aliased in vite.config.ts). Atlaskit components ask
 * that client (statsig underneath, ~35 KB gzip) whether platform feature gates are on; nothing in a Custom UI frame
 * ever initialises it, and an uninitialised client answers every gate `false` and every experiment with its default.
 * This answers the same without the client, so no surface downloads it.
 */
const FeatureGates = {
  checkGate: (_gateName: string, _options?: unknown): boolean => false,
  getExperimentValue: <T>(_experimentName: string, _parameterName: string, defaultValue: T, _options?: unknown): T => defaultValue,
  initializeCompleted: (): boolean => false,
};

export default FeatureGates;
