import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { MAX_REQUEST_BYTES } from '../../src/resolvers/define';
import { DEMO_USERS } from '../jira';
import type { LocalForge } from '../local-forge';
import { type DemoUserName, type FrameIdentity, parseFrame, productContext, SURFACES } from './frame-context';
import { HostState } from './host-state';
import { confluencePage, issuePage, type PageState, projectPage } from './pages';
import { openModal, resolveNavigation, resolveUrl } from './routes';
import { themeCss } from './theme-css';

export interface HostOptions {
  forge: LocalForge;
  /** Where the built Custom UI resources live (static/build). */
  staticDir: string;
  /** JSON file for host-side state (macro configs); null keeps it in memory. */
  stateFile: string | null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

const BRIDGE_SCRIPT = fs.readFileSync(path.join(__dirname, 'bridge-client.js'), 'utf8');
const PAGE_SCRIPT = fs.readFileSync(path.join(__dirname, 'page-client.js'), 'utf8');
const MAX_BODY_BYTES = 5 * 1024 * 1024;

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Forge caps an invoke request at 500 KB; refuse anything absurd outright.
      if (size > MAX_BODY_BYTES) reject(new Error('Request too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function pageState(url: URL): PageState {
  const user = (Object.keys(DEMO_USERS) as DemoUserName[]).find((u) => u === url.searchParams.get('user')) ?? 'admin';
  return { user, theme: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light' };
}

/** The local stand-in for Jira and Confluence: serves the app's surfaces in iframes and answers their bridge. */
/** The app's own location inside a project page URL: the path below /roadmap and the query minus the host's keys. */
function appRoute(subPath: string | undefined, query: URLSearchParams): string {
  const search = new URLSearchParams(query);
  search.delete('user');
  search.delete('theme');
  const rest = search.toString();
  return (subPath && subPath !== '/' ? subPath : '/') + (rest ? `?${rest}` : '');
}

export function createHostServer(options: HostOptions): http.Server {
  const { forge, staticDir } = options;
  const state = new HostState(options.stateFile);

  async function bridge(method: string, payload: unknown, frame: FrameIdentity, origin: string): Promise<unknown> {
    const context = productContext(frame, forge.jira, state.macroConfig(frame.localId));
    switch (method) {
      case 'getContext':
        return context;
      case 'invoke': {
        const { functionKey, payload: body } = (payload ?? {}) as { functionKey?: string; payload?: unknown };
        if (typeof functionKey !== 'string') throw new Error('invoke needs a functionKey');
        // Forge counts the request in bytes; the same limit the resolvers apply (they answer LIMIT too).
        const invokeBytes = Buffer.byteLength(JSON.stringify(body ?? {}), 'utf8');
        if (invokeBytes > MAX_REQUEST_BYTES) throw new Error(`The invoke payload is ${invokeBytes} bytes, over the 500 KB Forge limit`);
        return forge.invoke(functionKey, body ?? {}, {
          accountId: context.accountId,
          extension: context.extension,
          localId: context.localId,
          moduleKey: context.moduleKey,
        });
      }
      case 'fetchProduct': {
        const { product, restPath, fetchRequestInit } = (payload ?? {}) as {
          product?: string;
          restPath?: string;
          fetchRequestInit?: { method?: string; body?: string };
        };
        if (product !== 'jira' || typeof restPath !== 'string') throw new Error('Only Jira product requests are emulated');
        const answer = await forge.jira.handle({
          method: fetchRequestInit?.method ?? 'GET',
          path: restPath,
          accountId: context.accountId,
          body: fetchRequestInit?.body ? JSON.parse(fetchRequestInit.body) : undefined,
        });
        return {
          status: answer.status,
          statusText: '',
          headers: { 'content-type': 'application/json', ...answer.headers },
          body: answer.body === undefined ? '' : JSON.stringify(answer.body),
        };
      }
      case 'submit': {
        if (frame.surface !== 'macro-config' || !frame.localId) throw new Error('Only the macro config can submit');
        const config = (payload as { config?: unknown } | null)?.config;
        state.saveMacroConfig(frame.localId, config);
        return true;
      }
      case 'close':
        return true;
      // router.navigate / router.open: the frame's script hands the resolved location to the host page.
      case 'navigate':
        return resolveNavigation(payload, frame);
      case 'getUrl':
        return resolveUrl(payload, frame, origin);
      // new Modal({ resource, context, size, … }).open(): the frame's script asks the host page to show it.
      case 'openModal':
        return openModal(payload, frame, randomUUID());
      default:
        throw new Error(`The local host does not emulate bridge method '${method}'`);
    }
  }

  function serveFrameFile(res: http.ServerResponse, surface: string, rest: string) {
    const root = path.resolve(staticDir, surface);
    const file = path.resolve(root, rest === '' ? 'index.html' : rest);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, `Not built: ${surface}/${rest} (run npm run build)`);
    }
    const ext = path.extname(file);
    if (ext === '.html') {
      // The bridge must exist before the bundle runs: @forge/bridge looks it up when it loads.
      const html = fs.readFileSync(file, 'utf8').replace(/<head>/i, '<head><script src="/__host/bridge.js"></script>');
      return send(res, 200, html, CONTENT_TYPES['.html']);
    }
    return send(res, 200, fs.readFileSync(file), CONTENT_TYPES[ext] ?? 'application/octet-stream');
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    if (req.method === 'POST' && p === '/__host/bridge') {
      const { method, payload, frame } = JSON.parse(await readBody(req)) as { method: string; payload: unknown; frame: unknown };
      try {
        const result = await bridge(method, payload, parseFrame(frame), `http://${req.headers.host ?? 'localhost'}`);
        return send(res, 200, JSON.stringify({ result: result ?? null }), 'application/json');
      } catch (error) {
        return send(res, 400, JSON.stringify({ message: (error as Error).message }), 'application/json');
      }
    }
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
    if (p === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (p === '/__host/bridge.js') return send(res, 200, BRIDGE_SCRIPT, CONTENT_TYPES['.js']);
    if (p === '/__host/page.js') return send(res, 200, PAGE_SCRIPT, CONTENT_TYPES['.js']);
    if (p === '/__host/theme.css') return send(res, 200, themeCss(), CONTENT_TYPES['.css']);
    const frame = /^\/frame\/([^/]+)\/(.*)$/.exec(p);
    if (frame && SURFACES.includes(frame[1])) return serveFrameFile(res, frame[1], frame[2]);
    const s = pageState(url);
    if (p === '/') {
      res.writeHead(302, { location: '/jira/TR/roadmap?user=admin' });
      return res.end();
    }
    // The project page owns every path below it (view.createHistory's sub-routes), as Jira's app routes do.
    const project = /^\/jira\/([A-Z][A-Z0-9]*)\/roadmap(\/[^?#]*)?$/.exec(p);
    if (project) return send(res, 200, projectPage(s, project[1], p, appRoute(project[2], url.searchParams)), CONTENT_TYPES['.html']);
    // Jira's own issue URL (what an app's link or router.getUrl may hold) leads to the host's issue page.
    const jiraBrowse = /^\/browse\/([A-Z][A-Z0-9]*-\d+)$/.exec(p);
    if (jiraBrowse) {
      res.writeHead(302, { location: `/jira/browse/${jiraBrowse[1]}${url.search}` });
      return res.end();
    }
    const browse = /^\/jira\/browse\/([A-Z][A-Z0-9]*-\d+)$/.exec(p);
    if (browse) {
      const answer = await forge.jira.handle({
        method: 'GET',
        path: `/rest/api/3/issue/${browse[1]}?fields=summary,project`,
        accountId: DEMO_USERS[s.user].accountId,
      });
      const body = answer.body as { id: string; key: string; fields: { summary: string; project: { id: string } } } | undefined;
      const issue = answer.status === 200 && body ? { id: body.id, key: body.key, summary: body.fields.summary, projectId: body.fields.project.id } : null;
      return send(res, issue ? 200 : 404, issuePage(s, issue, p), CONTENT_TYPES['.html']);
    }
    const page = /^\/confluence\/pages\/(\d+)$/.exec(p);
    if (page) return send(res, 200, confluencePage(s, page[1], p), CONTENT_TYPES['.html']);
    return send(res, 404, 'Not found');
  }

  return http.createServer((req, res) => {
    route(req, res).catch((error: Error) => send(res, 500, `Host error: ${error.message}`));
  });
}
