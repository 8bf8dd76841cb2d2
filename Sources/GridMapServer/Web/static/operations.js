// 联合执法 on the map: the joint operations of the event list's period, each area outlined
// (dashed orange) with a popup naming the offices, the period, the grids and what came of it.
import { escapeHTML } from './dom.js';
import { api, query } from './api.js';
import { beijingTime } from './time.js';
import { map } from './map.js';

export const operations = {
  layer: L.geoJSON(null, {
    style: { color: '#d9480f', weight: 2, dashArray: '6 4', fillOpacity: 0.08 },
    onEachFeature: (feature, layer) => {
      const p = feature.properties;
      layer.bindPopup(`<b>联合执法 #${p.id} ${escapeHTML(p.title)}</b><br>${escapeHTML(p.offices.join('、'))}`
        + `<br>${beijingTime(p.start)} 至 ${beijingTime(p.end)} · ${p.grids.length} 个网格`
        + `${p.events.length ? ` · 关联事件 ${p.events.map((id) => `#${id}`).join(' ')}` : ''}`
        + `${p.outcome ? `<br>${escapeHTML(p.outcome)}` : ''}`);
    },
  }).addTo(map),

  /** The operations whose period overlaps [from, to) (Beijing days, as the filters give them). */
  async load(from, to) {
    const { json } = await api(`/v1/operations?${query({ format: 'geojson', from, to })}`);
    this.layer.clearLayers();
    this.layer.addData(json);
    return json.features.length;
  },
};
