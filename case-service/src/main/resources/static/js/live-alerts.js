// Live alerts over server-sent events (/inbox/stream, events named "alert", JSON with snake_case fields). Used by
// the inbox and the cockpit: each new alert becomes the first row of a table; an alert sent again (a new version or
// a retried delivery) replaces its row instead of adding a second one.
(function () {
  'use strict';

  function cell(text, className) {
    var td = document.createElement('td');
    if (className) {
      td.className = className;
    }
    td.textContent = text == null ? '' : String(text);
    return td;
  }

  function time(t) {
    return t ? String(t).replace('T', ' ').substring(0, 19) : '';
  }

  /** The same columns as the server-rendered rows (fragments.html alertRow): time, level, rule, message, area. */
  function row(a, rules, fresh) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-alert-id', a.alert_id);
    if (fresh) {
      tr.className = 'fresh';
    }
    tr.appendChild(cell(time(a.event_time), 'nowrap'));
    var level = cell('');
    var badge = document.createElement('span');
    badge.className = 'level ' + (a.level || '');
    badge.textContent = a.level_label || a.level || '';
    level.appendChild(badge);
    tr.appendChild(level);
    tr.appendChild(cell((rules && rules[a.rule]) || a.rule, 'nowrap'));
    tr.appendChild(cell(a.message));
    tr.appendChild(cell(a.area_name || '—', 'nowrap'));
    return tr;
  }

  /**
   * Connects and keeps the table up to date. options: url, tbody, rules (rule → label), state (element showing the
   * connection), count (element showing the number of rows), max (rows kept).
   */
  function connect(options) {
    var max = options.max || 200;
    var source = new EventSource(options.url);
    function setState(text, cls) {
      if (options.state) {
        options.state.textContent = text;
        options.state.className = 'live-state ' + cls;
      }
    }
    source.onopen = function () { setState('实时推送已连接', 'on'); };
    source.onerror = function () { setState('实时推送中断，正在重连…', 'off'); };
    source.addEventListener('alert', function (e) {
      var a;
      try {
        a = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      var tbody = options.tbody;
      var empty = tbody.querySelector('tr.empty-row');
      if (empty) {
        empty.remove();
      }
      var old = tbody.querySelector('tr[data-alert-id="' + CSS.escape(a.alert_id) + '"]');
      if (old) {
        old.remove();
      }
      tbody.insertBefore(row(a, options.rules, true), tbody.firstChild);
      while (tbody.rows.length > max) {
        tbody.deleteRow(tbody.rows.length - 1);
      }
      if (options.count) {
        options.count.textContent = String(tbody.querySelectorAll('tr[data-alert-id]').length);
      }
      if (options.onAlert) {
        options.onAlert(a);
      }
    });
    window.addEventListener('beforeunload', function () { source.close(); });
    return source;
  }

  window.GridgovLiveAlerts = { connect: connect, row: row };
}());
