#!/usr/bin/env bash
# The resolution edges of issue 16, each side by side with its peer in the same run, on the
# synthetic 2,000-grid county of `gridmap-bench resolve`:
# - nearest grid for points outside every grid vs Shapely 2's STRtree.query_nearest;
# - `gridmap resolve` on a 1,000,000-line CSV vs scripts/peers/resolve_csv_shapely.py (whole processes);
# - POST /v1/resolve with 1,000,000 points: inside the grids, mixed (two thirds outside) and the
#   inside points as a GeoJSON FeatureCollection, with the server's peak memory.
# Peers run in the venv scripts/install-packages.sh makes (.build-oracles/venv).
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18081}
python=.build-oracles/venv/bin/python
inputs="$out/inputs"

"$bench" resolve --province-grids 0 --sql-points 1000 --keep-dataset "$out/dataset" \
    --keep-db "$out/bench.sqlite" --inputs-out "$inputs" | tee "$out/bench-resolve.txt"

echo
echo "nearest grid, the peer on the same 100,000 outside points:"
"$python" scripts/peers/nearest_shapely.py "$out/dataset" "$inputs/outside.csv"

echo
echo "gridmap resolve vs the Shapely script, 1,000,000 lines, whole process (3 runs each, alternating):"
for run in 1 2 3; do
    /usr/bin/time -f "  gridmap resolve: %e s, peak %M KB" "$gridmap" resolve "$inputs/points.csv" --db "$out/bench.sqlite" >"$out/resolved.csv"
    /usr/bin/time -f "  shapely script:  %e s, peak %M KB" "$python" scripts/peers/resolve_csv_shapely.py "$out/dataset" "$inputs/points.csv" "$out/resolved-shapely.csv"
done
echo "  rows whose codes differ: $(tail -n +2 "$out/resolved.csv" | cut -d, -f3- | diff - <(cut -d, -f3- "$out/resolved-shapely.csv" | sed 's/False$/false/; s/True$/true/') | grep -c '^<' || true)"

serve "$out/bench.sqlite" "$port" "$out/serve.log"
post() {  # FILE: prints the seconds of one POST, discarding the response
    curl -sf -H 'Expect:' -H 'content-type: application/json' --data-binary @"$1" -o /dev/null -w '%{time_total}' \
        "http://127.0.0.1:$port/v1/resolve"
}
echo
echo "POST /v1/resolve, 1,000,000 points (3 rounds, alternating; seconds):"
for round in 1 2 3; do
    printf '  inside %s   mixed %s   GeoJSON %s\n' "$(post "$inputs/points.json")" "$(post "$inputs/mixed.json")" "$(post "$inputs/points.geojson")"
done
echo "  bodies: $(du -h "$inputs/points.json" | cut -f1) list, $(du -h "$inputs/points.geojson" | cut -f1) GeoJSON; server peak memory $(grep VmHWM "/proc/$server/status" | awk '{print $2 / 1024 " MB"}')"
