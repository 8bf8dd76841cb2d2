// The 统计 tab: the month's charts (Chart.js from Debian's libjs-chart.js, its classic script's
// global Chart) drawn from /v1/stats, /v1/assessments and the event lists, the assessment's
// rankings, the grid scores on the map, and links to the month's report and spreadsheets.
import { $, escapeHTML, say } from './dom.js';
import { api, explain, query } from './api.js';
import { day, isoDate } from './time.js';
import { map, layers } from './map.js';
import { towns } from './towns.js';

/** The first day of a month (`2025-11`) and of the next one, as Beijing dates. */
function monthBounds(month) {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** Green to red by score (100 … 60 and below). */
const scoreColor = (score) => (score >= 90 ? '#1a7f37' : score >= 80 ? '#4ac26b' : score >= 70 ? '#d4a72c' : score >= 60 ? '#e16f24' : '#cf222e');
const percent = (rate) => Math.round(rate * 1000) / 10;

export const stats = {
  charts: {},
  /** What was last drawn, for the browser test: each chart's labels and data, the rankings. */
  drawn: {},
  scores: new Map(),
  scoreLayer: null,

  chart(id, config) {
    if (this.charts[id]) this.charts[id].destroy();
    this.charts[id] = new Chart($(id), { ...config, options: { animation: false, responsive: true, ...config.options } });
    this.drawn[id] = { labels: config.data.labels, data: config.data.datasets.map((d) => d.data) };
  },

  async load() {
    const month = $('stats-month').value;
    const town = towns.code;
    if (!month || !town) return;
    const { from, to } = monthBounds(month);
    const base = { town, from, to };
    this.links(town, month);
    try {
      const [platforms, offices] = await Promise.all([
        api(`/v1/stats?${query({ ...base, by: 'platform' })}`),
        api(`/v1/stats?${query({ ...base, by: 'office' })}`),
      ]);
      // One assessment at a time: each is heavy work, which the server admits a few at once.
      const assess = (subject) => api(`/v1/assessments?${query({ town, period: month, subject })}`).catch(() => null);
      const grid = await assess('grid'), village = await assess('village'), platform = await assess('platform');
      await this.weekly(town, to);
      this.platforms(platforms.json, platform);
      this.offices(offices.json);
      await this.lights(base);
      this.satisfaction(platforms.json.loop);
      this.ranking('ranking-grid', grid && grid.json);
      this.ranking('ranking-village', village && village.json);
      this.scores = new Map((grid ? grid.json.subjects : []).map((s) => [s.code, s.score]));
      if ($('score-toggle').checked) this.showScores(true);
      say('stats-status', `${month}：${platforms.json.groups.reduce((n, g) => n + g.received, 0)} 件事件`, 'ok');
    } catch (error) {
      say('stats-status', explain(error), 'error');
    }
  },

  links(town, month) {
    $('report-html').href = `/v1/reports/monthly?${query({ town, month })}`;
    $('report-xlsx').href = `/v1/reports/monthly?${query({ town, month, format: 'xlsx' })}`;
    $('assessment-xlsx').href = `/v1/assessments?${query({ town, period: month, subject: 'grid', format: 'xlsx' })}`;
    $('assessment-csv').href = `/v1/assessments?${query({ town, period: month, subject: 'grid', format: 'csv' })}`;
  },

  /** Received and closed per week (Monday to Sunday), the eight weeks up to the month's end. */
  async weekly(town, to) {
    const end = Date.parse(`${to}T00:00:00+08:00`);
    const weekday = new Date(end + 8 * 3600000).getUTCDay(); // the Beijing day's: 0 Sunday … 6 Saturday
    const monday = end - ((weekday + 6) % 7) * day;
    const weeks = Array.from({ length: 8 }, (_, i) => monday - (7 - i) * 7 * day);
    const answers = await Promise.all(weeks.map((start) =>
      api(`/v1/stats?${query({ town, by: 'town', from: isoDate(start), to: isoDate(start + 7 * day) })}`)));
    const sum = (json, key) => json.groups.reduce((n, g) => n + g[key], 0);
    this.chart('chart-weekly', {
      type: 'line',
      data: {
        labels: weeks.map((start) => isoDate(start).slice(5)),
        datasets: [
          { label: '受理', data: answers.map((a) => sum(a.json, 'received')), borderColor: '#1f6feb' },
          { label: '办结', data: answers.map((a) => sum(a.json, 'closed')), borderColor: '#1a7f37' },
        ],
      },
    });
  },

  platforms(json, assessment) {
    const names = new Map((assessment ? assessment.json.subjects : []).map((s) => [s.code, s]));
    const onTime = (code) => {
      const line = names.has(code) ? names.get(code).indicators.find((i) => i.code === 'on_time_closure_rate') : null;
      return line && line.value !== null ? percent(line.value) : null;
    };
    this.chart('chart-platforms', {
      type: 'bar',
      data: {
        labels: json.groups.map((g) => (names.has(g.key) ? names.get(g.key).name : g.key)),
        datasets: [
          { label: '办结率(%)', data: json.groups.map((g) => percent(g.closure_rate)), backgroundColor: '#1f6feb' },
          { label: '按期办结率(%)', data: json.groups.map((g) => onTime(g.key)), backgroundColor: '#1a7f37' },
        ],
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    });
  },

  offices(json) {
    this.chart('chart-offices', {
      type: 'bar',
      data: {
        labels: json.groups.map((g) => g.key),
        datasets: [{ label: '任务按期率(%)', data: json.groups.map((g) => percent(g.on_time_rate)), backgroundColor: '#8250df' }],
      },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } } },
    });
  },

  /** The month's events by their supervision light now (closed ones have none). */
  async lights(base) {
    const colors = { green: '#1a7f37', yellow: '#d4a72c', red: '#cf222e' };
    const counts = await Promise.all(Object.keys(colors).map(async (light) => {
      const { json } = await api(`/v1/events?${query({ ...base, light, limit: 1000 })}`);
      return json.events ? json.events.length : json.features.length;
    }));
    this.chart('chart-lights', {
      type: 'doughnut',
      data: { labels: ['绿灯', '黄灯', '红灯'], datasets: [{ data: counts, backgroundColor: Object.values(colors) }] },
      options: { plugins: { title: { display: true, text: '督办灯（在办）' } } },
    });
  },

  /** 回访 of the month: satisfied or basically satisfied, and dissatisfied (sent back, 返工). */
  satisfaction(loop) {
    const satisfied = Math.round(loop.evaluated * loop.satisfaction_rate);
    this.chart('chart-satisfaction', {
      type: 'doughnut',
      data: {
        labels: ['满意（含基本满意）', '不满意'],
        datasets: [{ data: [satisfied, loop.evaluated - satisfied], backgroundColor: ['#1a7f37', '#cf222e'] }],
      },
      options: { plugins: { title: { display: true, text: `回访满意度 ${percent(loop.satisfaction_rate)}%` } } },
    });
  },

  ranking(id, json) {
    const table = $(id);
    if (!json) { table.innerHTML = '<tr><td>本月未考核（无考核办法）</td></tr>'; this.drawn[id] = []; return; }
    this.drawn[id] = json.subjects.map((s) => [s.rank, s.code, s.score]);
    table.innerHTML = '<tr><th>排名</th><th>名称</th><th>得分</th><th>加减分</th></tr>'
      + json.subjects.map((s) => `<tr><td class="n">${s.rank}</td><td>${escapeHTML(s.name)}</td>`
        + `<td class="n">${s.score.toFixed(2)}</td><td class="n">${s.adjustment ? s.adjustment.toFixed(1) : ''}</td></tr>`).join('');
  },

  /** Shades each grid by its score (a choropleth over the grid outlines). */
  showScores(on) {
    if (this.scoreLayer) { this.scoreLayer.remove(); this.scoreLayer = null; }
    $('score-legend').hidden = !on;
    if (!on || !layers.grids) return;
    this.scoreLayer = L.geoJSON(layers.grids.toGeoJSON(), {
      pane: 'analysis',
      filter: (f) => this.scores.has(f.properties.code),
      style: (f) => ({ color: '#57606a', weight: 0.5, fillColor: scoreColor(this.scores.get(f.properties.code)), fillOpacity: 0.55 }),
    }).bindTooltip((layer) => `${escapeHTML(layer.feature.properties.name)}：${this.scores.get(layer.feature.properties.code).toFixed(2)} 分`).addTo(map);
    $('score-legend').innerHTML = [[90, '≥ 90'], [80, '80–90'], [70, '70–80'], [60, '60–70'], [0, '< 60']]
      .map(([score, label]) => `<span class="legend-swatch" style="display:inline-block;background:${scoreColor(score)}"></span> ${label}`).join(' ');
  },
};

$('stats-load').addEventListener('click', () => stats.load());
$('stats-month').addEventListener('change', () => stats.load());
$('score-toggle').addEventListener('change', (e) => stats.showScores(e.target.checked));
