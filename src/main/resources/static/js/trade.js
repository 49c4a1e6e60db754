// A trade's detail: says so when the trade changes while the page is open (its orders, fills and log are
// server-rendered).
(function () {
  'use strict';

  var id = document.getElementById('main').dataset.tradeId;
  window.recio.live.on('trade', function (d) {
    if (String(d.trade.id) === id) { document.getElementById('trade-live-note').hidden = false; }
  });
}());
