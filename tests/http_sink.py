"""A local HTTP server on 127.0.0.1 that records what is POSTed to it (webhook tests)."""

from __future__ import annotations

import http.server
import queue
import threading


class HttpSink:
    """``with HttpSink() as sink``: ``sink.url``; ``sink.bodies`` yields each POSTed body (bytes)
    with its headers; ``status`` is the HTTP status it answers; ``hold`` (an Event), when given,
    keeps each answer until it is set."""

    def __init__(self, status: int = 200, hold: threading.Event | None = None) -> None:
        self.received: queue.Queue = queue.Queue()
        sink = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                sink.received.put((body, dict(self.headers), self.path))
                if hold is not None:
                    hold.wait(30)
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):  # quiet
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/test"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HttpSink:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def next(self, timeout: float = 30.0):
        """(body, headers, path) of the next POST (fails after ``timeout`` seconds)."""
        return self.received.get(timeout=timeout)
