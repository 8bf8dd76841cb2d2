// The command room's wall screen (/screen): today's events by platform (received, closed,
// overdue), the supervision lights of the open events, the latest events on the map, and the
// week's patrol coverage; redrawn when the live stream reports a change, and every minute.
import { $ } from './dom.js';
import { api, explain, query } from './api.js';
import { beijingTime, day, isoDate } from './time.js';

const map = L.map('screen-map', { zoomControl: false, attributionControl: false }).setView([28.27, 119.72], 12);
const pins = L.layerGroup().addTo(map);
const lightColours = { red: '#cf222e', yellow: '#bf8700', green: '#1a7f37' };
const screen = { updates: 0, received: 0 };
window.gridmap = { screen };

async function outlines() {
  const { json } = await api('/v1/layers/grids');
  const layer = L.geoJSON(json, { style: { color: '#388bfd', weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(map);
  if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
}

async function today() {
  const { json } = await api(`/v1/stats?${query({ by: 'platform', from: isoDate(Date.now()) })}`);
  $('screen-platforms').replaceChildren(...json.groups.map((group) => {
    const row = document.createElement('tr');
    for (const value of [group.name ?? group.key, group.received, group.closed, group.overdue]) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    return row;
  }));
}

async function latest() {
  const { json } = await api(`/v1/events?${query({ format: 'geojson', limit: 1000, from: isoDate(Date.now() - 30 * day), to: isoDate(Date.now() + day) })}`);
  const counts = { red: 0, yellow: 0, green: 0 };
  pins.clearLayers();
  for (const feature of json.features) {
    const light = feature.properties.supervision?.light;
    if (light in counts) counts[light] += 1;
    const [lon, lat] = feature.geometry.coordinates;
    L.circleMarker([lat, lon], { radius: 6, color: lightColours[light] ?? '#8b949e', fillOpacity: 0.8 }).addTo(pins);
  }
  for (const [light, count] of Object.entries(counts)) $(`light-${light}`).textContent = count;
  const newest = [...json.features].sort((a, b) => b.properties.reported_at.localeCompare(a.properties.reported_at)).slice(0, 12);
  $('screen-events').replaceChildren(...newest.map((feature) => {
    const item = document.createElement('li');
    item.dataset.id = feature.properties.id;
    item.textContent = `#${feature.properties.id} ${feature.properties.category} · ${feature.properties.status_name} · ${beijingTime(feature.properties.reported_at)}`;
    return item;
  }));
}

async function coverage() {
  const { json } = await api(`/v1/coverage?${query({ from: isoDate(Date.now() - 6 * day), to: isoDate(Date.now()) })}`);
  const grids = json.features.length;
  const compliant = json.features.filter((f) => f.properties.compliant).length;
  const mean = grids ? json.features.reduce((sum, f) => sum + f.properties.covered_pct, 0) / grids : 0;
  $('screen-coverage-summary').textContent = `${json.period.first_day} 至 ${json.period.last_day}：${grids} 个网格平均覆盖 ${mean.toFixed(1)}%，${compliant} 个达标`;
}

async function refresh() {
  try {
    await Promise.all([today(), latest(), coverage()]);
    screen.updates += 1;
    $('screen-status').textContent = `更新于 ${beijingTime(new Date().toISOString())}`;
  } catch (error) {
    $('screen-status').textContent = explain(error);
  }
}

let pending = null;
function listen() {
  const source = new EventSource('/v1/stream');
  source.onopen = () => { $('screen-live').textContent = '实时'; $('screen-live').className = 'status ok'; };
  source.onerror = () => { $('screen-live').textContent = '重连中…'; $('screen-live').className = 'status error'; };
  source.onmessage = (message) => {
    const change = JSON.parse(message.data);
    screen.received += 1;
    if (change.type === 'supervision.issued' || change.type === 'event.escalated') {
      const cue = $('screen-cue');
      cue.hidden = false;
      cue.textContent = `${change.type === 'supervision.issued' ? '新督办' : '事件上报'}：事件 #${change.event_id}`;
    }
    clearTimeout(pending);
    pending = setTimeout(refresh, 500);
  };
}

setInterval(() => { $('screen-clock').textContent = `北京时间 ${beijingTime(new Date().toISOString())}`; }, 1000);
setInterval(refresh, 60000);
outlines().catch(() => {});
refresh().then(listen);
