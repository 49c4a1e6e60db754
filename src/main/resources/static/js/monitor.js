// Trade Monitor: the live strike table, watchlist, price, momentum and chart of BTC or ETH (this hour or the
// next), the trade dialog, position size and multiplier, auto-entry / auto-stop / kill switch (admin), and the
// active trades with live PnL and Close. Everything live arrives on the console's channel (recio.live).
(function () {
  'use strict';

  var R = window.recio;
  var fmt = R.fmt;
  var el = R.el;
  var DELTAS = ['1m', '2m', '3m', '4m', '15m', '30m'];
  /** On a phone the table shows this many strikes either side of the price until "show all". */
  var NEAR_STRIKES = 5;
  var CHART_STEP_MS = 5000;
  var state = {
    symbol: 'BTC', event: 'current', pushes: {}, history: {}, chart: null, active: [], activeAt: 0,
    settings: null, auto: null, strikeKey: '', trade: null
  };
  var metrics = R.metrics = {tickToScreenMs: [], tickToSendMs: []};

  function $(id) { return document.getElementById(id); }

  // ---- strike table ---------------------------------------------------------------------------------------------

  function bandClass(p) {
    if (p === null || p === undefined) { return ''; }
    if (p >= 0.95) { return 'p-high'; }
    if (p >= 0.90) { return 'p-good'; }
    if (p >= 0.80) { return 'p-mid'; }
    if (p >= 0.60) { return 'p-low'; }
    return '';
  }

  function td(label, text, cls) { return el('td', {'data-label': label, 'class': cls || null}, text); }

  function edgeTd(label, v, cls) {
    var c = v === null || v === undefined ? 'muted' : v >= 0 ? 'edge-pos' : 'edge-neg';
    return td(label, fmt.signed(v, 2, '¢'), c + (cls ? ' ' + cls : ''));
  }

  function strikeLabel(r) { return fmt.dollars(r.strike, r.strike % 1 === 0 ? 0 : 2); }

  /** A side's bid and ask; the ask is the button that buys that side (nothing to press when none is offered). */
  function bidAsk(r, side, label) {
    var bid = side === 'yes' ? r.yes_bid : r.no_bid;
    var ask = side === 'yes' ? r.yes_ask : r.no_ask;
    return el('td', {'data-label': label, 'class': 'num quote'}, [fmt.cents(bid) + ' / ', askButton(r, side, fmt.cents(ask))]);
  }

  function askButton(r, side, text) {
    var ask = side === 'yes' ? r.yes_ask : r.no_ask;
    if (ask === null || ask === undefined) { return el('span', {'class': 'muted'}, '–'); }
    return el('button', {type: 'button', 'class': 'ask ' + side, 'data-ticker': r.ticker, 'data-side': side,
      title: 'Buy ' + side.toUpperCase() + ' at ' + fmt.cents(ask), 'aria-label': 'Buy ' + side.toUpperCase() + ' ' + r.ticker}, text);
  }

  function renderTable() {
    var push = state.pushes[state.symbol];
    var body = document.querySelector('#strike-table tbody');
    if (!push) {
      body.replaceChildren(el('tr', {'class': 'empty'}, [el('td', {colspan: '10'}, 'Waiting for the live strike table…')]));
      return;
    }
    var t = push.table;
    var banner = $('stale-banner');
    banner.hidden = !t.stale;
    banner.textContent = t.stale ? 'STALE: ' + (t.stale_reasons || []).join('; ') : '';
    $('symbol-name').textContent = t.symbol;
    $('spot-price').textContent = fmt.dollars(t.current_price, 2);
    $('price-at').textContent = fmt.time(t.price_at);
    R.fresh($('spot-price'), push.fresh_until);
    $('model-name').textContent = t.model || 'none ready';
    $('table-updated').textContent = fmt.time(t.computed_at);
    renderMomentum(t);
    var ev = t[state.event];
    $('event-ticker').textContent = ev ? ev.event_ticker : '–';
    $('event-label').textContent = ev ? 'closing ' + fmt.hour(ev.close) : '';
    if (!ev || !ev.strikes || ev.strikes.length === 0) {
      body.replaceChildren(el('tr', {'class': 'empty'}, [el('td', {colspan: '10'}, 'No markets listed for this event yet.')]));
      R.fresh(body, push.fresh_until);
      return;
    }
    var live = {};
    Array.prototype.forEach.call(body.children, function (tr) { if (tr.dataset.ticker) { live[tr.dataset.ticker] = tr; } });
    var spotMarked = false;
    var spotIndex = ev.strikes.findIndex(function (r) { return r.strike > t.current_price; });
    if (spotIndex < 0) { spotIndex = ev.strikes.length; }
    var rows = ev.strikes.map(function (r, i) {
      var known = r.probability_yes !== null && r.probability_yes !== undefined;
      var active = r.active_side || 'yes';
      var pActive = !known ? null : active === 'yes' ? r.probability_yes : 1 - r.probability_yes;
      var cls = (t.stale ? '' : bandClass(pActive)) + (Math.abs(i - spotIndex) > NEAR_STRIKES ? ' far' : '');
      if (!spotMarked && t.current_price !== null && t.current_price !== undefined && r.strike > t.current_price) {
        cls += ' spot-row';
        spotMarked = true;
      }
      // Most rows do not change from one push to the next: those keep their element untouched.
      var sig = [cls, r.distance, r.distance_percent, r.probability_yes, r.yes_bid, r.yes_ask, r.no_bid, r.no_ask,
        r.yes_edge, r.no_edge, r.volume, active].join('|');
      var existing = live[r.ticker];
      if (existing && existing.dataset.sig === sig) { return existing; }
      var askActive = active === 'yes' ? r.yes_ask : r.no_ask;
      var edgeActive = active === 'yes' ? r.yes_edge : r.no_edge;
      return el('tr', {'class': cls, 'data-ticker': r.ticker, 'data-sig': sig}, [
        td('Strike', strikeLabel(r), 'key num'),
        el('td', {'data-label': 'Distance', 'class': 'num', title: fmt.signed(r.distance_percent, 2, '%')},
          fmt.signed(r.distance, 0, '') + (R.phone.matches ? ' (' + fmt.signed(r.distance_percent, 2, '%') + ')' : '')),
        td('P(yes)', known ? fmt.percent(r.probability_yes) : '–', 'key num'),
        bidAsk(r, 'yes', 'Yes bid / ask'),
        bidAsk(r, 'no', 'No bid / ask'),
        edgeTd('Yes edge', r.yes_edge),
        edgeTd('No edge', r.no_edge),
        td('Volume', Math.round(r.volume || 0).toLocaleString('en-US'), 'num'),
        el('td', {'data-label': 'Buy', 'class': 'key phone-only num'}, [askButton(r, active, active.toUpperCase() + ' ' + fmt.cents(askActive))]),
        edgeTd('Edge', edgeActive, 'key phone-only')
      ]);
    });
    R.patchRows(body, rows, 'ticker');
    R.fresh(body, push.fresh_until);
    $('show-all-strikes').textContent = $('strike-table').classList.contains('all') ? 'Show strikes near the price'
      : 'Show all ' + ev.strikes.length + ' strikes';
    scrollToSpot();
    updateChartStrikes();
    if (push.tick_at && push.tick_at !== state.measuredTick && state.event === 'current') {
      state.measuredTick = push.tick_at;
      var tickAt = Date.parse(push.tick_at);
      metrics.tickToSendMs.push(push.sent_at - tickAt);
      if (metrics.tickToSendMs.length > 1000) { metrics.tickToSendMs.shift(); }
      requestAnimationFrame(function () {
        metrics.tickToScreenMs.push(R.live.serverNow() - tickAt);
        if (metrics.tickToScreenMs.length > 1000) { metrics.tickToScreenMs.shift(); }
      });
    }
  }

  /** On a desktop the table scrolls inside its panel: once per symbol and hour it is centred on the price. */
  function scrollToSpot() {
    var key = state.symbol + state.event;
    if (state.scrolledFor === key || R.phone.matches) { return; }
    var row = document.querySelector('#strike-table tbody tr.spot-row');
    var box = document.querySelector('.table-panel .table-scroll');
    if (!row || !box) { return; }
    state.scrolledFor = key;
    box.scrollTop = Math.max(0, row.offsetTop - box.clientHeight / 2);
  }

  function renderMomentum(t) {
    var deltas = t.deltas_percent || {};
    var sig = JSON.stringify(deltas) + t.momentum_bp;
    if (state.momentumSig === sig) { return; }
    state.momentumSig = sig;
    var boxes = DELTAS.map(function (k) {
      var v = deltas[k];
      return el('div', {'class': 'mbox live ' + (v > 0 ? 'up' : v < 0 ? 'down' : '')}, [
        el('div', {'class': 'k'}, k), el('div', {'class': 'v'}, fmt.signed(v, 2, '%'))]);
    });
    var m = t.momentum_bp;
    boxes.push(el('div', {'class': 'mbox total live ' + (m > 0 ? 'up' : m < 0 ? 'down' : ''), title: 'weighted momentum, basis points'}, [
      el('div', {'class': 'k'}, 'momentum'), el('div', {'class': 'v'}, fmt.signed(m, 1, ' bp'))]));
    $('momentum-boxes').replaceChildren.apply($('momentum-boxes'), boxes);
    $('momentum-note').hidden = DELTAS.every(function (k) { return deltas[k] != null; });
  }

  function renderWatchlist() {
    var push = state.pushes[state.symbol];
    var list = push ? push.watchlist : [];
    var currentEvent = push && push.table.current ? push.table.current.event_ticker : '';
    var body = document.querySelector('#watchlist tbody');
    if (!list.length) {
      body.replaceChildren(el('tr', {'class': 'empty'}, [el('td', {colspan: '6'}, 'Nothing passes the filter.')]));
      return;
    }
    R.patchRows(body, list.map(function (w) {
      var hour = w.event_ticker === currentEvent ? 'this hour' : 'next hour';
      var tr = el('tr', {'class': 'clickable', 'data-ticker': w.ticker, 'data-side': w.side, title: 'Buy ' + w.side.toUpperCase()}, [
        td('Market', w.ticker.substring(w.ticker.lastIndexOf('-') + 1) + ' ' + w.side.toUpperCase() + ' · ' + hour, 'key'),
        td('P', fmt.percent(w.probability), 'key num'),
        td('Ask', fmt.cents(w.ask), 'key num'),
        edgeTd('Edge', w.edge, 'key'),
        td('Side', w.side.toUpperCase()),
        td('Volume', Math.round(w.volume).toLocaleString('en-US'), 'num')
      ]);
      tr.dataset.key = w.ticker + '/' + w.side;
      return tr;
    }), 'key');
    R.fresh(body, push.fresh_until);
  }

  function renderCountdown() {
    var push = state.pushes[state.symbol];
    var ev = push && push.table[state.event];
    $('countdown').textContent = ev ? fmt.duration((Date.parse(ev.close) - R.live.serverNow()) / 1000) : '–';
  }

  // ---- price chart ---------------------------------------------------------------------------------------------

  function loadHistory(symbol) {
    R.api('GET', '/api/price_history/' + symbol + '?minutes=180').then(function (h) {
      state.history[symbol] = h.points.map(function (p) { return {x: p[0], y: p[1]}; });
      if (symbol !== state.symbol) { return; }
      var c = h.changes_percent || {};
      [['1h', 'change-1h'], ['3h', 'change-3h'], ['1d', 'change-1d']].forEach(function (k) {
        var v = c[k[0]];
        $(k[1]).textContent = fmt.signed(v, 2, '%');
        $(k[1]).className = fmt.tone(v);
      });
      drawChart();
    }, function () { /* the chart keeps its live points; the status icon tells why the API is down */ });
  }

  function appendLivePoint(table) {
    if (table.current_price === null || table.current_price === undefined || !table.price_at) { return; }
    var series = state.history[table.symbol] || (state.history[table.symbol] = []);
    var x = Date.parse(table.price_at);
    var last = series[series.length - 1];
    // One live point per 5 s is plenty on a three-hour chart, and keeps redraws off the busy main thread.
    if (last && x < last.x + CHART_STEP_MS) { return; }
    series.push({x: x, y: table.current_price});
    if (series.length > 4000) { series.shift(); }
    if (state.chart && table.symbol === state.symbol) {
      state.chart.data.datasets.slice(1).forEach(function (d) { d.data[1].x = x; });
      state.chart.update('none');
    }
  }

  function nearbyStrikes() {
    var push = state.pushes[state.symbol];
    var t = push && push.table;
    var ev = t && t.current;
    if (!ev || t.current_price === null || t.current_price === undefined) { return []; }
    return ev.strikes.slice().sort(function (a, b) {
      return Math.abs(a.strike - t.current_price) - Math.abs(b.strike - t.current_price);
    }).slice(0, 6).map(function (r) { return r.strike; });
  }

  function drawChart() {
    if (typeof Chart === 'undefined') { return; }
    var points = state.history[state.symbol] || [];
    var datasets = [{label: state.symbol, data: points, borderColor: '#4aa3ff', borderWidth: 1.5, pointRadius: 0}];
    if (points.length) {
      var x0 = points[0].x;
      var x1 = points[points.length - 1].x;
      nearbyStrikes().forEach(function (k) {
        datasets.push({label: 'strike ' + k, data: [{x: x0, y: k}, {x: x1, y: k}], borderColor: 'rgba(241,196,15,.55)',
          borderDash: [4, 4], borderWidth: 1, pointRadius: 0});
      });
    }
    if (state.chart) {
      state.chart.data.datasets = datasets;
      state.chart.update('none');
      return;
    }
    state.chart = new Chart($('price-chart'), {
      type: 'line',
      data: {datasets: datasets},
      options: {
        animation: false, parsing: false, maintainAspectRatio: false, responsive: true,
        plugins: {legend: {display: false}, tooltip: {enabled: false}},
        scales: {
          x: {type: 'linear', ticks: {color: '#8b98a5', maxTicksLimit: 5, callback: function (v) { return fmt.time(v).substring(0, 5); }},
            grid: {color: '#26313d'}},
          y: {ticks: {color: '#8b98a5', maxTicksLimit: 6}, grid: {color: '#26313d'}}
        }
      }
    });
  }

  function updateChartStrikes() {
    var key = state.symbol + nearbyStrikes().join(',');
    if (key !== state.strikeKey) {
      state.strikeKey = key;
      drawChart();
    }
  }

  // ---- the trade dialog ----------------------------------------------------------------------------------------

  function findRow(ticker) {
    var found = null;
    Object.keys(state.pushes).forEach(function (s) {
      var t = state.pushes[s].table;
      ['current', 'next'].forEach(function (e) {
        (t[e] && t[e].strikes || []).forEach(function (r) { if (r.ticker === ticker) { found = {row: r, event: t[e]}; } });
      });
    });
    return found;
  }

  function entrySize() {
    var s = state.settings;
    return s ? s.position_size * s.multiplier : 1;
  }

  function openTrade(ticker, side) {
    var found = findRow(ticker);
    if (!found) { R.toast('That market is no longer in the table.', 'warn'); return; }
    var r = found.row;
    var ask = side === 'yes' ? r.yes_ask : r.no_ask;
    var p = side === 'yes' ? r.probability_yes : 1 - r.probability_yes;
    var edge = side === 'yes' ? r.yes_edge : r.no_edge;
    state.trade = {ticker: ticker, side: side};
    var form = $('trade-form');
    R.clearProblems(form);
    $('trade-title').textContent = 'Buy ' + side.toUpperCase() + ' · ' + strikeLabel(r);
    $('td-market').textContent = ticker;
    $('td-close').textContent = fmt.hour(found.event.close);
    $('td-prob').textContent = r.probability_yes === null || r.probability_yes === undefined ? '–' : fmt.percent(p);
    $('td-ask').textContent = fmt.cents(ask) + ' · ' + fmt.signed(edge, 2, '¢');
    $('trade-count').value = String(entrySize());
    $('trade-worst').value = ask === null || ask === undefined ? '' : (ask / 100).toFixed(2);
    $('trade-outcome').hidden = true;
    $('trade-submit').disabled = false;
    $('trade-submit').hidden = false;
    $('trade-cancel').textContent = 'Cancel';
    $('trade-dialog').showModal();
    $('trade-submit').focus();
  }

  function outcome(kind, text) {
    var o = $('trade-outcome');
    o.className = 'outcome ' + kind;
    o.textContent = text;
    o.hidden = false;
  }

  function submitTrade(e) {
    e.preventDefault();
    var form = $('trade-form');
    R.clearProblems(form);
    var count = Number($('trade-count').value);
    var body = {ticker: state.trade.ticker, side: state.trade.side, count: Number.isInteger(count) ? count : $('trade-count').value,
      worst_price: $('trade-worst').value.trim()};
    var submit = $('trade-submit');
    submit.disabled = true;
    // One key per click: a retry of this very request is recognised by the server, a new click is a new order.
    R.api('POST', '/api/trades', body, {idempotencyKey: R.uuid()}).then(function (t) {
      if (t.status === 'OPEN') {
        $('trade-dialog').close();
        R.toast('Bought ' + fmt.contracts(t.contracts) + ' ' + t.side + ' at ' + fmt.priceCents(t.entry_price) + ' (trade ' + t.id + ')', 'good');
      } else {
        outcome('warn', 'Outcome unknown: Kalshi did not answer in time. recio is looking the order up and sends no new '
          + 'order to this market until it knows. Trade ' + t.id + ' shows in Active trades as UNKNOWN until then.');
        finishDialog();
      }
    }, function (p) {
      if (p.status === 409 && p.code === 'rejected') {
        // the venue refused the order: a definite answer, nothing was bought
        outcome('bad', 'Not filled: ' + p.detail + '.');
        finishDialog();
        return;
      }
      submit.disabled = false;
      R.showProblem(form, p);
    });
  }

  function finishDialog() {
    $('trade-submit').hidden = true;
    $('trade-cancel').textContent = 'Close';
  }

  // ---- position size, auto-entry, auto-stop, kill switch --------------------------------------------------------

  function loadSettings() {
    R.api('GET', '/api/trade_settings').then(function (s) {
      state.settings = s;
      $('position-size').value = s.position_size;
      $('multiplier').value = s.multiplier;
      $('entry-size').textContent = String(entrySize());
    }, function (p) { R.say($('size-form').querySelector('.form-message'), p.detail, 'error'); });
  }

  function saveSize() {
    var form = $('size-form');
    R.clearProblems(form);
    var body = {position_size: Number($('position-size').value), multiplier: Number($('multiplier').value)};
    R.api('PUT', '/api/trade_settings', body).then(function (s) {
      state.settings = s;
      $('entry-size').textContent = String(entrySize());
      R.say(form.querySelector('.form-message'), 'Saved: ' + entrySize() + ' contracts per order.', 'ok');
    }, function (p) { R.showProblem(form, p); });
  }

  function badge(id, text, kind) {
    var b = $(id);
    b.textContent = text;
    b.className = 'badge ' + (kind || '');
  }

  function renderAuto(a) {
    state.auto = a;
    var s = a.settings;
    var entryKind = a.auto_entry === 'ACTIVE' ? 'good' : a.auto_entry === 'PAUSED' ? 'warn' : '';
    badge('auto-entry-state', a.auto_entry, entryKind);
    badge('auto-stop-state', s.auto_stop_enabled ? 'ON' : 'OFF', s.auto_stop_enabled ? 'good' : '');
    badge('kill-state', a.kill_switch ? 'ENGAGED' : 'off', a.kill_switch ? 'bad' : '');
    var note = [];
    if (!a.trading_on) { note.push('Trading is off: ' + a.off_reason); }
    if (a.kill_switch) { note.push('Kill switch: ' + a.kill_switch); }
    $('trading-note').textContent = note.join(' · ');
    if ($('auto-entry-switch')) {
      $('auto-entry-switch').checked = !!s.auto_entry_enabled;
      $('auto-stop-switch').checked = !!s.auto_stop_enabled;
      $('kill-button').textContent = a.kill_switch ? 'Release' : 'Engage';
    }
  }

  function putAuto(body, form) {
    return R.api('PUT', '/api/auto_trading', body).then(function (a) {
      renderAuto(a);
      return a;
    }, function (p) {
      if (form) { R.showProblem(form, p); } else { R.toast(p.detail, 'bad'); }
      if (state.auto) { renderAuto(state.auto); }
      throw p;
    });
  }

  function settingsDialog(buttonId, dialogId, formId) {
    var dialog = $(dialogId);
    var form = $(formId);
    $(buttonId).addEventListener('click', function () {
      R.clearProblems(form);
      if (state.auto) { R.form.fill(form, state.auto.settings); }
      dialog.showModal();
    });
    dialog.querySelector('[data-close]').addEventListener('click', function () { dialog.close(); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      R.clearProblems(form);
      putAuto(R.form.read(form), form).then(function () {
        dialog.close();
        R.toast('Settings saved.', 'good');
      }, function () { /* shown next to the field */ });
    });
  }

  function adminControls() {
    if (!$('auto-entry-switch')) { return; }
    $('auto-entry-switch').addEventListener('change', function (e) {
      var on = e.target.checked;
      var ask = on && document.body.dataset.mode === 'LIVE'
        ? R.confirm({title: 'Turn auto-entry on?', message: 'The bot will place real orders on Kalshi with the account\'s money.', ok: 'Turn on'})
        : Promise.resolve(true);
      ask.then(function (yes) {
        if (!yes) { e.target.checked = false; return; }
        putAuto({auto_entry_enabled: on}).catch(function () { /* toasted */ });
      });
    });
    $('auto-stop-switch').addEventListener('change', function (e) {
      putAuto({auto_stop_enabled: e.target.checked}).catch(function () { /* toasted */ });
    });
    $('kill-button').addEventListener('click', function () {
      var engaged = state.auto && state.auto.kill_switch;
      R.confirm(engaged
        ? {title: 'Release the kill switch?', message: 'New entries (manual and automatic) will be allowed again.', ok: 'Release'}
        : {title: 'Engage the kill switch?', message: 'No new entries until a master admin releases it. Open trades stay supervised.', ok: 'Engage'})
        .then(function (yes) {
          if (!yes) { return; }
          R.api('POST', '/api/kill_switch', engaged ? {engaged: false} : {engaged: true, reason: 'from the console'})
            .then(function () { R.toast(engaged ? 'Kill switch released.' : 'Kill switch engaged.', engaged ? 'good' : 'warn'); },
              function (p) { R.toast(p.detail, 'bad'); });
        });
    });
    settingsDialog('auto-entry-settings', 'auto-entry-dialog', 'auto-entry-form');
    settingsDialog('auto-stop-settings', 'auto-stop-dialog', 'auto-stop-form');
  }

  // ---- active trades -------------------------------------------------------------------------------------------

  function statusBadge(t) {
    if (t.outcome_unknown) { return el('span', {'class': 'badge state-UNKNOWN', title: 'Kalshi\'s answer was lost; recio is looking the order up'}, 'UNKNOWN'); }
    var text = {PENDING: 'sending', CLOSING: 'closing', EXPIRED: 'awaiting settlement', OPEN: 'open'}[t.status] || t.status;
    return el('span', {'class': 'badge state-' + t.status}, text);
  }

  function renderActive() {
    var body = document.querySelector('#active-trades tbody');
    var list = state.active;
    $('active-count').textContent = String(list.length);
    if (!list.length) {
      body.replaceChildren(el('tr', {'class': 'empty'}, [el('td', {colspan: '11'}, 'No active trades.')]));
      return;
    }
    var elapsed = (R.live.serverNow() - state.activeAt) / 1000;
    R.patchRows(body, list.map(function (t) {
      var held = Number(t.contracts) - Number(t.closed_contracts);
      var pnl = t.unrealized_pnl === undefined ? null : Number(t.unrealized_pnl);
      var closeCell = el('td', {'class': 'key', 'data-label': ''});
      if (t.status === 'OPEN') {
        var b = el('button', {type: 'button', 'class': 'small secondary close-trade', 'data-id': String(t.id)}, 'Close');
        closeCell.appendChild(b);
      }
      var tr = el('tr', {'data-id': String(t.id)}, [
        td('Market', t.ticker.substring(t.ticker.lastIndexOf('-') + 1) + ' ' + t.side, 'key'),
        td('Qty', String(held), 'num'),
        td('Entry', fmt.priceCents(t.entry_price), 'num'),
        td('Bid', fmt.priceCents(t.close_price), 'num live'),
        td('P', t.probability === undefined ? '–' : fmt.percent(t.probability), 'key num live'),
        td('Distance', t.distance_to_strike === undefined ? '–' : fmt.signed(t.distance_to_strike, 2, ''), 'num live'),
        td('Held', t.opened_at ? fmt.duration(t.held_seconds + elapsed) : '–', 'num'),
        td('To close', fmt.duration(t.seconds_to_close - elapsed), 'num'),
        td('PnL', pnl === null ? '–' : fmt.signedDollars(pnl), 'key num r live ' + fmt.tone(pnl)),
        el('td', {'data-label': 'Status'}, [statusBadge(t)]),
        closeCell
      ]);
      return tr;
    }), 'id');
  }

  function closeTrade(id) {
    var t = state.active.filter(function (x) { return String(x.id) === id; })[0];
    if (!t) { return; }
    var held = Number(t.contracts) - Number(t.closed_contracts);
    R.confirm({
      title: 'Close trade ' + t.id + '?',
      message: 'Sell ' + held + ' ' + t.side + ' ' + t.ticker + ' now at the bid (' + fmt.priceCents(t.close_price)
        + ') or a little below, reduce-only. What does not fill at once stays open.',
      ok: 'Close trade'
    }).then(function (yes) {
      if (!yes) { return; }
      R.api('POST', '/api/trades/' + t.id + '/close', {}).then(function (r) {
        var text = r.status === 'CLOSED' ? 'Trade ' + r.id + ' closed: PnL ' + fmt.signedDollars(r.pnl)
          : r.status === 'CLOSING' ? 'Trade ' + r.id + ': exit outcome unknown, being looked up'
          : 'Trade ' + r.id + ' is still ' + r.status + ': the exit did not fill';
        R.toast(text, r.status === 'CLOSED' ? 'good' : 'warn');
      }, function (p) { R.toast('Trade ' + t.id + ': ' + p.detail, 'bad'); });
    });
  }

  // ---- wiring ----------------------------------------------------------------------------------------------------

  function pick(symbol) {
    state.symbol = symbol;
    state.scrolledFor = null;
    document.querySelectorAll('.symbol-pick').forEach(function (b) {
      var on = b.dataset.symbol === symbol;
      b.classList.toggle('active', on);
      b.setAttribute('aria-pressed', String(on));
    });
    $('symbol-name').textContent = symbol;
    $('spot-price').textContent = '–';
    renderTable();
    renderWatchlist();
    renderCountdown();
    loadHistory(symbol);
    drawChart();
  }

  R.live.on('strike_table', function (push, envelope) {
    push.sent_at = Date.parse(envelope.at);
    var symbol = push.table.symbol;
    var previous = state.pushes[symbol];
    state.pushes[symbol] = push;
    appendLivePoint(push.table);
    if (symbol === state.symbol) {
      renderTable();
      if (!previous || previous.watchlist !== push.watchlist) { renderWatchlist(); }
      renderCountdown();
    }
  });

  R.live.on('active_trades', function (push) {
    state.active = push.trades;
    state.activeAt = Date.parse(push.at);
    renderActive();
  });

  R.live.on('auto_trading', renderAuto);

  document.querySelectorAll('.symbol-pick').forEach(function (b) {
    b.addEventListener('click', function () { pick(b.dataset.symbol); });
  });
  document.querySelectorAll('.event-tab').forEach(function (b) {
    b.addEventListener('click', function () {
      state.event = b.dataset.event;
      state.scrolledFor = null;
      document.querySelectorAll('.event-tab').forEach(function (x) {
        x.classList.toggle('active', x === b);
        x.setAttribute('aria-pressed', String(x === b));
      });
      renderTable();
      renderCountdown();
    });
  });
  document.querySelector('#strike-table tbody').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-ticker]');
    if (b) { openTrade(b.dataset.ticker, b.dataset.side); }
  });
  document.querySelector('#watchlist tbody').addEventListener('click', function (e) {
    var tr = e.target.closest('tr[data-ticker]');
    if (tr) { openTrade(tr.dataset.ticker, tr.dataset.side); }
  });
  document.querySelector('#active-trades tbody').addEventListener('click', function (e) {
    var b = e.target.closest('button.close-trade');
    if (b) { closeTrade(b.dataset.id); }
  });
  $('show-all-strikes').addEventListener('click', function () {
    $('strike-table').classList.toggle('all');
    renderTable();
  });
  $('trade-form').addEventListener('submit', submitTrade);
  $('trade-cancel').addEventListener('click', function () { $('trade-dialog').close(); });
  $('size-form').addEventListener('change', saveSize);
  $('size-form').addEventListener('submit', function (e) { e.preventDefault(); saveSize(); });
  adminControls();
  R.api('GET', '/api/auto_trading').then(renderAuto, function () { /* arrives on the channel */ });
  loadSettings();
  pick('BTC');
  setInterval(function () {
    renderCountdown();
    if (state.active.length) { renderActive(); }
  }, 1000);
  setInterval(function () { loadHistory(state.symbol); }, 60000);
}());
