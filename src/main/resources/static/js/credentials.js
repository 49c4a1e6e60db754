// Credentials: the account's Kalshi API key. Shows what is stored (never the key), stores a new key after the server
// checked it against Kalshi, switches its environment after a confirmation and deletes it.
(function () {
  'use strict';

  var R = window.recio;
  function $(id) { return document.getElementById(id); }
  function message(form) { return form.querySelector('.form-message'); }

  function show(c) {
    $('c-stored').textContent = c.stored ? 'stored (encrypted)' : (c.key_file_configured ? 'none stored; the configured key file is used' : 'none');
    $('c-environment').textContent = c.environment || '–';
    $('c-updated').textContent = c.updated_at ? R.fmt.dateTime(c.updated_at) + ' by ' + c.updated_by : '–';
    $('c-master').textContent = c.master_key_id + (c.master_key_source === 'environment' ? ' (RECIO_MASTER_KEY)' : ' (key file)');
    $('c-mode-note').hidden = c.mode !== 'demo';
    if (c.environment) { $('switch-environment').value = c.environment; }
    $('switch-form').hidden = !c.stored;
  }

  function load() {
    R.api('GET', '/api/admin/kalshi/credentials').then(show, function (p) { R.toast(p.detail, 'bad'); });
  }

  $('c-pem-file').addEventListener('change', function (e) {
    var file = e.target.files[0];
    if (!file) { return; }
    file.text().then(function (text) { $('c-pem').value = text; });
  });

  var form = $('credentials-form');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    R.clearProblems(form);
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    R.say(message(form), 'Checking the key with Kalshi…');
    R.api('PUT', '/api/admin/kalshi/credentials', {environment: $('c-env').value, key_id: $('c-key-id').value,
      private_key: $('c-pem').value}).then(function (r) {
      button.disabled = false;
      $('c-key-id').value = '';
      $('c-pem').value = '';
      $('c-pem-file').value = '';
      show(r.credentials);
      R.say(message(form), 'Stored. The key reads a balance of ' + R.fmt.dollars(r.balance) + '.', 'ok');
    }, function (p) {
      button.disabled = false;
      R.showProblem(form, p);
    });
  });

  var switchForm = $('switch-form');
  switchForm.addEventListener('submit', function (e) {
    e.preventDefault();
    R.clearProblems(switchForm);
    var env = $('switch-environment').value;
    R.confirm({title: 'Switch to ' + env + '?', message: env === 'production'
        ? 'recio will trade real money on Kalshi with the stored key from now on.'
        : 'recio will trade Kalshi\'s demo environment (play money) with the stored key from now on.',
      ok: 'Switch to ' + env}).then(function (yes) {
      if (!yes) { return; }
      R.api('PUT', '/api/admin/kalshi/credentials/environment', {environment: env, confirm: true}).then(function (r) {
        show(r.credentials);
        R.say(message(switchForm), 'Now using ' + env + '.', 'ok');
      }, function (p) { R.showProblem(switchForm, p); });
    });
  });

  $('delete-key').addEventListener('click', function () {
    R.confirm({title: 'Delete the stored key?', message: 'recio stops reaching Kalshi with it at once.', ok: 'Delete key'})
      .then(function (yes) {
        if (!yes) { return; }
        R.api('DELETE', '/api/admin/kalshi/credentials').then(function () {
          R.say(message(switchForm), 'Deleted.', 'ok');
          load();
        }, function (p) { R.showProblem(switchForm, p); });
      });
  });

  load();
}());
