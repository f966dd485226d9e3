// 驾驶舱: draws /cockpit/data with ECharts (the webjar, no CDN) and keeps the alert table live over /inbox/stream.
// When the data is not there (no warehouse, empty tables, area finer than a street) the page shows the server's
// message instead of empty charts. body[data-cockpit-state] is set after each load, for people and tests alike.
(function () {
  'use strict';

  var body = document.body;
  // rule → label, from the page (the policy allows no inline script to hand it over)
  var RULES = JSON.parse(body.getAttribute('data-rules') || '{}');
  var REFRESH_MS = 5 * 60 * 1000;
  var TEXT = '#c8d8f0';
  var AXIS = '#3a5f94';
  var SPLIT = '#17365f';
  var PALETTE = ['#4fc3f7', '#69f0ae', '#ffb74d', '#ff8a80', '#b388ff', '#ffd54f', '#4dd0e1', '#f48fb1',
    '#aed581', '#90caf9', '#ce93d8', '#80cbc4'];
  var RISK_COLORS = { '红': '#e53935', '橙': '#fb8c00', '黄': '#fdd835', '蓝': '#1e88e5' };

  function $(id) {
    return document.getElementById(id);
  }

  function chart(id) {
    var el = $(id);
    return echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
  }

  function axisStyle(extra) {
    var base = {
      axisLine: { lineStyle: { color: AXIS } },
      axisLabel: { color: TEXT },
      splitLine: { lineStyle: { color: SPLIT } }
    };
    return Object.assign(base, extra || {});
  }

  function common() {
    return {
      color: PALETTE,
      backgroundColor: 'transparent',
      textStyle: { color: TEXT, fontFamily: getComputedStyle(body).fontFamily },
      tooltip: { trigger: 'axis', confine: true },
      legend: { textStyle: { color: TEXT }, top: 0 },
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      animationDuration: 400
    };
  }

  function num(n) {
    return n == null ? '—' : Number(n).toLocaleString('zh-CN');
  }

  function pct(r) {
    return r == null ? '—' : (r * 100).toFixed(1) + '%';
  }

  /** growth ratio (0.12 = +12%) or, with points, a change in percentage points of a rate (0.02 = +2.0 个百分点). */
  function delta(id, label, value, points, upIsGood) {
    var el = $(id);
    el.className = 'delta';
    if (value == null) {
      el.textContent = label ? label + ' —' : '';
      return;
    }
    var sign = value > 0 ? '+' : '';
    var text = points ? sign + (value * 100).toFixed(1) + ' 个百分点' : sign + (value * 100).toFixed(1) + '%';
    el.textContent = label + ' ' + text + (value > 0 ? ' ↑' : value < 0 ? ' ↓' : '');
    if (value !== 0) {
      el.classList.add(value > 0 ? 'up' : 'down');
      if (upIsGood) {
        el.classList.add('good');
      }
    }
  }

  function kpis(k) {
    $('kpi-accepted').textContent = num(k && k.accepted);
    $('kpi-handled').textContent = num(k && k.handled);
    $('kpi-closed').textContent = num(k && k.closed);
    $('kpi-close-rate').textContent = pct(k && k.close_rate);
    $('kpi-overdue').textContent = num(k && k.overdue);
    $('kpi-satisfaction').textContent = pct(k && k.satisfaction_rate);
    $('kpi-petitions').textContent = num(k && k.petitions);
    if (!k) {
      return;
    }
    delta('kpi-accepted-delta', '环比', k.accepted_mom, false, false);
    $('kpi-handled-delta').textContent = '统计月份 ' + k.month;
    $('kpi-closed-delta').textContent = k.accepted_yoy == null ? '' : '受理同比 ' + pct(k.accepted_yoy);
    delta('kpi-close-rate-delta', '环比', k.close_rate_mom, true, true);
    delta('kpi-overdue-delta', '环比', k.overdue_mom, false, false);
    $('kpi-satisfaction-delta').textContent = '';
    delta('kpi-petitions-delta', '环比', k.petition_mom, false, false);
  }

  /**
   * Shows a panel's note and month; returns false (and disposes any chart) when there is nothing to draw, because
   * the panel is hidden for this user (rows == null) or the month has no rows.
   */
  function panel(panelId, chartId, p) {
    var section = $(panelId);
    var note = section.querySelector('.note');
    var month = section.querySelector('.month');
    var hidden = !p || p.rows == null;
    var empty = hidden || p.rows.length === 0;
    section.setAttribute('data-hidden', String(hidden));
    note.textContent = (p && p.note) || '';
    note.classList.toggle('hidden-panel', empty);
    if (month) {
      month.textContent = p && p.month ? p.month : '';
    }
    if (chartId) {
      var el = $(chartId);
      el.hidden = empty;
      if (empty && echarts.getInstanceByDom(el)) {
        echarts.getInstanceByDom(el).dispose();
      }
    }
    return !empty;
  }

  function trend(p) {
    if (!panel('panel-trend', 'chart-trend', p)) {
      return;
    }
    var o = common();
    o.xAxis = axisStyle({ type: 'category', data: p.rows.map(function (r) { return r.month; }) });
    o.yAxis = axisStyle({ type: 'value' });
    o.series = [
      { name: '受理量', type: 'line', smooth: true, areaStyle: { opacity: 0.15 },
        data: p.rows.map(function (r) { return r.accepted; }) },
      { name: '办结量', type: 'line', smooth: true, data: p.rows.map(function (r) { return r.closed; }) },
      { name: '超期数', type: 'line', smooth: true, data: p.rows.map(function (r) { return r.overdue; }) }
    ];
    chart('chart-trend').setOption(o, true);
  }

  function categories(p) {
    if (!panel('panel-category', 'chart-category', p)) {
      return;
    }
    var o = common();
    o.tooltip = { trigger: 'item', formatter: '{b}<br>{c} 件（{d}%）', confine: true };
    o.legend = { type: 'scroll', bottom: 0, textStyle: { color: TEXT }, pageTextStyle: { color: TEXT } };
    o.series = [{
      name: '诉求分类', type: 'pie', radius: ['32%', '58%'], center: ['50%', '45%'],
      label: { color: TEXT, formatter: '{d}%' },
      data: p.rows.map(function (r) { return { name: r.name, value: r.value }; })
    }];
    chart('chart-category').setOption(o, true);
  }

  function streets(p) {
    if (!panel('panel-streets', 'chart-streets', p)) {
      return;
    }
    // largest at the top: a category y axis draws its first entry at the bottom
    var rows = p.rows.slice().reverse();
    var o = common();
    o.grid.right = 40;
    o.tooltip = {
      trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true,
      formatter: function (items) {
        var r = rows[items[0].dataIndex];
        return r.name + '<br>受理 ' + r.accepted + '，办结 ' + r.closed + '（' + pct(r.close_rate) + '）'
          + '<br>超期 ' + r.overdue + '，信访 ' + r.petitions + ' 件次';
      }
    };
    o.xAxis = axisStyle({ type: 'value' });
    o.yAxis = axisStyle({
      type: 'category', data: rows.map(function (r) { return r.name; }),
      axisLabel: { color: TEXT, interval: 0, fontSize: 11 }
    });
    // same scale only: 超期 and 信访 are an order smaller and would vanish, so they are in the tooltip
    o.series = [
      { name: '受理量', type: 'bar', barMaxWidth: 14, data: rows.map(function (r) { return r.accepted; }) },
      { name: '办结量', type: 'bar', barMaxWidth: 14, data: rows.map(function (r) { return r.closed; }) }
    ];
    chart('chart-streets').setOption(o, true);
  }

  function hotWords(p) {
    if (!panel('panel-hotwords', 'chart-hotwords', p)) {
      return;
    }
    var rows = p.rows.slice().reverse();
    var o = common();
    o.legend = { show: false };
    o.grid.right = 44;
    o.grid.top = 10;
    o.tooltip = {
      trigger: 'item', confine: true,
      formatter: function (x) { return x.name + '<br>权重 ' + x.value + '，' + rows[x.dataIndex].doc_count + ' 件'; }
    };
    o.xAxis = axisStyle({ type: 'value' });
    o.yAxis = axisStyle({ type: 'category', data: rows.map(function (r) { return r.word; }) });
    o.series = [{
      name: '热词', type: 'bar',
      data: rows.map(function (r) { return Math.round(r.weight * 10) / 10; }),
      itemStyle: { color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [
        { offset: 0, color: '#1e88e5' }, { offset: 1, color: '#4fc3f7' }]) },
      label: { show: true, position: 'right', color: TEXT }
    }];
    chart('chart-hotwords').setOption(o, true);
  }

  function personRisk(p) {
    if (!panel('panel-risk', 'chart-risk', p)) {
      return;
    }
    var o = common();
    o.tooltip = { trigger: 'item', formatter: '{b}：{c} 人（{d}%）', confine: true };
    o.legend = { bottom: 0, textStyle: { color: TEXT } };
    o.series = [{
      name: '风险等级', type: 'pie', roseType: 'radius', radius: ['20%', '65%'], center: ['50%', '48%'],
      label: { color: TEXT, formatter: '{b}\n{c} 人' },
      data: p.rows.map(function (r) {
        return { name: r.name, value: r.value, itemStyle: { color: RISK_COLORS[r.code] || '#90a4ae' } };
      })
    }];
    chart('chart-risk').setOption(o, true);
  }

  function alerts(p) {
    var section = $('panel-alerts');
    var note = section.querySelector('.note');
    var hidden = !p || p.rows == null;
    section.setAttribute('data-hidden', String(hidden));
    section.querySelector('.table-wrap').hidden = hidden;
    note.textContent = (p && p.note) || '';
    if (hidden) {
      return;
    }
    var tbody = document.querySelector('#cockpit-alerts tbody');
    tbody.textContent = '';
    p.rows.forEach(function (a) {
      // the same shape the stream sends, so one renderer draws both
      tbody.appendChild(GridgovLiveAlerts.row({
        alert_id: a.alert_id, rule: a.rule, level: a.level, level_label: a.level_label, message: a.message,
        event_time: a.event_time, area_name: a.area_name
      }, RULES, false));
    });
    if (p.rows.length === 0) {
      var tr = document.createElement('tr');
      tr.className = 'empty-row';
      var td = document.createElement('td');
      td.colSpan = 5;
      td.className = 'empty';
      td.textContent = '暂无预警';
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
    $('cockpit-alert-count').textContent = String(p.rows.length);
  }

  function show(view) {
    var message = $('cockpit-message');
    var content = $('cockpit-body');
    if (view.area_name) {
      $('cockpit-area').textContent = view.area_name;
    }
    if (view.state !== 'OK') {
      message.textContent = view.message;
      message.hidden = false;
      content.hidden = true;
      return;
    }
    message.hidden = true;
    content.hidden = false;
    // charts are drawn after the container is visible, otherwise ECharts measures a 0×0 box
    kpis(view.kpis);
    trend(view.trend);
    categories(view.categories);
    streets(view.streets);
    hotWords(view.hot_words);
    personRisk(view.person_risk);
    alerts(view.alerts);
  }

  function load() {
    return fetch(body.getAttribute('data-source'), {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (!r.ok || type.indexOf('application/json') < 0) {
        // an expired session is redirected to the login page, which is HTML
        throw new Error(r.status === 200 ? '登录已过期，请刷新页面重新登录' : '数据加载失败（' + r.status + '）');
      }
      return r.json();
    }).then(function (view) {
      show(view);
      $('cockpit-updated').textContent = '更新于 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
      body.setAttribute('data-cockpit-state', view.state);
    }).catch(function (e) {
      var message = $('cockpit-message');
      message.textContent = e.message;
      message.hidden = false;
      $('cockpit-body').hidden = true;
      body.setAttribute('data-cockpit-state', 'ERROR');
    });
  }

  load().then(function () {
    if (body.getAttribute('data-live') === 'true' && body.getAttribute('data-cockpit-state') === 'OK'
        && $('panel-alerts').getAttribute('data-hidden') !== 'true') {
      GridgovLiveAlerts.connect({
        url: body.getAttribute('data-stream'),
        tbody: document.querySelector('#cockpit-alerts tbody'),
        rules: RULES,
        state: $('live-state'),
        count: $('cockpit-alert-count'),
        max: 50
      });
    }
  });
  setInterval(load, REFRESH_MS);
  window.addEventListener('resize', function () {
    ['chart-trend', 'chart-category', 'chart-streets', 'chart-hotwords', 'chart-risk'].forEach(function (id) {
      var c = echarts.getInstanceByDom($(id));
      if (c) {
        c.resize();
      }
    });
  });
}());
