#!/usr/bin/env bash
# Vector-tile benchmarks (issue 4): tiles/s building z10–16 into MBTiles over a synthetic county
# (2,000 grids, from `gridmap-bench resolve`) and over the sample town with its year of events,
# then single-tile latency under wrk for a boundary tile and an events-density tile.
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18082}
county="$out/county.sqlite"
"$bench" resolve --points 1000 --sql-points 10 --province-grids 0 --keep-db "$county" >/dev/null
echo "county (2,000 grids, boundaries only):"
"$gridmap" tiles build --db "$county" --minzoom 10 --maxzoom 16 --output "$out/county.mbtiles"

db="$out/tiles.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
"$gridmap" import geodata/dagangtou --db "$db" >/dev/null
"$gridmap" events import geodata/dagangtou/events.csv --db "$db" >/dev/null
echo "大港头镇 with its 2025 events (all layers):"
"$gridmap" tiles build --db "$db" --dataset dagangtou --minzoom 10 --maxzoom 16 --output "$out/dagangtou.mbtiles"

serve "$db" "$port" "$out/serve-tiles.log"
for path in "/tiles/grids/14/13640/6849.mvt" "/tiles/density-hex/14/13640/6849.mvt?from=2025-01-01&to=2026-01-01" \
            "/healthz"; do
    echo
    echo "GET $path under wrk (2 threads, 16 connections, ${seconds} s):"
    wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|Non-2xx"
done
