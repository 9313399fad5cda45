/* Place names on the offline map (no tiles, so no names otherwise): see maps/labels.py.
 *
 * Labels come most important first. After every zoom or pan each label whose zoom range
 * includes the current zoom is placed unless its box would overlap one already placed,
 * so the map never turns into a pile of text. Names reach the DOM through textContent.
 * The label pane lets clicks through to the event markers beneath.
 */
(function () {
  "use strict";
  if (window.MapLabels) { return; }

  var CHAR_PX = 6.6, LINE_PX = 15, GAP_PX = 4;

  function addStyles() {
    if (document.getElementById("map-label-styles")) { return; }
    var css = [
      ".ml-label{white-space:nowrap;font:12px/1.2 system-ui,sans-serif;color:#222;" +
        "text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff;pointer-events:none}",
      ".ml-label .ml-dot{display:inline-block;width:5px;height:5px;border-radius:50%;background:#333;" +
        "margin-right:3px;vertical-align:middle}",
      ".ml-province{font-weight:700;font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:#444}",
      ".ml-district{font-size:11px;letter-spacing:.05em;text-transform:uppercase;color:#6b6b6b}",
      ".ml-town{font-weight:600}"
    ];
    var style = document.createElement("style");
    style.id = "map-label-styles";
    style.textContent = css.join("\n");
    document.head.appendChild(style);
  }

  function labelIcon(text, kindName) {
    var node = document.createElement("div");
    node.className = "ml-label ml-" + kindName;
    if (kindName === "town") {
      var dot = document.createElement("span");
      dot.className = "ml-dot";
      node.appendChild(dot);
    }
    node.appendChild(document.createTextNode(text));
    // Towns hang right of their dot; area names are centred on their point.
    var width = Math.round(text.length * CHAR_PX * (kindName === "town" ? 1 : 1.15)) + (kindName === "town" ? 9 : 0);
    var anchor = kindName === "town" ? [4, LINE_PX / 2] : [width / 2, LINE_PX / 2];
    return { icon: L.divIcon({ html: node, className: "", iconSize: [width, LINE_PX], iconAnchor: anchor }),
             width: width, anchor: anchor };
  }

  function overlaps(box, placed) {
    for (var k = 0; k < placed.length; k++) {
      var o = placed[k];
      if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) { return true; }
    }
    return false;
  }

  function labels(map, dataId, opts) {
    var d = window.EventMapData && window.EventMapData[dataId];   // a data script (maps.assets)
    if (!d) {
      var node = document.getElementById(dataId);
      if (!node) { throw new Error("map labels: data element #" + dataId + " is missing"); }
      d = JSON.parse(node.textContent);
    }
    addStyles();
    var pane = map.createPane("ml-labels");
    pane.style.zIndex = 450;            // above the outlines and district circles, below markers
    pane.style.pointerEvents = "none";
    var items = d.text.map(function (text, i) {
      var made = labelIcon(text, d.kinds[d.kind[i]]);
      return { latlng: L.latLng(d.lat[i], d.lon[i]), z0: d.z0[i], z1: d.z1[i], made: made, marker: null };
    });

    function place() {
      var zoom = map.getZoom(), size = map.getSize(), placed = [], shown = 0;
      items.forEach(function (item) {
        var wanted = zoom >= item.z0 && zoom <= item.z1;
        var box = null;
        if (wanted) {
          var p = map.latLngToContainerPoint(item.latlng);
          var x0 = p.x - item.made.anchor[0] - GAP_PX, y0 = p.y - item.made.anchor[1] - GAP_PX;
          box = [x0, y0, x0 + item.made.width + 2 * GAP_PX, y0 + LINE_PX + 2 * GAP_PX];
          var inView = box[2] > 0 && box[0] < size.x && box[3] > 0 && box[1] < size.y;
          wanted = inView && !overlaps(box, placed);
        }
        if (wanted) {
          placed.push(box);
          shown++;
          if (!item.marker) {
            item.marker = L.marker(item.latlng, { icon: item.made.icon, pane: "ml-labels", interactive: false,
                                                  keyboard: false }).addTo(map);
          }
        } else if (item.marker) {
          map.removeLayer(item.marker);
          item.marker = null;
        }
      });
      map.getContainer().setAttribute("data-labels-shown", String(shown));
    }

    window.__labelledMap = map;   // for the end-to-end tests: read and set the view
    map.on("zoomend moveend resize", place);
    map.whenReady(place);
    return { place: place, count: items.length };
  }

  window.MapLabels = { labels: labels };
})();
