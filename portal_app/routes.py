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
UNLOCK_FIRST = "/freischalten?zuerst=1"  # where unlocked services send members not yet unlocked
PIN_REQUEST = "/freischalten/neue-pin"
WELCOME = "/willkommen"
WELCOME_LOGIN = "/willkommen?schritt=anmelden"
NOT_FOUND = "404"  # Reflex's slug for its not-found page

# --- courses, bookings, forms ------------------------------------------------------------------
COURSES = "/kurse"
COURSE = "/kurse/[kurs_id]"
MY_BOOKINGS = "/konto/buchungen"
FORMS = "/formulare"
MY_REQUESTS = "/konto/anfragen"
POSTFACH = "/konto/postfach"
# a Betrieb's team (services/team.py): its people and roles; the invitation link's page
TEAM = "/konto/betrieb/[nummer]"
TEAM_INVITATION = "/konto/einladung"


def team(nummer: str) -> str:
    """The team page of a Betrieb, by its number as shown (TS-1234567-0)."""
    return f"/konto/betrieb/{quote(nummer, safe='')}"


def team_invitation(token: str) -> str:
    return f"{TEAM_INVITATION}?token={quote(token)}"


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


# --- builders of courses and forms ----------------------------------------------------------------


def course(course_id: int) -> str:
    return f"{COURSES}/{int(course_id)}"


def form(key: str) -> str:
    return f"{FORMS}/{quote(key)}"


def help_entry(anchor: str) -> str:
    return f"{HELP}#{quote(anchor)}"


# --- account self-service and security ----------------------------------------------------------
PASSWORD_FORGOTTEN = "/passwort-vergessen"
PASSWORD_RESET = "/passwort-zuruecksetzen"
ACCOUNT_PASSWORD = "/konto/passwort"
ACCOUNT_DELETE = "/konto/loeschen"
ACCOUNT_SESSIONS = "/konto/sitzungen"
ACCOUNT_SECOND_FACTOR = "/konto/zweiter-faktor"
ACCOUNT_DELETED = "/konto-geloescht"
ACCOUNT_EMAIL = "/konto/email"  # change of the login address
EMAIL_CONFIRM = "/email-bestaetigen"  # the link to the new address
EMAIL_UNDO = "/email-zuruecksetzen"  # the undo link to the old address
MY_DATA = "/konto/meine-daten"  # "Meine Daten": everything the portal holds, as one download
# HTTP endpoints (not pages): they set and clear the HttpOnly session cookie
SESSION_START = "/sitzung/start"
SESSION_END = "/sitzung/ende"
DOWNLOAD = "/datei"  # + "/<ticket>": a file streamed once (see services/download_tickets.py)
HEALTH = "/healthz"  # for monitoring: JSON, 200 or 503 (see services/health.py)


def second_factor_setup(back_to: str) -> str:
    """The second factor's page, coming back to `back_to` (a path of this site) after set-up."""
    return f"{ACCOUNT_SECOND_FACTOR}?zurueck={quote(safe_next(back_to), safe='/')}"


def password_reset(token: str) -> str:
    return f"{PASSWORD_RESET}?token={quote(token)}"


def email_confirm(token: str) -> str:
    return f"{EMAIL_CONFIRM}?token={quote(token)}"


def email_undo(token: str) -> str:
    return f"{EMAIL_UNDO}?token={quote(token)}"


def session_start(code: str, next_path: str) -> str:
    return f"{SESSION_START}?code={quote(code)}&next={quote(safe_next(next_path), safe='/')}"


def session_end(nonce: str, next_path: str = HOME) -> str:
    return f"{SESSION_END}?n={quote(nonce)}&next={quote(safe_next(next_path, HOME), safe='/')}"


# --- documents, Vorlagen, SEPA -------------------------------------------------------
DOCUMENTS = "/dokumente"
VORLAGEN = "/vorlagen"
SEPA = "/sepa"
LOGIN_RENEWED = "/anmeldung-erneuert"  # the new tab after logging in again (ended session)
LOGGED_OUT = "/?abgemeldet=1"

# --- accessibility (BITV 2.0 §§ 4 and 7) -------------------------------------------------------
ACCESSIBILITY = "/barrierefreiheit"
EASY_LANGUAGE = "/leichte-sprache"
SIGN_LANGUAGE = "/gebaerdensprache"


