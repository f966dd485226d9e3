// The grid map where one case is concerned (issue 17 part 5), drawn offline with ECharts from the district's own
// grid polygons (/map/district.geojson):
//  - [data-pin-map] on the report form: click the map, or drag the pin, to place the case; the server finds the grid
//    by JTS (/map/locate) and names the nearest community, which fill the form's grid, latitude/longitude and
//    address. Typing latitude and longitude still works (and moves the pin): the map is an aid, not the only way.
//  - [data-case-map] on a case's page (also the dispatch page): the case and the open cases near it.
// body[data-pin-state] and body[data-case-map-state] are set after each step, for tests.
(function () {
  'use strict';

  var body = document.body;

  function json(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
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
    if (el) {
      el.textContent = value == null ? '' : String(value);
    }
  }

  function round6(v) {
    return Math.round(v * 1e6) / 1e6;
  }

  function lines(features) {
    var out = [];
    features.forEach(function (f) {
      var polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      polys.forEach(function (p) {
        p.forEach(function (ring) { out.push({ name: f.properties.name, coords: ring }); });
      });
    });
    return out;
  }

  /** The district's grids registered once per page; resolves to the community features for their outlines. */
  function loadDistrict(el) {
    return json(el.getAttribute('data-geojson')).then(function (fc) {
      var grids = fc.features.filter(function (f) { return f.properties.level === 'GRID'; });
      echarts.registerMap('gridgov-district', { type: 'FeatureCollection', features: grids });
      return { grids: grids, communities: fc.features.filter(function (f) {
        return f.properties.level === 'COMMUNITY';
      }) };
    });
  }

  function baseOption(district, extra) {
    return Object.assign({
      backgroundColor: '#0b2146',
      geo: {
        map: 'gridgov-district', nameProperty: 'code', roam: true, selectedMode: false, silent: true,
        layoutCenter: ['50%', '50%'], layoutSize: '95%',
        itemStyle: { areaColor: '#163563', borderColor: '#3a5f94', borderWidth: 0.5 }
      }
    }, extra, {
      series: [{ id: 'communities', type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true,
        lineStyle: { color: '#e8f1ff', width: 1, opacity: 0.7 }, data: lines(district.communities) }]
        .concat(extra.series || [])
    });
  }

  // ------------------------------------------------------------------ the report form's pin

  function pinMap(el) {
    var lat = document.getElementById('latitude');
    var lon = document.getElementById('longitude');
    var grid = document.getElementById('gridCode');
    var address = document.getElementById('address');
    var result = document.getElementById('pin-result');
    var state = { pin: null, located: null, autoAddress: null };
    el.pinMap = state;
    var chart;
    var dragging = false;
    var dragged = false;
    var grab = [0, 0];
    var asked = 0;

    function drawPin() {
      chart.setOption({ series: [{ id: 'pin', type: 'scatter', coordinateSystem: 'geo', symbol: 'pin',
        symbolSize: 30, symbolOffset: [0, '-50%'], itemStyle: { color: '#ff5252' },
        data: state.pin ? [{ name: '事发位置', value: state.pin }] : [] }] });
    }

    /** Ask the server where the point is; fill the form when it answers. */
    function locate(fillInputs) {
      var p = state.pin;
      if (fillInputs) {
        lat.value = p[1];
        lon.value = p[0];
      }
      body.setAttribute('data-pin-state', 'LOADING');
      var mine = ++asked;
      return json(el.getAttribute('data-locate') + '?latitude=' + encodeURIComponent(p[1]) + '&longitude='
        + encodeURIComponent(p[0])).then(function (r) {
        if (mine !== asked) {
          return; // a newer pin is being located: this answer is stale
        }
        state.located = r;
        grid.value = r.grid_code;
        // the address is filled from the nearest community unless the reporter wrote their own
        if (!address.value || address.value === state.autoAddress) {
          address.value = r.address;
          state.autoAddress = r.address;
        }
        text(result, '已定位：' + r.street_name + ' · ' + r.community_name + ' · ' + r.grid_name + '（' + p[1]
          + ', ' + p[0] + '）');
        result.setAttribute('data-grid', r.grid_code);
        body.setAttribute('data-pin-state', 'OK');
      }).catch(function (e) {
        if (mine !== asked) {
          return;
        }
        state.located = null;
        text(result, e.message);
        result.removeAttribute('data-grid');
        body.setAttribute('data-pin-state', 'ERROR');
      });
    }

    function setPin(at, fillInputs) {
      state.pin = [round6(at[0]), round6(at[1])];
      drawPin();
      return locate(fillInputs);
    }

    function near(e) {
      if (!state.pin) {
        return false;
      }
      var px = chart.convertToPixel({ geoIndex: 0 }, state.pin);
      // the pin's symbol stands above its point
      return px && Math.abs(px[0] - e.offsetX) < 15 && e.offsetY < px[1] + 5 && e.offsetY > px[1] - 35;
    }

    loadDistrict(el).then(function (district) {
      chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(baseOption(district, { series: [] }));
      // zoom with the wheel, but no panning: a drag moves the pin
      chart.setOption({ geo: { roam: 'scale' } });
      drawPin();
      var zr = chart.getZr();
      zr.on('mousedown', function (e) {
        if (near(e)) {
          var px = chart.convertToPixel({ geoIndex: 0 }, state.pin);
          // where on the pin it was grabbed, so the point moves with the hand, not to it
          grab = [px[0] - e.offsetX, px[1] - e.offsetY];
          dragging = true;
          dragged = false;
        }
      });
      zr.on('mousemove', function (e) {
        if (dragging) {
          var at = chart.convertFromPixel({ geoIndex: 0 }, [e.offsetX + grab[0], e.offsetY + grab[1]]);
          if (at) {
            dragged = true;
            state.pin = [round6(at[0]), round6(at[1])];
            drawPin();
          }
        }
      });
      zr.on('mouseup', function () {
        if (dragging) {
          dragging = false;
          if (dragged) {
            locate(true);
          }
        }
      });
      zr.on('click', function (e) {
        if (dragged) {
          dragged = false;
          return;
        }
        var at = chart.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]);
        if (at) {
          setPin(at, true);
        }
      });
      // typed coordinates (the accessible way) move the pin too
      [lat, lon].forEach(function (input) {
        input.addEventListener('change', function () {
          var y = parseFloat(lat.value);
          var x = parseFloat(lon.value);
          if (isFinite(x) && isFinite(y)) {
            setPin([x, y], false);
          }
        });
      });
      if (lat.value && lon.value && isFinite(parseFloat(lat.value)) && isFinite(parseFloat(lon.value))) {
        state.pin = [parseFloat(lon.value), parseFloat(lat.value)];
        drawPin();
      }
      body.setAttribute('data-pin-map-state', 'OK');
    }).catch(function (e) {
      text(result, '地图加载失败：' + e.message + '（仍可直接输入经纬度或选择网格）');
      body.setAttribute('data-pin-map-state', 'ERROR');
    });
  }

  // ------------------------------------------------------------------ a case and the open cases near it

  function caseMap(el) {
    var table = document.getElementById('nearby-cases');
    var note = document.getElementById('nearby-note');
    Promise.all([loadDistrict(el), json(el.getAttribute('data-source'))]).then(function (parts) {
      var data = parts[1];
      el.caseMap = data;
      var self = data.map_case;
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(baseOption(parts[0], {
        tooltip: { confine: true, formatter: function (p) { return p.data && p.data.tip ? p.data.tip : ''; } },
        series: [
          { id: 'nearby', type: 'scatter', coordinateSystem: 'geo', symbolSize: 7, itemStyle: { color: '#69f0ae' },
            data: data.nearby.map(function (n) {
              return { name: n.map_case.id, value: [n.map_case.longitude, n.map_case.latitude],
                tip: n.map_case.title + '（' + n.distance_metres + ' 米）' };
            }) },
          { id: 'case', type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 30,
            symbolOffset: [0, '-50%'], itemStyle: { color: '#ff5252' },
            data: [{ name: self.id, value: [self.longitude, self.latitude], tip: self.title }] }
        ]
      }));
      // zoomed in on the case: about the radius around it
      chart.setOption({ geo: { center: [self.longitude, self.latitude], zoom: 6 } });
      var tbody = table.querySelector('tbody');
      tbody.innerHTML = '';
      data.nearby.forEach(function (n) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-case-id', n.map_case.id);
        var a = document.createElement('a');
        a.href = el.getAttribute('data-case-link') + encodeURIComponent(n.map_case.id);
        text(a, n.map_case.title);
        [n.distance_metres + ' 米', null, n.map_case.grid_name, n.map_case.overdue ? '超期' : '办理中']
          .forEach(function (v, i) {
            var td = document.createElement('td');
            if (i === 1) {
              td.appendChild(a);
            } else {
              text(td, v);
            }
            tr.appendChild(td);
          });
        tbody.appendChild(tr);
      });
      text(note, data.nearby.length ? '周边 ' + data.radius_metres + ' 米内未办结事件 ' + data.nearby.length + ' 件'
        : '周边 ' + data.radius_metres + ' 米内没有其他未办结事件');
      body.setAttribute('data-case-map-state', 'OK');
    }).catch(function (e) {
      text(note, e.message);
      body.setAttribute('data-case-map-state', 'ERROR');
    });
  }

  var pin = document.querySelector('[data-pin-map]');
  if (pin) {
    pinMap(pin);
  }
  var cm = document.querySelector('[data-case-map]');
  if (cm) {
    cm.removeAttribute('hidden');
    caseMap(cm);
  }
}());
