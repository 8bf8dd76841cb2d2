// GridMap web console: a dispatcher's map (locate, resolve, report, follow events), density and
// patrol coverage layers, and a planner's grid editor. Everything comes from GridMap's own API;
// the base map is GridMap's town, village and grid outlines unless tiles/basemap.json names an
// online one. Leaflet is Debian's libjs-leaflet.
'use strict';

const $ = (id) => document.getElementById(id);
const day = 86400000;
/** Beijing time (Asia/Shanghai), the zone of every town: the API speaks UTC, people read this. */
const beijingParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const beijing = (ms) => Object.fromEntries(beijingParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
/** The Beijing day of an instant (ms), `2025-01-01`: what a plain date means to the API. */
const isoDate = (ms) => { const b = beijing(ms); return `${b.year}-${b.month}-${b.day}`; };
/** A stored UTC time as Beijing time, `2025-01-01 08:19`; '—' for none. */
const beijingTime = (iso) => {
  if (!iso) return '—';
  const b = beijing(Date.parse(iso));
  return `${b.year}-${b.month}-${b.day} ${b.hour}:${b.minute}`;
};
const statusColours = {
  received: '#1f6feb', triaged: '#8957e5', dispatched: '#bf8700', in_progress: '#d9480f',
  returned: '#cf222e', resolved: '#1a7f37', evaluated: '#57606a',
};
const statusNames = {
  received: '受理', triaged: '研判', dispatched: '流转', in_progress: '处置',
  returned: '退回', resolved: '办结', evaluated: '考核',
};

/** A failed API call: the server's error code and detail. */
class ApiError extends Error {
  constructor(status, body) {
    super(body && body.detail ? `${body.error}: ${body.detail}` : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API with the token from the panel; JSON in and out. */
async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const sent = { ...headers };
  const token = $('token').value.trim();
  if (token) sent.Authorization = `Bearer ${token}`;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (_) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return { json, response };
}

function say(id, text, kind = '') {
  const element = $(id);
  element.textContent = text;
  element.className = `status ${kind}`;
}

function explain(error) {
  if (error instanceof ApiError && error.status === 401) return '需要令牌：请在上方填写令牌。';
  if (error instanceof ApiError && error.status === 403) return `权限不足：${error.body ? error.body.detail : ''}`;
  return error.message;
}

const query = (parameters) => new URLSearchParams(Object.entries(parameters).filter(([, v]) => v !== '' && v != null)).toString();

// ---------------------------------------------------------------- map and GridMap's own layers
const map = L.map('map', { preferCanvas: true, zoomControl: true }).setView([29.3, 120.3], 9);
// Density and coverage are drawn under the outlines and the event pins (the overlay pane, 400).
map.createPane('analysis').style.zIndex = 350;
const layers = {};
const gridmap = { map, layers, ready: null, errors: [] };
window.gridmap = gridmap;

async function loadBasemap() {
  const { json } = await api('/app/basemap.json');
  if (json && json.url) L.tileLayer(json.url, { attribution: json.attribution || '', maxZoom: json.maxZoom || 18 }).addTo(map);
}

/** Town, village and grid outlines with their names. */
async function loadOutlines() {
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
      .setLatLng(layer.getBounds().getCenter()).setContent(layer.feature.properties.name)));
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

// ---------------------------------------------------------------- the town the map opens on
/** The town picker: the console opens fitted to one town's outline (the towns of a county lie tens
 *  to hundreds of kilometres apart), the one chosen last on this browser, else the first by code. */
const towns = {
  key: 'gridmap.town',
  select: $('town-select'),
  /** The town outlines by code. */
  outlines() {
    return new Map(layers.towns.getLayers().map((layer) => [layer.feature.properties.code, layer]));
  },
  init() {
    const outlines = this.outlines();
    const codes = [...outlines.keys()].sort();
    this.select.replaceChildren(...codes.map((code) => new Option(outlines.get(code).feature.properties.name, code)));
    const stored = localStorage.getItem(this.key);
    this.show(outlines.has(stored) ? stored : codes[0]);
    this.select.onchange = () => {
      localStorage.setItem(this.key, this.select.value);
      this.show(this.select.value);
    };
  },
  /** Fits the map to town `code`'s outline, at once (no animation). */
  show(code) {
    const outline = this.outlines().get(code);
    if (!outline) return;
    this.select.value = code;
    gridmap.town = code;
    map.fitBounds(outline.getBounds(), { animate: false });
  },
};

// ---------------------------------------------------------------- tabs and map clicks
let mode = 'locate';
function setTab(name) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.id === `tab-${name}`));
  planner.setMode(name === 'plan' ? 'select' : 'locate');
}
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => setTab(b.dataset.tab)));

