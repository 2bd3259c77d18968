/**
 * The stub that stands in for Atlaskit's feature-gate client in the UI bundles (vite.config.ts alias) answers exactly
 * as the real client does in a Custom UI frame, where nothing initialises it: every gate off, every experiment its
 * default. If an Atlaskit upgrade changes what an uninitialised client answers, this fails.
 */
import RealFeatureGates from '@atlaskit/feature-gate-js-client/feature-gates';
import StubFeatureGates from '../../../static/src/shared/feature-gates-off';

describe('the feature-gate stub', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  it.each(['platform-dst-motion-uplift-input', 'platform-dst-tokens-finesse', 'any-other-gate'])('answers %s like the uninitialised client', (gate) => {
    expect(RealFeatureGates.checkGate(gate)).toBe(false);
    expect(StubFeatureGates.checkGate(gate)).toBe(RealFeatureGates.checkGate(gate));
  });

  it('answers an experiment with its default, and says it is not initialised, like the real client', () => {
    expect(StubFeatureGates.getExperimentValue('exp', 'param', 'fallback')).toBe(RealFeatureGates.getExperimentValue('exp', 'param', 'fallback'));
    expect(StubFeatureGates.getExperimentValue('exp', 'param', 7)).toBe(RealFeatureGates.getExperimentValue('exp', 'param', 7));
    expect(StubFeatureGates.initializeCompleted()).toBe(RealFeatureGates.initializeCompleted());
  });
});
