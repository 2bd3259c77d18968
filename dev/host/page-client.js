/*
 * The host page's side of the product frame (the part Jira and Confluence run around a Custom UI iframe):
 * sizes each frame to the height it reports, switches the theme in place, shows the flags and modals the
 * app opens, follows its navigation, and opens the macro's config. Frames talk to it through postMessage
 * (bridge-client.js); only messages from this page's own frames, on this origin, are heard.
 */
(function () {
  var html = document.documentElement;
  var flagsBox = document.getElementById('forge-flags');
  var modalsBox = document.getElementById('forge-modals');
  /** Open modals by id: their element, their frame, who opened them and what to do on Escape/overlay. */
  var modals = {};
  /** Which frame showed each flag, so an action click or dismissal goes back to it. */
  var flagOwners = {};
  var FLAG_AUTO_DISMISS_MS = 8000; // Atlaskit AutoDismissFlag's delay
  var ICONS = {
    info: '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="10" fill="currentColor"/><rect x="11" y="10" width="2" height="7" rx="1" fill="var(--ds-surface-overlay, #fff)"/><circle cx="12" cy="7.5" r="1.25" fill="var(--ds-surface-overlay, #fff)"/></svg>',
    success:
      '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="10" fill="currentColor"/><path d="M7.5 12.5l3 3 6-6.5" stroke="var(--ds-surface-overlay, #fff)" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
    warning:
      '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.5l10 18H2z" fill="currentColor" stroke="currentColor" stroke-linejoin="round"/><rect x="11" y="9" width="2" height="6" rx="1" fill="var(--ds-surface-overlay, #fff)"/><circle cx="12" cy="17.5" r="1.2" fill="var(--ds-surface-overlay, #fff)"/></svg>',
    error:
      '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="10" fill="currentColor"/><path d="M8.5 8.5l7 7M15.5 8.5l-7 7" stroke="var(--ds-surface-overlay, #fff)" stroke-width="2" stroke-linecap="round"/></svg>',
  };

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe'));
  }
  function frameOf(source) {
    for (var i = 0, all = frames(); i < all.length; i++) if (all[i].contentWindow === source) return all[i];
    return null;
  }
  function send(win, message) {
    if (win) win.postMessage(message, window.location.origin);
  }

  // ---- Size: an auto-sized frame is exactly as tall as its content; a modal's frame up to the modal's limit.
  function resize(iframe, height) {
    var modal = iframe.closest('.forge-modal');
    if (modal) {
      if (modal.getAttribute('data-fixed-height') === 'true' || modal.getAttribute('data-size') === 'fullscreen') return;
      var title = modal.querySelector('.forge-modal-title');
      var limit = window.innerHeight - 120 - (title ? title.getBoundingClientRect().height : 0);
      iframe.style.height = Math.min(height, limit) + 'px';
    } else if (iframe.hasAttribute('data-autosize')) {
      iframe.style.height = height + 'px';
    }
  }

  // ---- Theme: switched in place, as the products do; enabled frames re-theme, links keep the choice.
  function setTheme(colorMode) {
    html.setAttribute('data-color-mode', colorMode);
    var url = new URL(window.location.href);
    url.searchParams.set('theme', colorMode);
    history.replaceState(history.state, '', url.toString());
    Array.prototype.forEach.call(document.querySelectorAll('a[href^="/"]'), function (a) {
      var target = new URL(a.getAttribute('href'), window.location.origin);
      target.searchParams.set('theme', colorMode);
      a.setAttribute('href', target.pathname + target.search);
    });
    frames().forEach(function (f) {
      var lazy = f.getAttribute('data-src');
      if (lazy) {
        var next = new URL(lazy, window.location.origin);
        next.searchParams.set('theme', colorMode);
        f.setAttribute('data-src', next.pathname + next.search);
      }
      send(f.contentWindow, { forgeHost: 'theme', colorMode: colorMode });
    });
  }
  var themeSelect = document.getElementById('host-theme');
  if (themeSelect)
    themeSelect.addEventListener('change', function () {
      setTheme(themeSelect.value === 'dark' ? 'dark' : 'light');
    });

  // ---- Flags (showFlag / closeFlag).
  function removeFlag(id, notify) {
    var el = flagsBox.querySelector('[data-flag-id="' + CSS.escape(id) + '"]');
    if (el) el.remove();
    if (notify) send(flagOwners[id], { forgeHost: 'flagClosed', id: id });
    delete flagOwners[id];
  }
  function showFlag(flag, source) {
    removeFlag(flag.id, false);
    flagOwners[flag.id] = source;
    var type = ICONS[flag.type] ? flag.type : 'info';
    var el = document.createElement('div');
    el.className = 'forge-flag';
    el.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    el.setAttribute('data-flag-id', flag.id);
    el.setAttribute('data-type', type);
    el.setAttribute('data-testid', 'host-flag');
    var icon = document.createElement('span');
    icon.className = 'forge-flag-icon';
    icon.innerHTML = ICONS[type];
    var title = document.createElement('div');
    title.className = 'forge-flag-title';
    title.textContent = flag.title;
    var dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'forge-flag-dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.textContent = '×';
    dismiss.addEventListener('click', function () {
      removeFlag(flag.id, true);
    });
    el.append(icon, title, dismiss);
    if (flag.description) {
      var body = document.createElement('div');
      body.className = 'forge-flag-body';
      body.textContent = flag.description;
      el.append(body);
    }
    if (flag.actions && flag.actions.length) {
      var actions = document.createElement('div');
      actions.className = 'forge-flag-actions';
      flag.actions.forEach(function (action, index) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.text;
        button.addEventListener('click', function () {
          send(source, { forgeHost: 'flagAction', id: flag.id, index: index });
        });
        actions.append(button);
      });
      el.append(actions);
    }
    flagsBox.append(el);
    if (flag.isAutoDismiss)
      setTimeout(function () {
        if (el.isConnected) removeFlag(flag.id, true);
      }, FLAG_AUTO_DISMISS_MS);
  }

  // ---- Modals (openModal; view.close(payload) inside; Escape and overlay click per the app's options).
  function closeModal(id, payload) {
    var modal = modals[id];
    if (!modal) return;
    delete modals[id];
    modal.blanket.remove();
    send(modal.opener.contentWindow, { forgeHost: 'modalClosed', id: id, payload: payload });
    if (modal.opener.isConnected) modal.opener.focus();
  }
  function openModal(m, openerFrame) {
    var blanket = document.createElement('div');
    blanket.className = 'forge-blanket';
    var box = document.createElement('section');
    box.className = 'forge-modal';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', m.title || 'Tech Roadmap');
    box.setAttribute('data-testid', 'host-modal');
    if (typeof m.size === 'string') {
      box.setAttribute('data-size', m.size);
      blanket.setAttribute('data-size', m.size);
    } else {
      box.style.width = m.size.width;
      if (m.size.height) {
        box.style.height = m.size.height;
        box.setAttribute('data-fixed-height', 'true');
      }
    }
    if (m.title) {
      var title = document.createElement('h2');
      title.className = 'forge-modal-title';
      title.textContent = m.title;
      box.append(title);
    }
    var iframe = document.createElement('iframe');
    iframe.className = 'forge-modal-frame';
    iframe.title = m.title || 'Tech Roadmap dialog';
    iframe.setAttribute('data-modal-id', m.id);
    iframe.style.height = '150px';
    iframe.src = m.src;
    box.append(iframe);
    blanket.append(box);
    blanket.addEventListener('click', function (event) {
      if (event.target === blanket && m.closeOnOverlayClick) closeModal(m.id, undefined);
    });
    modalsBox.append(blanket);
    modals[m.id] = { blanket: blanket, frame: iframe, opener: openerFrame, closeOnEscape: m.closeOnEscape };
    // Focus moves into the modal, as Atlaskit's modal dialog does.
    iframe.focus();
    iframe.addEventListener('load', function () {
      iframe.focus();
    });
  }
  function modalOf(iframe) {
    var id = iframe && iframe.getAttribute('data-modal-id');
    return id && modals[id] ? id : null;
  }
  function escape() {
    var ids = Object.keys(modals);
    var top = ids[ids.length - 1];
    if (top) {
      if (modals[top].closeOnEscape) closeModal(top, undefined);
      return;
    }
    var config = document.getElementById('macro-config');
    if (config && !config.hidden) config.hidden = true;
  }
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') escape();
  });

  // ---- The macro's config (Confluence's "Edit macro").
  var edit = document.getElementById('edit-macro');
  if (edit)
    edit.addEventListener('click', function () {
      var box = document.getElementById('macro-config');
      var frame = document.getElementById('config-frame');
      if (!frame.getAttribute('src')) frame.setAttribute('src', frame.getAttribute('data-src'));
      box.hidden = false;
      frame.focus();
    });
  var configBox = document.getElementById('macro-config');
  if (configBox)
    configBox.addEventListener('click', function (event) {
      if (event.target === configBox) configBox.hidden = true;
    });

  // ---- Sub-routes (view.createHistory): the page URL is base + the app's path and query, plus the host's own
  // user and theme; back/forward hand the app its location again.
  function followAppRoute(data) {
    var target = new URL(data.base + (data.path === '/' ? '' : data.path), window.location.origin);
    var here = new URL(window.location.href);
    ['user', 'theme'].forEach(function (k) {
      if (here.searchParams.has(k)) target.searchParams.set(k, here.searchParams.get(k));
    });
    var next = target.pathname + target.search + target.hash;
    if (data.action === 'REPLACE') history.replaceState({ appRoute: data.path }, '', next);
    else history.pushState({ appRoute: data.path }, '', next);
  }
  window.addEventListener('popstate', function () {
    var app = document.getElementById('app-frame');
    var base = app && new URL(app.src, window.location.origin).searchParams.get('routeBase');
    if (!base || window.location.pathname.indexOf(base) !== 0) return;
    var search = new URLSearchParams(window.location.search);
    search.delete('user');
    search.delete('theme');
    var rest = search.toString();
    var path = (window.location.pathname.slice(base.length) || '/') + (rest ? '?' + rest : '') + window.location.hash;
    send(app.contentWindow, { forgeHost: 'historyPop', path: path });
  });

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var iframe = frameOf(event.source);
    if (!iframe) return;
    var data = event.data || {};
    switch (data.forgeHost) {
      case 'resize':
        if (typeof data.height === 'number' && data.height >= 0) resize(iframe, data.height);
        break;
      case 'showFlag':
        if (data.flag && data.flag.id) showFlag(data.flag, event.source);
        break;
      case 'closeFlag':
        removeFlag(String(data.id), false);
        break;
      case 'openModal':
        if (data.modal && data.modal.id && data.modal.src) openModal(data.modal, iframe);
        break;
      case 'closeModal':
        if (modalOf(iframe) === data.id) closeModal(data.id, data.payload);
        break;
      case 'escape':
        escape();
        break;
      case 'navigate':
        if (typeof data.url === 'string') {
          if (data.type === 'new-tab') window.open(data.url, '_blank', 'noopener');
          else window.location.assign(data.url);
        }
        break;
      case 'reload':
        window.location.reload();
        break;
      case 'title':
        document.title = String(data.title);
        break;
      case 'history':
        if (typeof data.path === 'string' && typeof data.base === 'string' && data.path.charAt(0) === '/') followAppRoute(data);
        break;
      case 'historyGo':
        if (typeof data.delta === 'number') history.go(data.delta);
        break;
      case 'submit':
      case 'close': {
        var box = document.getElementById('macro-config');
        if (box && iframe.id === 'config-frame') {
          box.hidden = true;
          var app = document.getElementById('app-frame');
          // eslint-disable-next-line no-self-assign -- setting an iframe's src to itself reloads it
          if (app && data.forgeHost === 'submit') app.src = app.src;
        }
        break;
      }
    }
  });
})();
