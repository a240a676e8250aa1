"""The HTTP API for web apps and caches: CORS, HEAD, OPTIONS, ETags, gzip, headers, new routes (issue 12).

Most checks go through the ASGI app in-process; the last ones start
``acupoints serve`` itself, ask it with ``curl -I`` and from a page on
another origin in Chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import acupoints
from acupoints.server import create_app

client = TestClient(create_app())
ROUTES = ["/", "/points", "/points/LI4", "/meridians", "/meridians/LU", "/vessels", "/vessels/governor",
          "/regions", "/regions/knee", "/complaints", "/complaints/neck-pain", "/sources",
          "/candidates?complaint=neck%20pain", "/search?q=hegu", "/openapi.json"]  # fmt: skip


@pytest.mark.parametrize("route", ROUTES)
def test_get_and_head_everywhere_with_cache_and_safety_headers(route: str) -> None:
    got = client.get(route)
    assert got.status_code == 200
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["access-control-allow-origin"] == "*"
    assert got.headers["cache-control"].startswith("public, max-age=")
    etag = got.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    assert "server" not in got.headers
    head = client.head(route)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == etag
    assert head.headers["content-length"] == got.headers["content-length"]
    again = client.get(route, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert client.get(route, headers={"If-None-Match": '"other"'}).status_code == 200


def test_etag_is_strong_and_changes_with_the_body() -> None:
    one, two = client.get("/points/LI4"), client.get("/points/LI5")
    assert one.headers["etag"] != two.headers["etag"]
    assert client.get("/points/LI4").headers["etag"] == one.headers["etag"]


def test_preflight() -> None:
    response = client.options(
        "/points/LI4",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET",
                 "Access-Control-Request-Headers": "if-none-match"},
    )  # fmt: skip
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]
    assert "HEAD" in response.headers["access-control-allow-methods"]
    assert response.headers["access-control-allow-headers"] == "if-none-match"


def test_writes_are_refused() -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        response = client.request(method, "/points/LI4")
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, HEAD, OPTIONS"


def test_a_configured_origin() -> None:
    only = TestClient(create_app(cors_origins=["https://app.example"]))
    allowed = only.get("/points/LI4", headers={"Origin": "https://app.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "Origin" in allowed.headers["vary"]
    other = only.get("/points/LI4", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_gzip_for_large_bodies() -> None:
    plain = client.get("/points", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    raw = client.get("/points", headers={"Accept-Encoding": "gzip"})
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.headers["vary"] == "Accept-Encoding"
    assert raw.headers["etag"] != plain.headers["etag"]
    assert raw.json() == plain.json()  # httpx decodes it
    assert int(raw.headers["content-length"]) < len(plain.content) / 5
    tiny = client.get("/meridians/XX", headers={"Accept-Encoding": "gzip"})  # a short 404 body
    assert "content-encoding" not in tiny.headers and len(tiny.content) < 1024
    assert client.get("/points", headers={"Accept-Encoding": "gzip;q=0"}).headers.get("content-encoding") is None


def test_interactive_docs_are_off_by_default() -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    docs = TestClient(create_app(docs=True)).get("/docs")
    assert docs.status_code == 200


def test_new_routes() -> None:
    atlas = acupoints.load()
    vessels = client.get("/vessels").json()
    assert len(vessels) == 8 and {v["code"] for v in vessels} >= {"governor", "yin-heel"}
    governor = client.get("/vessels/governor").json()
    assert governor["points"] == [p.code for p in atlas.vessel_points("governor")]
    assert client.get("/vessels/nothing").status_code == 404
    complaint = client.get("/complaints/lumbago").json()
    assert complaint["complaint"]["name"] == "low-back-pain"
    assert complaint["candidates"] == atlas.candidates_record("low-back-pain")
    assert complaint["pregnant"] == atlas.candidates_record("low-back-pain", pregnant=True)
    assert client.get("/complaints/nothing-at-all").status_code == 404
    sources = client.get("/sources").json()
    assert {s["key"] for s in sources} == {s.key for s in atlas.sources()}
    cited = {key for p in atlas.points() for key in p.sources}
    assert cited <= {s["key"] for s in sources}


def test_long_request_targets_are_refused_before_parsing() -> None:
    response = client.get("/points/" + "a" * 5000)
    assert response.status_code == 414 and response.json()["detail"]


# -- the real server ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    port = _free_port()
    cli = shutil.which("acupoints")
    command = [cli] if cli else [sys.executable, "-m", "acupoints"]
    process = subprocess.Popen([*command, "serve", "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
def test_curl_head(served: str) -> None:
    out = subprocess.run(["curl", "-sS", "-I", f"{served}/points/LI4"], capture_output=True, text=True, check=True)
    lines = out.stdout.lower().splitlines()
    assert lines[0].startswith("http/1.1 200")
    assert any(line.startswith("etag: \"") for line in lines)
    assert not any(line.startswith("server:") for line in lines)
    etag = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("etag:"))
    again = subprocess.run(
        ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", f"If-None-Match: {etag}", f"{served}/points/LI4"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert again.stdout == "304"


def test_request_line_over_the_limit_is_refused_by_the_server(served: str) -> None:
    port = int(served.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET /points/" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = sock.recv(100)
    assert reply.startswith(b"HTTP/1.1 4")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_cross_origin_fetch_from_chromium(served: str, tmp_path: Path) -> None:
    chromium = os.environ.get("ACUPOINTS_CHROMIUM", "/usr/bin/chromium")
    assert Path(chromium).exists(), f"Chromium not found at {chromium}: apt-get install chromium"
    from playwright.sync_api import sync_playwright

    (tmp_path / "index.html").write_text("<!doctype html><title>app</title>", encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    page_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=page_server.serve_forever, daemon=True).start()
    script = """async (api) => {
        const first = await fetch(api + "/points/hegu", {headers: {"If-None-Match": "\\"x\\""}});
        const body = await first.json();
        const head = await fetch(api + "/points/LI4", {method: "HEAD"});
        return [first.status, body.code, first.headers.get("etag"), head.status];
    }"""
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
            )
            try:
                page = browser.new_page()
                page.goto(f"http://localhost:{page_server.server_address[1]}/index.html")
                status, code, etag, head = page.evaluate(script, served)
            finally:
                browser.close()
    finally:
        page_server.shutdown()
    assert (status, code, head) == (200, "LI4", 200)
    assert etag and etag.startswith('"')
