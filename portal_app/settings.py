"""Every setting of the portal, declared once and read from the environment once at import.

Each `Settings` attribute is declared with `setting(...)`: its environment variable, default,
bounds and a one-line meaning; its type is the attribute's annotation. `load_settings(env)` reads
the declarations in order (so a check may use a setting declared before it, like the demo mode),
and the README's settings table is checked against them (`markdown_table()` prints it).
A missing or malformed value stops start-up with a message that names the variable, so an
operator never runs a half-configured portal. Tests build their own `Settings` with
`load_settings(environ)`.
"""

import dataclasses
import os
import re
import string
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

DEMO_SECRET_KEY = "demo-modus-nicht-geheim-nur-fuer-die-vorfuehrung"  # noqa: S105 (demo only)
MB = 1024 * 1024


class SettingsError(ValueError):
    """A setting in the environment is missing or malformed."""


# A check gets the value read (stripped, converted, bounds checked), the environment and the
# values of the settings declared before it; it returns the value to keep or raises SettingsError.
Check = Callable[[typing.Any, Mapping[str, str], Mapping[str, typing.Any]], typing.Any]


@dataclass(frozen=True)
class Declaration:
    """One environment variable of the portal, as `setting(...)` declares it."""

    variable: str
    default: typing.Any  # in the variable's unit; a text may name `$PORTAL_…` declared before
    meaning: str  # one line, the README's "meaning" column
    low: float | None = None
    high: float | None = None
    allowed: str = ""  # what a text setting accepts, in words (numbers and flags say it themselves)
    unit: int = 1  # the attribute holds variable × unit (megabytes → bytes)
    check: Check | None = None
    note: str = ""  # shown after the default in the README, e.g. "`make run`: `1`"
    strip: bool = True  # a password keeps its spaces


def setting(variable: str, default: typing.Any, meaning: str, **more) -> typing.Any:
    """Declare a `Settings` attribute: read from `variable`, `default` when empty."""
    return dataclasses.field(metadata={"setting": Declaration(variable, default, meaning, **more)})


# --- checks of text settings -------------------------------------------------------------------


# Seen mostly by an operator command typed in a plain shell: says what to do, in German.
NO_KEY_HELP = (
    "PORTAL_SECRET_KEY fehlt (required unless PORTAL_DEMO=1).\n"
    "  Auf dem Entwicklungsrechner, mit dem Demo-Portal von `make run`: PORTAL_DEMO=1 "
    "voranstellen,\n  z. B. PORTAL_DEMO=1 .venv/bin/portal mail status\n"
    "  Auf dem Server: `kundenportal …` aufrufen (deploy/kundenportal); es liest die "
    "Einstellungen\n  des Portals aus /etc/kundenportal/portal.env.\n"
    "  Einen neuen Schlüssel (mindestens 32 Zeichen) erzeugt: "
    "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"
)


def _demo_key_or_long_secret(value: str, _env, read) -> str:
    if not value:
        if not read["demo"]:
            raise SettingsError(NO_KEY_HELP)
        return DEMO_SECRET_KEY
    if len(value) < 32:
        raise SettingsError("PORTAL_SECRET_KEY: must be at least 32 characters long")
    return value


def _absolute_http_url(value: str, _env, _read) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or "?" in value or "#" in value:
        raise SettingsError(
            f"PORTAL_BASE_URL: expected an absolute http(s) URL such as "
            f"https://portal.hwk.example, got {value!r}"
        )
    return value.rstrip("/")


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _demo_only_on_loopback(value: str, _env, read) -> str:
    """Demo mode needs no secret key and shows every mail at `/demo/postfach`: never public."""
    if read["demo"] and value not in LOOPBACK:
        raise SettingsError(
            f"PORTAL_HOST: demo mode (PORTAL_DEMO=1, or no PORTAL_SECRET_KEY with `make run`) "
            f"listens only on 127.0.0.1; set PORTAL_SECRET_KEY to listen on {value!r}"
        )
    return value


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, as a browser sends it in the `Origin` header."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def origin_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _origins(value: str, _env, _read) -> str:
    for origin in origin_list(value):
        parts = urlsplit(origin)
        if parts.scheme not in {"http", "https"} or not parts.netloc or origin_of(origin) != origin:
            raise SettingsError(
                f"PORTAL_ALLOWED_ORIGINS: expected origins such as https://portal.hwk.example "
                f"(scheme, host, port; no path), separated by commas, got {origin!r}"
            )
    return value


