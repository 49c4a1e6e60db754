// Audit (master admin): the audit log, newest first, filtered on the server by who, action, outcome and days
// (in the user's time zone as the browser knows it).
(function () {
  'use strict';

  var R = window.recio;
  var el = R.el;
  var form = document.getElementById('audit-filter');

  function dayStart(value, plusDays) {
    if (!value) { return null; }
    var d = new Date(value + 'T00:00:00');
    d.setDate(d.getDate() + plusDays);
    return d.toISOString();
  }

  function query() {
    var q = new URLSearchParams();
    var f = new FormData(form);
    ['actor', 'action', 'outcome'].forEach(function (k) { if (f.get(k)) { q.set(k, f.get(k)); } });
    var from = dayStart(f.get('from'), 0);
    var to = dayStart(f.get('to'), 1);
    if (from) { q.set('from', from); }
    if (to) { q.set('to', to); }
    return q.toString();
  }

  function render(entries) {
    document.getElementById('audit-count').textContent = String(entries.length);
    var rows = entries.map(function (a) {
      var tone = a.outcome === 'OK' ? 'good' : a.outcome === 'REFUSED' ? 'warn' : 'bad';
      return el('tr', {'data-id': String(a.id)}, [
        el('td', {'class': 'key num', 'data-label': 'When'}, R.fmt.dateTime(a.at)),
        el('td', {'class': 'key', 'data-label': 'Who'}, a.actor || '–'),
        el('td', {'class': 'key', 'data-label': 'Action'}, a.action),
        el('td', {'data-label': 'Outcome'}, [el('span', {'class': 'badge ' + tone}, a.outcome.toLowerCase())]),
        el('td', {'data-label': 'Target'}, a.target || ''),
        el('td', {'data-label': 'Detail'}, a.detail || ''),
        el('td', {'data-label': 'From'}, a.source || '')
      ]);
    });
    var body = document.querySelector('#audit tbody');
    body.replaceChildren.apply(body, rows);
  }

  function load() {
    R.clearProblems(form);
    var q = query();
    return R.api('GET', '/api/admin/audit' + (q ? '?' + q : '')).then(render, function (p) { R.showProblem(form, p); });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  load();
}());
