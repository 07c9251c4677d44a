"""Local preview: serve the built site and rebuild it when the sources change.

- Binds to 127.0.0.1 unless told otherwise; a preview is not a web server.
- Serves only files inside the output folder. A request path with ``..`` (also
  percent-encoded), a NUL or a backslash is refused; a path that resolves (through a
  symlink) outside the folder is refused with 403; hidden names (``.interpol-site``,
  temporary folders) are not served. Folders are served through their
  ``index.html`` (no listings); ``404.html`` is used for missing pages when present.
- The output path is resolved on every request (never a cached directory handle), so
  the site swapped in atomically by ``write.write_site`` is served at once.
- A background thread polls the watched files' modification times every
  ``POLL_SECONDS``, waits until they have been quiet for one more poll (debounce),
  and calls ``rebuild(changed)`` with the files changed; an error is printed and the
  server keeps running. The output folder and hidden folders are not watched.
"""

from __future__ import annotations

import mimetypes
import os
import socket
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import BuildError, Problem

#: How often the watched folders are polled for changes, in seconds.
POLL_SECONDS = 0.1

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".ico": "image/x-icon",
}

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def serve(
    output: Path,
    port: int,
    rebuild: Callable[[list[str]], object],
    watch: list[Path],
    host: str = "127.0.0.1",
    *,
    stop: threading.Event | None = None,
    on_ready: Callable[[str], object] | None = None,
    early: Mapping[str, bytes] | None = None,
) -> None:
    """Serve ``output`` at http://host:port/ until Ctrl+C (or ``stop`` is set).

    ``rebuild(changed)`` is called after changes under ``watch``, with the files added
    or modified. It does not build first: the
    caller builds before serving. ``on_ready`` receives the URL (useful with port 0).
    ``early`` maps site paths (``articles/x/index.html``) to pages a rebuild has already
    made and not yet swapped in; they are served from memory until it has.
    """
    output = Path(output)
    server_class = _IPv6Server if ":" in host else ThreadingHTTPServer
    try:
        httpd = server_class((host, port), make_handler(output, early))
    except OSError as exc:
        raise BuildError(
            Problem(
                f"{host}:{port}",
                f"cannot start the preview server: {exc.strerror or exc}",
                "try another --port",
                level="error",
            )
        ) from exc
    httpd.daemon_threads = True
    stop = stop or threading.Event()
    watcher = Watcher(watch, rebuild, stop, exclude=[output])
    watcher.start()
    threading.Thread(target=_shutdown_on, args=(stop, httpd), daemon=True).start()
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{httpd.server_address[1]}/"
    print(f"Serving {output} at {url} (Ctrl+C to stop)", file=sys.stderr)
    if host not in _LOOPBACK:
        print(f"warning: listening on {host}: other machines can see this preview", file=sys.stderr)
    if on_ready is not None:
        on_ready(url)
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        httpd.server_close()
        watcher.join(timeout=2)


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def _shutdown_on(stop: threading.Event, httpd: ThreadingHTTPServer) -> None:
    stop.wait()
    httpd.shutdown()


# --------------------------------------------------------------------------- requests


