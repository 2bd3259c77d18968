export { KvsEmulator, type KvsEmulatorOptions } from './kvs-emulator';
export { toFetchResponse } from './fetch-response';
export { KvsError, KvsErrorCode, type KvsErrorBody } from './errors';
export { LIMITS } from './limits';
export type { FaultSpec, FaultPredicate } from './faults';
export type { EntityConfig, EntityIndexConfig } from './operations';