map.on('click', (event) => {
  const { lat, lng } = event.latlng;
  if (mode === 'locate') dispatcher.locate(lng, lat, 'wgs84');
  else planner.click(lng, lat);
});

// ---------------------------------------------------------------- dispatcher
const dispatcher = {
  marker: null,
  resolved: null,
  categoriesOf: {},

  /** Resolves a coordinate in `crs` and shows whose it is. */
  async locate(lon, lat, crs) {
    const category = $('category-select').value;
    try {
      const { json } = await api(`/v1/resolve?${query({ lon, lat, crs, category })}`);
      this.resolved = { lon, lat, crs, answer: json };
      const point = L.latLng(json.point[1], json.point[0]);
      if (this.marker) this.marker.setLatLng(point); else this.marker = L.marker(point).addTo(map);
      $('resolution').hidden = false;
      $('res-grid').textContent = json.grid ? `${json.grid.name}（${json.grid.code}）`
        : `不在任何网格内${json.nearest ? `；最近：${json.nearest.name}，${Math.round(json.nearest.distance_m)} 米` : ''}`;
      $('res-village').textContent = json.village ? json.village.name : '—';
      $('res-town').textContent = json.town ? json.town.name : '—';
      $('res-platform').textContent = json.platform ? `${json.platform.name}${json.office ? ` · ${json.office}` : ''}` : '选择类别后显示';
      $('res-people').replaceChildren(...(json.people || []).map((p) => {
        const item = document.createElement('li');
        item.textContent = `${p.role} ${p.name} ${p.phone}${p.absent ? '（请假）' : ''}`;
        return item;
      }));
      if (json.town) await this.loadCategories(json.town.code);
      say('event-status', '');
      $('resolution').dataset.answers = Number($('resolution').dataset.answers || 0) + 1;
    } catch (error) {
      $('resolution').hidden = false;
      $('res-grid').textContent = explain(error);
    }
  },

  async loadCategories(town) {
    if (this.town === town) return;
    this.town = town;
    const { json } = await api(`/v1/categories?town=${town}`);
    const categories = json.towns[0] ? json.towns[0].categories : [];
    const chosen = $('category-select').value;
    $('category-select').replaceChildren(new Option('选择事件类别', ''), ...categories.map((c) =>
      new Option(`${c.parent ? '　' : ''}${c.name}（${c.platform ? c.platform.name : ''}）`, c.code)));
    $('category-select').value = categories.some((c) => c.code === chosen) ? chosen : '';
  },

  /** "lon,lat" pasted with its crs. */
  locateTyped() {
    const parts = $('coord-input').value.split(/[,，\s]+/).filter(Boolean).map(Number);
    if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) {
      $('resolution').hidden = false;
      $('res-grid').textContent = '请输入“经度,纬度”，例如 119.72,28.27';
      return;
    }
    this.locate(parts[0], parts[1], $('crs-select').value);
  },

  async createEvent() {
    if (!this.resolved) return say('event-status', '请先定位事件', 'error');
    const category = $('category-select').value;
    if (!category) return say('event-status', '请选择事件类别', 'error');
    const description = $('description').value.trim();
    if (!description) return say('event-status', '请填写事件描述', 'error');
    try {
      const { json } = await api('/v1/events', { method: 'POST', body: {
        category, description, lon: this.resolved.lon, lat: this.resolved.lat, crs: this.resolved.crs,
        source: 'app', reporter: '指挥室' } });
      say('event-status', `已创建事件 #${json.id}：${json.routing ? json.routing.platform.name : ''}`, 'ok');
      $('description').value = '';
      await events.load();
    } catch (error) {
      say('event-status', explain(error), 'error');
    }
  },
};
$('locate-btn').addEventListener('click', () => dispatcher.locateTyped());
$('coord-input').addEventListener('keydown', (e) => { if (e.key === 'Enter') dispatcher.locateTyped(); });
$('category-select').addEventListener('change', () => {
  if (dispatcher.resolved) dispatcher.locate(dispatcher.resolved.lon, dispatcher.resolved.lat, dispatcher.resolved.crs);
});
$('create-event-btn').addEventListener('click', () => dispatcher.createEvent());

