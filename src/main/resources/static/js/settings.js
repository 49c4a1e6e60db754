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
