"""Security headers on every response of the production server (pages, scripts, styles, API,
cookie endpoints, 404), a CSP without unsafe script sources that still lets the app run, and
the browser actually enforcing it."""

import base64
import hashlib
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from portal_app import texts
from portal_app.web.security_headers import INLINE_SCRIPT
from tests.e2e import flows

EXPECTED = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, headers: dict | None = None, follow: bool = False):
    """status, headers and body of one response (redirects followed only if asked)."""
    opener = urllib.request.build_opener(*([] if follow else [_NoRedirect]))
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (local server)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _csp(headers) -> dict[str, list[str]]:
    policy = headers.get("content-security-policy", "")
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def _asset_paths(base: str) -> list[str]:
    _, _, body = fetch(base + "/")
    scripts = re.findall(r'src="(/assets/[^"]+\.js)"', body.decode()) or re.findall(
        r'"(/assets/[^"]+\.js)"', body.decode()
    )
    return [scripts[0], "/portal.css", "/favicon.ico"]


@pytest.fixture(scope="module")
def paths(portal_url) -> list[str]:
    return ["/", "/anmelden", "/konto", "/ping", "/gibt-es-nicht", "/sitzung/start?code=x",
            "/sitzung/ende", *_asset_paths(portal_url)]  # fmt: skip


def test_every_kind_of_response_carries_the_headers(portal_url, paths):
    for path in paths:
        status, headers, _ = fetch(portal_url + path)
        for name, value in EXPECTED.items():
            assert headers.get(name) == value, f"{path} ({status}): {name}={headers.get(name)}"
        csp = _csp(headers)
        assert csp.get("frame-ancestors") == ["'none'"], path
        assert csp.get("default-src") == ["'self'"], path
        script_sources = csp.get("script-src", [])
        assert "'self'" in script_sources, path
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(script_sources), path


def test_every_inline_script_of_a_page_is_allowed_by_its_hash(portal_url):
    for path in ("/", "/anmelden", "/passwort-vergessen", "/gibt-es-nicht"):
        _, headers, body = fetch(portal_url + path, follow=True)
        allowed = set(_csp(headers)["script-src"])
        inline = INLINE_SCRIPT.findall(body.decode())
        assert inline, f"{path}: expected the build's inline scripts"
        for script in inline:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in allowed, f"{path}: {script[:60]!r}"


def test_the_browser_refuses_an_injected_inline_script(new_context, portal_url):
    page = new_context().new_page()  # its own page: the refusal is a console error on purpose
    refusals = []
    page.on("console", lambda m: refusals.append(m.text) if "Content Security" in m.text else 0)
    flows.open_page(page, "/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.eingeschleust = true'; document.body.appendChild(s); }"
    )
    assert page.evaluate("() => window.eingeschleust === undefined")
    page.wait_for_timeout(200)
    assert refusals, "the browser reported no CSP refusal"


def test_the_portal_works_under_the_policy(page: Page, mail_sink):
    # The autouse fixture fails this test on any console error, CSP refusals included.
    email = flows.create_account(page, mail_sink)
    expect(page.get_by_text(email)).to_be_visible()
    flows.open_page(page, "/hilfe")
    page.get_by_text(texts.FAQ[0][0]).click()
    flows.logout(page)
