// The density layers (热力): the grid choropleth with its legend, 200 m hexagons and the
// kernel-density isobands, for a period and a category.
import { $, escapeHTML, say } from './dom.js';
import { api, explain, query } from './api.js';
import { isoDate } from './time.js';
import { map } from './map.js';

const classColours = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704', '#4a1402', '#2b0a01', '#000', '#000', '#000', '#000', '#000'];
const density = {
  layers: {},

  filters() {
    return { from: $('heat-from').value, to: $('heat-to').value, category: $('heat-category').value };
  },

  async toggle(kind, on) {
    if (this.layers[kind]) { this.layers[kind].remove(); delete this.layers[kind]; }
    if (kind === 'grids') $('legend').hidden = true;
    if (!on) return;
    try {
      const { json } = await api(`/v1/density/${kind}?${query(this.filters())}`);
      // What shades scale against: the number of isobands, or the densest hexagon.
      const top = kind === 'kde' ? json.features.length : json.features.reduce((m, f) => Math.max(m, f.properties.per_km2), 0);
      this.layers[kind] = L.geoJSON(json, { pane: 'analysis', style: (f) => this.style(kind, f.properties, Math.max(top, 1e-9)),
                                            interactive: kind === 'grids' })
        .bindTooltip((layer) => this.tooltip(kind, layer.feature.properties)).addTo(map);
      if (kind === 'grids') this.legend(json.classification.upper_bounds);
      say('heat-status', `${isoDate(Date.parse(json.period.from))} 至 ${isoDate(Date.parse(json.period.to))}：${json.features.length} 个${kind === 'kde' ? '等值带' : '单元'}`, 'ok');
    } catch (error) {
      say('heat-status', explain(error), 'error');
    }
  },

  style(kind, p, top) {
    if (kind === 'grids') return { color: '#666', weight: 0.5, fillColor: classColours[(p.class || 1) - 1], fillOpacity: p.count ? 0.75 : 0.1 };
    if (kind === 'kde') return { stroke: false, fillColor: '#d94801', fillOpacity: 0.12 + 0.5 * p.level / top };
    return { color: '#7f2704', weight: 0.3, fillColor: '#d94801', fillOpacity: 0.15 + 0.75 * p.per_km2 / top };
  },

  tooltip(kind, p) {
    if (kind === 'grids') return `${escapeHTML(p.name)}：${p.count} 件，${p.per_km2} 件/平方公里`;
    if (kind === 'kde') return `≥ ${p.threshold_per_km2} 件/平方公里`;
    return `${p.count} 件`;
  },

  legend(bounds) {
    let lower = 0;
    $('legend').replaceChildren(...bounds.map((upper, i) => {
      const row = document.createElement('div');
      row.className = 'legend-row';
      row.innerHTML = `<span class="legend-swatch" style="background:${classColours[i]}"></span>${lower}–${upper} 件/平方公里`;
      lower = upper;
      return row;
    }));
    $('legend').hidden = false;
  },

  refresh() {
    for (const kind of Object.keys(this.layers)) this.toggle(kind, true);
  },
};
for (const [id, kind] of [['heat-grids', 'grids'], ['heat-hex', 'hex'], ['heat-kde', 'kde']]) {
  $(id).addEventListener('change', (e) => density.toggle(kind, e.target.checked));
}
for (const id of ['heat-from', 'heat-to', 'heat-category']) $(id).addEventListener('change', () => density.refresh());
