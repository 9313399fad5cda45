/* Event map layers built in the browser from one JSON payload (see maps/payload.py).
 *
 * Every string that came from an article reaches the DOM through textContent or an
 * attribute set from script, never as parsed markup, and only http(s) source URLs
 * become links. When a layer has painted, its map container gets
 * data-events-painted="<events drawn>" (and window.__eventMapPainted is set), which
 * is what the end-to-end tests and the browser benchmark wait for.
 */
(function () {
  "use strict";
  if (window.EventMap) { return; }

  var HEX = /^#[0-9a-fA-F]{6}$/;
  var HTTP_URL = /^https?:\/\/[^\s]+$/i;

  // Decoder of maps/payload.py pack_ints: fixed-width base-64 integers in one string.
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int16Array(128);
  for (var a = 0; a < ALPHABET.length; a++) { DIGIT[ALPHABET.charCodeAt(a)] = a; }

  function unpack(col, i) {
    var w = col.w, v = 0, s = col.s, o = i * w;
    for (var k = 0; k < w; k++) { v = v * 64 + DIGIT[s.charCodeAt(o + k)]; }
    return col.min + v;
  }

  function text(d, key, i) {
    var field = d[key];
    return field.v[unpack(field.c, i)];
  }

  // A layer's data: the id of its JSON element or data script, or the document itself (a
  // layer that streamlit-folium swaps into a kept map carries its data inline).
  function readData(id) {
    if (typeof id === "object") { return id; }
    // A kept base map's data come as scripts of their own (maps.assets.write_data_script).
    var filed = window.EventMapData && window.EventMapData[id];
    if (filed) { return filed; }
    var node = document.getElementById(id);
    if (!node) { throw new Error("event map: data element #" + id + " is missing"); }
    return JSON.parse(node.textContent);
  }

  function addStyles(colours, diameters) {
    if (document.getElementById("event-map-styles")) { return; }
    var css = [
      ".leaflet-container{background:#f3f1ec}",
      ".ev-pt{border-radius:50%;border:1px solid rgba(255,255,255,.95);box-shadow:0 0 2px rgba(0,0,0,.55);opacity:.92}",
      ".ev-popup{font:12px/1.4 system-ui,sans-serif;max-width:300px}",
      ".ev-popup .ev-title{font-weight:600;margin-bottom:2px}",
      ".ev-popup dl{margin:4px 0;display:grid;grid-template-columns:auto 1fr;gap:1px 6px}",
      ".ev-popup dt{color:#666}.ev-popup dd{margin:0}",
      ".ev-popup blockquote{margin:4px 0;padding-left:6px;border-left:3px solid #ccc;color:#333}",
      ".ev-legend{background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;font:12px/1.35 system-ui,sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.3)}",
      ".ev-legend .ev-row{display:flex;align-items:center;gap:6px}",
      ".ev-legend .ev-head{font-weight:600;margin-top:4px}",
      ".ev-legend .ev-key{display:inline-block;border-radius:50%;border:1px solid #fff;box-shadow:0 0 2px rgba(0,0,0,.5)}",
      ".ev-legend .ev-note{margin-top:4px;color:#555;max-width:220px}",
      ".ev-legend summary{font-weight:600;cursor:pointer}",
      // At phone width the legend starts folded and never takes more than half the map.
      ".ev-legend{max-height:45vh;overflow:auto}",
      "@media (max-width:600px){.ev-legend{font-size:11px;max-width:48vw;padding:4px 6px}.ev-legend .ev-note{max-width:44vw}}",
      ".ev-dist-tip{background:rgba(255,255,255,.85);border:0;box-shadow:none;padding:0 3px;font:600 11px/1.3 system-ui,sans-serif}",
      ".ev-dist-tip:before{display:none}",
      ".ev-popup .ev-list{margin:4px 0;padding-left:16px;max-height:220px;overflow:auto}",
      ".ev-popup .ev-note{color:#555}",
      // Neutral clusters: the event-type colours belong to the single markers only.
      ".marker-cluster.ev-cluster{background:rgba(40,40,40,.22);border-radius:50%}",
      ".marker-cluster.ev-cluster div{position:absolute;inset:4px;width:auto;height:auto;margin:0;border-radius:50%;" +
        "background:rgba(45,45,45,.85);color:#fff;display:flex;align-items:center;justify-content:center;" +
        "font:600 11px/1 system-ui,sans-serif}",
      ".marker-cluster.ev-cluster span{line-height:1}"
    ];
    colours.forEach(function (c, i) {
      if (HEX.test(c)) { css.push(".ev-t" + i + "{background:" + c + "}"); }
    });
    var style = document.createElement("style");
    style.id = "event-map-styles";
    style.textContent = css.join("\n");
    document.head.appendChild(style);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function addField(dl, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    dl.appendChild(el("dt", null, label));
    dl.appendChild(el("dd", null, value));
  }

  function placeText(d, i) {
    var parts = [text(d, "loc", i), text(d, "adm2", i), text(d, "adm1", i)];
    var seen = {};
    return parts.filter(function (p) {
      if (!p || seen[p]) { return false; }
      seen[p] = true;
      return true;
    }).join(", ");
  }

  function popupNode(d, i, typeLabels) {
    var root = el("div", "ev-popup");
    var sub = text(d, "sub", i);
    root.appendChild(el("div", "ev-title", typeLabels[unpack(d.type, i)] + (sub ? " \u2014 " + sub : "")));
    var dl = el("dl");
    addField(dl, "Date", text(d, "date", i));
    addField(dl, "Place", placeText(d, i));
    var actors = [d.actor.v[unpack(d.actor.c1, i)], d.actor.v[unpack(d.actor.c2, i)]].filter(Boolean);
    addField(dl, "Actors", actors.join(" vs "));
    addField(dl, "Fatalities", unpack(d.fat, i));
    root.appendChild(dl);
    var evidence = text(d, "ev", i);
    if (evidence) { root.appendChild(el("blockquote", null, evidence)); }
    var url = text(d, "url", i);
    var source = text(d, "src", i);
    var sourceName = source || "Source";
    if (url && HTTP_URL.test(url)) {
      var link = el("a", null, sourceName);
      link.setAttribute("href", url);
      link.setAttribute("target", "_blank");
      link.setAttribute("rel", "noopener noreferrer");
      root.appendChild(link);
    } else if (url || source) {
      root.appendChild(el("div", null, sourceName + (url ? ": " + url : "")));
    }
    return root;
  }

  // One event layer per map: a filter change swaps a new one in (with its legend) in the
  // same map, so the one before is removed with its handlers, and nothing counts as
  // painted until the new layer has painted.
  function own(map, layer, cleanup) {
    var old = map.__evData;
    if (old) {
      if (old.cleanup) { old.cleanup(); }
      if (map.hasLayer(old.layer)) { map.removeLayer(old.layer); }
      map.closePopup();
    }
    map.__evData = { layer: layer, cleanup: cleanup };
    var box = map.getContainer();
    box.removeAttribute("data-events-painted");
    box.removeAttribute("data-event-layer");
  }

  function markPainted(map, count, kind) {
    // Two frames: the first runs before layout, the second after a real paint.
    var mine = map.__evData;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        if (map.__evData !== mine) { return; }   // a newer layer replaced this one meanwhile
        var box = map.getContainer();
        box.setAttribute("data-event-layer", kind);
        box.setAttribute("data-events-painted", String(count));
        window.__eventMapPainted = { layer: kind, events: count, at: performance.now() };
      });
    });
  }

  function clusters(map, dataId, opts) {
    var started = performance.now();
    var d = readData(dataId);
    var parsed = performance.now();
    addStyles(opts.colours, opts.diameters);
    var icons = opts.colours.map(function (_, t) {
      return opts.diameters.map(function (px, s) {
        return L.divIcon({ className: "ev-pt ev-t" + t, iconSize: [px, px], html: "" });
      });
    });
    var n = d.n, scale = d.scale, markers = new Array(n), bands = opts.minFatalities;
    for (var i = 0; i < n; i++) {
      var fat = unpack(d.fat, i), size = 0;
      while (size + 1 < bands.length && fat >= bands[size + 1]) { size++; }
      markers[i] = L.marker([unpack(d.lat, i) / scale, unpack(d.lon, i) / scale],
                            { icon: icons[unpack(d.type, i)][size], keyboard: false, ev: i });
    }
    var built = performance.now();
    var group = L.markerClusterGroup({
      chunkedLoading: true, chunkInterval: 1000, chunkDelay: 5,
      showCoverageOnHover: false, spiderfyOnMaxZoom: false, zoomToBoundsOnClick: false, maxClusterRadius: 60,
      chunkProgress: function (done, total) {
        if (done >= total) {
          window.__eventMapTimings = { start: started, parsed: parsed, markers: built, clustered: performance.now() };
          markPainted(map, n, "clusters");
        }
      }
    });
    group.options.iconCreateFunction = clusterIcon;
    group.on("clusterclick", function (e) { clusterClick(map, e.layer, d, opts.types); });
    group.on("click", function (e) {
      var i = e.layer.options.ev;
      L.popup({ maxWidth: 320 }).setLatLng(e.layer.getLatLng())
        .setContent(popupNode(d, i, opts.types)).openOn(map);
    });
    own(map, group);
    group.addTo(map);
    if (n === 0) { markPainted(map, 0, "clusters"); } else { group.addLayers(markers); }
    return group;
  }

  // Server-side cells (maps/cells.py): one level per zoom, drawn for the view only and
  // redrawn after every zoom or pan; a cell of one event is that event's coloured marker.
  function decodeLevel(level, nTypes) {
    var n = level.n, out = { z: level.z, n: n, total: 0 };
    ["lat", "lon", "s", "w", "no", "e", "cnt", "fat"].forEach(function (key) {
      var col = level[key], values = new Float64Array(n);
      for (var i = 0; i < n; i++) { values[i] = col.w ? unpack(col, i) : col.min; }
      out[key] = values;
    });
    var tc = new Int32Array(n * nTypes);
    for (var k = 0; k < n * nTypes; k++) { tc[k] = level.tc.w ? unpack(level.tc, k) : level.tc.min; }
    out.tc = tc;
    for (var c = 0; c < n; c++) { out.total += out.cnt[c]; }
    return out;
  }

  function cellType(level, i, nTypes) {
    var best = 0;
    for (var t = 1; t < nTypes; t++) { if (level.tc[i * nTypes + t] > level.tc[i * nTypes + best]) { best = t; } }
    return best;
  }

  function cellPopup(level, i, nTypes, typeLabels) {
    var root = el("div", "ev-popup"), count = level.cnt[i];
    root.appendChild(el("div", "ev-title", count === 1 ? typeLabels[cellType(level, i, nTypes)] : count + " events"));
    var dl = el("dl");
    addField(dl, "Fatalities", level.fat[i]);
    if (count > 1) {
      for (var t = 0; t < nTypes; t++) {
        var c = level.tc[i * nTypes + t];
        if (c) { addField(dl, typeLabels[t], c); }
      }
    }
    root.appendChild(dl);
    var onePoint = level.s[i] === level.no[i] && level.w[i] === level.e[i];
    root.appendChild(el("div", "ev-note", onePoint ? "Listed below the map." :
      "Zoom in or narrow the filters to see single events; the Events page lists them all."));
    return root;
  }

  function cells(map, dataId, opts) {
    var d = readData(dataId);
    addStyles(opts.colours, opts.diameters);
    var nTypes = d.types, scale = d.scale, bands = opts.minFatalities;
    var levels = d.levels.map(function (level) { return decodeLevel(level, nTypes); });
    var icons = opts.colours.map(function (_, t) {
      return opts.diameters.map(function (px) {
        return L.divIcon({ className: "ev-pt ev-t" + t, iconSize: [px, px], html: "" });
      });
    });
    var group = L.featureGroup();
    var shown = null;
    // The deepest levels may come apart (maps/cells.py INLINE_CELLS): a data script, loaded the
    // first time the map is zoomed past the levels at hand; until then the last one is shown.
    var deep = opts.deep || null, deepState = deep ? "wanted" : "none";
    var lastZoom = deep ? deep.last : (levels.length ? levels[levels.length - 1].z : 0);

    function loadDeep() {
      deepState = "loading";
      var script = document.createElement("script");
      script.src = deep.url;
      script.onload = function () {
        var doc = window.EventMapData && window.EventMapData[deep.id];
        if (!doc) { deepState = "failed"; return; }
        doc.levels.forEach(function (level) { levels.push(decodeLevel(level, nTypes)); });
        deepState = "loaded";
        if (map.hasLayer(group)) { draw(); }
      };
      script.onerror = function () { deepState = "failed"; };   // the coarser cells stay
      document.head.appendChild(script);
    }

    function levelFor(zoom) {
      if (!levels.length) { return null; }
      var k = Math.max(0, Math.min(levels.length - 1, Math.round(zoom) - levels[0].z));
      return levels[k];
    }

    function marker(level, i) {
      var at = [level.lat[i] / scale, level.lon[i] / scale], count = level.cnt[i];
      if (count === 1) {
        var fat = level.fat[i], size = 0;
        while (size + 1 < bands.length && fat >= bands[size + 1]) { size++; }
        return L.marker(at, { icon: icons[cellType(level, i, nTypes)][size], keyboard: false, cell: i });
      }
      return L.marker(at, { icon: clusterIcon({ getChildCount: function () { return count; } }),
                            keyboard: false, cell: i });
    }

    function draw() {
      if (deepState === "wanted" && levels.length && Math.round(map.getZoom()) > levels[levels.length - 1].z) {
        loadDeep();
      }
      var level = levelFor(map.getZoom());
      group.clearLayers();
      shown = level;
      if (!level) { markPainted(map, 0, "cells"); return; }
      var view = map.getBounds().pad(0.3), painted = 0;
      var south = view.getSouth(), north = view.getNorth(), west = view.getWest(), east = view.getEast();
      for (var i = 0; i < level.n; i++) {
        var lat = level.lat[i] / scale, lon = level.lon[i] / scale;
        if (lat < south || lat > north || lon < west || lon > east) { continue; }
        group.addLayer(marker(level, i));
        painted += level.cnt[i];
      }
      markPainted(map, painted, "cells");
    }
    group.addTo(map);

    group.on("click", function (e) {
      var level = shown, i = e.layer.options.cell;
      if (!level || i === undefined) { return; }
      var onePoint = level.s[i] === level.no[i] && level.w[i] === level.e[i];
      var deepest = Math.min(map.getMaxZoom(), lastZoom + 1);
      if (level.cnt[i] > 1 && !onePoint && map.getZoom() < deepest) {
        map.fitBounds([[level.s[i] / scale, level.w[i] / scale], [level.no[i] / scale, level.e[i] / scale]],
                      { padding: [20, 20], maxZoom: deepest });
        return;
      }
      L.popup({ maxWidth: 320 }).setLatLng(e.layer.getLatLng())
        .setContent(cellPopup(level, i, nTypes, opts.types)).openOn(map);
    });
    own(map, group, function () { map.off("zoomend moveend", draw); });
    map.on("zoomend moveend", draw);
    draw();
    return group;
  }

  var DISTRICT_NAMES_MAX = 40;
  var NARROW_PX = 600;    // below this map width the legend starts folded
  var SPIDER_MAX = 40;    // above this, a spiral of markers is unreadable: list them instead
  var LIST_MAX = 25;

  // Zoom into a cluster; where zooming cannot split it any more (events geocoded to one
  // town share a point), spiderfy a few events or list the latest ones.
  function clusterClick(map, cluster, d, typeLabels) {
    var bounds = cluster.getBounds();
    var onePoint = bounds.getNorthEast().equals(bounds.getSouthWest());
    if (!onePoint && map.getZoom() < map.getMaxZoom()) {
      cluster.zoomToBounds({ padding: [20, 20] });
      return;
    }
    if (cluster.getChildCount() <= SPIDER_MAX) {
      cluster.spiderfy();
      return;
    }
    L.popup({ maxWidth: 340 }).setLatLng(cluster.getLatLng())
      .setContent(eventList(map, cluster.getAllChildMarkers(), d, typeLabels)).openOn(map);
  }

  function eventList(map, markers, d, typeLabels) {
    var sorted = markers.slice().sort(function (a, b) {   // latest first; ISO dates sort as text
      var i = a.options.ev, j = b.options.ev;
      var di = text(d, "date", i), dj = text(d, "date", j);
      return di < dj ? 1 : di > dj ? -1 : i - j;
    });
    var root = el("div", "ev-popup");
    root.appendChild(el("div", "ev-title", sorted.length + " events here"));
    var list = el("ul", "ev-list");
    sorted.slice(0, LIST_MAX).forEach(function (marker) {
      var i = marker.options.ev;
      var item = el("li");
      var link = el("a", null, [text(d, "date", i), typeLabels[unpack(d.type, i)], text(d, "loc", i),
                                unpack(d.fat, i) + " killed"].join(" \u00b7 "));
      link.setAttribute("href", "#");
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        L.popup({ maxWidth: 320 }).setLatLng(marker.getLatLng())
          .setContent(popupNode(d, i, typeLabels)).openOn(map);
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    root.appendChild(list);
    if (sorted.length > LIST_MAX) {
      root.appendChild(el("div", "ev-note", (sorted.length - LIST_MAX) + " more: narrow the filters or see the Events page"));
    }
    return root;
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var px = count < 100 ? 30 : count < 1000 ? 36 : count < 10000 ? 42 : 48;
    var inner = el("div");
    inner.appendChild(el("span", null, count));
    return L.divIcon({ html: inner, className: "marker-cluster ev-cluster", iconSize: L.point(px, px) });
  }

  function heat(map, dataId, opts) {
    var d = readData(dataId);
    var n = d.n, scale = d.scale, points = new Array(n);
    for (var i = 0; i < n; i++) {
      points[i] = [unpack(d.lat, i) / scale, unpack(d.lon, i) / scale, 1];
    }
    var layer = L.heatLayer(points, { radius: opts.radius, blur: opts.blur, maxZoom: opts.maxZoom });
    own(map, layer);
    layer.addTo(map);
    markPainted(map, n, "heat");
    return layer;
  }

  function districts(map, dataId, opts) {
    var d = readData(dataId);
    var layer = L.featureGroup();
    var biggest = Math.max.apply(null, [1].concat(d.events));
    var total = 0;
    for (var i = 0; i < d.name.length; i++) {
      total += d.events[i];
      var radius = Math.max(4, opts.maxRadius * Math.sqrt(d.events[i] / biggest));
      var circle = L.circleMarker([d.lat[i], d.lon[i]], {
        radius: radius, color: opts.stroke, weight: 1, fillColor: opts.fill, fillOpacity: 0.55
      });
      circle.bindPopup(districtPopup(d, i));
      // Named on the map itself while there are few enough circles to read.
      circle.bindTooltip(el("span", null, d.name[i] + ": " + d.events[i]), {
        permanent: d.name.length <= DISTRICT_NAMES_MAX, direction: "right", className: "ev-dist-tip",
        offset: [radius, 0]
      });
      layer.addLayer(circle);
    }
    own(map, layer);
    layer.addTo(map);
    markPainted(map, total, "districts");
    return layer;
  }

  function districtPopup(d, i) {
    var root = el("div", "ev-popup");
    root.appendChild(el("div", "ev-title", d.name[i]));
    var dl = el("dl");
    addField(dl, "Province", d.admin1[i]);
    addField(dl, "Events", d.events[i]);
    addField(dl, "Fatalities", d.fatalities[i]);
    root.appendChild(dl);
    return root;
  }

  function outlines(map, dataId, opts) {
    var d = readData(dataId);
    var pane = map.createPane("ev-outlines");
    pane.style.zIndex = 250;   // above tiles (200), below overlays (400)
    pane.style.pointerEvents = "none";
    // One canvas instead of hundreds of SVG paths: cheaper to paint and to pan.
    var renderer = L.canvas({ pane: "ev-outlines", padding: 0.3 });
    L.geoJSON(d.districts, {
      pane: "ev-outlines", interactive: false, renderer: renderer,
      style: { color: "#9a9a9a", weight: 0.7, fillColor: "#ffffff", fillOpacity: opts.fillOpacity }
    }).addTo(map);
    L.geoJSON(d.provinces, {
      pane: "ev-outlines", interactive: false, renderer: renderer,
      style: { color: "#555555", weight: 1.6, fill: false }
    }).addTo(map);
  }

  // st_folium sizes its iframe after the map script ran, so the first fit can be made
  // for the wrong size: refit on resize until the user has moved the map.
  // A filter change fits the map to its events again, in the same map: the handlers are
  // made once per map and read the latest fit.
  function fit(map, bounds, options) {
    var state = map.__evFit;
    if (!state) {
      state = map.__evFit = { fitting: false, userMoved: false };
      map.on("zoomstart movestart", function () { if (!state.fitting) { state.userMoved = true; } });
      map.on("resize", function () {
        if (state.userMoved) { return; }
        state.fitting = true;
        map.fitBounds(state.bounds, state.options);
        state.fitting = false;
      });
    }
    state.bounds = bounds;
    state.options = options;
    state.userMoved = false;
    if (alreadyFits(map, bounds, options)) { return; }
    state.fitting = true;
    map.fitBounds(bounds, options);
    state.fitting = false;
  }

  // A filter change whose events the map already shows at the zoom a fit would choose keeps the
  // view: the map does not shift by a few pixels, and the outlines, names and cells are not all
  // redrawn for it.
  function alreadyFits(map, bounds, options) {
    if (!map._loaded) { return false; }
    var target = L.latLngBounds(bounds), pad = L.point(options.padding || [0, 0]);
    var zoom = Math.min(map.getBoundsZoom(target, false, pad.multiplyBy(2)), options.maxZoom || Infinity);
    if (zoom !== map.getZoom()) { return false; }
    var view = map.getPixelBounds(), sw = map.project(target.getSouthWest()), ne = map.project(target.getNorthEast());
    return sw.x >= view.min.x + pad.x && ne.x <= view.max.x - pad.x && ne.y >= view.min.y + pad.y &&
      sw.y <= view.max.y - pad.y;
  }

  function legend(map, opts) {
    addStyles(opts.colours, opts.diameters);
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = el("details", "ev-legend");
      var touched = false;
      box.open = map.getSize().x >= NARROW_PX || map.getSize().x === 0;
      box.addEventListener("toggle", function () { if (box.open !== (map.getSize().x >= NARROW_PX)) { touched = true; } });
      // The iframe gets its real size after the script ran: fold or unfold then, until the user chose.
      var onResize = function () { if (!touched) { box.open = map.getSize().x >= NARROW_PX; } };
      map.on("resize", onResize);
      control.onRemove = function () { map.off("resize", onResize); };
      box.appendChild(el("summary", null, opts.title));
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      if (opts.showTypes) {
        opts.types.forEach(function (label, t) {
          var row = el("div", "ev-row");
          var key = el("span", "ev-key ev-t" + t);
          key.style.width = key.style.height = "10px";
          row.appendChild(key);
          row.appendChild(el("span", null, label));
          box.appendChild(row);
        });
        box.appendChild(el("div", "ev-head", "Size: fatalities"));
        opts.sizeLabels.forEach(function (label, s) {
          var row = el("div", "ev-row");
          var key = el("span", "ev-key");
          key.style.width = key.style.height = opts.diameters[s] + "px";
          key.style.background = "#888";
          row.appendChild(key);
          row.appendChild(el("span", null, label));
          box.appendChild(row);
        });
      }
      opts.notes.forEach(function (note) { box.appendChild(el("div", "ev-note", note)); });
      return box;
    };
    if (map.__evLegend) { map.removeControl(map.__evLegend); }
    map.__evLegend = control;
    control.addTo(map);
    return control;
  }

  window.EventMap = {
    readData: readData, unpack: unpack, addStyles: addStyles, popupNode: popupNode, clusters: clusters,
    cells: cells, heat: heat, districts: districts, outlines: outlines, legend: legend, fit: fit
  };
})();
