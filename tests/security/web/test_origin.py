"""Only the portal's own pages may talk to its backend. `SameSite=Strict` does not separate
origins of one site: a page on the same host at another port gets the member's cookie sent
along. So the websocket refuses a handshake from another `Origin`, and HTTP answers carry no
CORS permission for one."""

from __future__ import annotations

import contextlib
import http.server
import threading

import pytest
import socketio
from playwright.sync_api import Page, expect

from tests.e2e import flows
from tests.mailsink import free_port
from tests.reflex_wire import ReflexWire
from tests.security.web.test_headers import fetch

FOREIGN = "http://evil.example"


def test_the_websocket_refuses_a_foreign_origin_and_takes_the_own(portal_url):
    with (
        pytest.raises(socketio.exceptions.ConnectionError),
        ReflexWire(portal_url, headers={"Origin": FOREIGN}),
    ):
        pass
    with ReflexWire(portal_url, headers={"Origin": portal_url}) as own:
        assert own.client.connected


def test_http_answers_give_no_cors_permission_to_a_foreign_origin(portal_url):
    _status, foreign, _body = fetch(f"{portal_url}/ping", headers={"Origin": FOREIGN})
    assert foreign.get("access-control-allow-origin") is None
    _status, own, _body = fetch(f"{portal_url}/ping", headers={"Origin": portal_url})
    assert own.get("access-control-allow-origin") == portal_url


ATTACK = """<!doctype html><meta charset="utf-8"><title>Nebenan</title><p id="ergebnis">…</p>
<script>
const portal = "%(portal)s";
const results = [];
function done(part) {
  results.push(part);
  if (results.length < 2) return;
  document.getElementById("ergebnis").textContent = results.sort().join(" ");
}
const socket = new WebSocket(portal.replace("http", "ws") + "/_event/?EIO=4&transport=websocket");
socket.onmessage = () => done("socket:offen");
socket.onerror = () => done("socket:abgelehnt");
fetch(portal + "/ping", {credentials: "include"})
  .then(response => response.text()).then(() => done("http:gelesen"), () => done("http:gesperrt"));
</script>"""


@contextlib.contextmanager
def page_next_door(portal_url: str):
    """A page of another origin on the same host (another port): same site, other origin."""
    html = (ATTACK % {"portal": portal_url}).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def test_a_page_on_another_port_of_the_same_host_reads_nothing(page: Page, mail_sink, portal_url):
    flows.create_account(page, mail_sink)  # logged in
    with page_next_door(portal_url) as attacker:
        neighbour = page.context.new_page()  # its refused requests are expected console errors
        neighbour.goto(attacker)
        expect(neighbour.locator("#ergebnis")).to_have_text("http:gesperrt socket:abgelehnt")
