// 事件上报: the level-1 select narrows the level-2 select to its optgroup. Without JavaScript the level-2 select
// still lists every category, grouped, so the form works either way.
(function () {
  'use strict';
  var l1 = document.getElementById('category-l1');
  var l2 = document.getElementById('categoryCode');
  if (!l1 || !l2) {
    return;
  }
  var groups = Array.prototype.slice.call(l2.querySelectorAll('optgroup'));

  function narrow() {
    groups.forEach(function (g) {
      var show = l1.value !== '' && g.getAttribute('data-l1') === l1.value;
      g.hidden = !show;
      g.disabled = !show;
    });
    var selected = l2.options[l2.selectedIndex];
    if (l1.value === '' || (selected && selected.parentNode.getAttribute('data-l1') !== l1.value)) {
      l2.value = '';
    }
  }

  // a form shown again after an error keeps its level-2 choice: select the matching level 1
  var chosen = l2.options[l2.selectedIndex];
  if (chosen && chosen.parentNode.tagName === 'OPTGROUP') {
    l1.value = chosen.parentNode.getAttribute('data-l1');
  }
  l1.addEventListener('change', narrow);
  narrow();
}());
