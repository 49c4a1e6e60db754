// History: the equity chart (its points are in the canvas's data-points), and a note when a trade of this user
// finishes while the page is open (the list itself is server-rendered and paged).
(function () {
  'use strict';

  var R = window.recio;
  var canvas = document.getElementById('equity-chart');
  if (canvas && typeof Chart !== 'undefined') {
    var points = JSON.parse(canvas.dataset.points).map(function (p) { return {x: p[0], y: p[1]}; });
    var last = points.length ? points[points.length - 1].y : 0;
    new Chart(canvas, {
      type: 'line',
      data: {datasets: [{label: 'net PnL', data: points, borderColor: last >= 0 ? '#2ecc71' : '#e74c3c',
        borderWidth: 1.5, pointRadius: points.length > 60 ? 0 : 2, stepped: true}]},
      options: {
        animation: false, parsing: false, maintainAspectRatio: false, responsive: true,
        plugins: {legend: {display: false}},
        scales: {
          x: {type: 'linear', min: points.length ? points[0].x : undefined,
            max: points.length ? points[points.length - 1].x : undefined, ticks: {color: '#8b98a5', maxTicksLimit: 5, callback: function (v) { return R.fmt.dateTime(v).substring(0, 13); }},
            grid: {color: '#26313d'}},
          y: {ticks: {color: '#8b98a5', callback: function (v) { return R.fmt.dollars(v, 2); }}, grid: {color: '#26313d'}}
        }
      }
    });
  }

  var FINISHED = {closed: true, settled: true, rejected: true, entered: true, reconciled: true};
  R.live.on('trade', function (d) {
    if (FINISHED[d.change]) {
      document.getElementById('history-news').hidden = false;
      document.getElementById('history-reload').href = location.pathname + location.search;
    }
  });
}());
