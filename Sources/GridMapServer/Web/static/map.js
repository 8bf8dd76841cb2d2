// The Leaflet map (Debian's libjs-leaflet, its classic script's global L) and its base layers:
// GridMap's town, village and grid outlines with their names, over the tiles basemap.json names, if any.
import { api } from './api.js';
import { escapeHTML } from './dom.js';

export const map = L.map('map', { preferCanvas: true, zoomControl: true }).setView([29.3, 120.3], 9);
// Density and coverage are drawn under the outlines and the event pins (the overlay pane, 400).
map.createPane('analysis').style.zIndex = 350;
/** The outline layers by name (towns, villages, grids) and their label groups by zoom. */
export const layers = {};

export async function loadBasemap() {
  const { json } = await api('/app/basemap.json');
  if (json && json.url) L.tileLayer(json.url, { attribution: json.attribution || '', maxZoom: json.maxZoom || 18 }).addTo(map);
}

/** Town, village and grid outlines with their names. */
export async function loadOutlines() {
  const styles = {
    towns: { color: '#24292f', weight: 3, fill: false },
    villages: { color: '#57606a', weight: 2, dashArray: '6 4', fill: false },
    grids: { color: '#1f6feb', weight: 1, fillOpacity: 0.04 },
  };
  for (const name of ['towns', 'villages', 'grids']) {
    const { json } = await api(`/v1/layers/${name}`);
    layers[name] = L.geoJSON(json, { style: styles[name], interactive: false }).addTo(map);
  }
  // Names by zoom: towns below 12, villages from 12 to 13, grids from 14.
  const labels = (name, className) => L.layerGroup(layers[name].getLayers().map((layer) =>
    L.tooltip({ permanent: true, direction: 'center', className })
      .setLatLng(layer.getBounds().getCenter()).setContent(escapeHTML(layer.feature.properties.name))));
  layers.labels = [[labels('towns', 'town-label'), 0, 11], [labels('villages', 'village-label'), 12, 13], [labels('grids', 'grid-label'), 14, 99]];
  const showLabels = () => {
    for (const [group, from, to] of layers.labels) {
      if (map.getZoom() >= from && map.getZoom() <= to) group.addTo(map); else group.remove();
    }
  };
  map.off('zoomend', layers.showLabels);
  layers.showLabels = showLabels;
  map.on('zoomend', showLabels);
  showLabels();
}

/** Draws the outlines again, as they are after an edit. */
export async function reloadOutlines() {
  for (const name of ['towns', 'villages', 'grids']) if (layers[name]) layers[name].remove();
  for (const [group] of layers.labels || []) group.remove();
  await loadOutlines();
}
