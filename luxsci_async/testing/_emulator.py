"""``Emulator``: the app, its credentials and its server thread, as one object."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

import anyio.to_thread
import attrs

from .._assumptions import API_PREFIX
from .._routes.spec import Route
from ._app import EmulatorApp
from ._config import EmulatorConfig
from ._control import STATS_PATH
from ._server import ServerThread
from ._shapes import DOMAIN
from ._stats import EmulatorStats

if TYPE_CHECKING:
    from .. import LuxSci

USER_NAMES = ("admin", "alice", "bob", "carol")


def _derive(seed: int, what: str, size: int) -> str:
    return hashlib.sha256(f"luxsci-emulator/{seed}/{what}".encode()).hexdigest()[:size]


class Emulator:
    """A local LuxSci API: ``with Emulator(rows=100_000, seed=1) as emu: ...``.

    Keyword arguments are the fields of :class:`EmulatorConfig` (or pass ``config=``).
    Entering the context (``with`` or ``async with``) serves the app with uvicorn on an
    ephemeral loopback port in a background thread; without it, :attr:`app` still works
    in-process through an ASGI transport.
    """

    def __init__(
        self,
        *,
        config: EmulatorConfig | None = None,
        routes: Iterable[Route] | None = None,
        port: int = 0,
        **knobs: Any,
    ) -> None:
        self.config = config if config is not None else EmulatorConfig(**knobs)
        if config is not None and knobs:
            self.config = attrs.evolve(config, **knobs)
        seed = self.config.seed
        self.token: str = _derive(seed, "token", 16).upper()
        """The API integration's public token."""
        self.secret: str = _derive(seed, "secret", 40)
        """The API integration's secret key."""
        self.account: str = self.config.account or str(
            10_000 + int(_derive(seed, "acct", 6), 16) % 90_000
        )
        """The numeric account code."""
        self.users: dict[str, str] = {
            f"{name}@{DOMAIN}": f"{name}-{_derive(seed, name, 8)}" for name in USER_NAMES
        }
        """User logins (full e-mail addresses) mapped to their passwords."""
        self.app = EmulatorApp(
            self.config,
            token=self.token,
            secret=self.secret,
            account=self.account,
            users=self.users,
            routes=routes,
        )
        """The ASGI application (usable without sockets)."""
        self._port = port
        self._server: ServerThread | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` while serving."""
        if self._server is None:
            raise RuntimeError("the emulator is not serving: use `with Emulator() as emu:`")
        return f"http://{self._server.host}:{self._server.port}"

    @property
    def api_url(self) -> str:
        """``base_url`` plus the API prefix (``/perl/api/v2``)."""
        return self.base_url + API_PREFIX

    @property
    def stats_url(self) -> str:
        """``GET`` it for the stats as JSON (outside the API: never counted or limited)."""
        return self.base_url + STATS_PATH

    @property
    def stats(self) -> EmulatorStats:
        """A snapshot of the request counters."""
        return self.app.stats.snapshot()

    def reset_stats(self) -> None:
        """Zero the request counters."""
        self.app.stats.reset()

    def start(self) -> Emulator:
        """Serve on loopback in a background thread (idempotent)."""
        if self._server is None:
            server = ServerThread(self.app, port=self._port)
            server.start()
            self._server = server
        return self

    def stop(self) -> None:
        """Stop serving and wait for the server thread."""
        server, self._server = self._server, None
        if server is not None:
            server.stop()

    def client(self, **overrides: Any) -> LuxSci:
        """A ``LuxSci`` session for this emulator: account scope, or ``user=login`` scope."""
        from .. import LuxSci

        settings: dict[str, Any] = {"token": self.token, "secret": self.secret}
        if "user" in overrides:
            overrides.setdefault("password", self.users.get(overrides["user"]))
        else:
            settings["account"] = self.account
        if self._server is not None:
            settings["base_url"] = self.base_url
        else:
            from .._http import asgi_transport

            settings.update(base_url="http://127.0.0.1", transport=asgi_transport(self.app))
        settings.update(overrides)
        return LuxSci(**settings)

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> Emulator:
        return await anyio.to_thread.run_sync(self.start)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await anyio.to_thread.run_sync(self.stop)

    def __repr__(self) -> str:
        where = self.base_url if self._server is not None else "not serving"
        return f"<Emulator account={self.account} rows={self.config.rows} {where}>"


def credentials(emulator: Emulator) -> Mapping[str, Any]:
    """What the command line prints: where it serves and its own test credentials."""
    return {
        "base_url": emulator.base_url,
        "api_url": emulator.api_url,
        "stats_url": emulator.stats_url,
        "token": emulator.token,
        "secret": emulator.secret,
        "account": emulator.account,
        "users": dict(emulator.users),
        # What a worker process needs to build an account-scope session from its environment.
        "env": {
            "LUXSCI_BASE_URL": emulator.base_url,
            "LUXSCI_TOKEN": emulator.token,
            "LUXSCI_SECRET": emulator.secret,
            "LUXSCI_ACCOUNT": emulator.account,
        },
    }
