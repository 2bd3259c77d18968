/*
 * The local host's stand-in for the Atlassian product frame. Loaded before the app bundle, it defines
 * window.__bridge.callBridge so the unchanged @forge/bridge package works: every call is posted to the host
 * server with this frame's identity (surface, user, project, issue, macro), read from the iframe URL.
 */
(function () {
  var params = new URLSearchParams(window.location.search);
  var frame = {
    surface: params.get('surface'),
    user: params.get('user'),
    project: params.get('project'),
    issue: params.get('issue'),
    localId: params.get('localId'),
    theme: params.get('theme') || 'light',
  };

  function applyTheme() {
    var html = document.documentElement;
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

  window.__bridge = {
    callBridge: function (method, payload) {
      if (method === 'enableTheming') {
        applyTheme();
        return Promise.resolve(true);
      }
      if (method === 'navigate' || method === 'open') {
        window.parent.postMessage({ forgeHost: 'navigate', payload: payload }, '*');
        return Promise.resolve(true);
      }
      if (method === 'reload' || method === 'refresh') {
        window.location.reload();
        return Promise.resolve(true);
      }
      if (method === 'on' || method === 'onPublic' || method === 'emit' || method === 'emitPublic') {
        return Promise.resolve({ unsubscribe: function () {} });
      }
      return post(method, payload).then(function (result) {
        if (method === 'submit' || method === 'close') window.parent.postMessage({ forgeHost: method, localId: frame.localId }, '*');
        return result;
      });
    },
  };
})();
