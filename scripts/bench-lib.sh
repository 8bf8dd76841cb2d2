# Shared by the bench scripts (sourced): release build, output folder, a served database.
# Sets: gridmap (the binary), bench (gridmap-bench), out (bench-out/), seconds (wrk run length).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${SECONDS_PER_RUN:-10}
out=bench-out
mkdir -p "$out"
swift build -c release --product gridmap >/dev/null
swift build -c release --product gridmap-bench >/dev/null
gridmap=.build/release/gridmap
bench=.build/release/gridmap-bench

# serve DB PORT LOG: starts `gridmap serve` (reads public) in the background (stopped on exit) and
# waits for it.
serve() {
    "$gridmap" serve --db "$1" --port "$2" --public-reads --log-level debug >"$3" 2>&1 &
    server=$!
    trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return
        sleep 0.1
    done
    echo "server on port $2 did not start; see $3" >&2
    exit 1
}

# sample_database DB: a new database holding the sample towns and their events.
sample_database() {
    rm -f "$1" "$1-wal" "$1-shm"
    for dataset in geodata/dagangtou geodata/ganpu; do
        "$gridmap" import "$dataset" --db "$1" >/dev/null
        "$gridmap" events import "$dataset/events.csv" --db "$1" | head -1
    done
}
