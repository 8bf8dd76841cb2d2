#!/usr/bin/env bash
# The command room's loop over HTTP on loopback (issue 19), on the sample towns with their
# simulated quarter of loop events. First, events walked through the whole loop by a
# dispatcher's and a leader's tokens — report, a 研判会商 that re-routes and dispatches (two
# tasks), 督办 and its answer, 延期 asked and approved, each office's 签收 and 办结, 办结, 考核 —
# with each step's median and p90 latency over ROUNDS events. Then, under wrk, GET
# /v1/events/{id} for a walked event (history, tasks, consultation, supervision, extension,
# evaluation) beside an imported one (one history row, nothing else), the red events' first page
# (GET /v1/events?light=red) and GET /v1/stats (its loop figures read from SQL) beside
# GET /v1/stats?by=office.
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18082}
db="$out/loop.sqlite"
sample_database "$db"
for dataset in dagangtou ganpu; do "$gridmap" events simulate-loop --db "$db" --dataset "$dataset"; done
serve "$db" "$port" "$out/serve-loop.log"
token=$("$gridmap" token create --db "$db" --role dispatcher --name bench 2>/dev/null)
leader=$("$gridmap" token create --db "$db" --role leader --name bench-leader 2>/dev/null)

echo
echo "The loop, step by step (${ROUNDS:-200} events, sequential requests):"
walked=$(/usr/bin/python3 - "$port" "$token" "${ROUNDS:-200}" "$leader" <<'PY'
import json, statistics, sys, time, urllib.request
port, token, rounds, leader = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def call(path, body=None, bearer=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + (bearer or token), "Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    return answer, (time.perf_counter() - started) * 1000
steps = {}
def timed(step, path, body=None, bearer=None):
    answer, ms = call(path, body, bearer)
    steps.setdefault(step, []).append(ms)
    return answer
last = None
for i in range(rounds):
    event = timed("POST /v1/events", "/v1/events", {"category": "fire.ebike", "description": "压测", "lon": 119.72 + (i % 40) * 0.0005,
                  "lat": 28.27, "source": "app", "reporter": "bench"})
    eid = event["id"]
    timed("POST consultations (dispatch)", f"/v1/events/{eid}/consultations", {"participants": ["派出所", "应急管理站"],
          "decision": "联合处置", "lead_office": "派出所", "assisting_offices": ["综合行政执法队"], "dispatch": True})
    record = timed("POST supervisions (督办)", f"/v1/events/{eid}/supervisions", {"level": 2, "note": "请加快"})
    timed("POST supervision reply", f"/v1/events/{eid}/supervisions/{record['id']}/reply", {"reply": "已安排"})
    extension = timed("POST extensions", f"/v1/events/{eid}/extensions", {"until": "2030-01-01", "reason": "压测"})
    timed("POST extension decision (leader)", f"/v1/events/{eid}/extensions/{extension['id']}/decision", {"approve": True}, leader)
    tasks = timed("GET /v1/events/{id}", f"/v1/events/{eid}")["tasks"]
    for task in tasks:
        for to in ["accepted", "done"]:
            timed(f"POST task transitions", f"/v1/events/{eid}/tasks/{task['id']}/transitions", {"to": to})
    timed("POST transitions resolved", f"/v1/events/{eid}/transitions", {"to": "resolved"})
    timed("POST transitions evaluated", f"/v1/events/{eid}/transitions", {"to": "evaluated", "score": 5, "satisfaction": "satisfied"})
    last = eid
for step, values in steps.items():
    values.sort()
    print(f"  {step:32s} median {statistics.median(values):6.2f} ms, p90 {values[int(len(values) * 0.9) - 1]:6.2f} ms ({len(values)} requests)",
          file=sys.stderr)
print(last)
PY
)
echo
for id in "$walked" 1; do
    echo "GET /v1/events/$id under wrk (2 threads, 16 connections, ${seconds} s):"
    printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$out/get-event.lua"
    wrk -t2 -c16 -d"${seconds}s" -s "$out/get-event.lua" "http://127.0.0.1:$port/v1/events/$id" | grep -E "Requests/sec|Latency|Non-2xx"
done
for path in "/v1/events?light=red&limit=100" "/v1/stats?by=town" "/v1/stats?by=office"; do
    echo "GET $path under wrk (2 threads, 16 connections, ${seconds} s):"
    wrk -t2 -c16 -d"${seconds}s" -s "$out/get-event.lua" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|Non-2xx"
done
