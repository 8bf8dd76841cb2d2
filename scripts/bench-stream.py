#!/usr/bin/python3
"""SSE fan-out for scripts/bench-hooks.sh: opens CLIENTS streams of GET /v1/stream, then creates
ROUNDS events one after another and reports, per event, how long until every client had its frame
(from the POST's start): the median and worst of those, and of each client's own delay.

usage: bench-stream.py URL TOKEN CLIENTS ROUNDS
"""
import http.client, json, statistics, sys, threading, time, urllib.parse

url, token, clients, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
host = urllib.parse.urlparse(url)
arrivals = {}  # event id -> [monotonic arrival per client]
lock = threading.Lock()
ready = threading.Barrier(clients + 1)


def listen():
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    connection.request("GET", "/v1/stream", headers={"Authorization": "Bearer " + token})
    response = connection.getresponse()
    assert response.status == 200, response.status
    response.readline()  # retry:
    ready.wait()
    while True:
        line = response.readline()
        if not line:
            return
        if line.startswith(b"data: "):
            message = json.loads(line[6:])
            with lock:
                arrivals.setdefault(message["event_id"], []).append(time.monotonic())


for _ in range(clients):
    threading.Thread(target=listen, daemon=True).start()
ready.wait()
time.sleep(0.5)
fanouts, delays = [], []
for n in range(rounds):
    body = json.dumps({"category": "dispute.neighbour", "description": "压测", "lon": 119.72, "lat": 28.27,
                       "source": "app", "reporter": "bench"})
    started = time.monotonic()
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.request("POST", "/v1/events", body=body, headers={"Authorization": "Bearer " + token,
                                                                  "Content-Type": "application/json"})
    event_id = json.loads(connection.getresponse().read())["id"]
    deadline = started + 10
    while time.monotonic() < deadline:
        with lock:
            got = list(arrivals.get(event_id, []))
        if len(got) >= clients:
            break
        time.sleep(0.002)
    if len(got) < clients:
        sys.exit("event %d reached %d of %d clients in 10 s" % (event_id, len(got), clients))
    fanouts.append(max(got) - started)
    delays.extend(t - started for t in got)
    time.sleep(0.2)
print("SSE fan-out to %d clients, %d events: all clients had it after median %.0f ms, worst %.0f ms; "
      "per client median %.0f ms" % (clients, rounds, statistics.median(fanouts) * 1000, max(fanouts) * 1000,
                                    statistics.median(delays) * 1000))
