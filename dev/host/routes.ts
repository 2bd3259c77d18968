import { DEMO_PROJECTS } from '../jira';
import { type FrameIdentity, type Surface, SURFACES } from './frame-context';

/**
 * Where `router.navigate` / `router.open` / `router.getUrl` lead on the local host. @forge/bridge
 * (out/router/router.js) sends `callBridge('navigate', { url, type })` for a string, or
 * `{ target, …, type }` for a NavigationLocation (out/router/targets.js names the targets); `type` is
 * 'same-tab' (navigate) or 'new-tab' (open). Jira and Confluence resolve both to one of their own pages;
 * here they resolve to the host's imitation of that page, carrying the frame's user and theme along.
 */
export interface HostLocation {
  /** A host path with its query (user, theme), or an absolute URL outside the host. */
  url: string;
  type: 'same-tab' | 'new-tab';
}

type Loose = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const ISSUE_KEY = /^[A-Z][A-Z0-9]*-\d+$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9]*$/;

/** Which host page a product path stands for (Jira's and Confluence's own URL shapes, and the host's). */
function hostPathForProductPath(pathname: string, searchParams: URLSearchParams): string | null {
  const issue = /^\/(?:jira\/)?browse\/([A-Z][A-Z0-9]*-\d+)\/?$/.exec(pathname);
  if (issue) return `/jira/browse/${issue[1]}`;
  const project =
    /^\/jira\/(?:software|core|servicedesk)(?:\/c)?\/projects\/([A-Z][A-Z0-9]*)(?:\/.*)?$/.exec(pathname) ??
    /^\/projects\/([A-Z][A-Z0-9]*)(?:\/.*)?$/.exec(pathname) ??
    /^\/jira\/([A-Z][A-Z0-9]*)\/roadmap\/?$/.exec(pathname);
  if (project) return `/jira/${project[1]}/roadmap`;
  const page = /^\/(?:wiki\/spaces\/[^/]+\/pages|confluence\/pages)\/(\d+)(?:\/.*)?$/.exec(pathname);
  if (page) return `/confluence/pages/${page[1]}`;
  if (pathname === '/wiki/pages/viewpage.action' && /^\d+$/.test(searchParams.get('pageId') ?? '')) return `/confluence/pages/${searchParams.get('pageId')}`;
  return null;
}

function projectKeyOf(frame: FrameIdentity): string | undefined {
  return Object.values(DEMO_PROJECTS).find((p) => p.id === frame.project || p.key === frame.project)?.key;
}

/** The host path a NavigationLocation object (`{ target, … }`) stands for. */
function hostPathForTarget(location: Loose, frame: FrameIdentity): string {
  const target = str(location.target);
  switch (target) {
    case 'issue': {
      const key = str(location.issueKey);
      if (!key || !ISSUE_KEY.test(key)) throw new Error('Navigation to an issue needs an issueKey such as TR-1');
      return `/jira/browse/${key}`;
    }
    case 'module': {
      // The app's own full page: the project page of the frame's project (or of projectKey when given).
      const key = str(location.projectKey) ?? projectKeyOf(frame);
      if (!key || !PROJECT_KEY.test(key)) throw new Error('Navigation to the project page needs a project (none in this frame)');
      // `path` is a location inside the page (one of its view.createHistory sub-routes), query included.
      const inside = str(location.path);
      if (inside === undefined) return `/jira/${key}/roadmap`;
      const parsed = new URL(inside, 'http://host.invalid');
      if (parsed.host !== 'host.invalid' || !inside.startsWith('/') || !/^\/[a-z0-9-]*$/.test(parsed.pathname)) {
        throw new Error(`Navigation path '${inside}' is not a path inside the page`);
      }
      return `/jira/${key}/roadmap${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
    }
    case 'contentView': {
      const id = str(location.contentId) ?? (typeof location.contentId === 'number' ? String(location.contentId) : undefined);
      if (!id || !/^\d+$/.test(id)) throw new Error('Navigation to a Confluence page needs a numeric contentId');
      return `/confluence/pages/${id}`;
    }
    default:
      throw new Error(`The local host has no page for navigation target '${target ?? ''}'`);
  }
}

function withFrameState(hostPath: string, frame: FrameIdentity): string {
  const [pathname, search = ''] = hostPath.split('?', 2);
  const query = new URLSearchParams(search);
  query.set('user', frame.user);
  query.set('theme', frame.theme);
  return `${pathname}?${query.toString()}`;
}

/** Resolves a `navigate` payload to where the host goes; throws, with a message for the app, when it cannot. */
export function resolveNavigation(payload: unknown, frame: FrameIdentity): HostLocation {
  const location = (typeof payload === 'object' && payload !== null ? payload : {}) as Loose;
  const type = location.type === 'new-tab' ? 'new-tab' : 'same-tab';
  const url = str(location.url);
  if (url !== undefined) {
    const parsed = new URL(url, 'http://host.invalid');
    if (parsed.host !== 'host.invalid') {
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Refusing to navigate to a ${parsed.protocol} URL`);
      // An absolute URL: on an Atlassian site it names a product page; anywhere else it leaves the product.
      const product = /\.atlassian\.net$/.test(parsed.hostname) ? hostPathForProductPath(parsed.pathname, parsed.searchParams) : null;
      return { url: product ? withFrameState(product, frame) : parsed.toString(), type };
    }
    const hostPath = hostPathForProductPath(parsed.pathname, parsed.searchParams);
    if (!hostPath) throw new Error(`The local host has no page for ${parsed.pathname}`);
    return { url: withFrameState(hostPath, frame), type };
  }
  return { url: withFrameState(hostPathForTarget(location, frame), frame), type };
}

