"""No input makes a lookup slow: 1 MB of text to every entry point answers within 0.5 s.

The inputs are the shapes that used to be slow: a long run of separators
between letters (quadratic in the old code pattern), long names, long
digits, and plain filler.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner

import acupoints
from acupoints.cli import main

MB = 1 << 20
INPUTS = {
    "separators": "a" + "-" * MB + "x",
    "spaced separators": "LI" + " ." * (MB // 2) + "4",
    "letters": "hegu" * (MB // 4),
    "digits": "LI" + "0" * MB + "4",
    "hanzi": "合谷" * (MB // 2),
}
LIMIT = 0.5


def timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(acupoints.AcupointsError):
        call()
    return time.perf_counter() - start


# warm the atlas, the name index and the fuzzy matcher, so only the input is timed
acupoints.search("hegu")
acupoints.candidates("low back pain")

API: dict[str, Callable[[str], Any]] = {
    "resolve": acupoints.resolve,
    "point": acupoints.point,
    "find_point": acupoints.find_point,
    "search": acupoints.search,
    "candidates": acupoints.candidates,
    "complaint": acupoints.complaint,
    "meridian": acupoints.meridian,
    "region": acupoints.region,
    "region_points": acupoints.region_points,
    "points(meridian=)": lambda text: acupoints.points(text),
    "points(region=)": lambda text: acupoints.points(region=text),
}


@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize("entry", API)
def test_api_entry_points_are_fast_on_1mb(entry: str, kind: str) -> None:
    assert timed(lambda: API[entry](INPUTS[kind])) < LIMIT


@pytest.mark.parametrize("kind", INPUTS)
def test_candidates_level_is_fast_on_1mb(kind: str) -> None:
    assert timed(lambda: acupoints.candidates("low back pain", level=INPUTS[kind])) < LIMIT


@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize(
    "command",
    [["show"], ["show", "--json"], ["search"], ["candidates"], ["candidates", "--json"],
     ["meridian"], ["region"]],
)  # fmt: skip
def test_cli_commands_are_fast_on_1mb(command: list[str], kind: str) -> None:
    runner = CliRunner()
    start = time.perf_counter()
    result = runner.invoke(main, [*command, INPUTS[kind]])
    assert time.perf_counter() - start < LIMIT
    assert result.exit_code in ((0, 1) if command == ["search"] else (1, 2)), result.output[-300:]
    assert "Traceback" not in result.output
    assert len(result.output) < 2000  # the message quotes the input shortened


@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize(
    "template",
    ["/points/{}", "/meridians/{}", "/regions/{}", "/vessels/{}", "/complaints/{}",
     "/search?q={}", "/candidates?complaint={}", "/candidates?complaint=back%20pain&level={}",
     "/points?meridian={}", "/points?region={}"],
)  # fmt: skip
def test_http_routes_are_fast_on_1mb(template: str, kind: str) -> None:
    # straight to the ASGI app: HTTP clients refuse URLs this long before sending
    scope = _scope(template.format(quote(INPUTS[kind], safe="")))
    start = time.perf_counter()
    status, body = asyncio.run(_get(scope))
    assert time.perf_counter() - start < LIMIT
    assert status in (404, 414, 422), body[:200]
    assert len(body) < 4000


_apps: list[Any] = []


def _scope(url: str) -> dict[str, Any]:
    from urllib.parse import unquote

    path, _, query = url.partition("?")
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": unquote(path), "raw_path": path.encode(), "root_path": "",
        "query_string": query.encode(), "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 1), "server": ("test", 80),
    }  # fmt: skip


async def _get(scope: dict[str, Any]) -> tuple[int, bytes]:
    if not _apps:
        from acupoints.server import create_app

        _apps.append(create_app())
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await _apps[0](scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body
