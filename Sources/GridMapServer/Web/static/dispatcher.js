// The dispatcher's panel: locate a clicked or pasted point, show whose it is (grid, village, town,
// platform, people on duty), and report an event there.
import { $, say } from './dom.js';
import { api, explain, query } from './api.js';
import { map } from './map.js';
import { events } from './events.js';

export const dispatcher = {
  marker: null,
  resolved: null,
  town: null, // the town whose categories the category picker lists

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

  /** The categories of `town` in the category picker, keeping the chosen one if it is among them. */
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
