import { view } from '@forge/bridge';
import { type MacroConfig, macroConfigSchema } from '../../../src/domain/api';
import { colorModeOf } from './color-mode';

/** The parts of the Forge context the surfaces read; everything is checked, nothing trusted. */
export interface ProjectContext {
  id: string;
  key: string;
  type?: string;
}

export interface SurfaceContext {
  accountId?: string;
  moduleKey?: string;
  localId?: string;
  colorMode?: 'light' | 'dark';
  project?: ProjectContext;
  issue?: { id: string; key: string; type?: string };
  /** The macro's saved config, when present and valid. */
  macroConfig?: MacroConfig;
  /** True when the macro has a config object that does not parse (shown as "not configured"). */
  macroConfigInvalid: boolean;
}

type Loose = Record<string, unknown>;
const asObject = (v: unknown): Loose | undefined => (typeof v === 'object' && v !== null ? (v as Loose) : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function ref(v: unknown): ProjectContext | undefined {
  const o = asObject(v);
  const id = asString(o?.id) ?? (typeof o?.id === 'number' ? String(o.id) : undefined);
  const key = asString(o?.key);
  return id && key ? { id, key, type: asString(o?.type) } : undefined;
}

export function parseContext(raw: unknown): SurfaceContext {
  const ctx = asObject(raw) ?? {};
  const ext = asObject(ctx.extension) ?? {};
  const colorMode = colorModeOf(ctx);
  const config = ext.config;
  const parsedConfig = config === undefined || config === null ? undefined : macroConfigSchema.safeParse(config);
  return {
    accountId: asString(ctx.accountId),
    moduleKey: asString(ctx.moduleKey),
    localId: asString(ctx.localId),
    colorMode,
    project: ref(ext.project),
    issue: ref(ext.issue),
    macroConfig: parsedConfig?.success ? parsedConfig.data : undefined,
    macroConfigInvalid: parsedConfig !== undefined && !parsedConfig.success,
  };
}

export async function loadContext(): Promise<SurfaceContext> {
  return parseContext(await view.getContext());
}
