"""HTTP throughput of ``acupoints serve`` on loopback, against a baseline in the same run.

    python benchmarks/http.py [--seconds 3] [--connections 16]

Starts two uvicorn servers with the settings ``acupoints serve`` uses, one
worker each: the baseline (a bare ASGI app answering a fixed body, the most
uvicorn can do on this machine) and the acupoints API. A bounded client
(``--connections`` keep-alive connections on loopback, one request in flight
on each) measures requests per second per route, after a warm-up. Targets
(issue 12): ``GET /points/LI4`` >= 3,000 requests/s and ``GET /points`` >= 500/s.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import time

PY = sys.executable

_BASELINE = """
import sys, uvicorn
from acupoints._http import server_options
body = b'{"code":"LI4"}'
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]})
    await send({"type": "http.response.body", "body": body})
options = server_options("127.0.0.1", int(sys.argv[1])); options["log_level"] = "warning"
uvicorn.run(app, **options)
"""

_API = """
import sys, uvicorn
from acupoints._http import server_options
from acupoints.server import create_app
options = server_options("127.0.0.1", int(sys.argv[1])); options["log_level"] = "warning"
uvicorn.run(create_app(), **options)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start(code: str) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    process = subprocess.Popen([PY, "-c", code, str(port)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("server did not start")


async def _connection(port: int, request: bytes, stop: float, counts: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.monotonic() < stop:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            status = int(head[9:12])
            if status != 200:
                raise SystemExit(f"status {status} for {request!r}")
            await reader.readexactly(length)
            counts[0] += 1
    finally:
        writer.close()


async def _load(port: int, path: str, seconds: float, connections: int, gzip: bool) -> float:
    accept = b"Accept-Encoding: gzip\r\n" if gzip else b""
    request = b"GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s\r\n" % (path.encode(), accept)
    await asyncio.gather(
        *(_connection(port, request, time.monotonic() + 0.5, [0]) for _ in range(connections))
    )  # warm-up
    counts = [0]
    start = time.monotonic()
    await asyncio.gather(
        *(_connection(port, request, start + seconds, counts) for _ in range(connections))
    )
    return counts[0] / (time.monotonic() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    servers = [_start(_BASELINE), _start(_API)]
    try:
        (_, base_port), (_, api_port) = servers
        runs = [
            ("baseline (bare ASGI app)", base_port, "/", False, None),
            ("GET /points/LI4", api_port, "/points/LI4", False, 3000),
            ("GET /points", api_port, "/points", False, 500),
            ("GET /points (gzip)", api_port, "/points", True, 500),
            ("GET /candidates?complaint=low back pain", api_port, "/candidates?complaint=low%20back%20pain",
             False, None),
        ]  # fmt: skip
        print(f"HTTP on loopback, one worker, {args.connections} connections, {args.seconds:g} s per route")
        baseline = 0.0
        for name, port, path, gzip, target in runs:
            rate = asyncio.run(_load(port, path, args.seconds, args.connections, gzip))
            baseline = baseline or rate
            ok = target is None or rate >= target
            verdict = "" if target is None else f"  target >= {target}: {'ok' if ok else 'MISSED'}"
            print(f"  {name:<42} {rate:8.0f} req/s  {rate / baseline:5.2f} x baseline{verdict}")
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
