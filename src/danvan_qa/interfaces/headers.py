"""Security headers on every response of the web chat.

The page must not be framed by another site (clickjacking), a file must not be read as
another type than it is sent as, and the page may load and talk to its own server only.
Gradio's page needs inline scripts and styles (its configuration and its theme are written
into the page), and Gradio 6's HTML component compiles its template with `Function()`, which
needs 'unsafe-eval' (without it the sources panel shows an EvalError instead of the sources);
those are allowed, and nothing from another origin is.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
_RAW = [(name.encode(), value.encode()) for name, value in HEADERS.items()]

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware that sets HEADERS on each HTTP response, replacing any of the same name.

    Plain ASGI rather than Starlette's BaseHTTPMiddleware, which would buffer Gradio's
    streamed answers (server-sent events).
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower().decode() not in HEADERS]
                message = {**message, "headers": kept + _RAW}
            await send(message)

        await self.app(scope, receive, send_with_headers)
