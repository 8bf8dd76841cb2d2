// The live command room: GET /v1/stream (Server-Sent Events) keeps the list, the map's pins and
// their lights current without reload; a new 督办 or 上报 flashes a banner and beeps. EventSource
// reconnects by itself and resumes with Last-Event-ID; a change of session reopens the stream.
import { $ } from './dom.js';
import { events } from './events.js';

/** Changes that call for the command room's attention at once. */
const cues = { 'supervision.issued': '新督办', 'event.escalated': '事件上报' };

export const live = {
  source: null,
  /** Messages received, for the browser test. */
  received: 0,
  pending: null,

  open() {
    if (this.source) this.source.close();
    this.source = new EventSource('/v1/stream');
    this.source.onopen = () => this.show('实时', 'ok');
    this.source.onerror = () => this.show('实时连接中断，重连中…', 'error');
    this.source.onmessage = (message) => this.take(JSON.parse(message.data));
  },

  take(change) {
    this.received += 1;
    if (cues[change.type]) this.cue(`${cues[change.type]}：事件 #${change.event_id}`);
    // A burst of changes (a sweep, a batch import) redraws once.
    clearTimeout(this.pending);
    this.pending = setTimeout(() => events.load(), 250);
  },

  cue(text) {
    const banner = $('live-cue');
    banner.textContent = text;
    banner.hidden = false;
    banner.classList.remove('flash');
    void banner.offsetWidth; // restart the animation
    banner.classList.add('flash');
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.3);
    } catch (error) { /* no sound allowed before a click: the banner stays */ }
  },

  show(text, kind) {
    const element = $('live-status');
    element.textContent = text;
    element.className = `status ${kind}`;
  },
};
