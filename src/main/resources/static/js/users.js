// Users (master admin): add a user (password set or generated and shown once), change role, disable or enable,
// reset the password. The server refuses leaving no enabled master admin and says so next to the action.
(function () {
  'use strict';

  var R = window.recio;
  var el = R.el;
  function $(id) { return document.getElementById(id); }
  var list = [];

  function showOnce(title, value) {
    $('once-title').textContent = title;
    $('once-value').textContent = value;
    $('once').hidden = false;
  }

  function render() {
    $('users-count').textContent = String(list.length);
    R.patchRows(document.querySelector('#users tbody'), list.map(function (u) {
      var admin = u.role === 'MASTER_ADMIN';
      var me = u.username === R.user.name;
      return el('tr', {'data-username': u.username}, [
        el('td', {'class': 'key', 'data-label': 'User'}, [u.username, me ? el('span', {'class': 'muted small'}, ' (you)') : null]),
        el('td', {'class': 'key', 'data-label': 'Role'}, [el('span', {'class': 'badge' + (admin ? ' warn' : '')}, admin ? 'master admin' : 'user')]),
        el('td', {'class': 'key', 'data-label': 'Status'}, [el('span', {'class': 'badge ' + (u.enabled ? 'good' : 'bad')}, u.enabled ? 'enabled' : 'disabled')]),
        el('td', {'class': 'num', 'data-label': 'Created'}, R.fmt.dateTime(u.created_at)),
        el('td', {'data-label': 'Actions'}, [el('div', {'class': 'row-actions', 'data-admin-control': ''}, [
          el('button', {'type': 'button', 'class': 'secondary', 'data-act': 'role', 'data-user': u.username}, admin ? 'Make user' : 'Make master admin'),
          el('button', {'type': 'button', 'class': u.enabled ? 'danger' : 'secondary', 'data-act': 'enabled', 'data-user': u.username}, u.enabled ? 'Disable' : 'Enable'),
          el('button', {'type': 'button', 'class': 'secondary', 'data-act': 'password', 'data-user': u.username}, 'Reset password')
        ])])
      ]);
    }), 'username');
  }

  function load() {
    return R.api('GET', '/api/admin/users').then(function (users) { list = users; render(); },
      function (p) { R.toast(p.detail, 'bad'); });
  }

  $('add-user-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    R.clearProblems(form);
    var body = {username: $('u-username').value.trim(), role: $('u-role').value, password: $('u-password').value || null};
    R.api('POST', '/api/admin/users', body).then(function (created) {
      form.reset();
      R.say(form.querySelector('.form-message'), 'Added ' + created.user.username + '.', 'ok');
      if (created.initial_password) { showOnce('Password for ' + created.user.username, created.initial_password); } else { $('once').hidden = true; }
      return load();
    }, function (p) { R.showProblem(form, p); });
  });

  document.querySelector('#users tbody').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-act]');
    if (!b) { return; }
    var u = list.find(function (x) { return x.username === b.dataset.user; });
    if (!u) { return; }
    var ask;
    var call;
    if (b.dataset.act === 'role') {
      var next = u.role === 'MASTER_ADMIN' ? 'USER' : 'MASTER_ADMIN';
      ask = {title: 'Change role', message: u.username + ' becomes ' + (next === 'USER' ? 'a user' : 'a master admin') + ' and is signed out everywhere.', ok: 'Change role'};
      call = function () { return R.api('PUT', '/api/admin/users/' + encodeURIComponent(u.username), {role: next}); };
    } else if (b.dataset.act === 'enabled') {
      ask = {title: u.enabled ? 'Disable user' : 'Enable user', message: u.enabled
        ? u.username + ' is signed out everywhere at once and can no longer sign in or use API tokens.'
        : u.username + ' may sign in again.', ok: u.enabled ? 'Disable' : 'Enable'};
      call = function () { return R.api('PUT', '/api/admin/users/' + encodeURIComponent(u.username), {enabled: !u.enabled}); };
    } else {
      ask = {title: 'Reset password', message: 'A new password is generated for ' + u.username + ' and shown once; they are signed out everywhere.', ok: 'Reset'};
      call = function () {
        return R.api('POST', '/api/admin/users/' + encodeURIComponent(u.username) + '/password', {}).then(function (r) {
          showOnce('New password for ' + r.username, r.new_password);
        });
      };
    }
    R.confirm(ask).then(function (ok) {
      if (!ok) { return; }
      call().then(load, function (p) { R.toast(p.detail, 'bad'); });
    });
  });

  load();
}());