def download(ticket: str) -> str:
    return f"{DOWNLOAD}/{ticket}"


# --- the chamber's staff (Verwaltung) -------------------------------------------------------
STAFF_INBOX = "/verwaltung"  # "Eingang": where staff land after the login
STAFF_LOGIN = "/verwaltung/anmelden"
STAFF_SETUP = "/verwaltung/einrichten"
STAFF_TEAM = "/verwaltung/mitarbeiter"  # administrators: the staff accounts
STAFF_ITEM = "/verwaltung/vorgang/[vorgang_id]"  # one item of the Eingang
# HTTP endpoints (not pages): they set and clear the staff session cookie
STAFF_SESSION_START = "/verwaltung/sitzung/start"
STAFF_SESSION_END = "/verwaltung/sitzung/ende"
STAFF_LOGGED_OUT = "/verwaltung/anmelden?abgemeldet=1"


def staff_login(next_path: str = "") -> str:
    if not next_path or safe_next(next_path, "") == "":
        return STAFF_LOGIN
    return f"{STAFF_LOGIN}?next={quote(safe_next(next_path), safe='/')}"


def staff_next(next_path: str | None) -> str:
    """Where a staff login goes afterwards: a staff page, else the Eingang."""
    target = safe_next(next_path, STAFF_INBOX)
    return target if target.startswith(STAFF_INBOX) else STAFF_INBOX


def staff_setup(token: str) -> str:
    return f"{STAFF_SETUP}?token={quote(token)}"


def staff_session_start(code: str, next_path: str) -> str:
    return f"{STAFF_SESSION_START}?code={quote(code)}&next={quote(staff_next(next_path), safe='/')}"


def staff_session_end(nonce: str) -> str:
    return f"{STAFF_SESSION_END}?n={quote(nonce)}"


def staff_item(item_id: int) -> str:
    return f"/verwaltung/vorgang/{item_id}"


# --- course administration (department Bildung, administrators) ----------------------------
STAFF_COURSES = "/verwaltung/kurse"
STAFF_COURSE_NEW = "/verwaltung/kurse/neu"
STAFF_COURSE = "/verwaltung/kurse/[kurs_id]"


def staff_course(course_id: int, created: bool = False) -> str:
    return f"{STAFF_COURSES}/{int(course_id)}" + ("?angelegt=1" if created else "")


STAFF_VORLAGEN = "/verwaltung/vorlagen"  # administrators: the Vorlagen library
STAFF_AUDIT_LOG = "/verwaltung/protokoll"  # administrators: the audit log
STAFF_MEMBER_ACCOUNTS = "/verwaltung/konten"  # administrators: a member's second factor


# --- the staff's Verzeichnis (Betriebe, Personen, PINs) -----------------------------------------
STAFF_VERZEICHNIS = "/verwaltung/verzeichnis"
STAFF_BETRIEB = "/verwaltung/verzeichnis/betrieb/[betrieb_id]"
STAFF_PERSON = "/verwaltung/verzeichnis/person/[person_id]"


def staff_record(art: str, record_id: int) -> str:
    """A Betrieb's or a Person's page in the Verzeichnis (`art`: "betrieb" or "person")."""
    return f"{STAFF_VERZEICHNIS}/{'betrieb' if art == 'betrieb' else 'person'}/{int(record_id)}"


# --- the department Beitrag: fee notices in bulk, the SEPA collection file ---------------------
STAFF_BEITRAG = "/verwaltung/beitrag"
STAFF_LASTSCHRIFT = "/verwaltung/lastschrift"


# --- Lehrvertrag online (the role Ausbildung of a Betrieb) ----------------------------------
LEHRVERTRAG_NEW = "/ausbildung/vertrag/neu"  # the wizard; ?vertrag=<id> resumes a draft
LEHRVERTRAEGE = "/ausbildung/vertraege"  # "Meine Lehrverträge"


def lehrvertrag(contract_id: int) -> str:
    """The wizard at a saved contract (a draft resumes where it was left)."""
    return f"{LEHRVERTRAG_NEW}?vertrag={int(contract_id)}"
