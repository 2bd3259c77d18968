import fs from 'node:fs';
import path from 'node:path';

/** The technical-roadmap template table exactly as the seed article prints it, with the prose around it. */
export const SEED_TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/seed-template.md'), 'utf8').trimEnd();

/** Just the table lines. */
export const SEED_TABLE = SEED_TEXT.split('\n')
  .filter((line) => line.startsWith('|'))
  .join('\n');
