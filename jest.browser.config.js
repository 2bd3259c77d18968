/** Browser tests: the built Custom UI in Debian's Chromium, through the local host, bridge and real resolvers. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.node.json' }] },
  testTimeout: 120000,
  maxWorkers: 1,
  // Names the one package to install when Chromium is missing (instead of every test failing to launch it).
  globalSetup: '<rootDir>/test/browser/require-chromium.js',
};
