// 预警收件箱: connects the table to the live stream. Loaded as a file: the pages' Content-Security-Policy allows no
// inline script. The stream's address and the rule labels come from the body's data attributes.
(function () {
  'use strict';
  var body = document.body;
  GridgovLiveAlerts.connect({
    url: body.getAttribute('data-stream'),
    tbody: document.querySelector('#alerts tbody'),
    rules: JSON.parse(body.getAttribute('data-rules') || '{}'),
    state: document.getElementById('live-state'),
    count: document.getElementById('alert-count')
  });
})();
