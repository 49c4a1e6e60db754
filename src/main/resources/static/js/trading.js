// Trade Monitor, trading part: pick a strike row to fill the buy form, buy with a worst price (IOC),
// and the active trades panel (polled from /api/active_trades) with a Close button per trade.
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = {'Content-Type': 'application/json'};
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  function say(text, bad) {
    var m = $('trade-message');
    m.textContent = text;
    m.className = 'small ' + (bad ? 'edge-neg' : 'edge-pos');
  }

  function post(url, body) {
    return fetch(url, {method: 'POST', headers: csrfHeaders(), body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, body: j}; }); });
  }

  function explain(res) {
    if (res.ok) { return null; }
    var p = res.body;
    return p && p.detail ? p.detail : 'failed';
  }

  function cell(text, cls) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : text;
    if (cls) { td.className = cls; }
    return td;
  }

  function renderActive(list) {
    var body = document.querySelector('#active-trades tbody');
    if (!list.length) {
      body.innerHTML = '<tr class="empty"><td colspan="8" class="muted">No open trades.</td></tr>';
      return;
    }
    var frag = document.createDocumentFragment();
    list.forEach(function (t) {
      var tr = document.createElement('tr');
      tr.appendChild(cell(t.ticker.substring(t.ticker.lastIndexOf('-') + 1)));
      tr.appendChild(cell(t.side));
      tr.appendChild(cell(Number(t.contracts) - Number(t.closed_contracts)));
      tr.appendChild(cell(t.entry_price));
      tr.appendChild(cell(t.close_price));
      tr.appendChild(cell(t.probability === null || t.probability === undefined ? null : (t.probability * 100).toFixed(1) + '%'));
      var pnl = t.unrealized_pnl === null || t.unrealized_pnl === undefined ? null : Number(t.unrealized_pnl);
      tr.appendChild(cell(pnl === null ? null : pnl.toFixed(2), pnl === null ? '' : pnl >= 0 ? 'edge-pos' : 'edge-neg'));
      var td = document.createElement('td');
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Close';
      b.addEventListener('click', function () {
        b.disabled = true;
        post('/api/trades/' + t.id + '/close').then(function (res) {
          say(explain(res) || 'trade ' + t.id + ' ' + res.body.status, !res.ok);
          refresh();
        });
      });
      td.appendChild(b);
      tr.appendChild(td);
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
  }

  function refresh() {
    fetch('/api/active_trades', {headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(renderActive)
      .catch(function () { /* the monitor's connection badge already says we are offline */ });
  }

  function init() {
    var table = document.querySelector('#strike-table tbody');
    table.addEventListener('click', function (e) {
      var tr = e.target.closest('tr');
      if (tr && tr.dataset.ticker) { $('trade-ticker').value = tr.dataset.ticker; }
    });
    $('trade-form').addEventListener('submit', function (e) {
      e.preventDefault();
      post('/api/trades', {
        ticker: $('trade-ticker').value.trim(),
        side: $('trade-side').value,
        count: parseInt($('trade-count').value, 10),
        worst_price: $('trade-worst').value.trim()
      }).then(function (res) {
        var why = explain(res);
        say(why || 'trade ' + res.body.id + ' ' + res.body.status
          + (res.body.reject_reason ? ': ' + res.body.reject_reason : ''), !!why);
        refresh();
      });
    });
    refresh();
    setInterval(refresh, 2000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
