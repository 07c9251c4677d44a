"""serve.py: the preview serves only the output folder, follows swaps, rebuilds."""

from __future__ import annotations

import contextlib
import http.client
import os
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from interpol_site.serve import Watcher, make_handler, serve
from interpol_site.write import write_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("serve")
    (tmp_path / "secret.txt").write_text("SECRET")
    (tmp_path / "secret-dir").mkdir()
    (tmp_path / "secret-dir" / "x.html").write_text("SECRET")
    out = tmp_path / "_site"
    (out / "sub").mkdir(parents=True)
    (out / "index.html").write_text("<p>الرئيسية</p>", encoding="utf-8")
    (out / "sub" / "index.html").write_text("sub index")
    (out / "sub" / "page.html").write_text("page")
    (out / "style.css").write_text("body{}")
    (out / "404.html").write_text("custom 404")
    (out / ".interpol-site").write_text("marker")
    (out / "مقال").mkdir()
    (out / "مقال" / "index.html").write_text("arabic path")
    os.symlink("../secret.txt", out / "leak.txt")
    os.symlink("../secret-dir", out / "leak-dir")
    os.symlink("sub/page.html", out / "alias.html")  # inside: fine
    return out


@contextlib.contextmanager
def running(output: Path, early=None):
    """A preview server for ``output`` on a free port; yields the port."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(output, early))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(site: Path):
    with running(site) as port:
        yield port


def get(port: int, path: str, method: str = "GET"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.putrequest(method, path, skip_accept_encoding=True)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), body


@pytest.mark.parametrize(
    ("path", "status", "body"),
    [
        ("/", 200, "<p>الرئيسية</p>".encode()),
        ("/index.html", 200, "<p>الرئيسية</p>".encode()),
        ("/sub/", 200, b"sub index"),
        ("/sub/page.html?x=1#frag", 200, b"page"),
        ("/alias.html", 200, b"page"),
        ("/%D9%85%D9%82%D8%A7%D9%84/", 200, b"arabic path"),
        ("/missing.html", 404, b"custom 404"),
        ("//etc/passwd", 404, b"custom 404"),
        ("/etc/passwd", 404, b"custom 404"),
        ("/.interpol-site", 404, b"custom 404"),
    ],
)
def test_serves_inside(server, path, status, body):
    got_status, _, got_body = get(server, path)
    assert (got_status, got_body) == (status, body)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/../secret.txt", 403),
        ("/sub/../../secret.txt", 403),
        ("/%2e%2e/secret.txt", 403),
        ("/%2E%2E%2Fsecret.txt", 403),
        ("/sub/..%2f..%2fsecret.txt", 403),
        ("/sub/%2e%2e/%2e%2e/secret.txt", 403),
        ("http://127.0.0.1/../secret.txt", 403),
        ("/leak.txt", 403),
        ("/leak-dir/x.html", 403),
        ("/..%5csecret.txt", 400),
        ("/%00", 400),
        ("/index.html%00.txt", 400),
        ("/%ff%fe", 400),
    ],
)
def test_refuses_outside(server, path, status):
    got_status, _, body = get(server, path)
    assert got_status == status
    assert b"SECRET" not in body


def test_folder_without_slash_redirects(server):
    status, headers, _ = get(server, "/sub?q=1")
    assert status == 301 and headers["Location"] == "/sub/?q=1"


def test_head_and_content_types(server):
    status, headers, body = get(server, "/index.html", method="HEAD")
    assert status == 200 and body == b""
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Length"] == str(len("<p>الرئيسية</p>".encode()))
    assert get(server, "/style.css")[1]["Content-Type"] == "text/css; charset=utf-8"


def test_follows_the_atomic_swap(tmp_path):
    out = tmp_path / "_site"
    kwargs = {"static_dir": None, "source": tmp_path / "src", "project_root": tmp_path}
    write_site([("index.html", b"v1")], out, **kwargs)
    with running(out) as port:
        assert get(port, "/")[2] == b"v1"
        write_site([("index.html", b"v2")], out, **kwargs)
        assert get(port, "/")[2] == b"v2"


def test_pages_made_early_are_served_until_the_swap(site):
    """A rebuild's first pages come from memory; everything else, and every refusal, as
    before; an empty mapping serves the folder again."""
    early = {"sub/page.html": b"made early", "index.html": "الرئيسية الجديدة".encode()}
    with running(site, early) as port:
        assert get(port, "/sub/page.html")[2] == b"made early"
        assert get(port, "/")[2] == "الرئيسية الجديدة".encode()  # a folder's index.html too
        assert get(port, "/sub/")[2] == b"sub index"
        assert get(port, "/leak.txt")[0] == 403
        assert get(port, "/missing.html")[2] == b"custom 404"
        early.clear()
        assert get(port, "/sub/page.html")[2] == b"page"


def test_missing_output_is_404(tmp_path):
    with running(tmp_path / "nope") as port:
        assert get(port, "/")[0] == 404


def test_serve_binds_loopback_and_stops(site, tmp_path):
    stop = threading.Event()
    urls: list[str] = []
    ready = threading.Event()

    def on_ready(url: str) -> None:
        urls.append(url)
        ready.set()

    thread = threading.Thread(
        target=serve,
        args=(site, 0, lambda changed: None, [tmp_path / "src"]),
        kwargs={"stop": stop, "on_ready": on_ready},
        daemon=True,
    )
    thread.start()
    assert ready.wait(5)
    assert urls[0].startswith("http://127.0.0.1:")
    port = int(urls[0].rsplit(":", 1)[1].strip("/"))
    assert get(port, "/sub/")[2] == b"sub index"
    stop.set()
    thread.join(5)
    assert not thread.is_alive()


# --------------------------------------------------------------------------- watcher


def wait_for(predicate, timeout: float = 3.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def test_watcher_rebuilds_once_per_burst_and_survives_errors(tmp_path):
    src = tmp_path / "src"
    out = tmp_path / "_site"
    src.mkdir()
    out.mkdir()
    calls: list[list[str]] = []

    def rebuild(changed: list[str]) -> None:
        calls.append(changed)
        if len(calls) == 1:
            raise RuntimeError("broken article")

    stop = threading.Event()
    watcher = Watcher([tmp_path], rebuild, stop, exclude=[out], interval=0.05)
    watcher.start()
    try:
        time.sleep(0.15)
        for i in range(3):  # a burst: one rebuild
            (src / f"{i}.txt").write_text("نص")
        assert wait_for(lambda: watcher.rebuilds == 1)
        time.sleep(0.3)
        assert len(calls) == 1
        (out / "page.html").write_text("the build's own output")  # not watched
        (tmp_path / ".git").mkdir()  # hidden: not watched
        time.sleep(0.3)
        assert len(calls) == 1
        (src / "new.txt").write_text("نص")  # after a failed rebuild, still watching
        assert wait_for(lambda: watcher.rebuilds == 2)
        (src / "new.txt").unlink()  # deletions count too
        assert wait_for(lambda: watcher.rebuilds == 3)
    finally:
        stop.set()
        watcher.join(2)
    assert not watcher.is_alive()
    # each call names the files added or modified since the last (a removal, none)
    assert calls == [[str(src / f"{i}.txt") for i in range(3)], [str(src / "new.txt")], []]


def test_an_edit_saved_as_the_watcher_starts_is_rebuilt(tmp_path):
    """The first snapshot is taken before the preview is announced, not by the thread
    some time later: an edit saved at once is a change, not the starting point."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("قبل")
    calls: list[int] = []
    stop = threading.Event()
    watcher = Watcher([src], lambda changed: calls.append(1), stop, interval=0.05)
    (src / "a.txt").write_text("بعد التعديل")  # saved before the thread even runs
    watcher.start()
    try:
        assert wait_for(lambda: watcher.rebuilds == 1)
    finally:
        stop.set()
        watcher.join(timeout=2)
