/*
 * The local host's stand-in for the Atlassian product frame. Loaded before the app bundle, it defines
 * window.__bridge.callBridge so the unchanged @forge/bridge package works: calls that need the server
 * (context, invoke, product fetches, navigation and modal resolution) are posted to the host server with this
 * frame's identity (surface, user, project, issue, macro, modal), read from the iframe URL; calls that act on
 * the product page (flags, modals, navigation, resizing, title) are posted to the host page (page-client.js).
 *
 * Bridge methods, as @forge/bridge 7 sends them (node_modules/@forge/bridge/out/…):
 *   view/theme.js        enableTheming                  → token CSS + data-color-mode here, kept in step with the page
 *   flag/flag.js         showFlag {id,title,description,type,appearance,actions[{text,onClick}],isAutoDismiss}, closeFlag {id}
 *   modal/modal.js       openModal {resource,onClose,size,context,closeOnEscape,closeOnOverlayClick,title,icon}
 *   view/close.js        close payload                  → in a modal: closes it, the opener's onClose(payload) runs
 *   router/router.js     navigate {url|target…, type: 'same-tab'|'new-tab'}, getUrl, reload
 *   view/changeWindowTitle.js changeWindowTitle title
 *   view/createHistory.js createHistory                 → a history object (history v4's shape: location, action,
 *                                                          push/replace/go/back/forward/listen/createHref) for the app's
 *                                                          sub-routes; the page URL follows it and back/forward come back
 */
