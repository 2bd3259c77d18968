import { roadmapMetaSchema, SCHEMA_VERSION, type RoadmapMeta } from '../domain/model';

/**
 * Stored data carries the schema version it was written with; older shapes are upgraded here on read, one
 * version at a time, so an app upgrade never loses a roadmap. Version 1 is the first stored shape.
 */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateMeta(data: unknown, storedVersion: number): RoadmapMeta {
  if (storedVersion > SCHEMA_VERSION) {
    throw new Error(`Roadmap written by a newer app version (schema ${storedVersion}); this version reads up to ${SCHEMA_VERSION}`);
  }
  let current = data as Record<string, unknown>;
  for (let version = storedVersion; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`No migration from schema ${version}`);
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return roadmapMetaSchema.parse(current);
}
