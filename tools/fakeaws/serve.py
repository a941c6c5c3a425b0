#!/usr/bin/env python3
"""A static file server on 127.0.0.1 for tests that must not reach the internet.

    python3 tools/fakeaws/serve.py --root DIR [--faults FILE] [--log FILE] [--max-seconds N]

Binds 127.0.0.1 on a free port, prints that port and a newline on stdout, then serves
GET (and HEAD) /some/path from DIR/some/path until --max-seconds (default 900) have passed
or it gets SIGTERM/SIGINT. Query strings are ignored. No directory listings; a path with a
`..` segment, a directory or a missing file answers 404. Nothing is logged to stderr.

--log FILE     appends "GET /path" (the path as requested, without the query) for every
               request as soon as it arrives, flushed at once.
--faults FILE  a JSON object {"/request/path": FAULT, ...}, re-read on every request (write it
               atomically: write a temporary file and rename it). A FAULT is an object with:
                 "dropConnection": true   close the connection without answering
                 "delay": SECONDS         sleep first, then answer as usual (or as the rest
                                          of the fault says)
                 "body": "...",           answer this text instead of the file, with
                 "contentType": "...",    this Content-Type (default text/plain) and
                 "status": N              this status (default 200)
                 "status": N              (without "body") answer status N with a short text body
                 "truncate": N            send the headers with the full Content-Length but only
                                          the first N bytes of the body (whatever the answer
                                          is: the file, a 404, a "body"), then close
               Keys combine in that order (delay, then body/status, then truncate). A missing
               faults file means no faults; an unreadable one answers 500 and says why on stderr.
"""

import argparse
import http.server
import json
import os
import signal
import sys
import threading
import time
import urllib.parse

QUIET_ERRORS = (ConnectionError, TimeoutError)


class Config:
    def __init__(self, root, faults, log):
        self.root = os.path.realpath(root)
        self.faults = faults
        self.log = log
        self.log_lock = threading.Lock()


def load_faults(path):
    """Returns (faults dict, error text or None)."""
    if path is None:
        return {}, None
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return {}, None
    except OSError as e:
        return None, f"cannot read faults file {path}: {e}"
    if not data.strip():
        return {}, None
    try:
        faults = json.loads(data)
    except ValueError as e:
        return None, f"faults file {path} is not valid JSON: {e}"
    if not isinstance(faults, dict) or not all(isinstance(v, dict) for v in faults.values()):
        return None, f"faults file {path} must be a JSON object of objects"
    return faults, None


def content_type_for(path):
    ext = os.path.splitext(path)[1].lower()
    return {
        ".json": "application/json",
        ".csv": "text/csv",
        ".txt": "text/plain; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".yaml": "application/yaml",
        ".yml": "application/yaml",
    }.get(ext, "application/octet-stream")


def make_handler(cfg):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def version_string(self):
            return "fakeaws"

        timeout = 120  # idle keep-alive connections end after this

        def log_message(self, format, *args):  # noqa: A002 - quiet
            pass

        def log_request(self, code="-", size="-"):
            pass

        def do_GET(self):
            self.answer(send_body=True)

        def do_HEAD(self):
            self.answer(send_body=False)

        # --- helpers -------------------------------------------------------------------

        def request_path(self):
            return urllib.parse.urlsplit(self.path).path or "/"

        def write_log(self, path):
            if cfg.log is None:
                return
            with cfg.log_lock:
                with open(cfg.log, "a", encoding="utf-8") as f:
                    f.write(f"{self.command} {path}\n")
                    f.flush()

        def resolve(self, path):
            """The file under the root for a request path, or None (404)."""
            decoded = urllib.parse.unquote(path)
            if "\x00" in decoded or "\\" in decoded:
                return None
            parts = [p for p in decoded.split("/") if p not in ("", ".")]
            if any(p == ".." for p in parts):
                return None
            full = os.path.realpath(os.path.join(cfg.root, *parts))
            if full != cfg.root and not full.startswith(cfg.root + os.sep):
                return None
            if not os.path.isfile(full):
                return None
            return full

        def send_payload(self, status, content_type, body, send_body, truncate=None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if truncate is not None:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if not send_body:
                return
            if truncate is not None:
                self.wfile.write(body[: max(0, int(truncate))])
                self.wfile.flush()
                self.close_connection = True
            else:
                self.wfile.write(body)

        def drop(self):
            self.close_connection = True
            try:
                self.connection.shutdown(2)  # socket.SHUT_RDWR
            except OSError:
                pass

        def answer(self, send_body):
            path = self.request_path()
            self.write_log(path)
            faults, error = load_faults(cfg.faults)
            if error is not None:
                print(f"fakeaws: {error}", file=sys.stderr, flush=True)
                body = f"fakeaws: {error}\n".encode()
                self.send_payload(500, "text/plain; charset=utf-8", body, send_body)
                return
            fault = faults.get(path, {})

            if fault.get("dropConnection"):
                self.drop()
                return
            if fault.get("delay"):
                time.sleep(float(fault["delay"]))
            truncate = fault.get("truncate")

            if "body" in fault:
                status = int(fault.get("status", 200))
                ctype = fault.get("contentType", "text/plain; charset=utf-8")
                body = str(fault["body"]).encode("utf-8")
            elif "status" in fault:
                status = int(fault["status"])
                reason = self.responses.get(status, ("Fault",))[0]
                ctype = "text/plain; charset=utf-8"
                body = f"{status} {reason} (fakeaws fault for {path})\n".encode()
            else:
                status, ctype, body = self.file_answer(path)
            self.send_payload(status, ctype, body, send_body, truncate)

        def file_answer(self, path):
            full = self.resolve(path)
            if full is not None:
                try:
                    with open(full, "rb") as f:
                        return 200, content_type_for(full), f.read()
                except OSError:
                    pass
            return 404, "text/plain; charset=utf-8", f"404 Not Found: {path}\n".encode()

    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64
    allow_reuse_address = False

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, QUIET_ERRORS):
            return  # a client that went away (time-outs, truncation tests) is not news
        super().handle_error(request, client_address)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Loopback static file server with faults, for tests.")
    parser.add_argument("--root", required=True, help="directory to serve")
    parser.add_argument("--faults", help="JSON file of faults by request path, re-read on every request")
    parser.add_argument("--log", help="append 'GET /path' per request to this file")
    parser.add_argument("--max-seconds", type=float, default=900, help="stop after this many seconds (default 900)")
    args = parser.parse_args(argv)

    if not os.path.isdir(args.root):
        parser.error(f"--root {args.root} is not a directory")

    cfg = Config(args.root, args.faults, args.log)
    server = Server(("127.0.0.1", 0), make_handler(cfg))
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        sys.stdout.write(f"{server.server_address[1]}\n")
        sys.stdout.flush()
    except (BrokenPipeError, OSError):
        pass

    stop.wait(args.max_seconds)
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
