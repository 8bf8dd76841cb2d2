#!/usr/bin/env bash
# Export benchmarks (issue 7): `gridmap export events` of 1,000,000 events (EVENTS to change) to
# GeoJSON, Shapefile and GeoPackage, side by side with ogr2ogr reading the same SpatiaLite file
# to GeoJSON (same attributes); peak memory of a tenth and of all the events (constant memory);
# then OGC API items paging under wrk.
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18083}
db="$out/export.sqlite"
if [ ! -f "$db" ]; then
    "$bench" events --events "${EVENTS:-1000000}" --keep-db "$db" | head -2
fi
events=$(spatialite -silent "$db" "SELECT count(*) FROM events")

# run LABEL OUTPUT COMMAND...: wall time, peak memory, features/s and MB/s of OUTPUT.
run() {
    local label=$1 output=$2; shift 2
    rm -f "$output"
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" 2>/dev/null >/dev/null
    read -r wall rss <"$out/time.txt"
    local bytes parts=("$output")
    [[ $output == *.shp ]] && parts=("${output%.shp}".{shp,shx,dbf,prj,cpg})
    bytes=$(du -cb "${parts[@]}" | tail -1 | cut -f1)
    awk -v l="$label" -v w="$wall" -v r="$rss" -v b="$bytes" -v n="$events" \
        'BEGIN { printf "  %-44s %6.2f s  %8.0f features/s  %6.1f MB/s  %6.1f MB  peak RSS %5.0f MB\n", l, w, n / w, b / w / 1e6, b / 1e6, r / 1024 }'
}

echo "Exporting $events events:"
run "gridmap export events (GeoJSON)" "$out/events.geojson" "$gridmap" export events --db "$db" -o "$out/events.geojson"
run "ogr2ogr from the SpatiaLite file (GeoJSON)" "$out/events-ogr.geojson" ogr2ogr -f GeoJSON -lco RFC7946=YES "$out/events-ogr.geojson" "$db" \
    -dialect SQLite -nln events -sql "SELECT e.id, e.category_code AS category, json_extract(r.json, '\$.category.name') AS cat_name,
        e.platform_code AS platform, json_extract(r.json, '\$.platform.name') AS plat_name, e.status, e.supervised, e.source,
        e.reported_at AS reported, e.deadline_at AS deadline, e.closed_at AS closed, e.grid_code AS grid, e.village_code AS village,
        e.town_code AS town, e.description AS descr, MakePoint(e.lon, e.lat, 4326) AS geometry
        FROM events e JOIN event_snapshots r ON r.id = e.routing_id"
run "gridmap export events --format shapefile" "$out/events.shp" "$gridmap" export events --db "$db" --format shapefile -o "$out/events.shp"
run "gridmap export events --format gpkg" "$out/events.gpkg" "$gridmap" export events --db "$db" --format gpkg -o "$out/events.gpkg"
echo "Constant memory: a tenth of the events (reported before 2025-02-07) against all:"
tenth=$(spatialite -silent "$db" "SELECT count(*) FROM events WHERE reported_at < '2025-02-07'")
events=$tenth run "gridmap export events --to 2025-02-07 ($tenth)" "$out/tenth.geojson" \
    "$gridmap" export events --db "$db" --to 2025-02-07 -o "$out/tenth.geojson"

serve "$db" "$port" "$out/serve-export.log"
echo
echo "OGC API items under wrk (2 threads, 16 connections, ${seconds} s):"
for path in "/ogc/collections/events/items?limit=100" "/ogc/collections/events/items?limit=100&after=500000" \
            "/ogc/collections/events/items?limit=1000&bbox=119.70,28.25,119.75,28.30" "/ogc/collections/grids/items?limit=100"; do
    echo "  GET $path"
    wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|Non-2xx" | sed 's/^/    /'
done
