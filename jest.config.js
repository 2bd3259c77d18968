/** Unit, contract and integration tests (Node). Browser tests have their own config. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/test/{unit,contract,integration}/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.node.json' }] },
  testTimeout: 30000,
  // Integration suites: the storage invariants are checked after every test (the hook does nothing for other suites).
  setupFilesAfterEnv: ['<rootDir>/test/integration/support/after-each-invariants.ts'],
};
