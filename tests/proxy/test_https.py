"""What the proxy adds and guards, on the wire: pages over HTTPS with HSTS (once), plain HTTP
redirected to HTTPS, /healthz answering through it, the upload body limit that matches the
portal's cap, and systemd units that systemd accepts."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import subprocess

from portal_app.settings import load_settings
from portal_app.state.documents import MAX_FILES
from tests.proxy.conftest import DEPLOY, ROOT, insecure_context

HSTS = "max-age=31536000; includeSubDomains"
MB = 1024 * 1024


def request(port: int, method: str, path: str, headers: dict | None = None, tls: bool = True):
    """One request; the response's status, headers (all values of each) and body."""
    if tls:
        connection = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=30, context=insecure_context()
        )
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_pages_come_over_https_with_hsts_once(nginx, ports):
    for path in ("/", "/anmelden/", "/kurse/"):
        status, headers, body = request(ports["https"], "GET", path)
        assert status == 200, path
        assert b"<html" in body
        assert headers.get_all("Strict-Transport-Security") == [HSTS], path
        assert headers["Server"] == "nginx"  # no version number


def test_the_portals_redirects_stay_on_https_and_the_port(nginx, ports):
    status, headers, _ = request(ports["https"], "GET", "/anmelden?next=/konto")
    assert status == 307
    assert headers["Location"] == f"{nginx}/anmelden/?next=/konto"


def test_nginx_own_answers_carry_hsts_too(nginx, ports):
    status, headers, _ = request(ports["https"], "POST", "/kurse", {"Content-Length": str(2 * MB)})
    assert status == 413
    assert headers.get_all("Strict-Transport-Security") == [HSTS]


def test_plain_http_is_redirected_to_https_on_the_configured_name(nginx, ports):
    status, headers, _ = request(
        ports["http"], "GET", "/kurse?seite=2", {"Host": "evil.example"}, tls=False
    )
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/kurse?seite=2"


def test_healthz_answers_through_the_proxy_uncached(nginx, ports):
    status, headers, body = request(ports["https"], "GET", "/healthz")
    assert status == 200, body
    answer = json.loads(body)
    assert answer["status"] == "ok"
    assert set(answer["checks"]) == {"database", "redis", "mail", "files"}
    assert headers["Cache-Control"] == "no-store"
    assert headers["Content-Type"] == "application/json"


def _upload_limit_mb() -> int:
    config = (DEPLOY / "nginx.conf").read_text("utf-8")
    block = re.search(r"location /_upload \{(.*?)\}", config, re.DOTALL).group(1)
    return int(re.search(r"client_max_body_size (\d+)m;", block).group(1))


def test_the_upload_limit_is_the_portals_cap_and_nginx_refuses_more(nginx, ports, portal_env):
    cap_mb = MAX_FILES * load_settings(portal_env).upload_max_bytes // MB
    assert _upload_limit_mb() == cap_mb + 1  # ten full files and the form around them

    too_much = {"Content-Length": str((cap_mb + 2) * MB), "Content-Type": "multipart/form-data"}
    status, _, _ = request(ports["https"], "POST", "/_upload", too_much)
    assert status == 413  # refused before a byte of the body travels


def test_systemd_accepts_the_unit_files(tmp_path, unit):
    """`systemd-analyze verify` on the units with this checkout's paths (it checks that every
    directive is known and the programs exist)."""
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze (Debian package systemd) is needed to check the units"
    service = unit["Service"]
    env_file = tmp_path / "portal.env"
    env_file.write_text((DEPLOY / "portal.env.example").read_text("utf-8"), encoding="utf-8")
    names = ["kundenportal.service", "kundenportal-backup.service", "kundenportal-backup.timer"]
    for name in names:
        text = (DEPLOY / name).read_text("utf-8")
        text = text.replace(service["WorkingDirectory"], str(ROOT))
        text = text.replace(service["EnvironmentFile"], str(env_file))
        text = re.sub(r"^(User|Group)=.*$", r"\1=root", text, flags=re.MULTILINE)
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run([analyze, "verify", *names], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr
