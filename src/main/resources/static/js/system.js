// System: status, trading state, resources, the managed services with Restart and Logs, the master restart's
// countdown, health history, incidents, alerts and the admin console. Everything after the first render arrives
// on the console's live channel ('status', 'services', 'system_health', 'incidents', 'alerts', 'auto_trading',
// 'master_restart', 'log_sizes'); a followed log is read by offset only when a push says it grew.
(function () {
  'use strict';

  var R = window.recio;
  var el = R.el;
  var admin = R.user.admin;
  var services = [];

  function $(id) { return document.getElementById(id); }

  function fail(p) { R.toast(p.detail || p.title, 'bad'); }

  // ---- services ------------------------------------------------------------------------------------------------

  function uptime(s) {
    if (s.state !== 'RUNNING' && s.state !== 'DEGRADED') { return '–'; }
    var since = Date.parse(s.started_at || s.since);
    return isNaN(since) ? '–' : R.fmt.duration((R.live.serverNow() - since) / 1000);
  }

  /** The services that need name, directly or through others. */
  function dependants(name) {
    var found = [];
    var grow = true;
    while (grow) {
      grow = false;
      services.forEach(function (s) {
        if (found.indexOf(s.name) < 0 && (s.dependencies || []).some(function (d) { return d === name || found.indexOf(d) >= 0; })) {
          found.push(s.name);
          grow = true;
        }
      });
    }
    return found;
  }

  /** A service name that may wrap after its underscores (long names on a phone), never inside a word. */
  function breakable(name) {
    var parts = [];
    name.split('_').forEach(function (p, i, all) {
      parts.push(p + (i < all.length - 1 ? '_' : ''));
      if (i < all.length - 1) { parts.push(el('wbr')); }
    });
    return parts;
  }

  function actions(s) {
    var down = s.state === 'STOPPED' || s.state === 'FAILED';
    return el('td', {'class': 'key actions', 'data-label': 'Actions'}, [
      el('button', {type: 'button', 'class': 'small svc-restart' + (down ? ' needed' : ' secondary'), 'data-service': s.name,
        'aria-label': 'Restart ' + s.name}, down ? 'Start' : 'Restart'),
      el('button', {type: 'button', 'class': 'small secondary svc-logs', 'data-service': s.name, 'aria-label': 'Logs of ' + s.name}, 'Logs')
    ]);
  }

  function renderServices() {
    var body = document.querySelector('#services tbody');
    $('services-count').textContent = String(services.length);
    R.patchRows(body, services.map(function (s) {
      return el('tr', {'data-name': s.name, 'data-state': s.state}, [
        el('td', {'class': 'key', 'data-label': 'Service'}, breakable(s.name)),
        el('td', {'class': 'key', 'data-label': 'State'}, [el('span', {'class': 'badge state-' + s.state}, s.state)]),
        el('td', {'class': 'num', 'data-label': 'Since'}, R.fmt.dateTime(s.since)),
        el('td', {'class': 'num', 'data-label': 'Up'}, uptime(s)),
        el('td', {'class': 'num', 'data-label': 'Restarts'}, String(s.restarts)),
        el('td', {'data-label': 'Depends on'}, (s.dependencies || []).join(', ') || '–'),
        // a problem the service has recovered from stays listed (with its time), muted
        el('td', {'data-label': 'Last problem', 'class': s.state === 'RUNNING' ? 'past' : null}, s.last_error ? s.last_error + (s.last_error_at ? ' (' + R.fmt.dateTime(s.last_error_at) + ')' : '') : ''),
        admin ? actions(s) : null
      ]);
    }), 'name');
  }

  R.live.on('services', function (list) {
    services = list;
    renderServices();
  });

  function restart(name) {
    var needing = dependants(name);
    R.confirm({
      title: 'Restart ' + name + '?',
      message: name + ' stops and starts again.' + (needing.length
        ? ' These services need it and run without it for a moment: ' + needing.join(', ') + '.'
        : ' No other service needs it.'),
      ok: 'Restart'
    }).then(function (yes) {
      if (!yes) { return; }
      R.api('POST', '/api/services/' + encodeURIComponent(name) + '/restart').then(function (r) {
        R.toast('Restarting ' + r.service + (r.affected.length ? '; affected: ' + r.affected.join(', ') : ''), 'good');
      }, fail);
    });
  }

  // ---- status and trading ------------------------------------------------------------------------------------------

  R.live.on('status', function (s) {
    var level = $('system-level');
    level.textContent = s.level;
    level.className = 'badge status-' + s.level;
    $('system-summary').textContent = s.summary;
    var list = $('system-reasons');
    list.replaceChildren.apply(list, s.reasons.map(function (r) { return el('li', null, r); }));
  });

  var MODE_CLASS = {ACTIVE: 'good', REDUCING: 'warn', HALTED: 'bad'};

  function renderTrading(t) {
    var mode = $('trading-mode');
    mode.textContent = t.mode;
    mode.className = 'badge ' + (MODE_CLASS[t.mode] || '');
    $('trading-summary').textContent = t.mode === 'ACTIVE' ? 'entries and exits allowed'
      : t.mode === 'REDUCING' ? 'exits only: no new entries, open trades stay supervised' : 'no orders at all';
    var list = $('trading-holds');
    list.replaceChildren.apply(list, t.holds.map(function (h) {
      return el('li', null, [el('span', {'class': 'badge ' + (MODE_CLASS[h.mode] || '')}, h.kind), ' ' + h.reason
        + ' (since ' + R.fmt.dateTime(h.since) + ')']);
    }));
  }

  function loadTrading() { R.api('GET', '/api/trading/status').then(renderTrading, function () { }); }
  // the auto_trading push says the trading state changed: read its holds then
  R.live.on('auto_trading', loadTrading);

  // ---- resources and the health chart -----------------------------------------------------------------------

  var chart = null;
  var HOUR_MS = 3600 * 1000;

  function bar(name, percent, level) {
    var row = document.querySelector('.bar-row[data-resource=' + name + ']');
    var p = percent === null || percent === undefined ? null : Math.max(0, Math.min(100, percent));
    row.querySelector('.bar-fill').style.width = (p === null ? 0 : p) + '%';
    row.querySelector('.bar-fill').className = 'bar-fill level-' + (level || 'NONE');
    row.querySelector('.bar-value').textContent = p === null ? '–' : p.toFixed(0) + '%';
    var badge = row.querySelector('.level');
    badge.textContent = level || '–';
    badge.className = 'badge level level-' + (level || 'NONE');
  }

  function gb(r) { return r.used_gb === null ? '' : r.used_gb + ' of ' + r.total_gb + ' GB'; }

  function renderHealth(h) {
    bar('cpu', h.cpu.percent, h.cpu.level);
    bar('memory', h.memory.percent, h.memory.level);
    bar('disk', h.disk.percent, h.disk.level);
    bar('heap', h.jvm.heap_percent, h.jvm.heap_level);
    $('health-at').textContent = R.fmt.time(h.timestamp);
    var db = h.database.reachable ? 'database reachable, ping ' + h.database.ping_ms + ' ms' : 'database UNREACHABLE: ' + h.database.error;
    var others = h.other_instances.length ? ' · ANOTHER recio instance on this database: ' + h.other_instances[0].instance_id
      + ' on ' + h.other_instances[0].host : '';
    $('health-facts').textContent = db + ' · memory ' + gb(h.memory) + ' · disk ' + gb(h.disk) + ', ' + h.disk.free_gb
      + ' GB free · ' + h.jvm.threads + ' threads · ' + h.services.running + ' of ' + h.services.total + ' services running'
      + (h.same_data_dir ? ' · ANOTHER process holds this data directory' : '') + others;
    if (chart) {
      var at = Date.parse(h.timestamp);
      var sets = chart.data.datasets;
      var last = sets[0].data.length ? sets[0].data[sets[0].data.length - 1].x : 0;
      if (at > last) {
        [h.cpu.percent, h.memory.percent, h.disk.percent, h.jvm.heap_percent].forEach(function (v, i) {
          sets[i].data.push({x: at, y: v});
          while (sets[i].data.length && sets[i].data[0].x < at - HOUR_MS) { sets[i].data.shift(); }
        });
        chart.options.scales.x.min = at - HOUR_MS;
        chart.options.scales.x.max = at;
        chart.update('none');
      }
    }
  }

  R.live.on('system_health', renderHealth);

  function drawChart(points) {
    var canvas = $('health-chart');
    if (!canvas || typeof Chart === 'undefined') { return; }
    function series(label, color, key) {
      return {label: label, borderColor: color, borderWidth: 1.5, pointRadius: 0,
        data: points.map(function (p) { return {x: Date.parse(p.at), y: p[key]}; })};
    }
    var now = R.live.serverNow();
    chart = new Chart(canvas, {
      type: 'line',
      data: {datasets: [series('CPU', '#4aa3ff', 'cpu_percent'), series('memory', '#2ecc71', 'memory_percent'),
        series('disk', '#f1c40f', 'disk_percent'), series('heap', '#c084fc', 'heap_percent')]},
      options: {
        animation: false, parsing: false, maintainAspectRatio: false, responsive: true, spanGaps: true,
        plugins: {legend: {labels: {color: '#8b98a5', boxWidth: 12}}},
        scales: {
          x: {type: 'linear', min: now - HOUR_MS, max: now,
            ticks: {color: '#8b98a5', maxTicksLimit: 7, callback: function (v) { return R.fmt.time(v).substring(0, 5); }},
            grid: {color: '#26313d'}},
          y: {min: 0, max: 100, ticks: {color: '#8b98a5', callback: function (v) { return v + '%'; }}, grid: {color: '#26313d'}}
        }
      }
    });
  }

  // ---- incidents and alerts ----------------------------------------------------------------------------------

  function renderIncidents(list) {
    $('incidents-empty').hidden = list.length > 0;
    var ul = $('incidents');
    ul.replaceChildren.apply(ul, list.map(function (i) {
      return el('li', {'data-id': String(i.id)}, [el('details', null, [
        el('summary', null, [el('span', {'class': 'badge ' + (i.closed_at ? '' : 'bad')}, i.closed_at ? 'ended' : 'ongoing'),
          ' ' + i.title]),
        el('p', {'class': 'small muted'}, R.fmt.dateTime(i.opened_at) + ' – ' + (i.closed_at ? R.fmt.dateTime(i.closed_at) : 'now')),
        el('ul', {'class': 'small'}, i.entries.map(function (e) {
          return el('li', null, R.fmt.time(e.at) + ' ' + e.kind.toLowerCase() + ': ' + e.text);
        }))
      ])]);
    }));
  }

  var SEVERITY_CLASS = {INFO: '', WARNING: 'warn', CRITICAL: 'bad'};

  function renderAlerts(list) {
    $('alerts-empty').hidden = list.length > 0;
    var ul = $('alerts');
    ul.replaceChildren.apply(ul, list.map(function (a) {
      var sent = a.deliveries.map(function (d) { return d.channel + (d.ok ? ' ✓' : ' ✗ ' + (d.error || '')); }).join(', ');
      return el('li', {'data-id': String(a.id)}, [
        el('span', {'class': 'badge ' + (SEVERITY_CLASS[a.severity] || '')}, a.severity), ' ',
        el('strong', null, a.kind), ' ' + a.message,
        el('div', {'class': 'small muted'}, R.fmt.dateTime(a.raised_at) + ' · ' + a.status.toLowerCase().replace('_', ' ')
          + (sent ? ' · ' + sent : ''))
      ]);
    }));
  }

  R.live.on('incidents', renderIncidents);
  R.live.on('alerts', renderAlerts);

  // ---- master restart ------------------------------------------------------------------------------------------

  var master = null;
  var masterTimer = null;

  function renderMaster() {
    var m = master;
    var box = $('master-restart');
    var cancel = $('master-restart-cancel');
    var recent = m && m.ended_at && R.live.serverNow() - Date.parse(m.ended_at) < 120000;
    box.hidden = !m || !(m.phase === 'COUNTDOWN' || m.phase === 'RESTARTING' || recent);
    box.className = 'panel master-banner phase-' + (m ? m.phase : 'IDLE');
    if (cancel) { cancel.hidden = !m || m.phase !== 'COUNTDOWN'; }
    var button = $('master-restart-button');
    if (button) { button.disabled = !!m && (m.phase === 'COUNTDOWN' || m.phase === 'RESTARTING'); }
    if (!m) { return; }
    var text = $('master-restart-text');
    if (m.phase === 'COUNTDOWN') {
      var left = Math.max(0, Math.ceil((Date.parse(m.restart_at) - R.live.serverNow()) / 1000));
      text.textContent = 'Every service restarts in ' + left + ' s (requested by ' + m.requested_by + ')';
    } else if (m.phase === 'RESTARTING') {
      text.textContent = 'Restarting every service in dependency order…';
    } else if (m.phase === 'CANCELLED') {
      text.textContent = 'The master restart requested by ' + m.requested_by + ' was cancelled by ' + m.cancelled_by;
    } else if (m.phase === 'DONE') {
      text.textContent = 'Every service was restarted (' + m.services.length + ') at ' + R.fmt.time(m.ended_at);
    }
  }

  R.live.on('master_restart', function (m) {
    master = m;
    clearInterval(masterTimer);
    // the countdown's seconds tick on screen; the state itself only changes by pushes
    if (m.phase === 'COUNTDOWN') { masterTimer = setInterval(renderMaster, 250); }
    renderMaster();
  });

  function requestMasterRestart() {
    R.confirm({
      title: 'Restart every service?',
      message: 'Every service stops in reverse dependency order and starts again in dependency order; the console is '
        + 'offline for a moment. Every open console sees a 30-second countdown that any admin can cancel.',
      ok: 'Start the countdown'
    }).then(function (yes) {
      if (yes) { R.api('POST', '/api/admin/master_restart').then(function (m) { master = m; renderMaster(); }, fail); }
    });
  }

  // ---- logs: the last lines, then what a push says was added ----------------------------------------------------

  var log = {name: null, offset: 0, reading: false, size: 0};
  var MAX_LOG_LINES = 2000;

  function showLog(lines, replace) {
    var pre = $('log-text');
    var atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    var text = (replace ? '' : pre.textContent) + lines.map(function (l) { return l + '\n'; }).join('');
    var all = text.split('\n');
    if (all.length > MAX_LOG_LINES) { text = all.slice(all.length - MAX_LOG_LINES).join('\n'); }
    pre.textContent = text;
    if (replace || atEnd) { pre.scrollTop = pre.scrollHeight; }
  }

  function openLog(name) {
    log.name = name;
    $('log-name').textContent = name;
    $('log-panel').hidden = false;
    R.api('GET', '/api/logs/' + encodeURIComponent(name) + '?lines=' + $('log-lines').value).then(function (t) {
      log.offset = t.offset;
      showLog(t.lines, true);
      if (t.lines.length === 0) { $('log-text').textContent = '(the log is empty)\n'; }
    }, function (p) {
      log.offset = 0;
      $('log-text').textContent = p.detail + '\n';
    });
    $('log-panel').scrollIntoView({block: 'nearest'});
  }

  function follow() {
    if (!log.name || log.reading || !$('log-follow').checked || log.size === log.offset) { return; }
    log.reading = true;
    R.api('GET', '/api/logs/' + encodeURIComponent(log.name) + '?after=' + log.offset).then(function (t) {
      log.reading = false;
      var rolled = t.offset < log.offset;
      log.offset = t.offset;
      showLog(t.lines, rolled);
      if (log.size > log.offset && t.lines.length) { follow(); }
    }, function () { log.reading = false; });
  }

  R.live.on('log_sizes', function (d) {
    if (!log.name) { return; }
    log.size = d.sizes[log.name] || 0;
    follow();
  });

  // ---- admin console -----------------------------------------------------------------------------------------------

  function runCommand(line) {
    var out = $('console-output');
    out.textContent += '> ' + line + '\n';
    return R.api('POST', '/api/admin/console', {line: line}).then(function (r) {
      out.textContent += r.output + '\n\n';
    }, function (p) {
      out.textContent += p.detail + '\n\n';
    }).then(function () { out.scrollTop = out.scrollHeight; });
  }

  // ---- wiring --------------------------------------------------------------------------------------------------

  if (admin) {
    $('services').addEventListener('click', function (e) {
      var b = e.target.closest('button[data-service]');
      if (!b) { return; }
      if (b.classList.contains('svc-restart')) { restart(b.dataset.service); } else { openLog(b.dataset.service); }
    });
    $('master-restart-button').addEventListener('click', requestMasterRestart);
    $('master-restart-cancel').addEventListener('click', function () {
      R.api('DELETE', '/api/admin/master_restart').then(function (m) { master = m; renderMaster(); }, fail);
    });
    $('log-close').addEventListener('click', function () { log.name = null; $('log-panel').hidden = true; });
    $('log-lines').addEventListener('change', function () { if (log.name) { openLog(log.name); } });
    $('log-follow').addEventListener('change', follow);
    $('console-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var input = $('console-line');
      var line = input.value.trim();
      if (!line) { return; }
      input.value = '';
      runCommand(line);
    });
  }

  loadTrading();
  R.api('GET', '/api/system/health').then(renderHealth, function () { });
  R.api('GET', '/api/system/health/history').then(function (h) { drawChart(h.points); }, function () { drawChart([]); });
  R.api('GET', '/api/system/incidents?limit=10').then(renderIncidents, function () { });
  R.api('GET', '/api/alerts?limit=10').then(renderAlerts, function () { });

  // uptimes tick on screen between pushes
  setInterval(function () { if (services.length) { renderServices(); } }, 1000);
}());
