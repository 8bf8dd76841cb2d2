// An event's tasks (联勤联动): one per office, each with the moves its own loop allows, and a
// form to give one more office a task. Rejecting or withdrawing takes the card's note as reason.
import { $ } from './dom.js';
import { api, explain } from './api.js';
import { beijingTime } from './time.js';
import { catalogue } from './catalogue.js';

const moveNames = { accepted: '签收', done: '办结', rejected: '退回', cancelled: '撤回' };
export const tasks = {
  /** Lists `event`'s tasks with their moves; `refresh` shows the event again after a change. */
  render(event, refresh) {
    $('detail-tasks').replaceChildren(...(event.tasks || []).map((task) => {
      const item = document.createElement('li');
      item.dataset.task = task.id;
      item.dataset.office = task.office;
      item.dataset.lead = task.lead;
      item.textContent = `${task.office}${task.lead ? '（牵头）' : ''} ${task.status_name}`
        + `${task.overdue ? ' · 超期' : ''} · 期限 ${beijingTime(task.deadline_at)}${task.reason ? ` · ${task.reason}` : ''}`;
      for (const to of task.allowed_next) {
        const button = document.createElement('button');
        button.textContent = moveNames[to] ?? to;
        button.dataset.to = to;
        button.addEventListener('click', () => this.move(event.id, task.id, to, refresh));
        item.append(' ', button);
      }
      return item;
    }));
    const handling = event.status === 'dispatched' || event.status === 'in_progress';
    $('task-form').hidden = !handling;
    $('task-office').replaceChildren(...catalogue.offices(event.town).map((office) => new Option(office, office)));
    $('task-assign').onclick = () => this.assign(event.id, refresh);
  },

  async move(eventID, taskID, to, refresh) {
    try {
      const reason = (to === 'rejected' || to === 'cancelled') ? $('detail-note').value.trim() || undefined : undefined;
      await api(`/v1/events/${eventID}/tasks/${taskID}/transitions`, { method: 'POST', body: { to, reason } });
      $('detail-note').value = '';
      await refresh();
    } catch (error) {
      $('detail-status').textContent = explain(error);
    }
  },

  async assign(eventID, refresh) {
    try {
      const note = $('detail-note').value.trim() || undefined;
      await api(`/v1/events/${eventID}/tasks`, { method: 'POST', body: { office: $('task-office').value, note } });
      $('detail-note').value = '';
      await refresh();
    } catch (error) {
      $('detail-status').textContent = explain(error);
    }
  },
};
