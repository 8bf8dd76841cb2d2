// 督办 on an event's card: its light (红黄绿灯), level and stage with the due time, the records
// with an answer box for those awaiting one, 督办 / 领导督办, 延期 with a leader's approval, and
// 挂账 — each button shown only when the server lists the move in `supervision.actions` for the
// signed-in reader. The card's note is the
// text sent (督办 note, answer, reason); the date box is the extension's day or the review day.
import { $ } from './dom.js';
import { api, explain } from './api.js';
import { beijingTime } from './time.js';
import { session } from './session.js';

const may = (permission) => session.current?.permissions?.includes(permission) ?? false;
const button = (text, onClick, data = {}) => {
  const b = document.createElement('button');
  b.textContent = text;
  Object.assign(b.dataset, data);
  b.addEventListener('click', onClick);
  return b;
};

export const supervision = {
  /** Shows `event`'s supervision; `refresh` shows the event again after a change. */
  render(event, refresh) {
    const s = event.supervision;
    const offered = (action) => (s.actions || []).includes(action);
    const light = $('supervision-light');
    light.className = `light ${s.light ?? 'none'}`;
    light.textContent = s.light_name ?? '已办结';
    $('supervision-summary').textContent = [s.level > 0 ? s.level_name : '未督办', s.stage_name,
      s.due_at ? `时限 ${beijingTime(s.due_at)}` : null].filter(Boolean).join(' · ');
    $('supervision-records').replaceChildren(...(s.records || []).map((r) => this.record(event, r, offered('reply'), refresh)));
    $('supervision-extensions').replaceChildren(...(s.extensions || []).map((x) => this.extension(event, x, offered('decide_extension'), refresh)));
    const actions = [];
    if (offered('supervise')) actions.push(button('督办', () => this.supervise(event.id, 2, refresh), { level: 2 }));
    if (offered('leader_supervise')) actions.push(button('领导督办', () => this.supervise(event.id, 3, refresh), { level: 3 }));
    if (offered('request_extension')) actions.push(button('申请延期', () => this.requestExtension(event.id, refresh), { action: 'extend' }));
    if (offered('park')) actions.push(button('挂账', () => this.park(event.id, refresh), { action: 'park' }));
    $('supervision-actions').replaceChildren(...actions);
    $('supervision-date').hidden = actions.length === 0;
  },

  record(event, r, answerable, refresh) {
    const item = document.createElement('li');
    item.dataset.record = r.id;
    item.textContent = `${beijingTime(r.issued_at)} ${r.level_name}${r.office ? ` → ${r.office}` : ''}${r.note ? `：${r.note}` : ''}`
      + (r.reply ? ` · 答复：${r.reply}` : r.awaits_reply ? ' · 待答复' : '');
    if (r.awaits_reply && answerable) {
      item.append(' ', button('答复', () => this.reply(event.id, r.id, refresh), { action: 'reply' }));
    }
    return item;
  },

  extension(event, x, decidable, refresh) {
    const item = document.createElement('li');
    item.dataset.extension = x.id;
    const statusNames = { pending: '待审批', approved: '已批准', refused: '不予延期' };
    item.textContent = `延期至 ${beijingTime(x.until)}${x.reason ? `（${x.reason}）` : ''} · ${statusNames[x.status]}`;
    if (x.status === 'pending' && decidable) {
      item.append(' ', button('批准', () => this.decide(event.id, x.id, true, refresh), { action: 'approve' }),
                  ' ', button('不予延期', () => this.decide(event.id, x.id, false, refresh), { action: 'refuse' }));
    }
    return item;
  },

  /** The card's note, or nothing. */
  note() { return $('detail-note').value.trim() || undefined; },

  async send(path, body, refresh) {
    try {
      await api(path, { method: 'POST', body });
      $('detail-note').value = '';
      await refresh();
    } catch (error) {
      $('detail-status').textContent = explain(error);
    }
  },

  supervise(id, level, refresh) { return this.send(`/v1/events/${id}/supervisions`, { level, note: this.note() }, refresh); },
  reply(id, record, refresh) { return this.send(`/v1/events/${id}/supervisions/${record}/reply`, { reply: this.note() }, refresh); },
  requestExtension(id, refresh) {
    return this.send(`/v1/events/${id}/extensions`, { until: $('supervision-date').value || undefined, reason: this.note() }, refresh);
  },
  decide(id, extension, approve, refresh) {
    return this.send(`/v1/events/${id}/extensions/${extension}/decision`, { approve, note: this.note() }, refresh);
  },
  park(id, refresh) {
    return this.send(`/v1/events/${id}/parking`, { review_on: $('supervision-date').value || undefined, reason: this.note() }, refresh);
  },

  /** A leader's list of extensions waiting for approval; clicking one shows its event. */
  async loadPending(show) {
    const panel = $('pending-extensions');
    panel.hidden = !may('approve');
    if (panel.hidden) return;
    try {
      const { json } = await api('/v1/extensions?status=pending');
      $('pending-list').replaceChildren(...json.extensions.map((x) => {
        const item = document.createElement('li');
        item.dataset.event = x.event;
        item.textContent = `#${x.event} 申请延期至 ${beijingTime(x.until)}${x.reason ? `：${x.reason}` : ''}`;
        item.addEventListener('click', () => show(x.event));
        return item;
      }));
      $('pending-count').textContent = `${json.extensions.length} 件待审批`;
    } catch (error) {
      $('pending-count').textContent = explain(error);
    }
  },
};