// ---------------------------------------------------------------- events on the map and in the list
const events = {
  layer: L.layerGroup().addTo(map),

  async load() {
    const filters = { format: 'geojson', limit: 1000, from: $('filter-from').value, to: $('filter-to').value,
                      category: $('filter-category').value, platform: $('filter-platform').value };
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
    features.sort((a, b) => (b.properties.overdue - a.properties.overdue) || b.properties.reported_at.localeCompare(a.properties.reported_at));
    this.layer.clearLayers();
    const items = features.map((feature) => {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.circleMarker([lat, lon], {
        radius: p.overdue ? 7 : 5, color: p.overdue ? '#cf222e' : '#fff', weight: p.overdue ? 3 : 1,
        fillColor: statusColours[p.status] || '#888', fillOpacity: 0.9,
      }).bindPopup(`#${p.id} ${p.description}<br>${statusNames[p.status] || p.status}${p.overdue ? ' · <b>超期</b>' : ''}${p.supervised ? ' · 督办' : ''}<br>${beijingTime(p.reported_at)}`);
      this.layer.addLayer(marker);
      const item = document.createElement('li');
      item.textContent = `#${p.id} ${statusNames[p.status] || p.status} ${p.description}${p.overdue ? '（超期）' : ''}`;
      item.dataset.id = p.id;
      item.classList.toggle('overdue', p.overdue);
      item.addEventListener('click', () => {
        map.setView([lat, lon], Math.max(map.getZoom(), 15));
        marker.openPopup();
        this.show(p.id);
      });
      return item;
    });
    $('event-list').replaceChildren(...items);
    $('event-count').textContent = `${features.length} 件（超期 ${features.filter((f) => f.properties.overdue).length} 件）`;
  },

  /** One event with its history and the moves the closed loop allows next (受理 → … → 考核). */
  async show(id) {
    try {
      const { json } = await api(`/v1/events/${id}`);
      $('event-detail').hidden = false;
      $('event-detail').dataset.id = id;
      $('detail-title').textContent = `#${json.id} ${json.description}`;
      $('detail-status').textContent = `${statusNames[json.status] || json.status}${json.overdue ? ' · 超期' : ''}${json.supervised ? ' · 督办' : ''}`
        + ` · ${json.routing ? json.routing.platform.name : ''} · 期限 ${beijingTime(json.deadline_at)}`;
      $('detail-actions').replaceChildren(...json.allowed_next.map((next) => {
        const button = document.createElement('button');
        button.textContent = statusNames[next] || next;
        button.dataset.to = next;
        button.addEventListener('click', () => this.move(id, next));
        return button;
      }));
      $('detail-history').replaceChildren(...(json.history || []).map((h) => {
        const item = document.createElement('li');
        item.textContent = `${beijingTime(h.at)} ${h.actor} ${h.to ? statusNames[h.to] || h.to : h.action}${h.note ? `：${h.note}` : ''}`;
        return item;
      }));
    } catch (error) {
      say('event-count', explain(error), 'error');
    }
  },

  async move(id, to) {
    try {
      await api(`/v1/events/${id}/transitions`, { method: 'POST', body: { to, actor: '指挥室', note: $('detail-note').value.trim() || undefined } });
      $('detail-note').value = '';
      await this.show(id);
      await this.load();
    } catch (error) {
      $('detail-status').textContent = explain(error);
    }
  },

  /** Category and platform filters from every town's model. */
  async loadFilters() {
    const [{ json: categories }, { json: platforms }] = await Promise.all([api('/v1/categories'), api('/v1/platforms')]);
    const seen = new Map();
    for (const town of categories.towns) for (const c of town.categories) if (!c.parent) seen.set(c.code, c.name);
    for (const id of ['filter-category', 'heat-category']) {
      $(id).append(...[...seen].map(([code, name]) => new Option(name, code)));
    }
    const platformNames = new Map();
    for (const town of platforms.towns) for (const p of town.platforms) platformNames.set(p.code, p.name);
    $('filter-platform').append(...[...platformNames].map(([code, name]) => new Option(name, code)));
  },
};
$('filter-apply').addEventListener('click', () => events.load());

