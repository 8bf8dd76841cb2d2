// 研判更正: before an event is triaged the command room may correct its category and override the
// office it goes to (the card's note is then the reason); the server routes it again and records
// each change before → after in the history.
import { $ } from './dom.js';
import { api, explain } from './api.js';
import { catalogue } from './catalogue.js';

export const triage = {
  /** Shows the correction form while `event` may move to triaged; `refresh` shows it again after. */
  render(event, refresh) {
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
