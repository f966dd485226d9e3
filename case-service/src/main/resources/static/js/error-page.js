// The error page's 返回上一页 link: back in the history where there is one, else its own address (the home page).
// A file rather than a javascript: URL, which the Content-Security-Policy refuses.
(function () {
  'use strict';
  var back = document.getElementById('back-link');
  if (back && window.history.length > 1) {
    back.addEventListener('click', function (e) {
      e.preventDefault();
      window.history.back();
    });
  }
})();
