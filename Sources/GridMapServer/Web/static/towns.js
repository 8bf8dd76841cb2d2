// The town picker: the console opens fitted to one town's outline (the towns of a county lie tens
// to hundreds of kilometres apart), the one chosen last on this browser, else the first by code.
import { $ } from './dom.js';
import { map, layers } from './map.js';

export const towns = {
  key: 'gridmap.town',
  select: $('town-select'),
  code: null, // the town shown

  /** The town outlines by code. */
  outlines() {
    return new Map(layers.towns.getLayers().map((layer) => [layer.feature.properties.code, layer]));
  },

  init() {
    const outlines = this.outlines();
    const codes = [...outlines.keys()].sort();
    this.select.replaceChildren(...codes.map((code) => new Option(outlines.get(code).feature.properties.name, code)));
    const stored = localStorage.getItem(this.key);
    this.show(outlines.has(stored) ? stored : codes[0]);
    this.select.onchange = () => {
      localStorage.setItem(this.key, this.select.value);
      this.show(this.select.value);
    };
  },

  /** Fits the map to town `code`'s outline, at once (no animation). */
  show(code) {
    const outline = this.outlines().get(code);
    if (!outline) return;
    this.select.value = code;
    this.code = code;
    map.fitBounds(outline.getBounds(), { animate: false });
  },
};
