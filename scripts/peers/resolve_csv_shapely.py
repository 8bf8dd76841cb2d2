# Copied from the project's shared peers (shared/peers/resolve_csv_shapely.py); unchanged below.
"""Peer for `gridmap resolve`: the same job with Shapely 2 (GEOS STRtree, vectorised in C).
usage: resolve_csv_shapely.py DATASET_DIR IN.csv OUT.csv"""
import json, sys, numpy as np, shapely
from shapely.geometry import shape
d, inp, out = sys.argv[1:4]
fc = json.load(open(d + "/grids.geojson"))["features"]
gs = np.array([shape(f["geometry"]) for f in fc]); codes = np.array([f["properties"]["code"] for f in fc])
vill = {f["properties"]["code"]: f["properties"]["village_code"] for f in fc}
town = {f["properties"]["code"]: f["properties"]["town_code"] for f in json.load(open(d + "/villages.geojson"))["features"]}
xy = np.fromstring(open(inp).read().replace("\n", ","), sep=",").reshape(-1, 2)
pi, gi = shapely.STRtree(gs).query(shapely.points(xy), predicate="intersects")
best = {}; cnt = {}
for p, g in zip(pi.tolist(), gi.tolist()):
    c = codes[g]; cnt[p] = cnt.get(p, 0) + 1
    if p not in best or c < best[p]: best[p] = c
with open(out, "w") as f:
    for i, (x, y) in enumerate(xy.tolist()):
        g = best.get(i)
        f.write(f"{x},{y},{g},{vill[g]},{town[vill[g]]},{cnt[i] > 1}\n" if g else f"{x},{y},,,,false\n")
