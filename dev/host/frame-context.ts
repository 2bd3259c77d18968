import { SURFACE_LIST, SURFACES } from '../../scripts/surfaces.cjs';
import type { JiraFake } from '../jira';
import { DEMO_PROJECTS, DEMO_USERS } from '../jira';

/** The surfaces the host page embeds: the app's Custom UI resources, as manifest.yml lists them. */
export { SURFACES };
export type Surface = string;

export type DemoUserName = keyof typeof DEMO_USERS;

/** What an iframe tells the host about itself (from its URL). */
export interface FrameIdentity {
  surface: Surface;
  user: DemoUserName;
  project: string | null;
  issue: string | null;
  localId: string | null;
  theme: 'light' | 'dark';
  /** Set when the frame is a modal the app opened (`Modal` from @forge/bridge): its id and the context passed. */
  modal: { id: string; context: unknown } | null;
}

export function parseFrame(raw: unknown): FrameIdentity {
  const f = (raw ?? {}) as Record<string, unknown>;
  const surface = SURFACES.find((s) => s === f.surface);
  const user = (Object.keys(DEMO_USERS) as DemoUserName[]).find((u) => u === f.user);
  if (!surface || !user) throw new Error('Unknown frame: surface and user are required');
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const m = (typeof f.modal === 'object' && f.modal !== null ? f.modal : null) as Record<string, unknown> | null;
  const modal = m && typeof m.id === 'string' && m.id !== '' ? { id: m.id, context: m.context ?? {} } : null;
  return { surface, user, project: str(f.project), issue: str(f.issue), localId: str(f.localId), theme: f.theme === 'dark' ? 'dark' : 'light', modal };
}

/** The manifest module that shows a surface (a macro's config dialog: the macro). */
function moduleOf(surface: Surface): { type: string; key: string } {
  const module = SURFACE_LIST.find((s) => s.key === surface)?.module;
  if (!module) throw new Error(`No module in manifest.yml shows the resource '${surface}'`);
  return module;
}

/** The getContext() answer Jira or Confluence would give this frame. */
export function productContext(frame: FrameIdentity, jira: JiraFake, macroConfig: unknown) {
  const accountId = DEMO_USERS[frame.user].accountId;
  const base = {
    accountId,
    cloudId: 'local-cloud',
    localId: frame.localId ?? `${frame.surface}-local`,
    moduleKey: moduleOf(frame.surface).key,
    locale: 'en-US',
    timezone: 'UTC',
    theme: { colorMode: frame.theme },
  };
  const project = Object.values(DEMO_PROJECTS).find((p) => p.id === frame.project || p.key === frame.project);
  const projectRef = project ? { id: project.id, key: project.key, type: 'software' } : undefined;
  const extension = surfaceExtension(frame, jira, macroConfig, projectRef);
  // A modal's frame gets its opener's context, plus the context the app handed to `new Modal({ context })`.
  return { ...base, extension: frame.modal ? { ...extension, modal: frame.modal.context } : extension };
}

function surfaceExtension(
  frame: FrameIdentity,
  jira: JiraFake,
  macroConfig: unknown,
  projectRef: { id: string; key: string; type: string } | undefined,
): Record<string, unknown> {
  const type = moduleOf(frame.surface).type;
  switch (type) {
    case 'jira:projectPage':
      return { type, project: projectRef };
    case 'jira:issueContext': {
      const issue = jira.data.issues.find((i) => i.id === frame.issue || i.key === frame.issue);
      return {
        type: 'jira:issueContext',
        project: projectRef,
        issue: issue ? { id: issue.id, key: issue.key, type: issue.issueType } : undefined,
      };
    }
    case 'macro':
      return { type: 'macro', config: macroConfig ?? undefined, content: { id: frame.localId ?? 'page' }, space: { key: 'ENG' } };
    default:
      throw new Error(`The local host does not emulate ${type} modules (resource '${frame.surface}')`);
  }
}
