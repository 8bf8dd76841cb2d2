// The console's entry point: the tabs and map clicks handed to the panels, window.gridmap for the
// browser test and scripts/bench-web.py, and the start (map, default periods, events).
import { $, say } from './dom.js';
import { api, explain } from './api.js';
import { day, isoDate } from './time.js';
import { map, layers, loadBasemap, loadOutlines } from './map.js';
import { towns } from './towns.js';
import { session } from './session.js';
import { dispatcher } from './dispatcher.js';
import { events } from './events.js';
import { catalogue } from './catalogue.js';
import { planner } from './planner.js';
import { live } from './live.js';
import { stats } from './stats.js';
import './density.js'; // binds its own controls
import './coverage.js'; // binds its own controls

/** The map, the town shown, when the outlines were first drawn (ms) and the page's errors. */
const gridmap = { map, layers, live, stats, get town() { return towns.code; }, ready: null, errors: [] };
window.gridmap = gridmap;
window.addEventListener('error', (e) => gridmap.errors.push(String(e.message)));

function setTab(name) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.id === `tab-${name}`));
  planner.setMode(name === 'plan' ? 'select' : 'locate');
  if (name === 'stats' && !stats.drawn['chart-weekly']) stats.load();
}
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => setTab(b.dataset.tab)));

map.on('click', (event) => {
  const { lat, lng } = event.latlng;
  if (planner.mode === 'locate') dispatcher.locate(lng, lat, 'wgs84');
  else planner.click(lng, lat);
});

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
  $('stats-month').value = isoDate(Math.min(last, Date.now())).slice(0, 7);
}

// Who is signed in decides what the lists show (masked or in full): reload them on every change.
document.addEventListener('gridmap:session', () => {
  if (document.body.dataset.eventsReady) {
    events.load();
    live.open();
  }
});

async function start() {
  try {
    await Promise.all([loadBasemap(), loadOutlines(), session.load()]);
    towns.init();
    gridmap.ready = performance.now();
    document.body.dataset.ready = 'true';
    await defaultPeriods();
    await Promise.all([events.loadStatuses(), catalogue.load().then(() => events.fillFilters()), events.load()]);
    document.body.dataset.eventsReady = 'true';
    live.open();
  } catch (error) {
    gridmap.errors.push(explain(error));
    say('event-status', `加载失败：${explain(error)}`, 'error');
  }
}
start();
