#!/usr/bin/env python3
"""A tiny OTLP/HTTP receiver for bench/tracing-overhead.sh: answers 200 (an empty, valid
ExportTraceServiceResponse) to every POST and logs one line per export request with its size, so
the run shows that spans really left the service. Usage: otlp-sink.py PORT"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        size = int(self.headers.get("Content-Length", 0))
        self.rfile.read(size)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
        print(f"export {self.path} {size} bytes", flush=True)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
