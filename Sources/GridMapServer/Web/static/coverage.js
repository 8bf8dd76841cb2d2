// The patrol coverage layers (巡查): each grid shaded by the share its patrols covered, and the
// blind spots, for Beijing days.
import { $, escapeHTML, say } from './dom.js';
import { api, explain, query } from './api.js';
import { map } from './map.js';

const coverage = {
  layers: {},

  async toggle(kind, on) {
    if (this.layers[kind]) { this.layers[kind].remove(); delete this.layers[kind]; }
    if (!on) return;
    const path = kind === 'gaps' ? '/v1/coverage/gaps' : '/v1/coverage';
    try {
      const { json } = await api(`${path}?${query({ from: $('coverage-from').value, to: $('coverage-to').value })}`);
      this.layers[kind] = L.geoJSON(json, {
        pane: 'analysis',
        style: (f) => (kind === 'gaps'
          ? { color: '#cf222e', weight: 1, fillColor: '#cf222e', fillOpacity: 0.45 }
          : { color: '#1a7f37', weight: 0.5, fillColor: '#1a7f37', fillOpacity: 0.1 + 0.7 * f.properties.covered_pct / 100 }),
      }).bindTooltip((layer) => (kind === 'gaps'
        ? `${escapeHTML(layer.feature.properties.name)} 盲区 ${Math.round(layer.feature.properties.area_m2)} 平方米`
        : `${escapeHTML(layer.feature.properties.name)}：覆盖 ${layer.feature.properties.covered_pct}%${layer.feature.properties.compliant ? '' : '，未达标'}`)).addTo(map);
      say('coverage-status', `${json.period.first_day} 至 ${json.period.last_day}：${json.features.length} 个${kind === 'gaps' ? '盲区' : '网格'}`, 'ok');
    } catch (error) {
      say('coverage-status', explain(error), 'error');
    }
  },
};
$('coverage-toggle').addEventListener('change', (e) => coverage.toggle('grids', e.target.checked));
$('gaps-toggle').addEventListener('change', (e) => coverage.toggle('gaps', e.target.checked));
