// The planner's grid editor (规划): select a grid, drag its vertices, redraw it, split it with a
// line or merge a neighbour; preview the change, commit it with a reason, read the grid's history.
import { $, say } from './dom.js';
import { api, explain, query } from './api.js';
import { beijingTime } from './time.js';
import { map, reloadOutlines } from './map.js';

export const planner = {
  mode: 'locate',  // what a map click does: locate (the dispatcher's), select, vertices, split, draw, merge
  grid: null,      // { code, name, etag, feature }
  edit: null,      // the operation to preview and commit
  shape: null,     // the grid being reshaped (L.polygon) and its vertex handles
  handles: L.layerGroup(),
  sketch: L.layerGroup(),
  diff: L.layerGroup(),
  linePoints: [],
  otherEtag: null, // the second grid's version when merging

  setMode(next) {
    this.mode = next;
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
    if (this.mode === 'vertices') return; // the handles are being dragged; 取消 ends it
    if (this.mode === 'split' || this.mode === 'draw') {
      this.linePoints.push([lon, lat]);
      const points = this.linePoints.map(([x, y]) => [y, x]);
      this.sketch.clearLayers().addTo(map);
      (this.mode === 'draw' ? L.polygon(points, { color: '#d9480f', weight: 2, fillOpacity: 0.15 }) : L.polyline(points, { color: '#d9480f', weight: 3 }))
        .addTo(this.sketch);
      if (this.mode === 'split' && this.linePoints.length >= 2) {
        this.edit = { op: 'split_grid', grid: this.grid.code, line: { type: 'LineString', coordinates: this.linePoints } };
      }
      if (this.mode === 'draw' && this.linePoints.length >= 3) {
        this.edit = { op: 'redraw_grid', grid: this.grid.code,
                      geometry: { type: 'Polygon', coordinates: [[...this.linePoints, this.linePoints[0]]] } };
      }
      return;
    }
    const { json } = await api(`/v1/resolve?${query({ lon, lat, people: false })}`);
    if (!json.grid) return say('plan-status', '这里不在任何网格内', 'error');
    if (this.mode === 'merge' && this.grid) {
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
