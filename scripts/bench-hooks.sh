#!/usr/bin/env bash
# Outbox benchmarks on loopback (issue 20), the server as run (`gridmap serve`, release build):
# 1. POST /v1/events under wrk without hooks, then with 1 and with 4 webhook hooks registered to
#    a receiver on loopback (scripts/bench-receiver.py): the latency the hooks add to requests;
# 2. deliveries/s: a backlog of county assignments imported while the server was down, drained
#    to the receiver after the restart (one worker per hook, all four at once);
# 3. SSE fan-out: 200 clients of GET /v1/stream, the time until all had a new event.
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18085}
receiver_port=${RECEIVER_PORT:-18086}
db="$out/hooks.sqlite"
sample_database "$db" >/dev/null
deliveries="$out/deliveries.log"
: >"$deliveries"
/usr/bin/python3 scripts/bench-receiver.py "$receiver_port" "$deliveries" &
receiver=$!
serve "$db" "$port" "$out/serve-hooks.log"
trap 'kill "$server" "$receiver" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
admin=$("$gridmap" token create --db "$db" --role admin --name bench 2>/dev/null)

printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$admin" >"$out/post-hooked.lua"
cat >>"$out/post-hooked.lua" <<'LUA'
math.randomseed(3)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local body = string.format('{"category":"dispute.neighbour","description":"压测","lon":%.7f,"lat":%.7f,"source":"app","reporter":"bench"}',
    119.715 + math.random() * 0.01, 28.265 + math.random() * 0.01)
  return wrk.format(nil, "/v1/events", nil, body)
end
LUA
post() {
    echo "POST /v1/events, $1 (wrk, 2 threads, 8 connections, ${seconds} s):"
    wrk -t2 -c8 -d"${seconds}s" --latency -s "$out/post-hooked.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx"
}
register() {
    curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d "{\"url\":\"http://127.0.0.1:$receiver_port/\",\"secret\":\"bench-secret-0123456789\",\"events\":[\"*\"]}" \
        "http://127.0.0.1:$port/v1/hooks"
}
lag() { curl -sf -H "Authorization: Bearer $admin" "http://127.0.0.1:$port/v1/hooks" | /usr/bin/python3 -c 'import json,sys; print(sum(h["lag"] for h in json.load(sys.stdin)["hooks"]))'; }

post "no hooks"
register
post "1 hook"
for _ in 1 2 3; do register; done
post "4 hooks"
while [ "$(lag)" -gt 0 ]; do sleep 0.5; done
echo
# A backlog the server finds on start: county assignments imported by the command line while it is down.
backlog=${BACKLOG:-10000}
kill "$server"; wait "$server" 2>/dev/null || true
/usr/bin/python3 - "$backlog" >"$out/backlog.json" <<'PY'
import json, random, sys
random.seed(4)
print(json.dumps([{"external_id": "BENCH-%d" % n, "category": "dispute.neighbour", "description": "压测", "source": "hotline_12345",
                   "reporter": "县社会治理中心", "reported_at": "2026-03-01T08:00:00Z",
                   "lon": 119.715 + random.random() * 0.01, "lat": 28.265 + random.random() * 0.01} for n in range(int(sys.argv[1]))]))
PY
"$gridmap" county import "$out/backlog.json" --db "$db" | tail -1
mark=$(wc -l <"$deliveries")
serve "$db" "$port" "$out/serve-hooks-2.log"
trap 'kill "$server" "$receiver" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
while [ "$(lag)" -gt 0 ]; do sleep 0.2; done
echo "draining a backlog of $backlog changes to 4 hooks after a restart:"
tail -n +"$((mark + 1))" "$deliveries" | /usr/bin/python3 -c '
import sys
times = [float(line.split()[0]) for line in sys.stdin]
print("  %d deliveries in %.1f s: %.0f deliveries/s" % (len(times), times[-1] - times[0], len(times) / (times[-1] - times[0])))'
echo
/usr/bin/python3 scripts/bench-stream.py "http://127.0.0.1:$port" "$admin" "${CLIENTS:-200}" 20
