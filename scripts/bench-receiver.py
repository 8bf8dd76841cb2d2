#!/usr/bin/python3
"""A hook receiver on loopback for scripts/bench-hooks.sh: answers every POST 204 at once over
keep-alive HTTP/1.1 and appends "<monotonic seconds> <X-GridMap-Delivery>" per delivery to LOG.

usage: bench-receiver.py PORT LOG
"""
import http.server, sys, time

log = open(sys.argv[2], "a", buffering=1)


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        log.write("%.6f %s\n" % (time.monotonic(), self.headers.get("X-GridMap-Delivery")))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
