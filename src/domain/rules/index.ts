/** The roadmap rules: pure functions over the model, each returning plain data the UI can show. */
export * from './capacity';
export * from './dependencies';
export * from './dependency-graph';
export * from './health';
export * from './health-rule';
export { effortOf, isOpen } from './initiative-facts';
export { median } from './numbers';
export * from './prioritisation';
export * from './staleness';
export * from './traceability';
