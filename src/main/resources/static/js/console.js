// The console shell, on every page: the live channel (one WebSocket per tab, reconnecting with back-off), the
// status icon and the offline state, freshness of live numbers, the API helper (CSRF, JSON, problem details,
// idempotency keys), confirmation dialogs, toasts, formatting in the user's time zone, trade sounds and browser
// notifications, and tap-to-open table rows on phones. Pages use it as window.recio (see docs/console.md).
(function () {
  'use strict';

  var body = document.body;
  var handlers = {};
  var live = {state: 'connecting', socket: null, retryMs: 1000, offsets: [], offset: 0, lastMessageAt: 0, everOnline: false};
  var MAX_RETRY_MS = 15000;

  function $(id) { return document.getElementById(id); }

  // ---- live channel ------------------------------------------------------------------------------------------

  /** Calls fn(data, envelope) for every push of this type; '*' receives every push, 'connection' the state. */
  function on(type, fn) {
    (handlers[type] = handlers[type] || []).push(fn);
  }

  function dispatch(type, data, envelope) {
    (handlers[type] || []).forEach(function (fn) {
      try {
        fn(data, envelope);
      } catch (e) {
        console.error('live handler for ' + type + ' failed', e);
      }
    });
  }

  /** The server's clock now, in epoch ms: the freshness of a number is judged against it, not the device's. */
  function serverNow() { return Date.now() + live.offset; }

  function sampleOffset(at) {
    var sent = Date.parse(at);
    if (isNaN(sent)) { return; }
    // A message arrives after it was sent, so at − now underestimates the offset by the latency: keep the largest.
    live.offsets.push(sent - Date.now());
    if (live.offsets.length > 20) { live.offsets.shift(); }
    live.offset = Math.max.apply(null, live.offsets);
  }

  function setState(state) {
    live.state = state;
    var offline = state !== 'online';
    body.classList.toggle('is-offline', offline);
    $('offline-banner').hidden = !(offline && (live.everOnline || state === 'offline'));
    var icon = $('status-icon');
    icon.classList.toggle('offline', offline);
    $('live-state').textContent = state === 'online' ? 'live' : state;
    $('status-live').textContent = state === 'online' ? 'connected' : state + (offline ? ' (numbers are not live)' : '');
    dispatch('connection', state);
    refreshFreshness();
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + '/ws/live';
    var socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      retry();
      return;
    }
    live.socket = socket;
    socket.onopen = function () {
      live.retryMs = 1000;
      live.everOnline = true;
      live.lastMessageAt = Date.now();
      setState('online');
    };
    socket.onmessage = function (e) {
      var envelope = JSON.parse(e.data);
      live.lastMessageAt = Date.now();
      sampleOffset(envelope.at);
      dispatch(envelope.type, envelope.data, envelope);
      dispatch('*', envelope.data, envelope);
    };
    socket.onclose = function () {
      if (live.socket !== socket) { return; }
      live.socket = null;
      setState('offline');
      retry();
    };
    socket.onerror = function () { socket.close(); };
  }

  function retry() {
    var wait = live.retryMs + Math.floor(Math.random() * 300);
    live.retryMs = Math.min(live.retryMs * 2, MAX_RETRY_MS);
    setTimeout(connect, wait);
  }

  window.addEventListener('online', function () {
    if (!live.socket) { live.retryMs = 1000; connect(); }
  });

  // ---- freshness -----------------------------------------------------------------------------------------------

  /** Marks el as live until the given instant (ISO string or epoch ms); past it, or offline, it is greyed. */
  function fresh(el, until) {
    if (!el) { return; }
    var ms = typeof until === 'number' ? until : Date.parse(until);
    el.dataset.freshUntil = String(ms);
    el.classList.add('live');
    el.classList.toggle('stale-value', !(ms > serverNow()));
  }

  function refreshFreshness() {
    var now = serverNow();
    document.querySelectorAll('[data-fresh-until]').forEach(function (el) {
      var stale = !(Number(el.dataset.freshUntil) > now);
      el.classList.toggle('stale-value', stale);
      el.title = stale ? 'not live: older than its freshness limit' : '';
    });
  }

  // ---- status icon -------------------------------------------------------------------------------------------

  on('status', function (s) {
    var icon = $('status-icon');
    ['GREEN', 'AMBER', 'RED'].forEach(function (l) { icon.classList.toggle('status-' + l, s.level === l); });
    icon.dataset.level = s.level;
    icon.title = s.summary;
    $('status-summary').textContent = s.summary;
    var list = $('status-reasons');
    list.replaceChildren.apply(list, s.reasons.map(function (r) { return el('li', null, r); }));
  });

  // ---- API -----------------------------------------------------------------------------------------------------

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? {name: header.content, value: token.content} : null;
  }

  /** A fresh random UUID (v4); crypto.randomUUID needs a secure context, getRandomValues does not. */
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  /**
   * Calls the API; resolves with the JSON body (null when empty), rejects with a problem
   * {status, title, detail, field, code}. opts.idempotencyKey adds the Idempotency-Key header.
   */
  function api(method, url, payload, opts) {
    var headers = {'Accept': 'application/json'};
    var c = csrf();
    if (c && method !== 'GET') { headers[c.name] = c.value; }
    if (payload !== undefined && payload !== null) { headers['Content-Type'] = 'application/json'; }
    if (opts && opts.idempotencyKey) { headers['Idempotency-Key'] = opts.idempotencyKey; }
    return fetch(url, {
      method: method, headers: headers, credentials: 'same-origin',
      body: payload === undefined || payload === null ? undefined : JSON.stringify(payload)
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        if (text) {
          try { json = JSON.parse(text); } catch (e) { json = null; }
        }
        if (r.ok) { return json; }
        throw problem(r.status, json);
      });
    }, function () {
      throw {status: 0, title: 'offline', detail: 'recio did not answer: check the connection and try again'};
    });
  }

  function problem(status, json) {
    var p = {status: status, title: 'error ' + status, detail: 'the request failed (' + status + ')', field: null};
    if (json) {
      var e = json.error && typeof json.error === 'object' ? json.error : null;
      p.title = json.title || (e && e.code) || p.title;
      p.detail = json.detail || (e && e.message) || (typeof json.error === 'string' ? json.error : null) || p.detail;
      p.field = json.field || (e && e.field) || null;
      p.code = json.code || (e && e.code) || null;
    }
    if (status === 401) { p.detail = 'your session ended: sign in again'; }
    if (status === 403 && !json) { p.detail = 'your role may not do this'; }
    return p;
  }

  /** Shows a problem next to its field in form (an element with data-field), else in the form's message. */
  function showProblem(form, p) {
    clearProblems(form);
    var field = p.field && form.querySelector('[data-field="' + p.field + '"]');
    if (field) {
      field.classList.add('invalid');
      field.appendChild(el('div', {'class': 'field-error', role: 'alert'}, p.detail));
      var input = field.querySelector('input, select');
      if (input) { input.focus(); }
    } else {
      say(form.querySelector('.form-message'), p.detail, 'error');
    }
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
    form.querySelectorAll('.field.invalid').forEach(function (e) { e.classList.remove('invalid'); });
    var m = form.querySelector('.form-message');
    if (m) { m.textContent = ''; m.className = 'form-message'; }
  }

  function say(target, text, kind) {
    if (!target) { toast(text, kind === 'error' ? 'bad' : 'good'); return; }
    target.textContent = text;
    target.className = 'form-message ' + (kind || '');
  }

  /** Fills a form's [name] inputs from an object (data-type="bool" inputs are checkboxes). */
  function fillForm(form, values) {
    form.querySelectorAll('[name]').forEach(function (input) {
      if (!(input.name in values) && input.dataset.type) { return; }
      var v = values[input.name];
      if (input.dataset.type === 'bool') { input.checked = !!v; } else if (input.dataset.type) { input.value = v === null || v === undefined ? '' : v; }
    });
  }

  /**
   * Reads a form's typed inputs (data-type int, number, dollars, bool) into a JSON body. A number field that does
   * not hold a number is sent as typed, so the server names the field and what it allows.
   */
  function readForm(form) {
    var body = {};
    form.querySelectorAll('[name][data-type]').forEach(function (input) {
      var t = input.dataset.type;
      var raw = input.value.trim();
      if (t === 'bool') { body[input.name] = input.checked; return; }
      if (t === 'dollars') { body[input.name] = raw; return; }
      var n = Number(raw);
      body[input.name] = raw === '' || isNaN(n) ? raw : n;
    });
    return body;
  }

  // ---- dialogs and toasts --------------------------------------------------------------------------------------

  /** Asks before a consequential action; resolves true only when the user confirms. */
  function confirmAction(opts) {
    var d = $('confirm-dialog');
    $('confirm-title').textContent = opts.title || 'Are you sure?';
    $('confirm-message').textContent = opts.message || '';
    $('confirm-ok').textContent = opts.ok || 'Confirm';
    return new Promise(function (resolve) {
      d.addEventListener('close', function done() {
        d.removeEventListener('close', done);
        resolve(d.returnValue === 'ok');
      });
      d.returnValue = '';
      d.showModal();
      $('confirm-cancel').focus();
    });
  }

  function toast(text, kind, ms) {
    var t = el('div', {'class': 'toast ' + (kind || ''), role: 'status'}, text);
    $('toasts').appendChild(t);
    setTimeout(function () { t.remove(); }, ms || 6000);
  }

  // ---- formatting ----------------------------------------------------------------------------------------------

  var tz = body.dataset.tz || 'America/New_York';
  var timeFmt = new Intl.DateTimeFormat('en-US', {timeZone: tz, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
  var dateTimeFmt = new Intl.DateTimeFormat('en-US', {timeZone: tz, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
  var hourFmt = new Intl.DateTimeFormat('en-US', {timeZone: tz, hour: 'numeric', minute: '2-digit'});

  function asDate(v) { return v instanceof Date ? v : new Date(typeof v === 'number' ? v : Date.parse(v)); }
  function blank(v) { return v === null || v === undefined || v === '' || (typeof v === 'number' && isNaN(v)); }

  var fmt = {
    time: function (v) { return blank(v) ? '–' : timeFmt.format(asDate(v)); },
    dateTime: function (v) { return blank(v) ? '–' : dateTimeFmt.format(asDate(v)); },
    hour: function (v) { return blank(v) ? '–' : hourFmt.format(asDate(v)); },
    zone: tz,
    dollars: function (v, digits) {
      if (blank(v)) { return '–'; }
      var n = Number(v);
      var d = digits === undefined ? 2 : digits;
      return (n < 0 ? '−$' : '$') + Math.abs(n).toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d});
    },
    signedDollars: function (v) {
      if (blank(v)) { return '–'; }
      var n = Number(v);
      return (n > 0 ? '+' : n < 0 ? '−' : '±') + '$' + Math.abs(n).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
    },
    cents: function (v) { return blank(v) ? '–' : Math.round(Number(v)) + '¢'; },
    priceCents: function (dollars) { return blank(dollars) ? '–' : (Number(dollars) * 100).toFixed(Number(dollars) * 100 % 1 === 0 ? 0 : 1) + '¢'; },
    signed: function (v, digits, suffix) {
      if (blank(v)) { return '–'; }
      var n = Number(v);
      return (n > 0 ? '+' : n < 0 ? '−' : '±') + Math.abs(n).toFixed(digits) + (suffix || '');
    },
    percent: function (p, digits) { return blank(p) ? '–' : (Number(p) * 100).toFixed(digits === undefined ? 1 : digits) + '%'; },
    contracts: function (fp) { return blank(fp) ? '–' : String(Number(fp)); },
    duration: function (seconds) {
      if (blank(seconds)) { return '–'; }
      var s = Math.max(0, Math.round(Number(seconds)));
      var h = Math.floor(s / 3600);
      var m = Math.floor(s % 3600 / 60);
      var sec = s % 60;
      return h > 0 ? h + 'h ' + String(m).padStart(2, '0') + 'm' : m + ':' + String(sec).padStart(2, '0');
    },
    tone: function (v) { return blank(v) ? '' : Number(v) > 0 ? 'good' : Number(v) < 0 ? 'bad' : ''; }
  };

  /** Builds an element: el('td', {'class': 'num', 'data-label': 'PnL'}, 'text' or [children]). */
  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { e.setAttribute(k, attrs[k]); }
      });
    }
    if (Array.isArray(content)) {
      content.forEach(function (c) { if (c !== null && c !== undefined) { e.append(c); } });
    } else if (content !== null && content !== undefined) {
      e.textContent = String(content);
    }
    return e;
  }

  // ---- live tables: update rows in place --------------------------------------------------------------------------

  /** Makes a look like b, touching only what differs (a button being pressed stays the same element). */
  function morph(a, b) {
    Array.prototype.slice.call(b.attributes).forEach(function (attr) {
      if (a.getAttribute(attr.name) !== attr.value) { a.setAttribute(attr.name, attr.value); }
    });
    Array.prototype.slice.call(a.attributes).forEach(function (attr) {
      if (!b.hasAttribute(attr.name)) { a.removeAttribute(attr.name); }
    });
    var same = a.childNodes.length === b.childNodes.length && Array.prototype.every.call(a.childNodes, function (n, i) {
      return n.nodeType === b.childNodes[i].nodeType && n.nodeName === b.childNodes[i].nodeName;
    });
    if (!same) {
      a.replaceChildren.apply(a, Array.prototype.slice.call(b.childNodes));
      return;
    }
    Array.prototype.forEach.call(a.childNodes, function (n, i) {
      var m = b.childNodes[i];
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.data !== m.data) { n.data = m.data; }
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        morph(n, m);
      }
    });
  }

  /**
   * Shows rows (freshly built tr elements with data-{key}) in tbody, reusing the row of the same key: its cells
   * are patched in place, so a tap on a button is not lost to a live update, and a row opened on a phone stays open.
   */
  function patchRows(tbody, rows, key) {
    var existing = {};
    Array.prototype.forEach.call(tbody.children, function (tr) {
      if (tr.dataset[key]) { existing[tr.dataset[key]] = tr; }
    });
    var result = rows.map(function (r) {
      var old = existing[r.dataset[key]];
      if (!old || old === r) { return r; }
      var wasOpen = old.classList.contains('open');
      morph(old, r);
      old.classList.toggle('open', wasOpen);
      return old;
    });
    var inOrder = result.length === tbody.children.length && result.every(function (r, i) { return tbody.children[i] === r; });
    if (!inOrder) { tbody.replaceChildren.apply(tbody, result); }
  }

  // ---- sounds and notifications (opt-in per user, Settings) ----------------------------------------------------

  var audio = null;
  document.addEventListener('pointerdown', function () {
    // Browsers allow sound only after a user gesture: the context is made on the first one.
    if (!audio && window.AudioContext) { audio = new AudioContext(); }
  }, {once: true});

  var TONES = {entry: [660, 880], fill: [880], close: [880, 660], bad: [330, 220]};

  function beep(kind) {
    if (body.dataset.sound !== 'true' || !audio) { return; }
    var t = audio.currentTime;
    (TONES[kind] || TONES.fill).forEach(function (f, i) {
      var o = audio.createOscillator();
      var g = audio.createGain();
      o.frequency.value = f;
      g.gain.setValueAtTime(0.08, t + i * 0.14);
      g.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.14 + 0.12);
      o.connect(g).connect(audio.destination);
      o.start(t + i * 0.14);
      o.stop(t + i * 0.14 + 0.13);
    });
  }

  /** A trade event for this user: a toast always; a sound and a browser notification when opted in. */
  function announce(title, text, kind) {
    toast(title + ': ' + text, kind === 'bad' ? 'bad' : kind === 'unknown' ? 'warn' : 'good');
    beep(kind);
    if (body.dataset.notify === 'true' && window.Notification && Notification.permission === 'granted') {
      new Notification('recio · ' + title, {body: text, tag: 'recio-trade'});
    }
  }

  var CHANGE_TITLES = {
    entered: ['Entry filled', 'entry'], rejected: ['Entry not filled', 'bad'], unknown: ['Outcome unknown', 'unknown'],
    closed: ['Trade closed', 'close'], exit_partial: ['Exit partly filled', 'fill'], expired: ['Held to the close', 'fill'],
    settled: ['Trade settled', 'close'], resolved: ['Order resolved', 'fill']
  };

  on('trade', function (d) {
    var t = CHANGE_TITLES[d.change];
    if (t) { announce(t[0], d.summary, t[1]); }
  });

  // ---- phone tables: tap a condensed row to open the rest ------------------------------------------------------

  var phone = window.matchMedia('(max-width: 600px)');
  document.addEventListener('click', function (e) {
    if (!phone.matches) { return; }
    var row = e.target.closest('.rtable tbody tr');
    if (!row || row.classList.contains('empty') || e.target.closest('button, a, input, select, label')) { return; }
    row.classList.toggle('open');
  });

  // ---- phone tab bar: "More" opens the sheet of the other pages; Escape, a tap elsewhere or a wider screen closes it

  var moreButton = $('more-button'), moreSheet = $('more-sheet');
  function showMore(open, refocus) {
    moreSheet.hidden = !open;
    moreButton.setAttribute('aria-expanded', String(open));
    if (open) { moreSheet.querySelector('a').focus(); } else if (refocus) { moreButton.focus(); }
  }
  moreButton.addEventListener('click', function () { showMore(moreSheet.hidden, false); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !moreSheet.hidden) { showMore(false, true); }
  });
  document.addEventListener('click', function (e) {
    if (!moreSheet.hidden && !e.target.closest('.tabbar')) { showMore(false, false); }
  });
  phone.addEventListener('change', function () { if (!phone.matches) { showMore(false, false); } });

  $('status-icon').addEventListener('click', function () { $('status-dialog').showModal(); });

  window.recio = {
    live: {on: on, state: function () { return live.state; }, serverNow: serverNow},
    api: api, uuid: uuid, showProblem: showProblem, clearProblems: clearProblems, say: say,
    form: {fill: fillForm, read: readForm}, announce: announce,
    confirm: confirmAction, toast: toast, fresh: fresh, fmt: fmt, el: el, phone: phone, patchRows: patchRows,
    user: {name: body.dataset.user, admin: body.dataset.admin === 'true'}
  };

  setInterval(refreshFreshness, 1000);
  // After every deferred page script has registered its handlers, so none misses the replayed states.
  document.addEventListener('DOMContentLoaded', connect);
}());