def _email_address(variable: str) -> Check:
    def check(value: str, _env, _read) -> str:
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError as error:
            raise SettingsError(f"{variable}: not an e-mail address ({error})") from None
        return value

    return check


CREDITOR_ID = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$")


def creditor_id_valid(raw: str) -> bool:
    """SEPA creditor identifier: country, check digits (ISO 7064 mod 97-10 over the national
    part without the business code), business code, national identifier."""
    if not CREDITOR_ID.fullmatch(raw):
        return False
    rearranged = raw[7:] + raw[:2] + raw[2:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _creditor_id(value: str, _env, _read) -> str:
    normalized = value.replace(" ", "").upper()
    if not creditor_id_valid(normalized):
        raise SettingsError(
            f"PORTAL_GLAEUBIGER_ID: not a valid SEPA creditor identifier "
            f"(e.g. DE98ZZZ09999999999), got {normalized!r}"
        )
    return normalized


# The chamber's own account for SEPA collections: empty outside demo mode until the operator
# sets it (the collection file is refused until then); demo mode fills in made-up values.
DEMO_CREDITOR_NAME = "Handwerkskammer Musterstadt (Demo)"
DEMO_CREDITOR_IBAN = "DE02120300000000202051"
DEMO_CREDITOR_BIC = "BYLADEM1001"
IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")
BIC_SHAPE = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")
SEPA_NAME = re.compile(r"^[A-Za-z0-9/?:().,'+\- ]{1,70}$")


def iban_valid(raw: str) -> bool:
    """Shape and check digits (ISO 13616 mod 97)."""
    if not IBAN_SHAPE.fullmatch(raw):
        return False
    rearranged = raw[4:] + raw[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _demo_default(
    variable: str, demo_value: str, valid: Callable, example: str, *, compact: bool = True
) -> Check:
    """Empty: the demo value in demo mode, else empty (the operator must set it); a value is
    checked (IBAN and BIC without spaces, in capitals)."""

    def check(value: str, _env, read) -> str:
        if not value:
            return demo_value if read["demo"] else ""
        normalized = value.replace(" ", "").upper() if compact else value
        if not valid(normalized):
            raise SettingsError(f"{variable}: expected e.g. {example}, got {value!r}")
        return normalized

    return check


def _private_directory(value: str, env, _read) -> str:
    """The private store; never inside a directory the web server publishes."""
    store = Path(value).resolve()
    public = [Path(reflex_setting("REFLEX_UPLOADED_FILES_DIR", env)), Path("assets")]
    for published in (p.resolve() for p in public):
        if store == published or published in store.parents or store in published.parents:
            raise SettingsError(
                f"PORTAL_FILES_DIR: must lie outside the public directory {published}, "
                f"got {value!r}"
            )
    return value


# --- the settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    demo: bool = setting(
        "PORTAL_DEMO", False, "demo mode: demo data, `/demo/postfach`, no secret key needed",
        note="`make run`: `1`",
    )  # fmt: skip
    secret_key: str = setting(
        "PORTAL_SECRET_KEY", "", "keys the hashes of session and link tokens",
        allowed="at least 32 characters", check=_demo_key_or_long_secret,
        note="required unless demo",
    )  # fmt: skip
    port: int = setting("PORTAL_PORT", 3000, "port of `make run`", low=1, high=65535)
    host: str = setting(
        "PORTAL_HOST", "127.0.0.1", "address `make run` listens on",
        allowed="IP address; demo mode only `127.0.0.1`", check=_demo_only_on_loopback,
    )  # fmt: skip
    base_url: str = setting(
        "PORTAL_BASE_URL", "http://127.0.0.1:$PORTAL_PORT",
        "public address, used for links in mails",
        allowed="absolute `http(s)://` URL", check=_absolute_http_url,
    )  # fmt: skip
    allowed_origins: str = setting(
        "PORTAL_ALLOWED_ORIGINS", "",
        "further origins whose pages may talk to the backend (besides `PORTAL_BASE_URL`'s)",
        allowed="`https://host[:port]`, comma-separated", check=_origins,
    )  # fmt: skip
    db_url: str = setting(
        "REFLEX_DB_URL", "sqlite:///data/portal.db",
        "database (`postgresql+psycopg://…`: see \"Betrieb mit PostgreSQL und Redis\")",
        allowed="SQLAlchemy URL",
    )  # fmt: skip
    bcrypt_rounds: int = setting(
        "PORTAL_BCRYPT_ROUNDS", 12, "bcrypt cost (keep ≥ 12 in production)", low=4, high=16
    )
    session_idle_minutes: int = setting(
        "PORTAL_SESSION_IDLE_MINUTES", 30, "a login ends after this long without activity",
        low=1, high=24 * 60,
    )  # fmt: skip
    session_absolute_hours: int = setting(
        "PORTAL_SESSION_ABSOLUTE_HOURS", 12, "and after this long in any case", low=1, high=24 * 30
    )
    staff_idle_minutes: int = setting(
        "PORTAL_STAFF_IDLE_MINUTES", 15,
        "a staff login (`/verwaltung`) ends after this long without activity", low=1, high=24 * 60,
    )  # fmt: skip
    staff_digest_minutes: int = setting(
        "PORTAL_STAFF_DIGEST_MINUTES", 60,
        "a department's staff get a mail about new inbox items at most this often",
        low=1, high=7 * 24 * 60,
    )  # fmt: skip
    device_days: int = setting(
        "PORTAL_DEVICE_DAYS", 365,
        "a browser stays known this long after its last login (others' failed logins do not "
        "hold it up)",
        low=1, high=3650,
    )  # fmt: skip
    smtp_host: str = setting(
        "PORTAL_SMTP_HOST", "", "mail server; without it mails stay in the outbox",
        allowed="host name",
    )  # fmt: skip
    smtp_port: int = setting("PORTAL_SMTP_PORT", 587, "port of the mail server", low=1, high=65535)
    smtp_user: str = setting("PORTAL_SMTP_USER", "", "SMTP login, if the server wants one")
    smtp_password: str = setting(
        "PORTAL_SMTP_PASSWORD", "", "SMTP password, if the server wants one", strip=False
    )
    smtp_starttls: bool = setting("PORTAL_SMTP_STARTTLS", True, "STARTTLS before login")
    mail_from: str = setting(
        "PORTAL_MAIL_FROM", "kundenportal@hwk.example", "sender address",
        allowed="e-mail address", check=_email_address("PORTAL_MAIL_FROM"),
    )  # fmt: skip
    mail_poll_seconds: float = setting(
        "PORTAL_MAIL_POLL_SECONDS", 2.0, "how often the delivery loop looks for due mails",
        low=0.1, high=600,
    )  # fmt: skip
    # where the online forms go (department mailboxes)
    mail_contact: str = setting(
        "PORTAL_MAIL_KONTAKT", "kontakt@hwk.example",
        "receives the contact form (Kontaktanfrage)",
        allowed="e-mail address", check=_email_address("PORTAL_MAIL_KONTAKT"),
    )  # fmt: skip
    mail_consulting: str = setting(
        "PORTAL_MAIL_BETRIEBSBERATUNG", "betriebsberatung@hwk.example",
        "receives \"Beratungstermin anfragen\"",
        allowed="e-mail address", check=_email_address("PORTAL_MAIL_BETRIEBSBERATUNG"),
    )  # fmt: skip
    mail_register: str = setting(
        "PORTAL_MAIL_HANDWERKSROLLE", "handwerksrolle@hwk.example",
        "receives \"Adressänderung melden\"",
        allowed="e-mail address", check=_email_address("PORTAL_MAIL_HANDWERKSROLLE"),
    )  # fmt: skip
    # --- course bookings: one account cannot fill a course or its waiting list ---
    bookings_per_course: int = setting(
        "PORTAL_BOOKINGS_PER_COURSE", 5,
        "active bookings (seats and waiting list) one account may hold in one course",
        low=1, high=1000,
    )  # fmt: skip
    bookings_per_day: int = setting(
        "PORTAL_BOOKINGS_PER_DAY", 10,
        "bookings one account may make within 24 hours (cancelled ones count)",
        low=1, high=10000,
    )  # fmt: skip
    # how many online forms may arrive an hour (services/forms.py)
    form_limit_per_client: int = setting(
        "PORTAL_FORM_LIMIT_PER_CLIENT", 5,
        "online forms one client address (a logged-in member: one account) may send an hour",
        low=1, high=1000,
    )  # fmt: skip
    form_limit_visitors: int = setting(
        "PORTAL_FORM_LIMIT_VISITORS", 100,
        "online forms all visitors together (not logged in) may send an hour",
        low=1, high=100000,
    )  # fmt: skip
    # --- documents, Vorlagen, SEPA ---
    files_dir: str = setting(
        "PORTAL_FILES_DIR", "data/dateien", "private file store of documents and Vorlagen",
        allowed="a directory outside `REFLEX_UPLOADED_FILES_DIR` and `assets/`",
        check=_private_directory,
    )  # fmt: skip
    upload_max_bytes: int = setting(
        "PORTAL_UPLOAD_MAX_MB", 20, "largest file (MB) a member may upload (also operator files)",
        low=1, high=1024, unit=MB,
    )  # fmt: skip
    quota_bytes: int = setting(
        "PORTAL_QUOTA_MB", 500, "storage (MB) for the uploads of one Betrieb or Person",
        low=1, high=1024 * 1024, unit=MB,
    )  # fmt: skip
    # --- Lehrvertrag online (services/lehrvertrag.py) ---
    lehrvertrag_past_days: int = setting(
        "PORTAL_LEHRVERTRAG_RUECKWIRKEND_TAGE", 30,
        "days a contract's start may lie in the past when it is submitted (0: today or later)",
        low=0, high=365,
    )  # fmt: skip
    creditor_id: str = setting(
        "PORTAL_GLAEUBIGER_ID", "DE98ZZZ09999999999", "the chamber's SEPA creditor identifier",
        allowed="creditor identifier, checksum verified", check=_creditor_id, note="demo",
    )  # fmt: skip
    creditor_name: str = setting(
        "PORTAL_GLAEUBIGER_NAME", "", "creditor name in the SEPA collection file",
        allowed="1–70 characters of the SEPA set (no umlauts)",
        note=f"demo: `{DEMO_CREDITOR_NAME}`",
        check=_demo_default(
            "PORTAL_GLAEUBIGER_NAME", DEMO_CREDITOR_NAME, SEPA_NAME.fullmatch,
            "Handwerkskammer Musterstadt", compact=False,
        ),
    )  # fmt: skip
    creditor_iban: str = setting(
        "PORTAL_GLAEUBIGER_IBAN", "", "the chamber's account the collections go to",
        allowed="IBAN, check digits verified", note=f"demo: `{DEMO_CREDITOR_IBAN}`",
        check=_demo_default(
            "PORTAL_GLAEUBIGER_IBAN", DEMO_CREDITOR_IBAN, iban_valid, DEMO_CREDITOR_IBAN
        ),
    )  # fmt: skip
    creditor_bic: str = setting(
        "PORTAL_GLAEUBIGER_BIC", "", "BIC of the chamber's bank",
        allowed="8 or 11 characters", note=f"demo: `{DEMO_CREDITOR_BIC}`",
        check=_demo_default(
            "PORTAL_GLAEUBIGER_BIC", DEMO_CREDITOR_BIC, BIC_SHAPE.fullmatch, DEMO_CREDITOR_BIC
        ),
    )  # fmt: skip
    sepa_lead_days: int = setting(
        "PORTAL_SEPA_VORLAUF_TAGE", 2,
        "TARGET2 business days between the day of the export and the earliest collection date",
        low=1, high=30,
    )  # fmt: skip
    show_worker: bool = setting(
        "PORTAL_SHOW_WORKER", False, "footer names the worker process serving the page"
    )
    # --- operations: Redis is Reflex's setting, read here for the health check ---
    redis_url: str = setting(
        "REFLEX_REDIS_URL", "",
        "Redis for several workers (see \"Betrieb mit PostgreSQL und Redis\")",
        allowed="`redis://…`",
    )  # fmt: skip
    health_mail_max_minutes: int = setting(
        "PORTAL_HEALTH_MAIL_MAX_MINUTES", 15,
        "`/healthz` fails when a mail has waited in the outbox longer",
        low=1, high=24 * 60,
    )  # fmt: skip
    health_min_free_mb: int = setting(
        "PORTAL_HEALTH_MIN_FREE_MB", 1024,
        "`/healthz` fails when the file store's disk has less free space",
        low=0, high=1024 * 1024,
    )  # fmt: skip

    @property
    def smtp_enabled(self) -> bool:
        return bool(self.smtp_host)

    @property
    def origins(self) -> tuple[str, ...]:
        """The origins whose pages may open the websocket and read HTTP answers: the base URL's
        (on a loopback address under each of its names), and the further ones declared."""
        own = origin_of(self.base_url)
        host = urlsplit(own).hostname
        names = [own]
        if host in LOOPBACK:
            names += [own.replace(host, other, 1) for other in LOOPBACK if other != "::1"]
        return tuple(dict.fromkeys([*names, *origin_list(self.allowed_origins)]))


# --- Reflex's own settings the portal documents (Reflex reads them) ----------------------------


@dataclass(frozen=True)
class ReflexSetting:
    variable: str
    default: str
    meaning: str
    allowed: str = ""
    shown: str = ""  # the README's default when it is more than a value


REFLEX_SETTINGS = (
    ReflexSetting(
        "GRANIAN_WORKERS", "", "backend worker processes", shown="1, with Redis 2 × cores + 1"
    ),
    ReflexSetting(
        "REFLEX_TRUSTED_PROXY_HOPS", "0",
        "reverse proxies in front whose `X-Forwarded-For` is trusted",
    ),
    ReflexSetting(
        "REFLEX_API_URL", "",
        "address the pages open the websocket and uploads at; behind nginx: as `PORTAL_BASE_URL`",
        shown="the portal's own port",
    ),
    ReflexSetting(
        "REFLEX_UPLOADED_FILES_DIR", "uploaded_files",
        "Reflex's public upload directory (served at `/_upload`; the portal stores nothing there)",
    ),
)  # fmt: skip


def reflex_setting(variable: str, env: Mapping[str, str]) -> str:
    """A Reflex setting the portal checks against, with Reflex's default."""
    declared = next(s for s in REFLEX_SETTINGS if s.variable == variable)
    return env.get(variable, "").strip() or declared.default


# --- reading -----------------------------------------------------------------------------------

_YES = {"1", "true", "yes", "ja", "on"}
_NO = {"0", "false", "no", "nein", "off"}


def declared() -> list[tuple[str, type, Declaration]]:
    """(attribute, type, declaration) of every setting, in the order declared."""
    types = typing.get_type_hints(Settings)
    return [(f.name, types[f.name], f.metadata["setting"]) for f in dataclasses.fields(Settings)]


def _convert(raw: str, kind: type, rule: Declaration):
    name = rule.variable
    if kind is bool:
        if raw.lower() in _YES:
            return True
        if raw.lower() in _NO:
            return False
        raise SettingsError(f"{name}: expected 1/0, true/false or yes/no, got {raw!r}")
    if kind in (int, float):
        try:
            value = kind(raw)
        except ValueError:
            raise SettingsError(f"{name}: expected a number, got {raw!r}") from None
        if not rule.low <= value <= rule.high:
            raise SettingsError(f"{name}: must lie between {rule.low} and {rule.high}, got {value}")
        return value
    return raw


def _read(env: Mapping[str, str], kind: type, rule: Declaration, by_variable: dict):
    raw = env.get(rule.variable, "")
    raw = raw.strip() if rule.strip else raw
    if raw:
        return _convert(raw, kind, rule)
    if isinstance(rule.default, str):  # a default may name a setting declared before it
        return string.Template(rule.default).substitute(by_variable)
    return rule.default


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read and check every setting; raise SettingsError naming the first bad variable."""
    env = os.environ if env is None else env
    values, by_variable = {}, {}
    for attribute, kind, rule in declared():
        value = _read(env, kind, rule, by_variable)
        if rule.check is not None:
            value = rule.check(value, env, values)
        by_variable[rule.variable] = value
        values[attribute] = value * rule.unit if rule.unit != 1 else value
    return Settings(**values)


# --- the README's table ------------------------------------------------------------------------


def _shown(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def documented() -> list[tuple[str, str, str, str]]:
    """The rows of the README's settings table: variable, default, allowed values, meaning."""
    rows = []
    for _attribute, kind, rule in declared():
        default = f"`{_shown(rule.default)}`" if _shown(rule.default) else "–"
        if rule.note:
            default += f" ({rule.note})"
        if kind is bool:
            allowed = "`1` or `0`"
        elif kind in (int, float):
            allowed = f"{_shown(rule.low)}–{_shown(rule.high)}"
        else:
            allowed = rule.allowed or "text"
        rows.append((f"`{rule.variable}`", default, allowed, rule.meaning))
    for reflex in REFLEX_SETTINGS:
        default = reflex.shown or (f"`{reflex.default}`" if reflex.default else "–")
        rows.append((f"`{reflex.variable}`", default, reflex.allowed or "–", reflex.meaning))
    return rows


def markdown_table() -> str:
    """The README's settings table, as the declarations make it."""
    lines = ["| variable | default | allowed | meaning |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in documented()]
    return "\n".join(lines)


try:
    settings = load_settings()
except SettingsError as error:
    raise SystemExit(f"Konfigurationsfehler / configuration error: {error}") from None
