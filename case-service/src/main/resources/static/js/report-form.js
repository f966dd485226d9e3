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

// 同一诉求 (issue 19): while the reporter types, ask /cases/similar for open cases nearby that read alike and list
// them under the description, each linking to its case. Quietly does nothing when the answer is not a list.
(function () {
  'use strict';
  var box = document.getElementById('form-similar');
  var form = document.getElementById('report-form');
  if (!box || !form) {
    return;
  }
  var list = box.querySelector('ul');
  var timer = null;
  var asked = '';

  function value(id) {
    var el = document.getElementById(id);
    return el && el.value ? el.value.trim() : '';
  }

  function ask() {
    var description = value('description');
    if (description.length < 6) {
      box.hidden = true;
      return;
    }
    var params = new URLSearchParams();
    params.set('description', description);
    ['title', 'categoryCode', 'gridCode', 'latitude', 'longitude'].forEach(function (id) {
      if (value(id)) {
        params.set(id, value(id));
      }
    });
    if (!!value('latitude') !== !!value('longitude')) {
      params.delete('latitude');
      params.delete('longitude');
    }
    var query = params.toString();
    if (query === asked) {
      return;
    }
    asked = query;
    fetch(box.getAttribute('data-source') + '?' + query, {credentials: 'same-origin',
      headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (candidates) {
        if (query !== asked) {
          return;
        }
        list.textContent = '';
        (Array.isArray(candidates) ? candidates : []).forEach(function (c) {
          var li = document.createElement('li');
          li.setAttribute('data-case-id', c.case_id);
          var a = document.createElement('a');
          a.href = box.getAttribute('data-source').replace(/similar$/, encodeURIComponent(c.case_id));
          a.target = '_blank';
          a.textContent = c.label;
          li.appendChild(a);
          list.appendChild(li);
        });
        box.hidden = list.children.length === 0;
      })
      .catch(function () { box.hidden = true; });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }

  ['description', 'title', 'categoryCode', 'gridCode', 'latitude', 'longitude'].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) {
      el.addEventListener('input', later);
      el.addEventListener('change', later);
    }
  });
  later();
}());
