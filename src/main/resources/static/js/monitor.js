// Trade Monitor: live strike tables over /ws/live (reconnecting), price history and changes over the API,
// chart with the nearby strikes. No framework: plain DOM and Chart.js from the webjar.
(function () {
  'use strict';

  var STALE_AFTER_MS = 5000;
  var state = {
    symbol: 'BTC',
    event: 'current',
    tables: {},
    watchlists: {},
    receivedAt: {},
    history: {},
    socket: null,
    retryMs: 1000,
    lastMessageAt: 0,
    chart: null
  };

  function $(id) { return document.getElementById(id); }

  function fmtMoney(v, digits) {
    if (v === null || v === undefined) { return '–'; }
    return '$' + Number(v).toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
  }

  function fmtSigned(v, digits, suffix) {
    if (v === null || v === undefined || isNaN(v)) { return '–'; }
    var s = Math.abs(v).toFixed(digits);
    return (v > 0 ? '+' : v < 0 ? '−' : '±') + s + (suffix || '');
  }

  function cents(v) { return v === null || v === undefined ? '–' : Math.round(v) + '¢'; }

  function bandClass(p) {
    if (p === null || p === undefined || isNaN(p)) { return ''; }
    if (p >= 0.95) { return 'p-high'; }
    if (p >= 0.90) { return 'p-good'; }
    if (p >= 0.80) { return 'p-mid'; }
    if (p >= 0.60) { return 'p-low'; }
    return '';
  }

  function edgeCell(v) {
    var td = document.createElement('td');
    if (v === null || v === undefined) {
      td.textContent = '–';
      td.className = 'muted';
    } else {
      td.textContent = fmtSigned(v, 2, '¢');
      td.className = v >= 0 ? 'edge-pos' : 'edge-neg';
    }
    return td;
  }

  function cell(text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    return td;
  }

  function renderTable() {
    var t = state.tables[state.symbol];
    var body = document.querySelector('#strike-table tbody');
    document.body.classList.toggle('is-stale', !!(t && t.stale));
    var banner = $('stale-banner');
    if (!t) {
      body.innerHTML = '<tr class="empty"><td colspan="9" class="muted">Waiting for the live strike table…</td></tr>';
      return;
    }
    banner.hidden = !t.stale;
    banner.textContent = t.stale ? 'STALE: ' + t.stale_reasons.join('; ') : '';
    $('symbol-name').textContent = t.symbol;
    $('spot-price').textContent = fmtMoney(t.current_price, 2);
    $('momentum').textContent = t.momentum_bp === null ? '–' : fmtSigned(t.momentum_bp, 1, '');
    $('model-name').textContent = t.model || 'none ready';
    $('table-updated').textContent = t.computed_at.substring(11, 19) + 'Z';
    renderDeltas(t.deltas_percent || {});
    var ev = t[state.event];
    $('event-ticker').textContent = ev ? ev.event_ticker : '–';
    var rows = document.createDocumentFragment();
    if (!ev || ev.strikes.length === 0) {
      body.innerHTML = '<tr class="empty"><td colspan="9" class="muted">No markets listed for this event yet.</td></tr>';
      return;
    }
    var spotMarked = false;
    ev.strikes.forEach(function (r) {
      var tr = document.createElement('tr');
      var known = r.probability_yes !== null && r.probability_yes !== undefined;
      var pActive = !known ? null : r.active_side === 'yes' ? r.probability_yes : 1 - r.probability_yes;
      tr.className = t.stale ? '' : bandClass(pActive);
      if (!spotMarked && t.current_price !== null && r.strike > t.current_price) {
        tr.className += ' spot-row';
        spotMarked = true;
      }
      tr.dataset.ticker = r.ticker;
      tr.appendChild(cell(fmtMoney(r.strike, 2)));
      tr.appendChild(cell(fmtSigned(r.distance, 0, '') + ' (' + fmtSigned(r.distance_percent, 2, '%') + ')'));
      tr.appendChild(cell(!known ? '–'
          : (r.probability_yes * 100).toFixed(1) + '%'));
      tr.appendChild(cell(cents(r.yes_bid) + ' / ' + cents(r.yes_ask)));
      tr.appendChild(cell(cents(r.no_bid) + ' / ' + cents(r.no_ask)));
      tr.appendChild(edgeCell(r.yes_edge));
      tr.appendChild(edgeCell(r.no_edge));
      tr.appendChild(cell(Math.round(r.volume).toLocaleString('en-US')));
      tr.appendChild(cell(r.active_side.toUpperCase(), r.active_side === 'yes' ? 'edge-pos' : 'edge-neg'));
      rows.appendChild(tr);
    });
    body.replaceChildren(rows);
    updateChartStrikes();
  }

  function renderDeltas(deltas) {
    var box = $('delta-bars');
    var keys = ['1m', '2m', '3m', '4m', '15m', '30m'];
    var max = 0.0001;
    keys.forEach(function (k) { if (deltas[k] !== null && deltas[k] !== undefined) { max = Math.max(max, Math.abs(deltas[k])); } });
    var frag = document.createDocumentFragment();
    keys.forEach(function (k) {
      var v = deltas[k];
      var d = document.createElement('div');
      d.className = 'delta';
      var track = document.createElement('div');
      track.className = 'bar-track';
      if (v !== null && v !== undefined) {
        var bar = document.createElement('div');
        bar.className = 'bar ' + (v >= 0 ? 'up' : 'down');
        bar.style.height = (Math.abs(v) / max * 50) + '%';
        track.appendChild(bar);
      }
      var label = document.createElement('span');
      label.textContent = k + ' ' + (v === null || v === undefined ? '–' : fmtSigned(v, 3, '%'));
      d.appendChild(track);
      d.appendChild(label);
      frag.appendChild(d);
    });
    box.replaceChildren(frag);
  }

  function renderWatchlist() {
    var list = state.watchlists[state.symbol] || [];
    var table = state.tables[state.symbol];
    var currentEvent = table && table.current ? table.current.event_ticker : '';
    var body = document.querySelector('#watchlist tbody');
    if (list.length === 0) {
      body.innerHTML = '<tr class="empty"><td colspan="6" class="muted">Nothing passes the filter.</td></tr>';
      return;
    }
    var frag = document.createDocumentFragment();
    list.forEach(function (w) {
      var tr = document.createElement('tr');
      var hour = w.event_ticker === currentEvent ? 'this hour' : 'next hour';
      tr.appendChild(cell(w.ticker.substring(w.ticker.lastIndexOf('-') + 1) + ' · ' + hour));
      tr.appendChild(cell(w.side.toUpperCase()));
      tr.appendChild(cell((w.probability * 100).toFixed(1) + '%'));
      tr.appendChild(cell(cents(w.ask)));
      tr.appendChild(edgeCell(w.edge));
      tr.appendChild(cell(Math.round(w.volume).toLocaleString('en-US')));
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
  }

  function renderCountdown() {
    var t = state.tables[state.symbol];
    var ev = t && t[state.event];
    if (!ev) { $('countdown').textContent = '–'; return; }
    var elapsed = (Date.now() - state.receivedAt[state.symbol]) / 1000;
    var s = Math.max(0, Math.round(ev.seconds_to_close - elapsed));
    var m = Math.floor(s / 60);
    $('countdown').textContent = m + ':' + String(s % 60).padStart(2, '0');
  }

  function setConnection(kind, text) {
    var c = $('connection');
    c.className = 'connection ' + kind;
    c.textContent = text;
    document.body.classList.toggle('is-offline', kind === 'offline');
  }

  function watchFreshness() {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      if (Date.now() - state.lastMessageAt > STALE_AFTER_MS) {
        setConnection('stale', 'live · no update for ' + Math.round((Date.now() - state.lastMessageAt) / 1000) + ' s');
      } else {
        setConnection('online', 'live');
      }
    }
    renderCountdown();
  }

  function connect() {
    var proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var socket = new WebSocket(proto + '//' + location.host + '/ws/live');
    state.socket = socket;
    socket.onopen = function () {
      state.retryMs = 1000;
      state.lastMessageAt = Date.now();
      setConnection('online', 'live');
    };
    socket.onmessage = function (e) {
      var msg = JSON.parse(e.data);
      if (msg.type !== 'strike_table') { return; }
      var sym = msg.table.symbol;
      state.tables[sym] = msg.table;
      state.watchlists[sym] = msg.watchlist;
      state.receivedAt[sym] = Date.now();
      state.lastMessageAt = Date.now();
      if (sym === state.symbol) {
        renderTable();
        renderWatchlist();
        appendLivePoint(msg.table);
      }
    };
    socket.onclose = function () {
      setConnection('offline', 'offline · reconnecting');
      var wait = state.retryMs;
      state.retryMs = Math.min(state.retryMs * 2, 15000);
      setTimeout(connect, wait);
    };
    socket.onerror = function () { socket.close(); };
  }

  function loadHistory(symbol) {
    fetch('/api/price_history/' + symbol + '?minutes=180', {headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (h) {
        if (!h) { return; }
        state.history[symbol] = h.points.map(function (p) { return {x: p[0], y: p[1]}; });
        if (symbol === state.symbol) {
          var c = h.changes_percent;
          [['1h', 'change-1h'], ['3h', 'change-3h'], ['1d', 'change-1d']].forEach(function (k) {
            var v = c[k[0]];
            var el = $(k[1]);
            el.textContent = v === null || v === undefined ? '–' : fmtSigned(v, 2, '%');
            el.className = v > 0 ? 'edge-pos' : v < 0 ? 'edge-neg' : '';
          });
          drawChart();
        }
      })
      .catch(function () { /* the chart stays on live points only */ });
  }

  function appendLivePoint(table) {
    if (table.current_price === null || !table.price_at) { return; }
    var series = state.history[table.symbol] || (state.history[table.symbol] = []);
    var x = Date.parse(table.price_at);
    var last = series[series.length - 1];
    if (last && x <= last.x) { return; }
    series.push({x: x, y: table.current_price});
    if (series.length > 4000) { series.shift(); }
    if (state.chart) { state.chart.update('none'); }
  }

  function nearbyStrikes() {
    var t = state.tables[state.symbol];
    var ev = t && t.current;
    if (!ev || t.current_price === null) { return []; }
    var sorted = ev.strikes.slice().sort(function (a, b) {
      return Math.abs(a.strike - t.current_price) - Math.abs(b.strike - t.current_price);
    });
    return sorted.slice(0, 6).map(function (r) { return r.strike; });
  }

  function strikeDatasets(points) {
    if (points.length === 0) { return []; }
    var x0 = points[0].x;
    var x1 = points[points.length - 1].x;
    return nearbyStrikes().map(function (k) {
      return {label: 'strike ' + k, data: [{x: x0, y: k}, {x: x1, y: k}], borderColor: 'rgba(241,196,15,.55)',
        borderDash: [4, 4], borderWidth: 1, pointRadius: 0};
    });
  }

  function drawChart() {
    if (typeof Chart === 'undefined') { return; }
    var points = state.history[state.symbol] || [];
    var datasets = [{label: state.symbol, data: points, borderColor: '#4aa3ff', borderWidth: 1.5, pointRadius: 0}]
      .concat(strikeDatasets(points));
    if (state.chart) {
      state.chart.data.datasets = datasets;
      state.chart.update('none');
      return;
    }
    state.chart = new Chart($('price-chart'), {
      type: 'line',
      data: {datasets: datasets},
      options: {
        animation: false, parsing: false, maintainAspectRatio: false,
        plugins: {legend: {display: false}},
        scales: {
          x: {type: 'linear', ticks: {color: '#8b98a5', maxTicksLimit: 6, callback: function (v) {
            return new Date(v).toISOString().substring(11, 16);
          }}, grid: {color: '#26313d'}},
          y: {ticks: {color: '#8b98a5'}, grid: {color: '#26313d'}}
        }
      }
    });
  }

  var lastStrikeKey = '';
  function updateChartStrikes() {
    var key = state.symbol + nearbyStrikes().join(',');
    if (key !== lastStrikeKey) {
      lastStrikeKey = key;
      drawChart();
    }
  }

  function pick(symbol) {
    state.symbol = symbol;
    document.querySelectorAll('.symbol-pick').forEach(function (b) {
      b.classList.toggle('active', b.dataset.symbol === symbol);
    });
    $('symbol-name').textContent = symbol;
    $('spot-price').textContent = '–';
    renderTable();
    renderWatchlist();
    loadHistory(symbol);
    drawChart();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.symbol-pick').forEach(function (b) {
      b.addEventListener('click', function () { pick(b.dataset.symbol); });
    });
    document.querySelectorAll('.event-tab').forEach(function (b) {
      b.addEventListener('click', function () {
        state.event = b.dataset.event;
        document.querySelectorAll('.event-tab').forEach(function (x) { x.classList.toggle('active', x === b); });
        renderTable();
        renderCountdown();
      });
    });
    connect();
    pick('BTC');
    setInterval(watchFreshness, 1000);
    setInterval(function () { loadHistory(state.symbol); }, 60000);
  });
}());
