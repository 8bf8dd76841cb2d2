"""Peer for the nearest-grid answer: Shapely 2's STRtree.query_nearest (GEOS, vectorised in C) on
the same grids and points, in lon/lat degrees as a user would call it; times the query alone.
usage: nearest_shapely.py DATASET_DIR POINTS.csv [ANSWERS.csv]  (ANSWERS: lon,lat,code per point)"""
import json, sys, time, numpy as np, shapely
from shapely.geometry import shape
d, inp = sys.argv[1:3]
fc = json.load(open(d + "/grids.geojson"))["features"]
gs = np.array([shape(f["geometry"]) for f in fc]); codes = np.array([f["properties"]["code"] for f in fc])
xy = np.loadtxt(inp, delimiter=",").reshape(-1, 2)
pts = shapely.points(xy)
tree = shapely.STRtree(gs)
start = time.perf_counter()
pi, gi = tree.query_nearest(pts, all_matches=False)
seconds = time.perf_counter() - start
print(f"shapely STRtree.query_nearest: {len(xy)} points in {seconds:.3f} s: {seconds / len(xy) * 1e6:.2f} µs a point")
if len(sys.argv) > 3:
    answers = dict((i, codes[g]) for i, g in zip(pi.tolist(), gi.tolist()))
    theirs = [line.strip().split(",")[2] for line in open(sys.argv[3])]
    same = sum(1 for i, code in enumerate(theirs) if answers.get(i) == code)
    print(f"same grid as GridMap (Gauss-Krüger metres) for {same} of {len(theirs)} points (Shapely measures in degrees)")
