// Beijing time (Asia/Shanghai), the zone of every town: the API speaks UTC, people read this.

/** A day in milliseconds. */
export const day = 86400000;

const beijingParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const beijing = (ms) => Object.fromEntries(beijingParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));

/** The Beijing day of an instant (ms), `2025-01-01`: what a plain date means to the API. */
export const isoDate = (ms) => { const b = beijing(ms); return `${b.year}-${b.month}-${b.day}`; };

/** A stored UTC time as Beijing time, `2025-01-01 08:19`; '—' for none. */
export const beijingTime = (iso) => {
  if (!iso) return '—';
  const b = beijing(Date.parse(iso));
  return `${b.year}-${b.month}-${b.day} ${b.hour}:${b.minute}`;
};