// ---------------------------------------------------------------- density layers
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
    if (kind === 'grids') return `${p.name}：${p.count} 件，${p.per_km2} 件/平方公里`;
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

// ---------------------------------------------------------------- patrol coverage
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
        ? `${layer.feature.properties.name} 盲区 ${Math.round(layer.feature.properties.area_m2)} 平方米`
        : `${layer.feature.properties.name}：覆盖 ${layer.feature.properties.covered_pct}%${layer.feature.properties.compliant ? '' : '，未达标'}`)).addTo(map);
      say('coverage-status', `${json.period.first_day} 至 ${json.period.last_day}：${json.features.length} 个${kind === 'gaps' ? '盲区' : '网格'}`, 'ok');
    } catch (error) {
      say('coverage-status', explain(error), 'error');
    }
  },
};
$('coverage-toggle').addEventListener('change', (e) => coverage.toggle('grids', e.target.checked));
$('gaps-toggle').addEventListener('change', (e) => coverage.toggle('gaps', e.target.checked));

// ---------------------------------------------------------------- planner
const planner = {
  grid: null,      // { code, name, etag, feature }
  edit: null,      // the operation to preview and commit
  shape: null,     // the grid being reshaped (L.polygon) and its vertex handles
  handles: L.layerGroup(),
  sketch: L.layerGroup(),
  diff: L.layerGroup(),
  linePoints: [],
  otherEtag: null, // the second grid's version when merging

  setMode(next) {
    mode = next;
    const hints = {
      locate: '', select: '点击地图选择网格。', vertices: '拖动橙色顶点修改边界，然后预览。',
      split: '在地图上依次点击，画一条穿过网格的线，然后预览。',
      draw: '在地图上依次点击新边界的顶点（至少三个），然后预览。', merge: '点击要并入的相邻网格，然后预览。',
    };
    $('plan-mode').textContent = hints[next] || '';
  },

  reset() {
    this.edit = null;
    this.linePoints = [];
    this.handles.clearLayers().remove();
    this.sketch.clearLayers().remove();
    this.diff.clearLayers().remove();
    $('plan-result').hidden = true;
    this.setMode('select');
  },

  async click(lon, lat) {
    if (mode === 'vertices') return; // the handles are being dragged; 取消 ends it
    if (mode === 'split' || mode === 'draw') {
      this.linePoints.push([lon, lat]);
      const points = this.linePoints.map(([x, y]) => [y, x]);
      this.sketch.clearLayers().addTo(map);
      (mode === 'draw' ? L.polygon(points, { color: '#d9480f', weight: 2, fillOpacity: 0.15 }) : L.polyline(points, { color: '#d9480f', weight: 3 }))
        .addTo(this.sketch);
      if (mode === 'split' && this.linePoints.length >= 2) {
        this.edit = { op: 'split_grid', grid: this.grid.code, line: { type: 'LineString', coordinates: this.linePoints } };
      }
      if (mode === 'draw' && this.linePoints.length >= 3) {
        this.edit = { op: 'redraw_grid', grid: this.grid.code,
                      geometry: { type: 'Polygon', coordinates: [[...this.linePoints, this.linePoints[0]]] } };
      }
      return;
    }
    const { json } = await api(`/v1/resolve?${query({ lon, lat, people: false })}`);
    if (!json.grid) return say('plan-status', '这里不在任何网格内', 'error');
    if (mode === 'merge' && this.grid) {
      const { response } = await api(`/v1/grids/${json.grid.code}`);
      this.edit = { op: 'merge_grids', grids: [this.grid.code, json.grid.code], into: this.grid.code };
      this.otherEtag = response.headers.get('ETag');
      say('plan-status', `将 ${json.grid.name} 并入 ${this.grid.name}`, 'ok');
      return;
    }
    await this.select(json.grid.code);
  },

  async select(code) {
    this.reset();
    const { json, response } = await api(`/v1/grids/${code}`);
    this.grid = { code, name: json.properties.name, etag: response.headers.get('ETag'), feature: json };
    $('plan-grid').textContent = `${json.properties.name}（${code}）`;
    $('history-list').replaceChildren();
    $('plan-version').textContent = `版本 ${json.properties.version}`;
    this.sketch.clearLayers().addTo(map);
    L.geoJSON(json, { style: { color: '#d9480f', weight: 3, fillOpacity: 0.1 }, interactive: false }).addTo(this.sketch);
    say('plan-status', '');
  },

  /** Draggable handles on the vertices of the grid's largest polygon's outer ring. */
  editVertices() {
    if (!this.grid) return say('plan-status', '请先选择网格', 'error');
    this.reset();
    const polygons = this.grid.feature.geometry.coordinates;
    const ring = polygons[0][0].slice(0, -1).map(([x, y]) => L.latLng(y, x));
    this.shape = L.polygon(ring, { color: '#d9480f', weight: 2, fillOpacity: 0.15, interactive: false });
    this.sketch.clearLayers().addTo(map).addLayer(this.shape);
    this.handles.clearLayers().addTo(map);
    ring.forEach((point, i) => {
      const handle = L.marker(point, { draggable: true, icon: L.divIcon({ className: 'vertex-handle', iconSize: [10, 10] }) });
      handle.on('drag', (e) => { ring[i] = e.target.getLatLng(); this.shape.setLatLngs(ring); this.updateRedraw(ring); });
      this.handles.addLayer(handle);
    });
    this.setMode('vertices');
  },

  updateRedraw(ring) {
    const outer = ring.map((p) => [p.lng, p.lat]);
    outer.push(outer[0]);
    this.edit = { op: 'redraw_grid', grid: this.grid.code, geometry: { type: 'Polygon', coordinates: [outer] } };
  },

  async preview() {
    if (!this.edit) return say('plan-status', '请先拖动顶点、画线或选择要合并的网格', 'error');
    try {
      const { json } = await api('/v1/edits/preview', { method: 'POST', body: this.edit });
      this.showDiff(json);
      say('plan-status', '预览成功：填写原因后提交', 'ok');
    } catch (error) {
      this.showProblems(error);
    }
  },

  showDiff(preview) {
    this.diff.clearLayers().addTo(map);
    const units = preview.changes || [];
    for (const unit of units) {
      if (unit.before) L.geoJSON(unit.before, { style: { color: '#cf222e', weight: 1, dashArray: '4 3', fill: false }, interactive: false }).addTo(this.diff);
      if (unit.after) L.geoJSON(unit.after, { style: { color: '#1a7f37', weight: 2, fillColor: '#1a7f37', fillOpacity: 0.15 }, interactive: false }).addTo(this.diff);
    }
    const kinds = { reshaped: '改形', created: '新建', retired: '撤销', moved: '迁移' };
    const area = (m2) => (m2 == null ? '—' : `${Math.round(m2)}`);
    const lines = units.map((u) => `${kinds[u.kind] || u.kind} ${u.name || u.code}（${u.code}）${area(u.area_before_m2)} → ${area(u.area_after_m2)} 平方米`);
    lines.push(`事件改派 ${(preview.events || []).length} 件`);
    $('plan-result').innerHTML = '';
    for (const line of lines) $('plan-result').append(Object.assign(document.createElement('div'), { textContent: line }));
    $('plan-result').hidden = false;
  },

  showProblems(error) {
    this.diff.clearLayers().addTo(map);
    const problems = (error.body && error.body.problems) || [];
    for (const problem of problems) {
      if (problem.geometry) L.geoJSON(problem.geometry, { style: { color: '#cf222e', weight: 3, fillOpacity: 0.4 } }).addTo(this.diff);
    }
    say('plan-status', problems.length ? problems.map((p) => p.message).join('；') : explain(error), 'error');
  },

  async commit() {
    if (!this.edit) return say('plan-status', '没有待提交的变更', 'error');
    const reason = $('commit-reason').value.trim();
    if (!reason) return say('plan-status', '请填写变更原因', 'error');
    try {
      const tags = this.edit.op === 'merge_grids' ? [this.grid.etag, this.otherEtag] : [this.grid.etag];
      const { json } = await api('/v1/edits', { method: 'POST', body: { ...this.edit, reason }, headers: { 'If-Match': tags.join(', ') } });
      $('commit-reason').value = '';
      await reloadOutlines();
      await this.select(this.grid.code);
      await this.history();
      say('plan-status', json.changed ? `已提交变更 #${json.change_id}` : '边界没有变化，未保存任何内容', 'ok');
    } catch (error) {
      if (error.status === 412) say('plan-status', '网格已被他人修改：请重新选择网格后再编辑', 'error');
      else this.showProblems(error);
    }
  },

  async history() {
    if (!this.grid) return say('plan-status', '请先选择网格', 'error');
    const { json } = await api(`/v1/grids/${this.grid.code}/history`);
    $('history-list').replaceChildren(...json.features.map((f) => {
      const p = f.properties;
      const item = document.createElement('li');
      item.textContent = `${p.version} ${beijingTime(p.valid_from)}${p.change ? ` ${p.change.author}：${p.change.reason}` : ' 导入'}`;
      return item;
    }));
  },
};
$('edit-vertices').addEventListener('click', () => planner.editVertices());
for (const [id, drawing] of [['draw-split', 'split'], ['draw-boundary', 'draw']]) {
  $(id).addEventListener('click', () => {
    if (!planner.grid) return say('plan-status', '请先选择网格', 'error');
    planner.select(planner.grid.code).then(() => planner.setMode(drawing));
  });
}
$('merge-select').addEventListener('click', () => {
  if (!planner.grid) return say('plan-status', '请先选择网格', 'error');
  planner.setMode('merge');
});
$('plan-cancel').addEventListener('click', () => planner.reset());
$('preview-btn').addEventListener('click', () => planner.preview());
$('commit-btn').addEventListener('click', () => planner.commit());
$('history-btn').addEventListener('click', () => planner.history().catch((e) => say('plan-status', explain(e), 'error')));

