"""The frame of every page: the chamber, navigation, footer, skip link, the unknown page."""

CHAMBER = "Handwerkskammer Musterstadt"
PORTAL = "Kundenportal"
SITE_TITLE = f"{PORTAL} der {CHAMBER}"
CHAMBER_ADDRESS = ("Handwerksplatz 1", "12345 Musterstadt")
CHAMBER_PHONE = "0123 4567-0"
CHAMBER_EMAIL = "info@hwk-musterstadt.example"

# --- navigation and footer ---
NAV_HOME = "Startseite"
NAV_HELP = "Hilfe"
NAV_LOGOUT = "Abmelden"
NAV_LABEL = "Hauptnavigation"
NAV_UNREAD = "ungelesen"
FOOTER_LABEL = "Rechtliches und Kontakt"
WORKER_NOTE = "Server-Prozess"  # footer, only with PORTAL_SHOW_WORKER=1
SKIP_TO_CONTENT = "Zum Inhalt springen"
LOGO_ALT = f"Logo der {CHAMBER}"
PRIVACY = "Datenschutz"

# --- the page for an address that does not exist ---
NOT_FOUND_TITLE = "Seite nicht gefunden"
NOT_FOUND_TEXT = (
    "Diese Seite gibt es nicht (mehr). Bitte prüfen Sie die Adresse oder beginnen Sie auf der "
    "Startseite."
)