def make_handler(output: Path, early: Mapping[str, bytes] | None = None) -> type[BaseHTTPRequestHandler]:
    """A request handler class serving only files inside ``output`` (or, for a page a
    rebuild has made and not yet swapped in, that page from ``early``)."""
    root = os.path.abspath(output)
    early = early if early is not None else {}

    class Handler(BaseHTTPRequestHandler):
        server_version = "interpol-site-preview"
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._respond(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond(send_body=False)

        def _respond(self, *, send_body: bool) -> None:
            status, where = locate(root, self.path)
            if status == HTTPStatus.MOVED_PERMANENTLY:
                self.send_response(status)
                self.send_header("Location", where)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if status == HTTPStatus.NOT_FOUND:
                custom = locate(root, "/404.html")
                if custom[0] == HTTPStatus.OK:
                    where = custom[1]
            if where is None:
                self._plain(status, send_body)
                return
            body = early.get(os.path.relpath(where, os.path.realpath(root)).replace(os.sep, "/")) \
                if early and status == HTTPStatus.OK else None
            try:
                if body is None:
                    with open(where, "rb") as fh:
                        body = fh.read()
            except OSError:
                self._plain(HTTPStatus.NOT_FOUND, send_body)
                return
            self.send_response(status)
            self.send_header("Content-Type", _content_type(where))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def _plain(self, status: int, send_body: bool) -> None:
            body = f"{status} {HTTPStatus(status).phrase}\n".encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    return Handler


def locate(root: str, request_path: str) -> tuple[int, str | None]:
    """Map a request path to ``(status, file)``; ``file`` is the redirect for 301.

    200 with a file inside ``root``; 301 to add a folder's trailing slash; 400 for an
    undecodable path; 403 for ``..`` or a symlink leaving ``root``; 404 otherwise.
    """
    path = urlsplit(request_path).path
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return HTTPStatus.BAD_REQUEST, None
    if "\x00" in decoded or "\\" in decoded:
        return HTTPStatus.BAD_REQUEST, None
    parts = decoded.split("/")
    if ".." in parts:
        return HTTPStatus.FORBIDDEN, None
    parts = [p for p in parts if p not in ("", ".")]
    if any(p.startswith(".") for p in parts):
        return HTTPStatus.NOT_FOUND, None
    real_root = os.path.realpath(root)  # per request: follows the atomic swap
    if not os.path.isdir(real_root):
        return HTTPStatus.NOT_FOUND, None
    target = os.path.realpath(os.path.join(real_root, *parts))
    if not _inside(target, real_root):
        return HTTPStatus.FORBIDDEN, None
    if os.path.isdir(target):
        if not path.endswith("/"):
            query = urlsplit(request_path).query
            return HTTPStatus.MOVED_PERMANENTLY, path + "/" + (f"?{query}" if query else "")
        target = os.path.realpath(os.path.join(target, "index.html"))
        if not _inside(target, real_root):
            return HTTPStatus.FORBIDDEN, None
    if not os.path.isfile(target):
        return HTTPStatus.NOT_FOUND, None
    return HTTPStatus.OK, target


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _content_type(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _TYPES:
        return _TYPES[suffix]
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


# --------------------------------------------------------------------------- watching


class Watcher(threading.Thread):
    """Calls ``rebuild(changed)`` after files under ``paths`` change (polling, debounced);
    ``changed`` lists the files added or modified since the last call (not those removed)."""

    def __init__(
        self,
        paths: list[Path],
        rebuild: Callable[[list[str]], object],
        stop: threading.Event,
        *,
        exclude: Iterable[Path] = (),
        interval: float = POLL_SECONDS,
    ):
        super().__init__(name="interpol-site-watcher", daemon=True)
        self.paths = [Path(p) for p in paths]
        self.rebuild = rebuild
        self.stop = stop
        self.exclude = {os.path.realpath(p) for p in exclude}
        self.interval = interval
        self.rebuilds = 0
        # Taken now, before the preview is announced: an edit saved the moment it is
        # would otherwise be part of the first snapshot, and never rebuilt.
        self.last = self.snapshot()

    def run(self) -> None:
        last = self.last
        while not self.stop.wait(self.interval):
            now = self.snapshot()
            if now == last:
                continue
            while not self.stop.wait(self.interval):  # debounce: wait for a quiet poll
                again = self.snapshot()
                if again == now:
                    break
                now = again
            if self.stop.is_set():
                return
            changed = sorted(path for path, seen in now.items() if last.get(path) != seen)
            last = now  # changes made during the rebuild trigger another one
            self._rebuild(changed)

    def _rebuild(self, changed: list[str]) -> None:
        print("Sources changed; rebuilding …", file=sys.stderr)
        try:
            self.rebuild(changed)
        except (Exception, SystemExit) as exc:  # the preview keeps running
            print("Rebuild failed; still serving the previous site:", file=sys.stderr)
            if isinstance(exc, BuildError):
                print(exc, file=sys.stderr)
            else:
                traceback.print_exception(exc, file=sys.stderr)
        finally:
            self.rebuilds += 1

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Modification time and size of every file watched (folders are not
        recorded: a file added or removed shows as a key, and a folder's own time
        also changes for hidden or excluded entries)."""
        seen: dict[str, tuple[int, int]] = {}
        for base in self.paths:
            if base.is_dir():
                if os.path.realpath(base) not in self.exclude:
                    self._scan(str(base), seen)
                continue
            try:
                st = base.stat()
            except OSError:
                continue
            seen[str(base)] = (st.st_mtime_ns, st.st_size)
        return seen

    def _scan(self, folder: str, seen: dict[str, tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = [e for e in it if not e.name.startswith(".")]
        except OSError:
            return
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if os.path.realpath(entry.path) not in self.exclude:
                        self._scan(entry.path, seen)
                else:
                    st = entry.stat()
                    seen[entry.path] = (st.st_mtime_ns, st.st_size)
            except OSError:
                continue  # vanished or broken link: simply not in this snapshot
