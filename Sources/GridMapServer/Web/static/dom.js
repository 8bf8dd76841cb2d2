// Shorthands for the panel's elements, shared by every module.

/** The element with id `id`. */
export const $ = (id) => document.getElementById(id);

/** Shows `text` in the status line `id`, styled as `kind` ('ok', 'error' or plain). */
export function say(id, text, kind = '') {
  const element = $(id);
  element.textContent = text;
  element.className = `status ${kind}`;
}

/** `text` safe inside HTML (Leaflet's popups and tooltips take HTML): reporters and imported
 * names are data, never markup. */
export const escapeHTML = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