async function reloadOutlines() {
  for (const name of ['towns', 'villages', 'grids']) if (layers[name]) layers[name].remove();
  for (const [group] of layers.labels || []) group.remove();
  await loadOutlines();
}

// ---------------------------------------------------------------- start
/** Default periods from the events' own extent: the event list the last 30 days of reports up to
 *  tomorrow, the density layers the last year of reports. */
async function defaultPeriods() {
  const { json } = await api('/ogc/collections/events');
  const interval = json.extent && json.extent.temporal ? json.extent.temporal.interval[0] : null;
  const last = interval ? Date.parse(interval[1]) : Date.now();
  $('filter-from').value = isoDate(Math.min(last, Date.now()) - 30 * day);
  $('filter-to').value = isoDate(Math.max(last, Date.now()) + day);
  $('heat-from').value = isoDate(last - 365 * day);
  $('heat-to').value = isoDate(last + day);
}

window.addEventListener('error', (e) => gridmap.errors.push(String(e.message)));
$('token').value = localStorage.getItem('gridmap.token') || '';
$('token').addEventListener('change', () => localStorage.setItem('gridmap.token', $('token').value.trim()));

(async () => {
  try {
    await Promise.all([loadBasemap(), loadOutlines()]);
    towns.init();
    gridmap.ready = performance.now();
    document.body.dataset.ready = 'true';
    await defaultPeriods();
    await Promise.all([events.loadFilters(), events.load()]);
    document.body.dataset.eventsReady = 'true';
  } catch (error) {
    gridmap.errors.push(explain(error));
    say('event-status', `加载失败：${explain(error)}`, 'error');
  }
})();