/** `router.getUrl(location)`: the absolute URL of the page a NavigationLocation names. */
export function resolveUrl(payload: unknown, frame: FrameIdentity, origin: string): string {
  const { url } = resolveNavigation(payload, frame);
  return new URL(url, origin).toString();
}

/** Modal sizes @forge/bridge accepts (out/modal/modal.js NAMED_MODAL_SIZES), or `{ width, height? }`. */
const NAMED_MODAL_SIZES = ['small', 'medium', 'large', 'xlarge', 'max', 'fullscreen', 'resizable'] as const;
export type ModalSize = (typeof NAMED_MODAL_SIZES)[number] | { width: string; height?: string };

export interface ModalOpening {
  id: string;
  /** The frame URL the host page shows in the modal. */
  src: string;
  size: ModalSize;
  title: string;
  closeOnEscape: boolean;
  closeOnOverlayClick: boolean;
}

const CSS_LENGTH = /^\d+(\.\d+)?(px|%|vw|vh|rem|em)$/;

/**
 * `new Modal({ resource, context, size, … }).open()` sends `callBridge('openModal', { resource, onClose, size,
 * context, closeOnEscape, closeOnOverlayClick, title, icon })`. The host renders `resource` (one of the
 * manifest's resources; the opener's own when null) in a modal frame whose getContext is the opener's,
 * with `extension.modal` holding the `context` the app passed.
 */
export function openModal(payload: unknown, frame: FrameIdentity, id: string): ModalOpening {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Loose;
  const resource = p.resource === null || p.resource === undefined ? frame.surface : str(p.resource);
  const surface = SURFACES.find((s): s is Surface => s === resource);
  if (!surface) throw new Error(`No Custom UI resource '${String(resource)}' in this app's manifest`);
  const rawSize = p.size ?? 'medium';
  let size: ModalSize;
  if (typeof rawSize === 'string' && (NAMED_MODAL_SIZES as readonly string[]).includes(rawSize)) size = rawSize as ModalSize;
  else if (typeof rawSize === 'object' && rawSize !== null && CSS_LENGTH.test(String((rawSize as Loose).width))) {
    const height = (rawSize as Loose).height;
    if (height !== undefined && !(typeof height === 'string' && CSS_LENGTH.test(height))) throw new Error(`Invalid modal height ${JSON.stringify(height)}`);
    size = { width: String((rawSize as Loose).width), ...(height !== undefined ? { height: String(height) } : {}) };
  } else throw new Error(`Invalid modal size ${JSON.stringify(rawSize)}`);
  const context = p.context === undefined ? {} : p.context;
  const params = new URLSearchParams({
    surface: frame.surface,
    user: frame.user,
    theme: frame.theme,
    ...(frame.project ? { project: frame.project } : {}),
    ...(frame.issue ? { issue: frame.issue } : {}),
    ...(frame.localId ? { localId: frame.localId } : {}),
    modal: id,
    modalContext: JSON.stringify(context),
  });
  return {
    id,
    src: `/frame/${surface}/index.html?${params.toString()}`,
    size,
    title: typeof p.title === 'string' ? p.title : '',
    closeOnEscape: p.closeOnEscape !== false,
    closeOnOverlayClick: p.closeOnOverlayClick !== false,
  };
}
