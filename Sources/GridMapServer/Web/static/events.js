// Events on the map and in the list: pins coloured by status, the filters, and an event's card
// with its history, its offices' tasks and the moves the closed loop allows next.
import { $, escapeHTML, say } from './dom.js';
import { api, explain, query } from './api.js';
import { beijingTime } from './time.js';
import { map } from './map.js';
import { tasks } from './tasks.js';
import { triage } from './triage.js';
import { evaluation } from './evaluation.js';
import { catalogue } from './catalogue.js';
import { supervision } from './supervision.js';
import { operations } from './operations.js';

const statusColours = {
  received: '#1f6feb', triaged: '#8957e5', dispatched: '#bf8700', in_progress: '#d9480f',
  returned: '#cf222e', resolved: '#1a7f37', evaluated: '#57606a', parked: '#6e7781',
};
const lightColours = { red: '#cf222e', yellow: '#bf8700', green: '#fff' };
/** Red first, then yellow, green, and closed events last. */
const lightRank = (p) => ({ red: 0, yellow: 1, green: 2 })[p.supervision?.light] ?? 3;
/** The loop's statuses by code, from GET /v1/statuses: the names of the moves and history rows. */
const statuses = new Map();
const statusName = (code) => statuses.get(code)?.name ?? code;
/** An event's description; withheld (null) for a reader who may not see personal data. */
const described = (event) => event.description ?? '（描述已隐藏，登录后可见）';

export const events = {
  layer: L.layerGroup().addTo(map),

  /** The loop's statuses, once at start. */
  async loadStatuses() {
    const { json } = await api('/v1/statuses');
    for (const status of json.statuses) statuses.set(status.status, status);
  },

  async load() {
    const filters = { format: 'geojson', limit: 1000, from: $('filter-from').value, to: $('filter-to').value,
                      category: $('filter-category').value, platform: $('filter-platform').value, light: $('filter-light').value };
    const features = [];
    let cursor = null;
    try {
      do {
        const { json } = await api(`/v1/events?${query({ ...filters, cursor })}`);
        features.push(...json.features);
        cursor = json.next_cursor;
      } while (cursor && features.length < 5000);
    } catch (error) {
      $('event-count').textContent = explain(error);
      return;
    }
    features.sort((a, b) => (lightRank(a.properties) - lightRank(b.properties))
      || b.properties.reported_at.localeCompare(a.properties.reported_at));
    this.layer.clearLayers();
    const items = features.map((feature) => {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.circleMarker([lat, lon], {
        radius: p.overdue ? 7 : 5, color: lightColours[p.supervision?.light] ?? '#fff', weight: p.supervision?.light === 'green' ? 1 : 3,
        fillColor: statusColours[p.status] || '#888', fillOpacity: 0.9,
      }).bindPopup(`#${p.id} ${escapeHTML(described(p))}<br>${p.status_name}${p.overdue ? ' · <b>超期</b>' : ''}${p.supervision?.light_name ? ` · ${p.supervision.light_name}` : ''}${p.supervision?.level ? ` · ${p.supervision.level_name}` : ''}<br>${beijingTime(p.reported_at)}`);
      this.layer.addLayer(marker);
      const item = document.createElement('li');
      item.textContent = `#${p.id} ${p.status_name} ${described(p)}${p.overdue ? '（超期）' : ''}`;
      item.dataset.id = p.id;
      item.classList.toggle('overdue', p.overdue);
      if (p.supervision?.light) item.classList.add(p.supervision.light);
      item.addEventListener('click', () => {
        map.setView([lat, lon], Math.max(map.getZoom(), 15));
        marker.openPopup();
        this.show(p.id);
      });
      return item;
    });
    $('event-list').replaceChildren(...items);
    const red = features.filter((f) => f.properties.supervision?.light === 'red').length;
    const joint = await operations.load(filters.from, filters.to).catch(() => 0);
    $('event-count').textContent = `${features.length} 件（超期 ${features.filter((f) => f.properties.overdue).length} 件，红灯 ${red} 件）`
      + (joint ? `；联合执法 ${joint} 次` : '');
    await supervision.loadPending((id) => this.show(id));
  },

  /** One event with its history and the moves the closed loop allows next (受理 → … → 考核). */
  async show(id) {
    try {
      const { json } = await api(`/v1/events/${id}`);
      $('event-detail').hidden = false;
      $('event-detail').dataset.id = id;
      $('detail-title').textContent = `#${json.id} ${described(json)}`;
      $('detail-status').textContent = `${json.status_name}${json.overdue ? ' · 超期' : ''}`
        + ` · ${json.routing ? json.routing.platform.name : ''} ${json.routing?.office ?? ''}${json.routing?.overridden_by ? '（改派）' : ''}`
        + ` · 期限 ${beijingTime(json.deadline_at)}`;
      // Evaluating takes a score and satisfaction, 挂账 a leader's reason and review day: their own
      // forms, not plain moves.
      $('detail-actions').replaceChildren(...json.allowed_next.filter((next) => next !== 'evaluated' && next !== 'parked').map((next) => {
        const button = document.createElement('button');
        button.textContent = statusName(next);
        button.dataset.to = next;
        button.addEventListener('click', () => this.move(id, next));
        return button;
      }));
      const refresh = async () => { await this.show(id); await this.load(); };
      triage.render(json, refresh);
      evaluation.render(json, refresh);
      tasks.render(json, refresh);
      supervision.render(json, refresh);
      $('detail-history').replaceChildren(...(json.history || []).map((h) => {
        const item = document.createElement('li');
        item.textContent = `${beijingTime(h.at)} ${h.actor} ${h.to ? statusName(h.to) : h.action}${h.note ? `：${h.note}` : ''}`;
        return item;
      }));
    } catch (error) {
      say('event-count', explain(error), 'error');
    }
  },

  async move(id, to) {
    try {
      await api(`/v1/events/${id}/transitions`, { method: 'POST', body: { to, note: $('detail-note').value.trim() || undefined } });
      $('detail-note').value = '';
      await this.show(id);
      await this.load();
    } catch (error) {
      $('detail-status').textContent = explain(error);
    }
  },

  /** Category and platform filters from every town's model (the catalogue loaded). */
  fillFilters() {
    const seen = new Map();
    for (const c of catalogue.allCategories()) if (!c.parent) seen.set(c.code, c.name);
    for (const id of ['filter-category', 'heat-category']) {
      $(id).append(...[...seen].map(([code, name]) => new Option(name, code)));
    }
    const platformNames = new Map(catalogue.allPlatforms().map((p) => [p.code, p.name]));
    $('filter-platform').append(...[...platformNames].map(([code, name]) => new Option(name, code)));
  },
};
$('filter-apply').addEventListener('click', () => events.load());
