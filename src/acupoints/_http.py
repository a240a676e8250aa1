"""The HTTP layer around the API's routes: limits, caching, compression, CORS.

A pure ASGI middleware, so it runs before any routing or parsing:

* request targets longer than :data:`MAX_TARGET` bytes are refused (414)
  before FastAPI parses the path or the query;
* only ``GET``, ``HEAD`` and ``OPTIONS`` exist; ``HEAD`` answers what ``GET``
  would, without the body; ``OPTIONS`` answers a CORS preflight;
* every answer is deterministic (the atlas is read-only), so each is kept as
  bytes, with a strong ``ETag`` and its gzip form, in a bounded cache: a
  repeated request costs a dictionary lookup; ``If-None-Match`` gets 304;
* every answer carries ``Cache-Control``, ``X-Content-Type-Options: nosniff``
  and the CORS headers of the configured origins.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

__all__ = ["MAX_TARGET", "HardenedHTTP", "server_options"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_TARGET = 4096
"""The longest request target (path and query, in bytes) that is looked at."""

_METHODS = b"GET, HEAD, OPTIONS"
_GZIP_MIN = 1024
_CACHE_ENTRIES = 4096
_CACHE_BYTES = 64 << 20
_CACHEABLE = {200, 404, 409, 422}


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    content_type: bytes
    body: bytes
    etag: bytes
    gzipped: bytes | None
    gzip_etag: bytes

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


def _answer(status: int, content_type: bytes, body: bytes) -> _Answer:
    digest = hashlib.blake2b(body, digest_size=16).hexdigest().encode()
    compressible = content_type.startswith((b"application/json", b"text/"))
    gzipped = gzip.compress(body, 6, mtime=0) if compressible and len(body) >= _GZIP_MIN else None
    return _Answer(status, content_type, body, b'"' + digest + b'"', gzipped, b'"' + digest + b'-gzip"')


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None


def _accepts_gzip(value: bytes | None) -> bool:
    if not value:
        return False
    for part in value.lower().split(b","):
        token, _, params = part.strip().partition(b";")
        if token.strip() in (b"gzip", b"*"):
            q = params.strip()
            return not (q.startswith(b"q=") and q[2:].strip(b" 0.") == b"")
    return False


def _matches(if_none_match: bytes, etags: Iterable[bytes]) -> bool:
    wanted = {tag.strip().removeprefix(b"W/") for tag in if_none_match.split(b",")}
    return b"*" in wanted or any(tag in wanted for tag in etags)


class HardenedHTTP:
    """Wraps an ASGI app with the limits, cache and headers described above.

    ``cors_origins``: ``("*",)`` (the default: the data is public and
    read-only) or the exact origins allowed to read the API from a browser.
    ``max_age``: seconds a 200 answer may be cached by clients and proxies.
    """

    def __init__(self, app: ASGIApp, *, cors_origins: Iterable[str] = ("*",), max_age: int = 3600) -> None:
        self.app = app
        origins = tuple(cors_origins)
        self.any_origin = "*" in origins
        self.origins = {o.encode() for o in origins}
        self.max_age = max_age
        self.cache: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self.cached_bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        origin = _header(scope, b"origin")
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if target > MAX_TARGET:
            body = b'{"detail":"request target too long","suggestions":[],"matches":[]}'
            await self._send(send, _answer(414, b"application/json", body), scope, origin, head=False)
            return
        if method == "OPTIONS":
            await self._preflight(send, scope, origin)
            return
        if method not in ("GET", "HEAD"):
            body = b'{"detail":"method not allowed: this API is read-only","suggestions":[],"matches":[]}'
            answer = _answer(405, b"application/json", body)
            await self._send(send, answer, scope, origin, head=False, extra=[(b"allow", _METHODS)])
            return
        key = (scope["path"], bytes(scope.get("query_string", b"")))
        cached = self.cache.get(key)
        if cached is None:
            cached = await self._run(scope, receive)
            self._keep(key, cached)
        await self._send(send, cached, scope, origin, head=method == "HEAD")

    async def _run(self, scope: Scope, receive: Receive) -> _Answer:
        inner = dict(scope)
        inner["method"] = "GET"
        # the app sees no conditional or encoding headers: this layer does both
        inner["headers"] = [
            (k, v) for k, v in scope.get("headers", ()) if k not in (b"if-none-match", b"accept-encoding")
        ]
        status = 500
        content_type = b"application/json"
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            nonlocal status, content_type
            if message["type"] == "http.response.start":
                status = message["status"]
                for name, value in message.get("headers", ()):
                    if name.lower() == b"content-type":
                        content_type = bytes(value)
            elif message["type"] == "http.response.body":
                chunks.append(bytes(message.get("body", b"")))

        await self.app(inner, receive, collect)
        return _answer(status, content_type, b"".join(chunks))

    def _keep(self, key: tuple[str, bytes], answer: _Answer) -> None:
        if answer.status not in _CACHEABLE or answer.size > _CACHE_BYTES // 8:
            return
        self.cache[key] = answer
        self.cached_bytes += answer.size
        while len(self.cache) > _CACHE_ENTRIES or self.cached_bytes > _CACHE_BYTES:
            _, old = self.cache.popitem(last=False)
            self.cached_bytes -= old.size

    def _cors(self, origin: bytes | None) -> list[tuple[bytes, bytes]]:
        if self.any_origin:
            return [(b"access-control-allow-origin", b"*"), (b"access-control-expose-headers", b"ETag")]
        headers = [(b"vary", b"Origin")]
        if origin is not None and origin in self.origins:
            headers += [(b"access-control-allow-origin", origin), (b"access-control-expose-headers", b"ETag")]
        return headers

    async def _preflight(self, send: Send, scope: Scope, origin: bytes | None) -> None:
        headers = [
            *self._cors(origin),
            (b"access-control-allow-methods", _METHODS),
            (b"access-control-max-age", b"86400"),
            (b"allow", _METHODS),
            (b"x-content-type-options", b"nosniff"),
            (b"content-length", b"0"),
        ]
        requested = _header(scope, b"access-control-request-headers")
        if requested:
            headers.append((b"access-control-allow-headers", requested[:512]))
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _send(
        self,
        send: Send,
        answer: _Answer,
        scope: Scope,
        origin: bytes | None,
        *,
        head: bool,
        extra: list[tuple[bytes, bytes]] | None = None,
    ) -> None:
        zipped = answer.gzipped is not None and _accepts_gzip(_header(scope, b"accept-encoding"))
        body = answer.gzipped if zipped and answer.gzipped is not None else answer.body
        etag = answer.gzip_etag if zipped else answer.etag
        fresh = b"public, max-age=%d" % self.max_age if answer.status == 200 else b"no-cache"
        headers = [
            (b"content-type", answer.content_type),
            (b"etag", etag),
            (b"cache-control", fresh),
            (b"x-content-type-options", b"nosniff"),
            *self._cors(origin),
            *(extra or ()),
        ]
        if answer.gzipped is not None:
            headers.append((b"vary", b"Accept-Encoding"))
        if zipped:
            headers.append((b"content-encoding", b"gzip"))
        status = answer.status
        condition = _header(scope, b"if-none-match")
        if status == 200 and condition is not None and _matches(condition, (answer.etag, answer.gzip_etag)):
            status, body, head = 304, b"", True
            headers = [h for h in headers if h[0] not in (b"content-type", b"content-encoding")]
        else:
            headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if head else body})


def server_options(host: str, port: int, max_connections: int = 256) -> dict[str, Any]:
    """uvicorn's settings for ``acupoints serve``: bounded requests and concurrency, no banner."""
    return {
        "host": host,
        "port": port,
        "log_level": "info",
        "server_header": False,
        "limit_concurrency": max_connections,
        "backlog": 2 * max_connections,
        "timeout_keep_alive": 5,
        # h11, not httptools even when installed: h11 bounds the request line and headers
        "http": "h11",
        # the longest request line and headers h11 buffers (requests are GETs with short URLs)
        "h11_max_incomplete_event_size": 16 * 1024,
    }
