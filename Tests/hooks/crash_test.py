#!/usr/bin/python3
"""kill -9 between a commit and its delivery: every outbox row still reaches the hook's receiver.

Usage: crash_test.py GRIDMAP DATABASE. Starts a receiver on loopback (Python's http.server) that
checks each delivery's signature with Python's hmac and records its X-GridMap-Delivery, runs
`gridmap serve` on DATABASE, registers a hook, and twice creates events and kills the server with
SIGKILL: once while the receiver is down (nothing delivered yet), once while deliveries are under
way. After the last restart it waits until the receiver holds every outbox row (read with sqlite3)
and the hook's cursor has passed the last, then prints a JSON summary: the distinct ids in
first-arrival order, the raw arrivals, bad signatures.
"""
import hashlib, hmac, http.server, json, os, signal, socket, sqlite3, subprocess, sys, threading, time, urllib.request

GRIDMAP, DATABASE = sys.argv[1], sys.argv[2]
SECRET = "crash-test-secret-0123456789"
arrivals, bad_signatures = [], []


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        if self.headers.get("X-GridMap-Signature") != expected:
            bad_signatures.append(self.headers.get("X-GridMap-Delivery"))
        arrivals.append(int(self.headers["X-GridMap-Delivery"]))
        time.sleep(0.01)  # a receiver with some work to do, so the kill finds deliveries under way
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port):
    server = subprocess.Popen([GRIDMAP, "serve", "--db", DATABASE, "--port", str(port), "--hook-retry-seconds", "0.2",
                               "--hook-attempts", "1000", "--log-level", "error"], stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.05)
    raise SystemExit("gridmap serve did not come up")


def call(port, token, path, body):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


def create_events(port, token, first, count):
    for n in range(first, first + count):
        status = call(port, token, "/v1/events", {"category": "dispute.labour", "description": f"欠薪 {n}", "lon": 119.72,
                                                  "lat": 28.27, "source": "hotline_12345", "reporter": "张三"})
        assert status == 201, status


def outbox_ids():
    with sqlite3.connect(DATABASE) as db:
        return [row[0] for row in db.execute("SELECT id FROM outbox ORDER BY id")]


token = subprocess.run([GRIDMAP, "token", "create", "--db", DATABASE, "--role", "admin"], check=True,
                       capture_output=True, text=True).stdout.strip()
receiver_port, port = free_port(), free_port()
server = serve(port)
assert call(port, token, "/v1/hooks", {"url": f"http://127.0.0.1:{receiver_port}/", "secret": SECRET, "events": ["*"]}) == 201

# 1. The receiver is down: the rows are committed, none delivered, and the server dies.
create_events(port, token, 1, 10)
server.send_signal(signal.SIGKILL)
server.wait()
receiver = http.server.ThreadingHTTPServer(("127.0.0.1", receiver_port), Receiver)
threading.Thread(target=receiver.serve_forever, daemon=True).start()

# 2. Restarted, it delivers the backlog; more events, and a kill while deliveries are under way.
server = serve(port)
create_events(port, token, 11, 30)
time.sleep(0.1)
server.send_signal(signal.SIGKILL)
server.wait()
killed_with = len(set(arrivals))

# 3. Restarted once more: everything arrives.
server = serve(port)
expected = outbox_ids()
deadline = time.time() + 30
def cursor():
    with sqlite3.connect(DATABASE) as db:
        return db.execute("SELECT cursor FROM hooks").fetchone()[0]


# The receiver records a delivery before it answers: wait for the answer to move the cursor too,
# or the SIGTERM below may cancel the last row in flight (sent again after a restart, by design).
while (set(arrivals) != set(expected) or cursor() != expected[-1]) and time.time() < deadline:
    time.sleep(0.05)
server.send_signal(signal.SIGTERM)
server.wait()
seen, distinct = set(), []
for delivery in arrivals:
    if delivery not in seen:
        seen.add(delivery)
        distinct.append(delivery)
print(json.dumps({"distinct": distinct, "arrivals": len(arrivals), "bad_signatures": bad_signatures,
                  "delivered_before_last_kill": killed_with, "outbox": expected}))
