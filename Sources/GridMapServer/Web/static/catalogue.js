// Each town's platform model as the panels need it: its categories, platforms and their
// offices, loaded once from GET /v1/categories and GET /v1/platforms.
import { api } from './api.js';

let categoryTowns = [];
let platformTowns = [];
const ofTown = (towns, code) => towns.find((t) => t.town.code === code);

export const catalogue = {
  async load() {
    const [{ json: categories }, { json: platforms }] = await Promise.all([api('/v1/categories'), api('/v1/platforms')]);
    categoryTowns = categories.towns;
    platformTowns = platforms.towns;
  },
  /** Every town's categories ({code, name, parent, …}), town after town. */
  allCategories: () => categoryTowns.flatMap((t) => t.categories),
  /** Every town's platforms ({code, name, lead, offices}), town after town. */
  allPlatforms: () => platformTowns.flatMap((t) => t.platforms),
  /** The town's categories. */
  categories: (town) => ofTown(categoryTowns, town)?.categories || [],
  /** The town's offices, platform by platform. */
  offices: (town) => (ofTown(platformTowns, town)?.platforms || []).flatMap((p) => p.offices),
};
