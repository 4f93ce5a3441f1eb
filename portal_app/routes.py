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
UNLOCK = "/freischalten"
PIN_REQUEST = "/freischalten/neue-pin"
WELCOME = "/willkommen"
WELCOME_LOGIN = "/willkommen?schritt=anmelden"
NOT_FOUND = "404"  # Reflex's slug for its not-found page


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


# --- documents, Vorlagen, SEPA (issue 4) -------------------------------------------------------
DOCUMENTS = "/dokumente"
VORLAGEN = "/vorlagen"
SEPA = "/sepa"
