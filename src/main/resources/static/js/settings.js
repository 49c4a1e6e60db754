// Settings: the user's password, trade size, notifications and time zone; the account's auto-entry and auto-stop
// (editable by a master admin, shown to a user). Every form validates on the server and shows its message next
// to the field.
(function () {
  'use strict';

  var R = window.recio;
  function $(id) { return document.getElementById(id); }
  function message(form) { return form.querySelector('.form-message'); }

  $('password-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    R.clearProblems(form);
    if ($('new-password').value !== $('repeat-password').value) {
      R.showProblem(form, {field: 'repeat_password', detail: 'the two new passwords differ'});
      return;
    }
    R.api('POST', '/api/me/password', {current_password: $('current-password').value, new_password: $('new-password').value})
      .then(function () {
        ['current-password', 'new-password', 'repeat-password'].forEach(function (id) { $(id).value = ''; });
        R.say(message(form), 'Password changed.', 'ok');
        if ($('password-required')) { $('password-required').hidden = true; }
      }, function (p) { R.showProblem(form, p); });
  });

  var size = $('size-settings-form');
  R.api('GET', '/api/trade_settings').then(function (s) { R.form.fill(size, s); },
    function (p) { R.say(message(size), p.detail, 'error'); });
  size.addEventListener('submit', function (e) {
    e.preventDefault();
    R.clearProblems(size);
    R.api('PUT', '/api/trade_settings', R.form.read(size)).then(function (s) {
      R.form.fill(size, s);
      R.say(message(size), 'Saved: ' + s.position_size * s.multiplier + ' contracts per order.', 'ok');
    }, function (p) { R.showProblem(size, p); });
  });

  function permissionNote() {
    var note = $('notify-permission');
    if (!window.Notification) { note.textContent = 'This browser has no notifications.'; return; }
    note.textContent = {granted: 'Allowed by this browser.', denied: 'Blocked in this browser\'s site settings.',
      'default': 'The browser asks once when you turn this on.'}[Notification.permission];
  }
  permissionNote();
  $('pref-notify').addEventListener('change', function (e) {
    if (e.target.checked && window.Notification && Notification.permission === 'default') {
      Notification.requestPermission().then(permissionNote);
    }
  });
  $('notify-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    R.clearProblems(form);
    R.api('PUT', '/api/me/preferences', {sound: $('pref-sound').checked, browser_notifications: $('pref-notify').checked})
      .then(function (p) {
        document.body.dataset.sound = String(p.sound);
        document.body.dataset.notify = String(p.browser_notifications);
        R.say(message(form), 'Saved.', 'ok');
      }, function (p) { R.showProblem(form, p); });
  });
  $('notify-test').addEventListener('click', function () {
    R.announce('Test', 'this is how a fill sounds and looks', 'fill');
  });

  $('display-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    R.clearProblems(form);
    R.api('PUT', '/api/me/preferences', {time_zone: $('pref-zone').value}).then(function () {
      // Times on every page are formatted in this zone from the next page load.
      location.reload();
    }, function (p) { R.showProblem(form, p); });
  });

  // API tokens: made here, shown once, listed with their last use, revoked after a confirmation.
  var tokenForm = $('token-form');
  function renderTokens(list) {
    $('tokens-empty').hidden = list.length > 0;
    var body = document.querySelector('#tokens tbody');
    body.replaceChildren.apply(body, list.map(function (t) {
      var status = t.revoked_at ? 'revoked' : t.active ? 'active' : 'expired';
      return R.el('tr', {'data-id': String(t.id)}, [
        R.el('td', {'class': 'key', 'data-label': 'Name'}, t.name),
        R.el('td', {'class': 'key', 'data-label': 'Scope'}, t.scope),
        R.el('td', {'class': 'num', 'data-label': 'Created'}, R.fmt.dateTime(t.created_at)),
        R.el('td', {'class': 'num', 'data-label': 'Expires'}, R.fmt.dateTime(t.expires_at)),
        R.el('td', {'data-label': 'Last used'}, t.last_used_at ? R.fmt.dateTime(t.last_used_at) + ' from ' + t.last_used_from : 'never'),
        R.el('td', {'class': 'key', 'data-label': 'Status'}, [R.el('span', {'class': 'badge ' + (t.active ? 'good' : 'bad')}, status)]),
        R.el('td', {'data-label': ''}, t.active ? [R.el('button', {'type': 'button', 'class': 'secondary', 'data-revoke': String(t.id)}, 'Revoke')] : '')
      ]);
    }));
  }
  function loadTokens() {
    return R.api('GET', '/api/me/tokens').then(renderTokens, function (p) { R.say(message(tokenForm), p.detail, 'error'); });
  }
  tokenForm.addEventListener('submit', function (e) {
    e.preventDefault();
    R.clearProblems(tokenForm);
    R.api('POST', '/api/me/tokens', {name: $('t-name').value.trim(), scope: $('t-scope').value,
      expires_in_days: Number($('t-days').value)}).then(function (created) {
      $('token-once-title').textContent = 'Token "' + created.token_info.name + '" (' + created.token_info.scope + ')';
      $('token-once-value').textContent = created.token;
      $('token-once').hidden = false;
      $('t-name').value = '';
      return loadTokens();
    }, function (p) { R.showProblem(tokenForm, p); });
  });
  document.querySelector('#tokens tbody').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-revoke]');
    if (!b) { return; }
    R.confirm({title: 'Revoke token', message: 'Scripts using this token are refused from now on.', ok: 'Revoke'})
      .then(function (ok) {
        if (ok) { R.api('DELETE', '/api/me/tokens/' + b.dataset.revoke).then(loadTokens, function (p) { R.toast(p.detail, 'bad'); }); }
      });
  });
  loadTokens();

  var auto = $('auto-form');
  R.api('GET', '/api/auto_trading').then(function (a) { R.form.fill(auto, a.settings); },
    function (p) { R.toast(p.detail, 'bad'); });
  R.live.on('auto_trading', function (a) {
    if (!auto.contains(document.activeElement)) { R.form.fill(auto, a.settings); }
  });
  auto.addEventListener('submit', function (e) {
    e.preventDefault();
    R.clearProblems(auto);
    R.api('PUT', '/api/auto_trading', R.form.read(auto)).then(function (a) {
      R.form.fill(auto, a.settings);
      R.say(message(auto), 'Saved.', 'ok');
    }, function (p) { R.showProblem(auto, p); });
  });
}());
