"""The portal as a chamber runs it: started the way `deploy/kundenportal.service` starts it
(its ExecStart, the settings of `deploy/portal.env.example` with this machine's paths and
ports), behind Debian's nginx with `deploy/nginx.conf` and a self-signed certificate.

Runs as a pytest invocation of its own (`make test` does), because the server fixtures are
session-wide and every suite builds into the same `.web` directory. nginx runs in the
foreground as a child of the tests, with its own prefix, pid and log files in a temp dir.
"""

import os

os.environ.setdefault("PORTAL_DEMO", "1")  # the tests import portal_app (texts, settings)

import configparser
import re
import secrets
import signal
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e import conftest as e2e
from tests.e2e.conftest import (  # noqa: F401
    betrieb,
    browser_type_launch_args,
    issue_pin,
    mail_sink,
    no_console_errors,
    portal_cli,
    portal_work,
    pytest_runtest_makereport,
    screenshot,
)
from tests.mailsink import free_port
from tests.reflex_server import running

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
NGINX = Path("/usr/sbin/nginx")
PUBLIC_NAME = "portal.hwk-musterstadt.example"


def read_unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # systemd's keys are case-sensitive
    unit.read(path, encoding="utf-8")
    return unit


def read_env_file(path: Path) -> dict[str, str]:
    """VARIABLE=value lines as systemd's EnvironmentFile reads them (comments, quotes)."""
    found = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("=")
        found[name] = value.strip('"')
    return found


def replaced(text: str, old: str, new: str, count: int) -> str:
    """`text` with `old` → `new`; fails if `old` does not occur `count` times (a changed
    deploy file must not silently escape the test)."""
    assert text.count(old) == count, f"deploy/nginx.conf: expected {count}× {old!r}"
    return text.replace(old, new)


def nginx_site(https_port: int, http_port: int, portal_port: int, work: Path) -> str:
    """deploy/nginx.conf for this machine: loopback ports, the test's certificate and logs."""
    site = (DEPLOY / "nginx.conf").read_text("utf-8")
    site = replaced(site, "server 127.0.0.1:3000;", f"server 127.0.0.1:{portal_port};", 1)
    site = replaced(site, "listen 80;", f"listen 127.0.0.1:{http_port};", 1)
    site = replaced(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;", 1)
    site, ipv6 = re.subn(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
    assert ipv6 == 2
    live = f"/etc/letsencrypt/live/{PUBLIC_NAME}"
    site = replaced(site, f"{live}/fullchain.pem", str(work / "cert.pem"), 1)
    site = replaced(site, f"{live}/privkey.pem", str(work / "key.pem"), 1)
    site = replaced(site, "/var/log/nginx/", f"{work}/", 2)
    return replaced(site, PUBLIC_NAME, "127.0.0.1", 2)


def nginx_main(site: str, work: Path) -> str:
    """The main configuration Debian's /etc/nginx/nginx.conf would be, around the site."""
    temp = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    # As root, workers would switch to "nobody", who may not write the temp dirs here.
    user = "user root;\n" if os.getuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {work}/nginx.pid;\n"
        f"error_log {work}/error.log info;\nevents {{ worker_connections 256; }}\n"
        f"http {{\n{temp}\naccess_log {work}/access.log;\n{site}\n}}\n"
    )


def self_signed_certificate(work: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip


def insecure_context() -> ssl.SSLContext:
    """TLS that accepts the test's self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def wait_for_tls(port: int, process: subprocess.Popen, log: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited:\n{log.read_text()[-3000:]}", pytrace=False)
        try:
            with (
                socket.create_connection(("127.0.0.1", port), timeout=2) as raw,
                insecure_context().wrap_socket(raw, server_hostname="127.0.0.1"),
            ):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nginx did not answer on {port}:\n{log.read_text()[-3000:]}", pytrace=False)


@pytest.fixture(scope="session")
def ports() -> dict[str, int]:
    return {"https": free_port(), "http": free_port(), "portal": free_port()}


@pytest.fixture(scope="session")
def public_url(ports) -> str:
    return f"https://127.0.0.1:{ports['https']}"


@pytest.fixture(scope="session")
def portal_db(portal_work) -> str:  # noqa: F811
    return f"sqlite:///{portal_work}/portal.db"


@pytest.fixture(scope="session")
def portal_env(portal_work, portal_db, mail_sink, ports, public_url) -> dict[str, str]:  # noqa: F811
    """The settings of deploy/portal.env.example; what belongs to this machine replaced."""
    env = e2e.portal_environment(portal_work, portal_db, mail_sink.port)
    env.update(read_env_file(DEPLOY / "portal.env.example"))
    env.update(
        {
            "PORTAL_DEMO": "0",
            "PORTAL_SECRET_KEY": secrets.token_urlsafe(48),
            "PORTAL_BASE_URL": public_url,
            "REFLEX_API_URL": public_url,
            "PORTAL_PORT": str(ports["portal"]),
            "REFLEX_DB_URL": portal_db,
            "PORTAL_FILES_DIR": str(portal_work / "dateien"),
            "PORTAL_SMTP_HOST": "127.0.0.1",
            "PORTAL_SMTP_PORT": str(mail_sink.port),
            "PORTAL_SMTP_STARTTLS": "0",
            "PORTAL_BCRYPT_ROUNDS": "4",  # quick tests; production keeps 12
            "PORTAL_HEALTH_MIN_FREE_MB": "1",  # whatever this machine's disk holds
        }
    )
    for variable in ("PORTAL_SMTP_USER", "PORTAL_SMTP_PASSWORD"):  # the test server has no login
        env.pop(variable)
    assert env["REFLEX_TRUSTED_PROXY_HOPS"] == "1"  # from the example: nginx is one hop
    return env


@pytest.fixture(scope="session")
def unit() -> configparser.ConfigParser:
    return read_unit(DEPLOY / "kundenportal.service")


@pytest.fixture(scope="session")
def portal_url(portal_env, portal_work, unit) -> str:  # noqa: F811
    """The portal started by the unit's ExecStart, in this checkout instead of /opt."""
    service = unit["Service"]
    start = Path(service["ExecStart"]).relative_to(service["WorkingDirectory"])
    log = portal_work / "portal.log"
    with running([ROOT / start], ROOT, int(portal_env["PORTAL_PORT"]), portal_env, log) as (
        url,
        _process,
    ):
        yield url


@pytest.fixture(scope="session")
def nginx_work(tmp_path_factory) -> Path:
    """nginx's prefix: configuration, certificate, pid and logs (access.log, error.log)."""
    return tmp_path_factory.mktemp("nginx")


@pytest.fixture(scope="session")
def nginx(ports, portal_url, nginx_work) -> str:
    """Debian's nginx with deploy/nginx.conf in front of the portal; yields its HTTPS URL."""
    if not os.access(NGINX, os.X_OK):
        pytest.fail(
            f"{NGINX} is missing: `scripts/setup.sh test` installs Debian's nginx.", pytrace=False
        )
    work = nginx_work
    self_signed_certificate(work)
    site = nginx_site(ports["https"], ports["http"], ports["portal"], work)
    (work / "nginx.conf").write_text(nginx_main(site, work), encoding="utf-8")
    log = work / "stderr.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        wait_for_tls(ports["https"], process, work / "error.log")
        yield f"https://127.0.0.1:{ports['https']}"
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: finish the open requests
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def base_url(nginx) -> str:
    return nginx


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "de-DE",
        "timezone_id": "Europe/Berlin",
        "ignore_https_errors": True,  # the test's self-signed certificate
    }
