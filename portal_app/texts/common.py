"""Words several features share: form fields and marks, e-mail checks, Betrieb and Person."""

# --- form fields and their marks ---
FIELD_EMAIL = "E-Mail-Adresse"
FIELD_PASSWORD = "Passwort"
FIELD_NEW_PASSWORD = "Neues Passwort"
FIELD_PASSWORD_REPEAT = "Passwort wiederholen"
PASSWORD_HINT = (
    "Mindestens 12 Zeichen. Ein langer Satz aus mehreren Wörtern ist sicher und gut zu merken."
)
FORM_HAS_ERRORS = "Bitte prüfen Sie Ihre Eingaben."

# --- an e-mail address that will not do ---
EMAIL_EMPTY = "Bitte geben Sie Ihre E-Mail-Adresse ein."
EMAIL_INVALID = "Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de."
EMAIL_TOO_LONG = "Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen)."

# --- the two kinds of Freischaltung and their numbers ---
BETRIEB = "Betrieb"
PERSON = "Person"
FIELD_BETRIEBSNUMMER = "Betriebsnummer"
FIELD_KUNDENNUMMER = "Kundennummer"

# --- more field words ---
FORM_CHOOSE = "Bitte wählen"
OPTIONAL_MARK = "(optional)"
PHONE = "Telefon"

# after a form that sends a mail (registration, forgotten password); while a mailed link is checked
CHECK_MAILBOX_TITLE = "Bitte prüfen Sie Ihr Postfach"
LINK_CHECKING = "Der Link wird geprüft …"
# filters and pages of a list (the catalogue, the staff's Eingang)
ANY = "alle"
FILTER_RESET = "Filter zurücksetzen"
PAGE_PREVIOUS = "Vorherige Seite"
PAGE_NEXT = "Nächste Seite"
STATUS = "Status"
# a list that counts what the search found (Verzeichnis, Protokoll)
ENTRIES_FOUND = "{count} Einträge gefunden."
ENTRIES_FOUND_ONE = "1 Eintrag gefunden."
ENTRIES_TOTAL_PREFIX = "Gefundene Einträge:"
ENTRIES_EMPTY = "Keine Einträge gefunden."

# a yes/no value in a table or a file
YES = "ja"
NO = "nein"
# throwing away what is not sent yet (a checked batch of notices, a draft)
DISCARD_BUTTON = "Verwerfen"
