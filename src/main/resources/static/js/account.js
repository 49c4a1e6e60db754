// Account: the mirrored Kalshi account (balance by shard, positions valued at the bid, resting orders with cancel
// for an admin, fills, settlements), first from the page (data-account) then live ('account' pushes).
(function () {
  'use strict';

  var R = window.recio;
  var fmt = R.fmt;
  var el = R.el;
  var main = document.getElementById('main');
  var current = null;

  function $(id) { return document.getElementById(id); }
  function td(label, text, cls) { return el('td', {'data-label': label, 'class': cls || null}, text); }
  function market(ticker) { return ticker.substring(ticker.lastIndexOf('-') + 1); }

  function rows(id, list, colspan, empty, key, build) {
    var body = document.querySelector('#' + id + ' tbody');
    if (!list.length) {
      body.replaceChildren(el('tr', {'class': 'empty'}, [el('td', {colspan: String(colspan)}, empty)]));
      return;
    }
    R.patchRows(body, list.map(function (x) {
      var tr = build(x);
      tr.dataset.key = key(x);
      return tr;
    }), 'key');
  }

  function render(a) {
    current = a;
    var envNames = {simulator: 'simulator (demo mode)', demo: 'demo environment', production: 'production'};
    $('environment').textContent = envNames[a.environment] || a.environment;
    $('environment').className = 'badge ' + (a.environment === 'production' ? 'bad' : '');
    $('environment').title = a.rest_url || '';
    $('last-sync').textContent = a.last_sync ? fmt.dateTime(a.last_sync) : 'never';
    checkStale();
    $('cash').textContent = fmt.dollars(a.balance.cash);
    $('portfolio').textContent = fmt.dollars(a.balance.portfolio_value);
    $('shards').textContent = a.balance.shards.length
      ? 'Cash by exchange shard: ' + a.balance.shards.map(function (s) { return 'shard ' + s.exchange_index + ' ' + fmt.dollars(s.cash); }).join(' · ')
      : '';
    $('positions-count').textContent = String(a.positions.length);
    rows('positions', a.positions, 9, 'No open positions.', function (p) { return p.ticker; }, function (p) {
      return el('tr', null, [
        td('Market', market(p.ticker), 'key'), td('Side', p.side, 'key'), td('Qty', fmt.contracts(p.contracts), 'key num'),
        td('Cost', fmt.dollars(p.exposure), 'num'), td('Bid', fmt.priceCents(p.bid), 'num live'),
        td('Unrealized', fmt.signedDollars(p.unrealized_pnl), 'key num r live ' + fmt.tone(p.unrealized_pnl)),
        td('Realized', fmt.signedDollars(p.realized_pnl), 'num'), td('Fees', fmt.dollars(p.fees_paid), 'num'),
        td('Updated', fmt.dateTime(p.updated_at), 'num')]);
    });
    $('orders-count').textContent = String(a.resting_orders.length);
    rows('orders', a.resting_orders, 7, 'No resting orders.', function (o) { return o.order_id; }, function (o) {
      var cells = [td('Market', market(o.ticker), 'key'), td('Order', o.action + ' ' + o.side),
        td('Price', fmt.priceCents(o.price), 'key num'), td('Remaining', fmt.contracts(o.remaining), 'key num'),
        td('Filled', fmt.contracts(o.filled), 'num'), td('Placed', fmt.dateTime(o.created_at), 'num')];
      if (R.user.admin) {
        cells.push(el('td', {'class': 'key', 'data-label': ''}, [el('button', {type: 'button', 'class': 'small danger cancel-order',
          'data-order': o.order_id, 'data-admin-control': ''}, 'Cancel')]));
      }
      return el('tr', null, cells);
    });
    rows('fills', a.fills, 6, 'No fills yet.', function (f) { return f.trade_id; }, function (f) {
      return el('tr', null, [td('When', fmt.dateTime(f.filled_at), 'key num'), td('Market', market(f.ticker), 'key'),
        td('Order', f.action + ' ' + f.side + (f.taker ? ' (taker)' : ' (maker)')), td('Qty', fmt.contracts(f.count), 'key num'),
        td('Price', fmt.priceCents(f.price), 'key num'), td('Fee', fmt.dollars(f.fee), 'num')]);
    });
    rows('settlements', a.settlements, 6, 'No settlements yet.', function (s) { return s.ticker + s.settled_at; }, function (s) {
      return el('tr', null, [td('When', fmt.dateTime(s.settled_at), 'key num'), td('Market', market(s.ticker), 'key'),
        td('Result', (s.result || '').toUpperCase(), 'key'), td('Yes / No held', fmt.contracts(s.yes_count) + ' / ' + fmt.contracts(s.no_count), 'num'),
        td('Revenue', fmt.dollars(s.revenue), 'key num'), td('Fee', fmt.dollars(s.fee), 'num')]);
    });
  }

  function checkStale() {
    if (!current) { return; }
    var until = current.fresh_until ? Date.parse(current.fresh_until) : 0;
    var stale = !(until > R.live.serverNow());
    $('stale-badge').hidden = !stale;
    $('stale-note').hidden = !stale;
    $('stale-note').textContent = current.last_sync
      ? 'The account has not been read from Kalshi for a while: the numbers below may be out of date.'
      : 'The account has not been read from Kalshi in full yet: the numbers below may be incomplete.';
    document.querySelectorAll('.account .live-block').forEach(function (b) { R.fresh(b, until); });
  }

  document.querySelector('#orders tbody').addEventListener('click', function (e) {
    var b = e.target.closest('button.cancel-order');
    if (!b) { return; }
    var o = current.resting_orders.filter(function (x) { return x.order_id === b.dataset.order; })[0];
    R.confirm({title: 'Cancel this order?', message: 'Take the remaining ' + fmt.contracts(o.remaining) + ' ' + o.side + ' '
      + o.ticker + ' at ' + fmt.priceCents(o.price) + ' off the book.', ok: 'Cancel order'}).then(function (yes) {
      if (!yes) { return; }
      b.disabled = true;
      R.api('DELETE', '/api/account/orders/' + encodeURIComponent(o.order_id)).then(function (r) {
        R.toast('Order cancelled: ' + fmt.contracts(r.cancelled) + ' contracts off the book.', 'good');
      }, function (p) {
        b.disabled = false;
        R.toast(p.detail, 'bad');
      });
    });
  });

  R.live.on('account', render);
  render(JSON.parse(main.dataset.account));
  setInterval(checkStale, 1000);
}());
