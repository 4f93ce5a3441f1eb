"""Every URL of the portal, in one place."""

from urllib.parse import quote, urlsplit

HOME = "/"
REGISTER = "/registrieren"
REGISTER_CONFIRM = "/registrieren/bestaetigen"
LOGIN = "/anmelden"
ACCOUNT = "/konto"
HELP = "/hilfe"
IMPRINT = "/impressum"
PRIVACY = "/datenschutz"
CONTACT = "/kontakt"
DEMO_MAILBOX = "/demo/postfach"
NOT_FOUND = "404"  # Reflex's slug for its not-found page

# --- issue 5: courses, bookings, forms ----------------------------------------------------------
COURSES = "/kurse"
COURSE = "/kurse/[kurs_id]"
MY_BOOKINGS = "/konto/buchungen"
FORMS = "/formulare"
MY_REQUESTS = "/konto/anfragen"
# Pages of other issues the help answers link to (forgot password, unlock with a PIN).
PASSWORD_FORGOT = "/passwort-vergessen"  # noqa: S105 (a URL)
UNLOCK = "/freischalten"


def register_confirm(token: str) -> str:
    return f"{REGISTER_CONFIRM}?token={quote(token)}"


def login(next_path: str = "") -> str:
    return f"{LOGIN}?next={quote(next_path, safe='/')}" if next_path else LOGIN


def safe_next(next_path: str | None, default: str = ACCOUNT) -> str:
    """A `next` target only if it is a path on this site (no other host, no scheme tricks)."""
    if not next_path or len(next_path) > 200:
        return default
    cleaned = next_path.strip()
    parts = urlsplit(cleaned)
    if (
        not cleaned.startswith("/")
        or cleaned.startswith("//")
        or "\\" in cleaned
        or parts.scheme
        or parts.netloc
        or any(ord(char) < 32 for char in cleaned)
    ):
        return default
    return cleaned


# --- issue 5 builders ---------------------------------------------------------------------------


def course(course_id: int) -> str:
    return f"{COURSES}/{int(course_id)}"


def form(key: str) -> str:
    return f"{FORMS}/{quote(key)}"


def help_entry(anchor: str) -> str:
    return f"{HELP}#{quote(anchor)}"
