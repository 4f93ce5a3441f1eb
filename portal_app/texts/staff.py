"""Staff (Verwaltung): login with a second factor, set-up, Eingang, team page, their mails."""

from portal_app.texts import frame

STAFF_AREA = "Verwaltung"
STAFF_NAV_LABEL = "Navigation der Verwaltung"

# --- login --------------------------------------------------------------------------------
STAFF_LOGIN_TITLE = "Anmeldung für Mitarbeitende"
STAFF_LOGIN_INTRO = (
    "Hier melden sich die Mitarbeiterinnen und Mitarbeiter der Handwerkskammer an: mit "
    "E-Mail-Adresse und Passwort, danach mit dem Bestätigungscode aus der Authenticator-App."
)
STAFF_LOGIN_FAILED = (
    "E-Mail-Adresse oder Passwort ist nicht korrekt, oder der Zugang ist nicht eingerichtet."
)
STAFF_LOGGED_OUT = "Sie haben sich von der Verwaltung abgemeldet."

# --- set-up from the link -----------------------------------------------------------------
STAFF_SETUP_TITLE = "Zugang einrichten"
STAFF_SETUP_INTRO = (
    "Guten Tag {name}, hier richten Sie Ihren Zugang zur Verwaltung des Kundenportals ein: "
    "zuerst das Passwort, dann die Authenticator-App für den Bestätigungscode."
)
STAFF_SETUP_LINK_INVALID = (
    "Dieser Einrichtungslink ist ungültig, abgelaufen (24 Stunden) oder wurde schon verwendet. "
    "Bitte bitten Sie die Administration um einen neuen Link."
)
STAFF_SETUP_PASSWORD_BUTTON = "Passwort speichern und weiter"
STAFF_RECOVERY_INTRO = (
    "Ihr Zugang ist eingerichtet. Bewahren Sie diese zehn Codes sicher auf (ausdrucken oder "
    "im Passwort-Manager): Jeder Code ersetzt einmal den Bestätigungscode, falls Sie Ihr "
    "Telefon nicht zur Hand haben. Die Codes werden nur jetzt angezeigt."
)
STAFF_CONTINUE = "Weiter zum Eingang"

# --- Eingang ------------------------------------------------------------------------------
STAFF_INBOX_TITLE = "Eingang"

# --- team (administrators) ----------------------------------------------------------------
STAFF_TEAM_TITLE = "Mitarbeitende"
STAFF_TEAM_INTRO = (
    "Laden Sie Kolleginnen und Kollegen ein, ordnen Sie ihnen Abteilungen zu, deaktivieren "
    "Sie Zugänge oder setzen Sie den zweiten Faktor zurück. Jede Änderung wird protokolliert."
)
STAFF_INVITE_TITLE = "Kollegin oder Kollegen einladen"
FIELD_STAFF_NAME = "Name"
STAFF_DEPARTMENTS = "Abteilungen"
STAFF_INVITE_BUTTON = "Einladung senden"
STAFF_INVITED = "Die Einladung an {email} ist unterwegs. Der Link darin gilt 24 Stunden."
STAFF_LIST_TITLE = "Alle Mitarbeitenden"
STAFF_ROLE_ADMIN = "Administration"
STAFF_ROLE_STAFF = "Sachbearbeitung"
STAFF_STATUS_ACTIVE = "aktiv"
STAFF_STATUS_INACTIVE = "deaktiviert"
STAFF_STATUS_SETUP_OPEN = "Einrichtung offen"
STAFF_STATUS_SECOND_FACTOR = "zweiter Faktor eingerichtet"
STAFF_NO_DEPARTMENTS = "keine Abteilung"
STAFF_DEPARTMENTS_SAVE = "Abteilungen speichern"
STAFF_DEPARTMENTS_SAVED = "Die Abteilungen von {name} sind gespeichert."
STAFF_DEACTIVATE = "Zugang deaktivieren"
STAFF_DEACTIVATED = "Der Zugang von {name} ist deaktiviert; offene Sitzungen sind beendet."
STAFF_RESET_SECOND_FACTOR = "Zweiten Faktor zurücksetzen"
STAFF_SECOND_FACTOR_WAS_RESET = (
    "Der zweite Faktor von {name} ist zurückgesetzt; ein neuer Einrichtungslink ist per "
    "E-Mail unterwegs."
)
STAFF_YOU = "(Sie)"

# errors
STAFF_NAME_EMPTY = "Bitte geben Sie den Namen ein."
STAFF_NAME_TOO_LONG = "Der Name ist zu lang (höchstens 200 Zeichen)."
STAFF_DEPARTMENT_UNKNOWN = "Bitte wählen Sie nur Abteilungen aus der Liste."
STAFF_EMAIL_TAKEN = "Für diese E-Mail-Adresse gibt es schon einen Zugang zur Verwaltung."
STAFF_ADMIN_ONLY = "Das dürfen nur Administratorinnen und Administratoren."
STAFF_NOT_FOUND = "Diesen Zugang gibt es nicht."
STAFF_NOT_YOURSELF = "Ihren eigenen Zugang kann eine andere Person aus der Administration ändern."
STAFF_IS_DEACTIVATED = "Dieser Zugang ist deaktiviert."

# --- mails --------------------------------------------------------------------------------
_STAFF_SIGNATURE = f"\n\nKundenportal der {frame.CHAMBER}"
MAIL_STAFF_INVITE_SUBJECT = "Ihr Zugang zur Verwaltung des Kundenportals"
MAIL_STAFF_INVITE_BODY = (
    "Guten Tag {name},\n\n{by} hat Ihnen einen Zugang zur Verwaltung des Kundenportals "
    "eingerichtet. Bitte öffnen Sie den folgenden Link, legen Sie Ihr Passwort fest und "
    "richten Sie die Authenticator-App ein:\n\n{link}\n\nDer Link ist 24 Stunden gültig und "
    "kann nur einmal verwendet werden."
) + _STAFF_SIGNATURE
MAIL_STAFF_RESET_SUBJECT = "Ihr Zugang zur Verwaltung: bitte neu einrichten"
MAIL_STAFF_RESET_BODY = (
    "Guten Tag {name},\n\n{by} hat den zweiten Faktor Ihres Zugangs zur Verwaltung "
    "zurückgesetzt. Bitte richten Sie Passwort und Authenticator-App mit diesem Link neu "
    "ein:\n\n{link}\n\nDer Link ist 24 Stunden gültig und kann nur einmal verwendet werden."
) + _STAFF_SIGNATURE
