"""Speak Reflex's websocket event protocol directly, as a crafted client would: call any public
event handler with any payload, outside the page that normally sends it."""

from __future__ import annotations

import queue
import socket
import ssl
import time
import uuid
from urllib.parse import urlsplit

import socketio

ROOT_STATE = "reflex___state____state"
SESSION_STATE = f"{ROOT_STATE}.portal_app___state___session____session_state"


def _connected_socket(base_url: str, source_address: str) -> socket.socket:
    """A connection to the server from a chosen local address (127.0.0.2 is another client
    than 127.0.0.1 to a proxy); TLS without checking the test's self-signed certificate."""
    parts = urlsplit(base_url)
    connection = socket.create_connection(
        (parts.hostname, parts.port), timeout=10, source_address=(source_address, 0)
    )
    if parts.scheme != "https":
        return connection
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context.wrap_socket(connection, server_hostname=parts.hostname)


class ReflexWire:
    def __init__(
        self,
        base_url: str,
        cookie: str = "",
        headers: dict[str, str] | None = None,
        source_address: str = "",
    ):
        self.base_url = base_url
        self.cookie = cookie
        self.headers = headers or {}
        self.source_address = source_address
        self.updates: queue.Queue = queue.Queue()
        self.token = ""
        self.hydrated: list[dict] = []
        self.client = self._new_client()

    def _new_client(self) -> socketio.Client:
        extra = (
            {"socket": _connected_socket(self.base_url, self.source_address)}
            if self.source_address
            else {}
        )
        if "Origin" in self.headers:  # websocket-client sends the URL's own unless told
            extra["origin"] = self.headers["Origin"]
        client = socketio.Client(
            reconnection=False,
            ssl_verify=not self.base_url.startswith("https://"),  # the tests' own certificates
            websocket_extra_options=extra,
        )
        client.on("event", self.updates.put, namespace="/_event")
        return client

    def __enter__(self) -> ReflexWire:
        try:
            self._connect()
        except socketio.exceptions.ConnectionError:
            # python-socketio's client now and then reports "Unexpected connection error" for
            # a socket made beforehand (source_address); a browser would simply reconnect
            self.client = self._new_client()
            self._connect()
        self.hydrated = self._drain()  # the page's first updates: hydration and its on_load
        return self

    def _connect(self) -> None:
        router = {"pathname": "/", "asPath": "/"}
        hydrate = {
            "name": f"{ROOT_STATE}.hydrate_and_load",
            "payload": {},
            "router_data": router,
        }
        self.token = str(uuid.uuid4())  # the tab's client token (uploads name it too)
        self.client.connect(
            f"{self.base_url}?token={self.token}",
            socketio_path="/_event",
            namespaces=["/_event"],
            transports=["websocket"],
            headers={
                **{name: value for name, value in self.headers.items() if name != "Origin"},
                **({"Cookie": self.cookie} if self.cookie else {}),
            },
            auth={"event": hydrate, "state_schema": None},
            wait_timeout=10,
        )

    def __exit__(self, *exc) -> None:
        self.client.disconnect()

    def _drain(self, first_within: float = 10, quiet: float = 0.5) -> list[dict]:
        """Updates until the server has been quiet for `quiet` seconds."""
        received = []
        timeout = first_within
        while True:
            try:
                received.append(self.updates.get(timeout=timeout))
            except queue.Empty:
                return received
            timeout = quiet

    def _emit(self, handler: str, payload: dict | None, path: str, query=None) -> None:
        router = {"pathname": path, "asPath": path}
        if query:  # a dynamic route's parameters, as the browser sends them
            router["query"] = dict(query)
        self.client.emit(
            "event",
            {
                "name": handler,
                "payload": payload or {},
                "router_data": router,
            },
            namespace="/_event",
        )

    def send(self, handler: str, payload: dict | None = None, path: str = "/") -> None:
        """Send one event without waiting for what it causes."""
        self._emit(handler, payload, path)

    def call(
        self, handler: str, payload: dict | None = None, path: str = "/", query=None
    ) -> list[dict]:
        """Send one event and return the updates it caused (`query`: the route's parameters,
        e.g. {"kurs_id": "7"} for /verwaltung/kurse/7)."""
        self._emit(handler, payload, path, query)
        return self._drain()

    def timed_call(
        self, handler: str, payload: dict | None = None, path: str = "/", quiet: float = 0
    ) -> tuple[float, list[dict]]:
        """Seconds from sending one event to its first state update, and all its updates."""
        started = time.perf_counter()
        self._emit(handler, payload, path)
        first = self.updates.get(timeout=60)
        elapsed = time.perf_counter() - started
        return elapsed, [first, *self._drain(first_within=quiet, quiet=quiet)]

    def round_trip(self, handler: str, payload: dict | None = None, path: str = "/") -> float:
        """Seconds from sending one event to receiving the state update it caused."""
        return self.timed_call(handler, payload, path)[0]


def events_of(updates: list[dict]) -> list[dict]:
    """The front-end events (redirects, toasts …) the server asked the browser to run."""
    return [event for update in updates for event in update.get("events", [])]