(function () {
  var params = new URLSearchParams(window.location.search);
  var modalContext;
  try {
    modalContext = JSON.parse(params.get('modalContext') || '{}');
  } catch {
    modalContext = {};
  }
  var frame = {
    surface: params.get('surface'),
    user: params.get('user'),
    project: params.get('project'),
    issue: params.get('issue'),
    localId: params.get('localId'),
    theme: params.get('theme') || 'light',
    modal: params.get('modal') ? { id: params.get('modal'), context: modalContext } : null,
  };
  var html = document.documentElement;
  var embedded = window.parent !== window;
  var themingEnabled = false;
  /** Callbacks the app passed that cannot cross postMessage: modal onClose and flag action onClick. */
  var modalCallbacks = {};
  var flagActions = {};

  function toPage(message) {
    if (embedded) window.parent.postMessage(Object.assign({ forgeHost: '' }, message), window.location.origin);
  }

  function applyTheme() {
    html.setAttribute('data-color-mode', frame.theme === 'dark' ? 'dark' : 'light');
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    if (!document.getElementById('forge-host-theme')) {
      var link = document.createElement('link');
      link.id = 'forge-host-theme';
      link.rel = 'stylesheet';
      link.href = '/__host/theme.css';
      document.head.appendChild(link);
    }
  }

  /*
   * Auto-sizing. @forge/bridge sends no resize call: in Jira and Confluence the product, not the app, sizes a
   * Custom UI frame — the page that serves the resource carries iframe-resizer's content-window script
   * (iframe-resizer is a dependency of @forge/bridge; its adf-renderer.js drives the same library and sets
   * html/body height to 'auto' first), which measures the document and reports its height to the parent.
   * This script is that content-window part: it measures the document whenever it may have changed size
   * (ResizeObserver on <html> and <body>, plus a MutationObserver for absolutely positioned content that
   * grows the scrollable area without resizing <body>) and posts the height to page-client.js.
   * css-reset pins html and body to height: 100%, which would make the measure the frame's own height and
   * never let it shrink, so both are set to 'auto', as iframe-resizer does.
   */
  function autoSize() {
    if (!embedded) return;
    html.style.height = 'auto';
    var last = -1;
    var pending = null;
    function measure() {
      pending = null;
      var body = document.body;
      if (!body) return;
      var rootHeight = html.getBoundingClientRect().height;
      var bodyBottom = body.getBoundingClientRect().top + window.scrollY + body.scrollHeight;
      var height = Math.ceil(Math.max(rootHeight, bodyBottom));
      if (height !== last) {
        last = height;
        toPage({ forgeHost: 'resize', height: height });
      }
    }
    function schedule() {
      if (pending === null) pending = setTimeout(measure, 0);
    }
    function start() {
      document.body.style.height = 'auto';
      var resize = new ResizeObserver(measure);
      resize.observe(html);
      resize.observe(document.body);
      new MutationObserver(schedule).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      window.addEventListener('load', schedule);
      measure();
    }
    if (document.body) start();
    else document.addEventListener('DOMContentLoaded', start);
  }

  function post(method, payload) {
    return fetch('/__host/bridge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: method, payload: payload === undefined ? null : payload, frame: frame }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.message ? body.message : 'Bridge call ' + method + ' failed');
        return body.result;
      });
    });
  }

  function showFlag(options) {
    var actions = Array.isArray(options.actions) ? options.actions : [];
    flagActions[options.id] = actions;
    toPage({
      forgeHost: 'showFlag',
      flag: {
        id: String(options.id),
        title: options.title == null ? '' : String(options.title),
        description: options.description == null ? '' : String(options.description),
        type: options.type || 'info',
        appearance: options.appearance || null,
        isAutoDismiss: options.isAutoDismiss === true,
        actions: actions.map(function (a) {
          return { text: String(a && a.text) };
        }),
      },
    });
    return Promise.resolve(true);
  }

  function openModal(options) {
    var onClose = typeof options.onClose === 'function' ? options.onClose : null;
    var request = {
      resource: options.resource === undefined ? null : options.resource,
      size: options.size,
      context: options.context,
      closeOnEscape: options.closeOnEscape,
      closeOnOverlayClick: options.closeOnOverlayClick,
      title: options.title,
    };
    return post('openModal', request).then(function (modal) {
      modalCallbacks[modal.id] = onClose;
      toPage({ forgeHost: 'openModal', modal: modal });
      return true;
    });
  }

  /*
   * view.createHistory(): the app's location below the page's base (/jira/KEY/roadmap). The frame starts at the
   * `route` the page was opened with; push/replace tell the page to change its URL (so links and reload work) and
   * the page's back/forward come back as 'historyPop'. Listeners get (location, action), as history v4 calls them.
   */
  var appHistory = null;
  function parsePath(to) {
    var target = typeof to === 'string' ? to : (to && (to.pathname || '') + (to.search || '') + (to.hash || '')) || '/';
    var url = new URL(target, 'http://app' + (appHistory ? appHistory.location.pathname : '/'));
    return { pathname: url.pathname, search: url.search, hash: url.hash };
  }
  function makeHistory() {
    var listeners = [];
    var counter = 0;
    var start = parsePath(params.get('route') || '/');
    var h = {
      length: 1,
      action: 'POP',
      location: Object.assign(start, { state: undefined, key: 'initial' }),
      createHref: function (to) {
        var loc = parsePath(to);
        return (params.get('routeBase') || '') + loc.pathname + loc.search + loc.hash;
      },
      listen: function (listener) {
        listeners.push(listener);
        return function () {
          listeners = listeners.filter(function (l) {
            return l !== listener;
          });
        };
      },
      push: function (to, state) {
        change('PUSH', to, state);
      },
      replace: function (to, state) {
        change('REPLACE', to, state);
      },
      go: function (delta) {
        toPage({ forgeHost: 'historyGo', delta: delta });
      },
      back: function () {
        h.go(-1);
      },
      goBack: function () {
        h.go(-1);
      },
      forward: function () {
        h.go(1);
      },
      goForward: function () {
        h.go(1);
      },
      block: function () {
        return function () {};
      },
    };
    function notify(action, location) {
      h.action = action;
      h.location = location;
      listeners.slice().forEach(function (l) {
        l(location, action);
      });
    }
    function change(action, to, state) {
      var loc = Object.assign(parsePath(to), { state: state, key: 'k' + ++counter });
      if (action === 'PUSH') h.length += 1;
      toPage({ forgeHost: 'history', action: action, path: loc.pathname + loc.search + loc.hash, base: params.get('routeBase') || '' });
      notify(action, loc);
    }
    h.pop = function (path) {
      notify('POP', Object.assign(parsePath(path), { state: undefined, key: 'k' + ++counter }));
    };
    return h;
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== window.location.origin) return;
    var data = event.data || {};
    if (data.forgeHost === 'theme') {
      // Jira and Confluence re-theme an enabled frame in place when the user switches theme.
      frame.theme = data.colorMode === 'dark' ? 'dark' : 'light';
      if (themingEnabled) applyTheme();
    } else if (data.forgeHost === 'modalClosed') {
      var onClose = modalCallbacks[data.id];
      delete modalCallbacks[data.id];
      if (onClose) onClose(data.payload);
    } else if (data.forgeHost === 'flagAction') {
      var action = (flagActions[data.id] || [])[data.index];
      if (action && typeof action.onClick === 'function') action.onClick();
    } else if (data.forgeHost === 'historyPop') {
      if (appHistory) appHistory.pop(String(data.path || '/'));
    } else if (data.forgeHost === 'flagClosed') {
      delete flagActions[data.id];
    }
  });

  // Escape pressed in a frame reaches the frame, not the page: hand it on (unless the app used it) so the
  // page can close the open modal, as Escape anywhere closes a product modal.
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented) toPage({ forgeHost: 'escape' });
  });

  autoSize();

  window.__bridge = {
    callBridge: function (method, payload) {
      switch (method) {
        case 'enableTheming':
          themingEnabled = true;
          applyTheme();
          return Promise.resolve(true);
        case 'showFlag':
          return showFlag(payload || {});
        case 'closeFlag':
          delete flagActions[payload && payload.id];
          toPage({ forgeHost: 'closeFlag', id: String(payload && payload.id) });
          return Promise.resolve(true);
        case 'openModal':
          return openModal(payload || {});
        case 'navigate':
          return post('navigate', payload).then(function (location) {
            toPage({ forgeHost: 'navigate', url: location.url, type: location.type });
          });
        case 'reload':
          // router.reload reloads the product page, frames and all.
          toPage({ forgeHost: 'reload' });
          return Promise.resolve();
        case 'refresh':
          window.location.reload();
          return Promise.resolve(true);
        case 'open':
          // view.open (expand a collapsed view): every view here is already open.
          return Promise.resolve(true);
        case 'createHistory':
          if (!params.get('routeBase')) return Promise.reject(new Error('This surface has no sub-routes (view.createHistory is for full pages)'));
          if (!appHistory) appHistory = makeHistory();
          return Promise.resolve(appHistory);
        case 'changeWindowTitle':
          toPage({ forgeHost: 'title', title: String(payload) });
          return Promise.resolve();
        case 'close':
          if (frame.modal) {
            toPage({ forgeHost: 'closeModal', id: frame.modal.id, payload: payload === undefined ? undefined : payload });
            return Promise.resolve(true);
          }
          break;
        case 'on':
        case 'onPublic':
        case 'emit':
        case 'emitPublic':
          return Promise.resolve({ unsubscribe: function () {} });
      }
      return post(method, payload).then(function (result) {
        if (method === 'submit' || method === 'close') toPage({ forgeHost: method, localId: frame.localId });
        return result;
      });
    },
  };
})();
