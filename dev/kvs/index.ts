export { KvsError, type KvsErrorBody, KvsErrorCode } from './errors';
export type { FaultPredicate, FaultSpec } from './faults';
export { toFetchResponse } from './fetch-response';
export { KvsEmulator, type KvsEmulatorOptions } from './kvs-emulator';
export { LIMITS } from './limits';
export type { EntityConfig, EntityIndexConfig } from './operations';
