#!/usr/bin/env bash
# The one command to get GridMap running: installs the Debian packages, builds the release
# binary, imports the sample towns in geodata/, their sample year of events, a simulated quarter
# of events taken through the loop (October–December 2025) and a simulated month of patrols
# (November 2025) into a new database (only when the database does not exist
# yet), writes their vector tiles to
# tiles/<town>.mbtiles and serves the HTTP API, reads open to all with personal data masked
# (names, phones, reporters, descriptions: 保密管理). Changes, and personal data in full, need
# signing in: no account is made with a default password — create one with
# `gridmap user create --name … --role dispatcher --password-stdin` (README, Access).
# Environment: GRIDMAP_DB (default gridmap.sqlite), HOST (default 127.0.0.1), PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-packages.sh
swift build -c release --product gridmap
gridmap=.build/release/gridmap
db=${GRIDMAP_DB:-gridmap.sqlite}
if [ ! -e "$db" ]; then
    for dataset in geodata/dagangtou geodata/ganpu; do
        "$gridmap" import "$dataset" --db "$db"
        "$gridmap" events import "$dataset/events.csv" --db "$db"
        "$gridmap" events simulate-loop --db "$db" --dataset "${dataset##*/}" --from 2025-10-01 --days 92
        "$gridmap" patrols simulate --db "$db" --dataset "${dataset##*/}" --from 2025-11-01 --days 30
    done
fi
for dataset in dagangtou ganpu; do
    "$gridmap" tiles build --db "$db" --dataset "$dataset"
done
if [ -z "$("$gridmap" user list --db "$db" | tail -n +2)" ]; then
    echo "no accounts yet: to sign in to the console, create one, e.g." >&2
    echo "  .build/release/gridmap user create --db $db --name 张三 --role dispatcher --password-stdin" >&2
fi
exec "$gridmap" serve --db "$db" --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}" --public-reads
