import { SURFACE_LIST } from '../../scripts/surfaces.cjs';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../jira';
import type { DemoUserName } from './frame-context';

/** The macro config dialog's named size, as manifest.yml asks for it (a custom width/height shows as max). */
const CONFIG_VIEWPORT = SURFACE_LIST.find((s) => s.key === 'macro-config')?.viewportSize ?? 'medium';
const CONFIG_SIZE = typeof CONFIG_VIEWPORT === 'string' ? CONFIG_VIEWPORT : 'max';

/** The host's own pages: a thin imitation of Jira and Confluence chrome around the app's iframes. */
export interface PageState {
  user: DemoUserName;
  theme: 'light' | 'dark';
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function frameSrc(surface: string, state: PageState, extra: Record<string, string>): string {
  const params = new URLSearchParams({ surface, user: state.user, theme: state.theme, ...extra });
  return `/frame/${surface}/index.html?${params.toString()}`;
}

/**
 * A Custom UI frame as the products embed it: no border, full width, no scrolling of its own, its height set
 * by the host page from the size the frame reports (see bridge-client.js and page-client.js), like the
 * iframe-resizer Jira and Confluence use for Forge frames.
 */
function appFrame(attrs: { id: string; title: string; surface: string; src?: string; dataSrc?: string; inDialog?: boolean }): string {
  const src = attrs.src !== undefined ? ` src="${attrs.src}"` : '';
  const dataSrc = attrs.dataSrc !== undefined ? ` data-src="${attrs.dataSrc}"` : '';
  // In a dialog the frame grows up to the dialog's limit and scrolls beyond it.
  const kind = attrs.inDialog ? 'class="forge-modal-frame"' : 'class="forge-frame" scrolling="no"';
  return `<iframe id="${attrs.id}" ${kind} title="${esc(attrs.title)}" data-surface="${attrs.surface}" data-autosize${src}${dataSrc}></iframe>`;
}

const STYLE = `
  html, body { margin: 0; }
  body { font: var(--ds-font-body, 14px/1.5 -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif); background: var(--ds-surface, #fff); color: var(--ds-text, #172b4d); }
  header { display: flex; gap: 16px; align-items: center; padding: 8px 16px; background: var(--ds-surface, #fff); border-bottom: 1px solid var(--ds-border, #091e4224); flex-wrap: wrap; position: sticky; top: 0; z-index: 10; }
  a { color: var(--ds-link, #0c66e4); } header nav a { margin-right: 12px; color: var(--ds-text-subtle, #44546f); } header nav a[aria-current] { font-weight: 600; color: var(--ds-text, #172b4d); }
  main { padding: 16px 24px; } h1 { font: var(--ds-font-heading-large, 500 24px/28px sans-serif); margin: 8px 0 16px; } h2 { font: var(--ds-font-heading-small, 600 16px/20px sans-serif); margin: 0 0 8px; }
  iframe.forge-frame { display: block; border: 0; width: 100%; height: 150px; background: transparent; overflow: hidden; }
  .split { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 24px; align-items: start; }
  .card { background: var(--ds-surface, #fff); border: 1px solid var(--ds-border, #091e4224); border-radius: 8px; padding: 16px; }
  select, button { font: inherit; }
  /* Flags, as Atlaskit's FlagGroup places them: bottom left, newest on top. */
  #forge-flags { position: fixed; left: 80px; bottom: 48px; z-index: 600; display: flex; flex-direction: column-reverse; gap: 8px; width: 400px; max-width: calc(100vw - 96px); }
  .forge-flag { display: grid; grid-template-columns: 24px 1fr 24px; gap: 4px 16px; padding: 16px; border-radius: 4px; background: var(--ds-surface-overlay, #fff); color: var(--ds-text, #172b4d); box-shadow: var(--ds-shadow-overlay, 0 8px 12px #091e4226, 0 0 1px #091e424f); }
  .forge-flag-icon { width: 24px; height: 24px; display: grid; place-items: center; }
  .forge-flag-icon svg { width: 20px; height: 20px; }
  .forge-flag[data-type="info"] .forge-flag-icon { color: var(--ds-icon-information, #1d7afc); }
  .forge-flag[data-type="success"] .forge-flag-icon { color: var(--ds-icon-success, #22a06b); }
  .forge-flag[data-type="warning"] .forge-flag-icon { color: var(--ds-icon-warning, #e56910); }
  .forge-flag[data-type="error"] .forge-flag-icon { color: var(--ds-icon-danger, #c9372c); }
  .forge-flag-title { font-weight: 600; align-self: center; overflow-wrap: anywhere; }
  .forge-flag-body { grid-column: 2 / 4; color: var(--ds-text, #172b4d); overflow-wrap: anywhere; }
  .forge-flag-actions { grid-column: 2 / 4; display: flex; gap: 16px; }
  .forge-flag-actions button { border: 0; background: none; padding: 0; color: var(--ds-link, #0c66e4); cursor: pointer; }
  .forge-flag-actions button:hover { text-decoration: underline; }
  .forge-flag-dismiss { border: 0; background: none; padding: 0; width: 24px; height: 24px; cursor: pointer; color: var(--ds-icon-subtle, #626f86); border-radius: 3px; font-size: 18px; line-height: 24px; }
  .forge-flag-dismiss:hover { background: var(--ds-background-neutral-subtle-hovered, #091e420f); }
  /* Modals the app opens with Modal from @forge/bridge. */
  #forge-modals:empty, .forge-blanket[hidden] { display: none; }
  .forge-blanket { position: fixed; inset: 0; z-index: 510; background: var(--ds-blanket, #091e427d); display: flex; align-items: flex-start; justify-content: center; padding-top: 60px; }
  .forge-modal { background: var(--ds-surface, #fff); color: var(--ds-text, #172b4d); border-radius: 3px; box-shadow: var(--ds-shadow-overlay, 0 8px 12px #091e4226); max-width: calc(100vw - 120px); max-height: calc(100vh - 120px); display: flex; flex-direction: column; overflow: hidden; }
  .forge-modal[data-size="small"] { width: 400px; } .forge-modal[data-size="medium"] { width: 600px; } .forge-modal[data-size="large"] { width: 800px; } .forge-modal[data-size="xlarge"] { width: 968px; }
  .forge-modal[data-size="max"], .forge-modal[data-size="resizable"] { width: calc(100vw - 120px); }
  .forge-blanket[data-size="fullscreen"] { padding-top: 0; } .forge-modal[data-size="fullscreen"] { width: 100vw; height: 100vh; max-width: none; max-height: none; border-radius: 0; }
  .forge-modal-title { font: var(--ds-font-heading-medium, 500 20px/24px sans-serif); margin: 0; padding: 24px 24px 8px; }
  .forge-modal iframe { display: block; border: 0; width: 100%; flex: 1 1 auto; min-height: 0; background: transparent; }
`;

function chrome(title: string, state: PageState, path: string, body: string): string {
  const userOptions = (Object.keys(DEMO_USERS) as DemoUserName[])
    .map((u) => `<option value="${u}"${u === state.user ? ' selected' : ''}>${esc(DEMO_USERS[u].displayName)} (${u})</option>`)
    .join('');
  const nav = [
    ...Object.values(DEMO_PROJECTS).map((p) => [`/jira/${p.key}/roadmap`, `Jira · ${p.key} roadmap`]),
    [`/jira/browse/${DEMO_EPICS[0].key}`, `Jira · epic ${DEMO_EPICS[0].key}`],
    ['/confluence/pages/1', 'Confluence · page with macro'],
  ]
    .map(
      ([href, label]) =>
        `<a href="${href}?user=${state.user}&amp;theme=${state.theme}"${href === path || path.startsWith(`${href}/`) ? ' aria-current="page"' : ''}>${esc(label)}</a>`,
    )
    .join('');
  // The page carries the same design-token theme it gives the frames, so host chrome and app switch together.
  return `<!doctype html>
<html lang="en" data-color-mode="${state.theme}" data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape">
<head>
<meta charset="utf-8"><title>${esc(title)} — Tech Roadmap local host</title>
<link rel="stylesheet" href="/__host/theme.css">
<style>${STYLE}</style>
</head>
<body>
<header>
  <strong>Tech Roadmap · local host</strong>
  <nav>${nav}</nav>
  <form method="get" action="${path}">
    <label>User <select name="user" onchange="this.form.submit()">${userOptions}</select></label>
    <label>Theme <select name="theme" id="host-theme"><option${state.theme === 'light' ? ' selected' : ''}>light</option><option${state.theme === 'dark' ? ' selected' : ''}>dark</option></select></label>
  </form>
</header>
<main>${body}</main>
<div id="forge-modals"></div>
<div id="forge-flags" role="region" aria-label="Flags"></div>
<script src="/__host/page.js"></script>
</body></html>`;
}

/**
 * A project page. `route` is the app's own location (view.createHistory): the path below the page's base and the
 * app's query; the frame starts there and page-client.js keeps the page URL in step with it.
 */
export function projectPage(state: PageState, projectKey: string, path: string, route = '/'): string {
  const project = Object.values(DEMO_PROJECTS).find((p) => p.key === projectKey);
  if (!project) return chrome('Not found', state, path, `<p>No project ${esc(projectKey)}</p>`);
  const base = `/jira/${project.key}/roadmap`;
  const src = frameSrc('project-page', state, { project: project.id, route, routeBase: base });
  return chrome(
    `${project.name} roadmap`,
    state,
    path,
    `<h1>${esc(project.name)}</h1>${appFrame({ id: 'app-frame', title: 'Tech Roadmap', surface: 'project-page', src })}`,
  );
}

export function issuePage(state: PageState, issue: { id: string; key: string; summary: string; projectId: string } | null, path: string): string {
  if (!issue) return chrome('Not found', state, path, '<p>This issue does not exist or you do not have permission to see it.</p>');
  const src = frameSrc('issue-panel', state, { project: issue.projectId, issue: issue.id });
  const epics = DEMO_EPICS.map(
    (e) => `<li><a href="/jira/browse/${e.key}?user=${state.user}&amp;theme=${state.theme}">${esc(e.key)}</a> ${esc(e.summary)}</li>`,
  ).join('');
  return chrome(
    issue.key,
    state,
    path,
    `<div class="split"><div class="card"><h1 data-testid="host-issue-title">${esc(issue.key)}: ${esc(issue.summary)}</h1><p>Other epics:</p><ul>${epics}</ul></div>
<aside class="card"><h2>Tech Roadmap</h2>${appFrame({ id: 'app-frame', title: 'Tech Roadmap side panel', surface: 'issue-panel', src })}</aside></div>`,
  );
}

export function confluencePage(state: PageState, pageId: string, path: string): string {
  const localId = `macro-page-${pageId}`;
  const macro = frameSrc('macro', state, { localId });
  const config = frameSrc('macro-config', state, { localId });
  return chrome(
    'Engineering plan',
    state,
    path,
    `<div class="card"><h1>Engineering plan</h1><p>Our technical roadmap, embedded from Jira:</p>
<button id="edit-macro" type="button">Edit macro</button>
<div id="macro-config" class="forge-blanket" hidden><section class="forge-modal" data-size="${esc(CONFIG_SIZE)}" role="dialog" aria-modal="true" aria-label="Tech Roadmap macro settings"><h2 class="forge-modal-title">Tech Roadmap</h2>${appFrame({ id: 'config-frame', title: 'Tech Roadmap macro settings', surface: 'macro-config', dataSrc: config, inDialog: true })}</section></div>
${appFrame({ id: 'app-frame', title: 'Tech Roadmap macro', surface: 'macro', src: macro })}</div>`,
  );
}
