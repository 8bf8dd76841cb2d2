#!/usr/bin/env bash
# HTTP benchmark on loopback (issue 2): POST /v1/resolve with 1,000,000 points end to end, and
# GET /v1/resolve against the trivial /healthz route under wrk, on the synthetic 2,000-grid county
# of `gridmap-bench resolve`. Client and server share this machine's cores, as they do for both
# routes, so the ratio is fair. Needs curl and wrk (scripts/setup.sh installs them).
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18080}

"$bench" resolve --province-grids 0 --sql-points 1000 \
    --keep-db "$out/bench.sqlite" --inputs-out "$out/inputs" | tee "$out/bench-resolve.txt"
read -r min_x min_y max_x max_y < <(sed -n 's/^extent: //p' "$out/bench-resolve.txt")

serve "$out/bench.sqlite" "$port" "$out/serve.log"

post() {  # curl's "Expect: 100-continue" would add a one-second wait; the client discards the response
    curl -sf -H 'Expect:' -H 'content-type: application/json' --data-binary @"$out/inputs/points.json" "$@" \
        "http://127.0.0.1:$port/v1/resolve"
}
echo
echo "POST /v1/resolve, 1,000,000 points ($(du -h "$out/inputs/points.json" | cut -f1) body):"
post -o "$out/post-response.json"
echo "  response: $(du -h "$out/post-response.json" | cut -f1), $(grep -o '"on_boundary"' "$out/post-response.json" | wc -l) results"
for run in 1 2 3 4 5; do
    seconds_taken=$(post -o /dev/null -w '%{time_total}')
    awk -v t="$seconds_taken" -v r="$run" 'BEGIN { printf "  run %d: %.3f s, %.2f M points/s\n", r, t, 1 / t }'
done

# Each GET asks for a different random point inside the county. The /healthz run formats the
# same random query (which /healthz ignores), so both runs cost the client the same.
random_gets() {  # a wrk script requesting $1 with a random lon, lat in the county
    cat <<LUA
math.randomseed(1)
request = function()
  local lon = $min_x + math.random() * ($max_x - $min_x)
  local lat = $min_y + math.random() * ($max_y - $min_y)
  return wrk.format("GET", string.format("$1?lon=%.7f&lat=%.7f", lon, lat))
end
LUA
}
random_gets /v1/resolve >"$out/resolve.lua"
random_gets /healthz >"$out/healthz.lua"

echo
rate() { wrk -t2 -c64 -d"${seconds}s" "$@" | tee -a "$out/wrk.txt" | sed -n 's/^Requests\/sec: *//p'; }
: >"$out/wrk.txt"
# Two alternating rounds after a warm-up, best of each: one run alone is at the mercy of the
# machine's other load.
wrk -t2 -c64 -d2s -s "$out/resolve.lua" "http://127.0.0.1:$port" >/dev/null
healthz=0 resolve=0
for round in 1 2; do
    healthz=$(printf '%s\n' "$healthz" "$(rate -s "$out/healthz.lua" "http://127.0.0.1:$port")" | sort -g | tail -1)
    resolve=$(printf '%s\n' "$resolve" "$(rate -s "$out/resolve.lua" "http://127.0.0.1:$port")" | sort -g | tail -1)
done
echo "server-side phases of the POSTs (ms):"
sed -n 's/.*ms=\(receive[^ ]* parse[^ ]* check=[^ ]*\).*/  \1 (then resolved, rendered and sent in a pipeline)/p' "$out/serve.log"
awk -v h="$healthz" -v r="$resolve" 'BEGIN {
    printf "GET /healthz:     %10.0f requests/s\n", h
    printf "GET /v1/resolve:  %10.0f requests/s (%.0f%% of /healthz)\n", r, 100 * r / h }'
