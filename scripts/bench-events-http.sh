#!/usr/bin/env bash
# Event benchmarks on loopback (issue 3): POST /v1/events under wrk (each request a new event at a
# random point of 大港头镇, located, routed and stored) on the sample towns, then GET /v1/stats
# latency over a year of 1,000,000 events (`gridmap-bench events`; EVENTS to change the number).
# Each POST carries a dispatcher's token and appends an audit entry.
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18081}
db="$out/events.sqlite"
sample_database "$db"

serve "$db" "$port" "$out/serve-events.log"
token=$("$gridmap" token create --db "$db" --role dispatcher --name bench 2>/dev/null)

printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$out/post-event.lua"
cat >>"$out/post-event.lua" <<'LUA'
math.randomseed(2)
local categories = {"dispute.neighbour", "fire.passage", "environment.water", "livelihood.road", "food_safety.catering"}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local lon = 119.70 + math.random() * 0.06
  local lat = 28.25 + math.random() * 0.04
  local body = string.format('{"category":"%s","description":"压测","lon":%.7f,"lat":%.7f,"source":"app","reporter":"bench"}',
    categories[math.random(#categories)], lon, lat)
  return wrk.format(nil, "/v1/events", nil, body)
end
LUA
echo
echo "POST /v1/events under wrk (2 threads, 16 connections, ${seconds} s):"
wrk -t2 -c16 -d"${seconds}s" -s "$out/post-event.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency|Non-2xx"
echo
echo "GET /v1/stats?by=grid latency (the first after the POSTs refreshes the facts table):"
for run in 1 2 3 4 5; do
    curl -s -o /dev/null -w "  run $run: %{time_total} s\n" "http://127.0.0.1:$port/v1/stats?by=grid&from=2025-01-01&to=2027-01-01"
done

million="$out/million.sqlite"
"$bench" events --events "${EVENTS:-1000000}" --keep-db "$million" | head -2
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
serve "$million" "$port" "$out/serve-million.log"
echo
echo "GET /v1/stats over ${EVENTS:-1000000} events of 2025 (run 1 loads the facts table):"
for by in grid village town platform category; do
    for run in 1 2 3; do
        curl -s -o /dev/null -w "  by=$by run $run: %{time_total} s\n" "http://127.0.0.1:$port/v1/stats?by=$by&from=2025-01-01&to=2026-01-01"
    done
done
