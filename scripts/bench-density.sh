#!/usr/bin/env bash
# GET /v1/density/grids over a province-scale layer (issue 16): a synthetic town of 85,000 grids
# (9.8 M vertices) with 300,000 events of a year, the whole request over HTTP (curl on loopback):
# with the grids' outlines (GeoJSON) and without them (`geometry=none`, for clients that already
# draw the grids from tiles or /v1/grids). The breaks alone in process: `gridmap-bench jenks`.
# The database is built once (bench-out/province.sqlite, a few minutes) and reused.
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18082}
db="$out/province.sqlite"
if [ ! -s "$db" ]; then
    "$bench" events --synthetic-grids 85000 --events 300000 --keep-db "$db" | head -2
fi
serve "$db" "$port" "$out/serve-density.log"
get() {  # QUERY: seconds and bytes of one GET /v1/density/grids
    curl -sf -o /dev/null -w '%{time_total} s, %{size_download} bytes' "http://127.0.0.1:$port/v1/density/grids?from=2025-01-01&to=2026-01-01&$1"
}
get "geometry=none" >/dev/null  # areas are computed once per boundary revision: not part of a request
echo "GET /v1/density/grids, 85,000 grids, a year of 300,000 events, Jenks 5 classes (3 rounds, alternating):"
for round in 1 2 3; do
    printf '  without outlines: %s   with outlines: %s\n' "$(get geometry=none)" "$(get geometry=full)"
done
echo "  server peak memory $(grep VmHWM "/proc/$server/status" | awk '{print $2 / 1024 " MB"}')"
