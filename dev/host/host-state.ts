import fs from 'node:fs';
import path from 'node:path';

/**
 * What Confluence itself would keep: each macro's saved config, by macro localId. Persisted as JSON beside the
 * KVS file so a restart keeps it (':memory:' hosts keep it in memory only).
 */
export class HostState {
  private macroConfigs: Record<string, unknown> = {};

  constructor(private readonly file: string | null) {
    if (file && fs.existsSync(file))
      this.macroConfigs = (JSON.parse(fs.readFileSync(file, 'utf8')) as { macroConfigs?: Record<string, unknown> }).macroConfigs ?? {};
  }

  macroConfig(localId: string | null): unknown {
    return localId ? this.macroConfigs[localId] : undefined;
  }

  saveMacroConfig(localId: string, config: unknown): void {
    this.macroConfigs[localId] = config;
    if (this.file) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, JSON.stringify({ macroConfigs: this.macroConfigs }, null, 2));
    }
  }
}
