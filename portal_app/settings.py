"""Every setting of the portal, read from the environment once at import.

A missing or malformed value stops start-up with a message that names the variable, so an
operator never runs a half-configured portal. Tests build their own `Settings` with
`load_settings(environ)`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

DEMO_SECRET_KEY = "demo-modus-nicht-geheim-nur-fuer-die-vorfuehrung"  # noqa: S105 (demo only)
DEFAULT_DB_URL = "sqlite:///data/portal.db"


class SettingsError(ValueError):
    """A setting in the environment is missing or malformed."""


@dataclass(frozen=True)
class Settings:
    demo: bool
    base_url: str
    db_url: str
    port: int
    secret_key: str
    bcrypt_rounds: int
    session_idle_minutes: int
    session_absolute_hours: int
    smtp_host: str
    smtp_port: int
    smtp_user: str
    smtp_password: str
    smtp_starttls: bool
    mail_from: str
    mail_poll_seconds: float
    # where the online forms and course bookings go (department mailboxes)
    mail_contact: str = "kontakt@hwk.example"
    mail_consulting: str = "betriebsberatung@hwk.example"
    mail_register: str = "handwerksrolle@hwk.example"

    # --- documents, Vorlagen, SEPA ---
    files_dir: str = "data/dateien"
    upload_max_bytes: int = 20 * 1024 * 1024
    quota_bytes: int = 500 * 1024 * 1024
    creditor_id: str = "DE98ZZZ09999999999"
    # the footer names the backend process that serves the page (several workers)
    show_worker: bool = False

    # --- operations: health check limits; Redis is Reflex's setting, read here for the check ---
    redis_url: str = ""
    health_mail_max_minutes: int = 15
    health_min_free_mb: int = 1024

    @property
    def smtp_enabled(self) -> bool:
        return bool(self.smtp_host)


def _text(env: Mapping[str, str], name: str, default: str = "") -> str:
    return env.get(name, default).strip()


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = _text(env, name).lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "ja", "on"}:
        return True
    if raw in {"0", "false", "no", "nein", "off"}:
        return False
    raise SettingsError(f"{name}: expected 1/0, true/false or yes/no, got {raw!r}")


def _number(env: Mapping[str, str], name: str, default: float, low: float, high: float, kind=int):
    raw = _text(env, name)
    if not raw:
        return kind(default)
    try:
        value = kind(raw)
    except ValueError:
        raise SettingsError(f"{name}: expected a number, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}: must lie between {low} and {high}, got {value}")
    return value


def _base_url(env: Mapping[str, str], port: int) -> str:
    raw = _text(env, "PORTAL_BASE_URL") or f"http://127.0.0.1:{port}"
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.netloc or "?" in raw or "#" in raw:
        raise SettingsError(
            f"PORTAL_BASE_URL: expected an absolute http(s) URL such as "
            f"https://portal.hwk.example, got {raw!r}"
        )
    return raw.rstrip("/")


def _mail_from(env: Mapping[str, str]) -> str:
    raw = _text(env, "PORTAL_MAIL_FROM", "kundenportal@hwk.example")
    try:
        validate_email(raw, check_deliverability=False)
    except EmailNotValidError as error:
        raise SettingsError(f"PORTAL_MAIL_FROM: not an e-mail address ({error})") from None
    return raw


# --- department addresses of the online forms ------------------------------------------
DEPARTMENT_ADDRESSES = {
    "mail_contact": ("PORTAL_MAIL_KONTAKT", "kontakt@hwk.example"),
    "mail_consulting": ("PORTAL_MAIL_BETRIEBSBERATUNG", "betriebsberatung@hwk.example"),
    "mail_register": ("PORTAL_MAIL_HANDWERKSROLLE", "handwerksrolle@hwk.example"),
}


def _department_addresses(env: Mapping[str, str]) -> dict[str, str]:
    found = {}
    for field_name, (variable, default) in DEPARTMENT_ADDRESSES.items():
        raw = _text(env, variable, default) or default
        try:
            validate_email(raw, check_deliverability=False)
        except EmailNotValidError as error:
            raise SettingsError(f"{variable}: not an e-mail address ({error})") from None
        found[field_name] = raw
    return found


# --- documents, Vorlagen, SEPA --------------------------------------------------------

CREDITOR_ID = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$")
MB = 1024 * 1024


def creditor_id_valid(raw: str) -> bool:
    """SEPA creditor identifier: country, check digits (ISO 7064 mod 97-10 over the national
    part without the business code), business code, national identifier."""
    if not CREDITOR_ID.fullmatch(raw):
        return False
    rearranged = raw[7:] + raw[:2] + raw[2:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _creditor_id(env: Mapping[str, str]) -> str:
    raw = _text(env, "PORTAL_GLAEUBIGER_ID", "DE98ZZZ09999999999").replace(" ", "").upper()
    if not creditor_id_valid(raw):
        raise SettingsError(
            f"PORTAL_GLAEUBIGER_ID: not a valid SEPA creditor identifier "
            f"(e.g. DE98ZZZ09999999999), got {raw!r}"
        )
    return raw


def _files_dir(env: Mapping[str, str]) -> str:
    """The private store; never inside a directory the web server publishes."""
    raw = _text(env, "PORTAL_FILES_DIR", "data/dateien")
    store = Path(raw).resolve()
    public = [Path(_text(env, "REFLEX_UPLOADED_FILES_DIR", "uploaded_files")), Path("assets")]
    for published in (p.resolve() for p in public):
        if store == published or published in store.parents or store in published.parents:
            raise SettingsError(
                f"PORTAL_FILES_DIR: must lie outside the public directory {published}, got {raw!r}"
            )
    return raw


def _files_settings(env: Mapping[str, str]) -> dict:
    return {
        "files_dir": _files_dir(env),
        "upload_max_bytes": _number(env, "PORTAL_UPLOAD_MAX_MB", 20, 1, 1024) * MB,
        "quota_bytes": _number(env, "PORTAL_QUOTA_MB", 500, 1, 1024 * 1024) * MB,
        "creditor_id": _creditor_id(env),
    }


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read and check every setting; raise SettingsError naming the first bad variable."""
    env = os.environ if env is None else env
    demo = _flag(env, "PORTAL_DEMO", False)
    port = _number(env, "PORTAL_PORT", 3000, 1, 65535)
    secret_key = _text(env, "PORTAL_SECRET_KEY")
    if not secret_key:
        if not demo:
            raise SettingsError(
                "PORTAL_SECRET_KEY: required (at least 32 characters) unless PORTAL_DEMO=1; "
                "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        secret_key = DEMO_SECRET_KEY
    elif len(secret_key) < 32:
        raise SettingsError("PORTAL_SECRET_KEY: must be at least 32 characters long")
    smtp_host = _text(env, "PORTAL_SMTP_HOST")
    return Settings(
        demo=demo,
        base_url=_base_url(env, port),
        db_url=_text(env, "REFLEX_DB_URL", DEFAULT_DB_URL),
        port=port,
        secret_key=secret_key,
        bcrypt_rounds=_number(env, "PORTAL_BCRYPT_ROUNDS", 12, 4, 16),
        session_idle_minutes=_number(env, "PORTAL_SESSION_IDLE_MINUTES", 30, 1, 24 * 60),
        session_absolute_hours=_number(env, "PORTAL_SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 30),
        smtp_host=smtp_host,
        smtp_port=_number(env, "PORTAL_SMTP_PORT", 587, 1, 65535),
        smtp_user=_text(env, "PORTAL_SMTP_USER"),
        smtp_password=env.get("PORTAL_SMTP_PASSWORD", ""),
        smtp_starttls=_flag(env, "PORTAL_SMTP_STARTTLS", True),
        mail_from=_mail_from(env),
        mail_poll_seconds=_number(env, "PORTAL_MAIL_POLL_SECONDS", 2.0, 0.1, 600, kind=float),
        **_department_addresses(env),
        **_files_settings(env),
        show_worker=_flag(env, "PORTAL_SHOW_WORKER", False),
        **_operations_settings(env),
    )


# --- operations: health check limits ------------------------------------------------------
def _operations_settings(env: Mapping[str, str]) -> dict:
    return {
        "redis_url": _text(env, "REFLEX_REDIS_URL"),
        "health_mail_max_minutes": _number(env, "PORTAL_HEALTH_MAIL_MAX_MINUTES", 15, 1, 24 * 60),
        "health_min_free_mb": _number(env, "PORTAL_HEALTH_MIN_FREE_MB", 1024, 0, 1024 * 1024),
    }


try:
    settings = load_settings()
except SettingsError as error:
    raise SystemExit(f"Konfigurationsfehler / configuration error: {error}") from None
