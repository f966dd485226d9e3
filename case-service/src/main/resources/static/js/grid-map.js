// 一张图: draws the district's grids (GeoJSON from the service, no tiles: works offline) with ECharts as a
// choropleth of one layer (事件数, 未办结, 超期, 预警, 风险; the buttons in the map's own panel switch it, on the
// page and in the cockpit alike), the open cases as points and the street boundaries
// dissolved on the server. On the full page a click on a grid lists its cases, and 框选 lets the user click the
// vertices of a polygon whose cases the server selects with JTS. Every element with data-grid-map is drawn; the
// cockpit's panel is the compact one (no selection). body[data-map-state] is set after each load, for tests.
(function () {
  'use strict';

  var body = document.body;
  var TEXT = '#c8d8f0';
  var LAYERS = {
    cases: { label: '事件数', color: ['#0b2146', '#4fc3f7', '#0277bd'] },
    open_cases: { label: '未办结', color: ['#0b2146', '#ffd54f', '#ff6f00'] },
    overdue: { label: '超期', color: ['#0b2146', '#ff8a80', '#c62828'] },
    alerts: { label: '预警', color: ['#0b2146', '#b388ff', '#6200ea'] },
    // 重点人员: persons the warehouse scores 红 or 橙 with a record in the grid (GridRisk)
    risk: { label: '风险', color: ['#0b2146', '#ffab91', '#d50000'] }
  };

  function json(url, options) {
    return fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } },
      options || {})).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (type.indexOf('json') < 0) {
        throw new Error(r.status === 200 ? '登录已过期，请刷新页面重新登录' : '加载失败（' + r.status + '）');
      }
      return r.json().then(function (b) {
        if (!r.ok) {
          throw new Error(b.detail || b.error || ('加载失败（' + r.status + '）'));
        }
        return b;
      });
    });
  }

  function text(el, value) {
    el.textContent = value == null ? '' : String(value);
  }

  function row(table, cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (c) {
      var td = document.createElement('td');
      text(td, c);
      tr.appendChild(td);
    });
    table.querySelector('tbody').appendChild(tr);
    return tr;
  }

  function clear(table) {
    table.querySelector('tbody').innerHTML = '';
  }

  function time(t) {
    return t ? String(t).replace('T', ' ').substring(0, 16) : '';
  }

  function statusLabel(c) {
    return c.overdue ? '超期' : (c.status === 'OPEN' ? '办理中' : '已结案');
  }

  /** Ray casting: whether [lon, lat] lies inside the ring. */
  function inside(p, ring) {
    var c = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i];
      var b = ring[j];
      if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) {
        c = !c;
      }
    }
    return c;
  }

  function GridMap(el) {
    this.el = el;
    // the panel around the map holds its layer buttons and its message (the page and the cockpit have one each)
    this.panel = el.closest('section') || document;
    this.full = el.getAttribute('data-grid-map') === 'full';
    this.layer = 'cases';
    this.vertices = null;
    el.gridMap = this;
  }

  GridMap.prototype.load = function () {
    var self = this;
    return Promise.all([json(self.el.getAttribute('data-geojson')), json(self.el.getAttribute('data-source'))])
      .then(function (parts) {
        var fc = parts[0];
        self.grids = fc.features.filter(function (f) { return f.properties.level === 'GRID'; });
        self.streets = fc.features.filter(function (f) { return f.properties.level === 'STREET'; });
        echarts.registerMap('gridgov-grids', { type: 'FeatureCollection', features: self.grids });
        self.data = parts[1];
        // the canvas only once there is something to draw (the cockpit shows no empty charts)
        self.chart = self.chart || echarts.init(self.el, null, { renderer: 'canvas' });
        self.draw();
        body.setAttribute('data-map-state', 'OK');
      }).catch(function (e) {
        var m = self.panel.querySelector('.map-message');
        if (m) {
          text(m, e.message);
        }
        body.setAttribute('data-map-state', 'ERROR');
      });
  };

  GridMap.prototype.values = function () {
    var layer = this.layer;
    return this.data.grids.map(function (g) {
      return { name: g.code, value: g[layer], label: g.name, figures: g };
    });
  };

  GridMap.prototype.boundaryLines = function () {
    var lines = [];
    this.streets.forEach(function (f) {
      var polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      polys.forEach(function (p) {
        p.forEach(function (ring) {
          lines.push({ name: f.properties.name, coords: ring });
        });
      });
    });
    return lines;
  };

  GridMap.prototype.draw = function () {
    var self = this;
    var values = this.values();
    var max = Math.max.apply(null, values.map(function (v) { return v.value; }).concat([1]));
    var points = this.data.open_cases.map(function (c) {
      return { name: c.id, value: [c.longitude, c.latitude], caseRow: c };
    });
    var alertPoints = (this.data.today_alerts || []).map(function (a) {
      return { name: a.alert_id, value: [a.longitude, a.latitude], alertRow: a };
    });
    // 清欠重点单位 at the site of their first key case of the month (KeyCompanies on the server)
    var companyPoints = (this.data.key_companies || []).map(function (k) {
      return { name: k.name, value: [k.longitude, k.latitude], companyRow: k };
    });
    var message = this.panel.querySelector('.map-message');
    if (message) {
      text(message, this.layer === 'risk' && !this.data.risk_month
        ? '数据仓库暂无人员风险评分（或未配置），风险图层为空。'
        : this.layer === 'risk' ? '风险：' + this.data.risk_month + ' 评分为红、橙色的重点人员，按其 12345 来电和网格走访记录所在网格计数。'
          : '');
    }
    var selection = this.vertices && this.vertices.length
      ? [{ coords: this.vertices.concat(this.vertices.length > 2 ? [this.vertices[0]] : []) }] : [];
    this.chart.setOption({
      backgroundColor: 'transparent',
      textStyle: { color: TEXT },
      tooltip: {
        confine: true,
        formatter: function (p) {
          if (p.seriesType === 'map' && p.data) {
            var g = p.data.figures;
            return g.name + '<br>事件 ' + g.cases + ' · 未办结 ' + g.open_cases + ' · 超期 ' + g.overdue
              + ' · 预警 ' + g.alerts + '<br>重点人员 ' + g.risk + '（红 ' + g.risk_red + ' · 橙 ' + g.risk_orange
              + (g.risk > 0 ? ' · 最高 ' + g.risk_top : '') + '）';
          }
          if (p.data && p.data.companyRow) {
            var k = p.data.companyRow;
            return '清欠重点单位 ' + echarts.format.encodeHTML(k.name) + '<br>' + k.key_cases + ' 件重点欠薪案件（'
              + echarts.format.encodeHTML(k.reasons) + '）<br>项目地点 '
              + echarts.format.encodeHTML(k.place);
          }
          if (p.seriesType === 'scatter' && p.data && p.data.alertRow) {
            return '预警 ' + p.data.alertRow.level_label + '：' + p.data.alertRow.message;
          }
          if (p.seriesType === 'scatter' && p.data) {
            return p.data.caseRow.title + '<br>' + p.data.caseRow.grid_name;
          }
          return '';
        }
      },
      visualMap: {
        min: 0, max: max, calculable: true, left: 8, bottom: 8, seriesIndex: 0,
        text: [LAYERS[this.layer].label, ''], textStyle: { color: TEXT },
        inRange: { color: LAYERS[this.layer].color }
      },
      geo: {
        map: 'gridgov-grids', nameProperty: 'code', roam: true, selectedMode: false,
        layoutCenter: ['50%', '50%'], layoutSize: '95%',
        itemStyle: { borderColor: '#3a5f94', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb74d' } }
      },
      series: [
        { id: 'grids', name: LAYERS[this.layer].label, type: 'map', geoIndex: 0, data: values },
        { id: 'streets', name: '街道边界', type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true,
          lineStyle: { color: '#e8f1ff', width: 1.5, opacity: 0.8 }, data: this.boundaryLines() },
        { id: 'open-cases', name: '未办结事件', type: 'scatter', coordinateSystem: 'geo', symbolSize: 5,
          itemStyle: { color: '#69f0ae' }, data: points },
        { id: 'today-alerts', name: '今日预警', type: 'effectScatter', coordinateSystem: 'geo', symbolSize: 9,
          itemStyle: { color: '#ff4081' }, data: alertPoints },
        { id: 'key-companies', name: '清欠重点单位', type: 'scatter', coordinateSystem: 'geo', symbol: 'diamond',
          symbolSize: 11, itemStyle: { color: '#ffd740', borderColor: '#5d4037', borderWidth: 1 }, data: companyPoints },
        { id: 'selection', name: '框选', type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true,
          lineStyle: { color: '#ff5252', width: 2, type: 'dashed' }, data: selection }
      ]
    }, { replaceMerge: ['series'] });
    if (!this.bound) {
      this.bound = true;
      // one handler for both: a click is a vertex while selecting, else the grid under it (found by its polygon,
      // since a map series drawn on a shared geo does not report its regions' clicks in every ECharts version)
      this.chart.getZr().on('click', function (e) {
        var at = self.chart.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]);
        if (!at) {
          return;
        }
        if (self.vertices != null) {
          self.vertices.push([at[0], at[1]]);
          self.draw();
        } else if (self.full) {
          var hit = self.grids.filter(function (f) { return inside(at, f.geometry.coordinates[0]); })[0];
          if (hit) {
            self.showGrid(hit.properties.code);
          }
        }
      });
    }
    body.setAttribute('data-map-layer', this.layer);
    this.el.setAttribute('data-layer', this.layer);
  };

  GridMap.prototype.setLayer = function (layer) {
    this.layer = layer;
    this.draw();
  };

  GridMap.prototype.showGrid = function (code) {
    var g = this.data.grids.filter(function (x) { return x.code === code; })[0];
    var detail = document.getElementById('grid-detail');
    var table = document.getElementById('grid-cases');
    if (!g || !detail) {
      return;
    }
    text(detail, g.name + '：事件 ' + g.cases + ' 件，未办结 ' + g.open_cases + ' 件，超期 ' + g.overdue
      + ' 件，预警 ' + g.alerts + ' 条，重点人员 ' + g.risk + ' 人');
    detail.setAttribute('data-grid', code);
    clear(table);
    json(this.el.getAttribute('data-grid-cases') + encodeURIComponent(code) + '/cases').then(function (cases) {
      cases.forEach(function (c) {
        row(table, [time(c.created_at), c.title, statusLabel(c)]).setAttribute('data-case-id', c.id);
      });
      table.setAttribute('data-grid', code);
    });
  };

  GridMap.prototype.startSelection = function () {
    this.vertices = [];
    this.draw();
  };

  GridMap.prototype.finishSelection = function () {
    var self = this;
    var polygon = this.vertices || [];
    var error = document.getElementById('selection-error');
    var table = document.getElementById('selection-cases');
    error.hidden = true;
    var headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    headers[body.getAttribute('data-csrf-header')] = body.getAttribute('data-csrf');
    body.setAttribute('data-selection-state', 'LOADING');
    return json(this.el.getAttribute('data-select'), {
      method: 'POST', headers: headers, body: JSON.stringify({ polygon: polygon })
    }).then(function (s) {
      clear(table);
      text(document.getElementById('selection-count'), s.total);
      s.cases.forEach(function (c) {
        row(table, [time(c.created_at), c.title, c.grid_name, statusLabel(c)]).setAttribute('data-case-id', c.id);
      });
      var more = document.getElementById('selection-more');
      if (more) {
        text(more, s.total > s.cases.length ? '列出最新 ' + s.cases.length + ' 件（共 ' + s.total + ' 件）' : '');
      }
      var alerts = document.getElementById('selection-alerts');
      if (alerts) {
        clear(alerts);
        s.alerts.forEach(function (a) {
          row(alerts, [time(a.event_time), a.level_label, a.message]).setAttribute('data-alert-id', a.alert_id);
        });
      }
      var places = document.getElementById('selection-places');
      if (places) {
        clear(places);
        var LEVEL = { GRID: '网格', COMMUNITY: '社区', STREET: '街道' };
        s.places.forEach(function (p) {
          row(places, [LEVEL[p.level] || p.level, p.name, p.whole ? '全部在内' : '部分在内'])
            .setAttribute('data-place', p.code);
        });
      }
      self.vertices = null;
      self.selected = polygon;
      body.setAttribute('data-selection-state', 'OK');
    }).catch(function (e) {
      text(error, e.message);
      error.hidden = false;
      body.setAttribute('data-selection-state', 'ERROR');
    });
  };

  function button(id, fn) {
    var b = document.getElementById(id);
    if (b) {
      b.addEventListener('click', fn);
    }
    return b;
  }

  /** In the cockpit the panel loads once cockpit.js has found statistics to show (its body is hidden otherwise). */
  function whenCockpitShows(fn) {
    if (!body.classList.contains('cockpit') || !document.getElementById('cockpit-body')) {
      fn();
      return;
    }
    var observer = new MutationObserver(function () {
      if (body.getAttribute('data-cockpit-state') === 'OK') {
        observer.disconnect();
        fn();
      }
    });
    observer.observe(body, { attributes: true, attributeFilter: ['data-cockpit-state'] });
  }

  document.querySelectorAll('[data-grid-map]').forEach(function (el) {
    var map = new GridMap(el);
    whenCockpitShows(function () { map.load(); });
    window.addEventListener('resize', function () {
      if (map.chart) {
        map.chart.resize();
      }
    });
    var layerButtons = map.panel.querySelectorAll('.map-layers button');
    layerButtons.forEach(function (b) {
      b.addEventListener('click', function () {
        layerButtons.forEach(function (o) { o.classList.remove('active'); });
        b.classList.add('active');
        map.setLayer(b.getAttribute('data-layer'));
      });
    });
    if (map.full) {
      var start = button('select-start', function () {
        map.startSelection();
        start.classList.add('active');
        finish.disabled = false;
      });
      var finish = button('select-finish', function () {
        start.classList.remove('active');
        finish.disabled = true;
        map.finishSelection();
      });
      button('select-clear', function () {
        map.vertices = null;
        map.selected = null;
        start.classList.remove('active');
        finish.disabled = true;
        map.draw();
      });
    }
  });
}());
