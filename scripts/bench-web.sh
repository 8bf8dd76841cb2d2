#!/usr/bin/env bash
# Web console (issue 8): first render of / with the sample towns and their events, in headless
# Chromium on loopback, uncached, five loads.
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18084}
db="$out/web.sqlite"
sample_database "$db"
serve "$db" "$port" "$out/serve-web.log"
echo "First render of the web console (sample towns, $(spatialite -silent "$db" 'SELECT count(*) FROM grid_boundaries') grids, $(spatialite -silent "$db" 'SELECT count(*) FROM events') events):"
/usr/bin/python3 scripts/bench-web.py "http://127.0.0.1:$port/" 5
