import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../jira';
import type { DemoUserName } from './frame-context';

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

function chrome(title: string, state: PageState, path: string, body: string): string {
  const userOptions = (Object.keys(DEMO_USERS) as DemoUserName[])
    .map((u) => `<option value="${u}"${u === state.user ? ' selected' : ''}>${esc(DEMO_USERS[u].displayName)} (${u})</option>`)
    .join('');
  const nav = [
    ...Object.values(DEMO_PROJECTS).map((p) => [`/jira/${p.key}/roadmap`, `Jira · ${p.key} roadmap`]),
    [`/jira/browse/${DEMO_EPICS[0].key}`, `Jira · epic ${DEMO_EPICS[0].key}`],
    ['/confluence/pages/1', 'Confluence · page with macro'],
  ]
    .map(([href, label]) => `<a href="${href}?user=${state.user}&theme=${state.theme}"${href === path ? ' aria-current="page"' : ''}>${esc(label)}</a>`)
    .join('');
  return `<!doctype html>
<html lang="en" data-color-mode="${state.theme}">
<head>
<meta charset="utf-8"><title>${esc(title)} — Tech Roadmap local host</title>
<style>
  body { margin: 0; font: 14px/1.5 -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif; background: ${state.theme === 'dark' ? '#1d2125' : '#f7f8f9'}; color: ${state.theme === 'dark' ? '#b6c2cf' : '#172b4d'}; }
  header { display: flex; gap: 16px; align-items: center; padding: 8px 16px; background: ${state.theme === 'dark' ? '#22272b' : '#fff'}; border-bottom: 1px solid #8590a233; flex-wrap: wrap; }
  a { color: inherit; } header nav a { margin-right: 12px; } header nav a[aria-current] { font-weight: 600; }
  main { padding: 16px; } iframe { border: 0; width: 100%; background: transparent; }
  .split { display: grid; grid-template-columns: 1fr 380px; gap: 16px; } .card { background: ${state.theme === 'dark' ? '#22272b' : '#fff'}; border-radius: 6px; padding: 16px; }
</style>
</head>
<body>
<header>
  <strong>Tech Roadmap · local host</strong>
  <nav>${nav}</nav>
  <form method="get" action="${path}">
    <label>User <select name="user" onchange="this.form.submit()">${userOptions}</select></label>
    <label>Theme <select name="theme" onchange="this.form.submit()"><option${state.theme === 'light' ? ' selected' : ''}>light</option><option${state.theme === 'dark' ? ' selected' : ''}>dark</option></select></label>
  </form>
</header>
<main>${body}</main>
<script src="/__host/page.js"></script>
</body></html>`;
}

export function projectPage(state: PageState, projectKey: string, path: string): string {
  const project = Object.values(DEMO_PROJECTS).find((p) => p.key === projectKey);
  if (!project) return chrome('Not found', state, path, `<p>No project ${esc(projectKey)}</p>`);
  const src = frameSrc('project-page', state, { project: project.id });
  return chrome(`${project.name} roadmap`, state, path, `<h1>${esc(project.name)}</h1><iframe id="app-frame" title="Tech Roadmap" data-surface="project-page" src="${src}" style="height: 1400px"></iframe>`);
}

export function issuePage(state: PageState, issue: { id: string; key: string; summary: string; projectId: string } | null, path: string): string {
  if (!issue) return chrome('Not found', state, path, '<p>This issue does not exist or you do not have permission to see it.</p>');
  const src = frameSrc('issue-panel', state, { project: issue.projectId, issue: issue.id });
  const epics = DEMO_EPICS.map((e) => `<li><a href="/jira/browse/${e.key}?user=${state.user}&theme=${state.theme}">${esc(e.key)}</a> ${esc(e.summary)}</li>`).join('');
  return chrome(issue.key, state, path, `<div class="split"><div class="card"><h1>${esc(issue.key)}: ${esc(issue.summary)}</h1><p>Other epics:</p><ul>${epics}</ul></div>
<aside class="card"><h2>Tech Roadmap</h2><iframe id="app-frame" title="Tech Roadmap side panel" data-surface="issue-panel" src="${src}" style="height: 600px"></iframe></aside></div>`);
}

export function confluencePage(state: PageState, pageId: string, path: string): string {
  const localId = `macro-page-${pageId}`;
  const macro = frameSrc('macro', state, { localId });
  const config = frameSrc('macro-config', state, { localId });
  return chrome('Engineering plan', state, path, `<div class="card"><h1>Engineering plan</h1><p>Our technical roadmap, embedded from Jira:</p>
<button id="edit-macro" type="button">Edit macro</button>
<div id="macro-config" hidden><iframe id="config-frame" title="Tech Roadmap macro settings" data-surface="macro-config" data-src="${config}" style="height: 320px"></iframe></div>
<iframe id="app-frame" title="Tech Roadmap macro" data-surface="macro" src="${macro}" style="height: 1000px"></iframe></div>`);
}

/** Page-side glue: open the macro config, reload the macro when the config is submitted. */
export const PAGE_SCRIPT = `
(function () {
  var edit = document.getElementById('edit-macro');
  if (edit) edit.addEventListener('click', function () {
    var box = document.getElementById('macro-config');
    var frame = document.getElementById('config-frame');
    if (!frame.getAttribute('src')) frame.setAttribute('src', frame.getAttribute('data-src'));
    box.hidden = false;
  });
  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.forgeHost === 'submit' || data.forgeHost === 'close') {
      var box = document.getElementById('macro-config');
      if (box) box.hidden = true;
      var app = document.getElementById('app-frame');
      if (app && data.forgeHost === 'submit') app.src = app.src;
    }
    if (data.forgeHost === 'navigate' && data.payload) {
      var url = typeof data.payload === 'string' ? data.payload : data.payload.url;
      if (url) window.open(url, data.payload.type === 'new-tab' ? '_blank' : '_self');
    }
  });
})();
`;
