// 考核 with 回访: a resolved event is evaluated with a score (1–5) and the reporter's
// satisfaction (the card's note is the reporter's remark); a dissatisfied one goes back to triage.
import { $ } from './dom.js';
import { api, explain } from './api.js';

const satisfactions = [['satisfied', '满意'], ['basically_satisfied', '基本满意'], ['dissatisfied', '不满意']];

export const evaluation = {
  /** Shows the form while `event` may be evaluated, and its evaluations so far. */
  render(event, refresh) {
    const open = event.allowed_next.includes('evaluated');
    $('evaluation-form').hidden = !open;
    $('evaluation-score').replaceChildren(...[5, 4, 3, 2, 1].map((score) => new Option(`${score} 分`, score)));
    $('evaluation-satisfaction').replaceChildren(...satisfactions.map(([code, name]) => new Option(name, code)));
    $('evaluation-apply').onclick = () => this.apply(event.id, refresh);
    $('detail-evaluations').textContent = (event.evaluations || [])
      .map((e) => `${e.satisfaction_name} ${e.score} 分${e.remark ? `（${e.remark}）` : ''}`).join('；');
  },

  async apply(id, refresh) {
    const body = { to: 'evaluated', score: Number($('evaluation-score').value), satisfaction: $('evaluation-satisfaction').value,
                   note: $('detail-note').value.trim() || undefined };
    try {
      await api(`/v1/events/${id}/transitions`, { method: 'POST', body });
      $('detail-note').value = '';
      await refresh();
    } catch (error) {
      $('detail-status').textContent = explain(error);
    }
  },
};
