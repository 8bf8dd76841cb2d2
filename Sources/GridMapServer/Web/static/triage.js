// 研判: the event's consultations (研判会商), and before it is triaged the command room's
// corrections of its category and office (the card's note is then the reason); the server
// routes it again and records each change before → after in the history.
import { $ } from './dom.js';
import { api, explain } from './api.js';
import { catalogue } from './catalogue.js';
import { beijingTime } from './time.js';

export const triage = {
  /** Shows the correction form while `event` may move to triaged; `refresh` shows it again after. */
  render(event, refresh) {
    $('detail-consultations').replaceChildren(...(event.consultations || []).map((c) => {
      const item = document.createElement('li');
      const who = [...c.participants.offices, ...c.participants.people].join('、');
      item.textContent = `研判会商 ${beijingTime(c.held_at)} ${who}：${c.decision ?? '（决定已隐藏）'}`
        + `${c.lead_office ? ` · 牵头 ${c.lead_office}` : ''}${c.assisting_offices.length ? ` · 协办 ${c.assisting_offices.join('、')}` : ''}`;
      return item;
    }));
    const open = event.allowed_next.includes('triaged');
    $('triage-form').hidden = !open;
    if (!open) return;
    $('triage-category').replaceChildren(new Option('类别不变', ''),
      ...catalogue.categories(event.town).map((c) => new Option(`${c.name}（${c.code}）`, c.code)));
    $('triage-office').replaceChildren(new Option('按规则派发', ''),
      ...catalogue.offices(event.town).map((office) => new Option(office, office)));
    $('triage-apply').onclick = () => this.apply(event.id, refresh);
  },

  async apply(id, refresh) {
    const category = $('triage-category').value || undefined;
    const office = $('triage-office').value || undefined;
    const note = $('detail-note').value.trim() || undefined;
    try {
      await api(`/v1/events/${id}/transitions`, {
        method: 'POST', body: { to: 'triaged', category, office, reason: office ? note : undefined, note: office ? undefined : note },
      });
      $('detail-note').value = '';
      await refresh();
    } catch (error) {
      $('detail-status').textContent = explain(error);
    }
  },
};
