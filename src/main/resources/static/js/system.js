// System: the managed services and the status, live from the console's channel ('services', 'status').
(function () {
  'use strict';

  var R = window.recio;
  var el = R.el;

  function uptime(s) {
    if (s.state !== 'RUNNING' && s.state !== 'DEGRADED') { return '–'; }
    var since = Date.parse(s.started_at || s.since);
    return isNaN(since) ? '–' : R.fmt.duration((R.live.serverNow() - since) / 1000);
  }

  var services = [];

  function render() {
    var body = document.querySelector('#services tbody');
    document.getElementById('services-count').textContent = String(services.length);
    R.patchRows(body, services.map(function (s) {
      return el('tr', {'data-name': s.name}, [
        el('td', {'class': 'key', 'data-label': 'Service'}, s.name),
        el('td', {'class': 'key', 'data-label': 'State'}, [el('span', {'class': 'badge state-' + s.state}, s.state)]),
        el('td', {'class': 'num', 'data-label': 'Since'}, R.fmt.dateTime(s.since)),
        el('td', {'class': 'key num', 'data-label': 'Up'}, uptime(s)),
        el('td', {'class': 'num', 'data-label': 'Restarts'}, String(s.restarts)),
        el('td', {'data-label': 'Depends on'}, (s.dependencies || []).join(', ') || '–'),
        el('td', {'data-label': 'Last problem'}, s.last_error || '')
      ]);
    }), 'name');
  }

  R.live.on('services', function (list) {
    services = list;
    render();
  });

  R.live.on('status', function (s) {
    var level = document.getElementById('system-level');
    level.textContent = s.level;
    level.className = 'badge status-' + s.level;
    document.getElementById('system-summary').textContent = s.summary;
    var list = document.getElementById('system-reasons');
    list.replaceChildren.apply(list, s.reasons.map(function (r) { return el('li', null, r); }));
  });

  setInterval(function () { if (services.length) { render(); } }, 1000);
}());
