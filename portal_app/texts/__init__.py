"""Every German text the portal shows or mails, in one place.

Wording of steps and FAQ follows the chamber's help text (shared seed `kundenportal-hilfe.txt`).
"""

CHAMBER = "Handwerkskammer Musterstadt"
PORTAL = "Kundenportal"
SITE_TITLE = f"{PORTAL} der {CHAMBER}"
CHAMBER_ADDRESS = ("Handwerksplatz 1", "12345 Musterstadt")
CHAMBER_PHONE = "0123 4567-0"
CHAMBER_EMAIL = "info@hwk-musterstadt.example"

# --- navigation and frame ---------------------------------------------------------------------
NAV_HOME = "Startseite"
NAV_HELP = "Hilfe"
NAV_LOGIN = "Anmelden"
NAV_REGISTER = "Registrieren"
NAV_ACCOUNT = "Mein Konto"
NAV_LOGOUT = "Abmelden"
NAV_LABEL = "Hauptnavigation"
NAV_MENU = "Menü"
FOOTER_LABEL = "Rechtliches und Kontakt"
WORKER_NOTE = "Server-Prozess"  # footer, only with PORTAL_SHOW_WORKER=1
SKIP_TO_CONTENT = "Zum Inhalt springen"
LOGO_ALT = f"Logo der {CHAMBER}"
IMPRINT = "Impressum"
PRIVACY = "Datenschutz"
CONTACT = "Kontakt"

# --- start page: the three steps, in the seed's words -------------------------------------------
HOME_TITLE = "Registrieren und Vorteile nutzen: Der exklusive Mitgliederbereich"
HOME_INTRO = "Lernen Sie alle Funktionen des Kundenportals kennen!"
STEPS = (
    (
        "1. Registrieren",
        "Zur Nutzung des Kundenportals ist die einmalige Registrierung Ihrer E-Mail-Adresse "
        "erforderlich.",
        "Nach der Registrierung erhalten Sie eine E-Mail mit Bestätigungslink. Sobald Sie Ihre "
        "E-Mail-Adresse bestätigt haben, legen Sie Ihr Passwort selbst fest.",
    ),
    (
        "2. Anmelden",
        "Mit Ihrer E-Mail-Adresse und dem Passwort können Sie sich am Kundenportal anmelden.",
        "Die allgemeinen Online-Dienste sind sofort für Sie verfügbar: Sie können Kurse buchen "
        "und ausgewählte Formulare nutzen.",
    ),
    (
        "3. Freischalten",
        "Mitgliedsbetriebe, Lehrlinge und Bildungskunden können sich mit einer PIN "
        "(persönlichen Identifikationsnummer) freischalten.",
        "Danach stehen auch die interaktiven Funktionen, wie SEPA, Upload und Download sowie "
        "Vorlagen, zur Verfügung.",
    ),
)
HOME_START_REGISTER = "Zur Registrierung"
HOME_START_LOGIN = "Zur Anmeldung"
HOME_START_ACCOUNT = "Zu Mein Konto"
HOME_STEPS_LABEL = "In drei Schritten zum Kundenportal"

# --- help -------------------------------------------------------------------------------------
HELP_TITLE = "Kundenportal: Hilfe"
FAQ_TITLE = "Häufig gestellte Fragen zum Kundenportal"
FAQ = (
    (
        "Wieso kann ich mich nicht anmelden?",
        "Für das Kundenportal der Handwerkskammer ist zuerst die einmalige Registrierung Ihrer "
        "E-Mail-Adresse erforderlich. Erst danach können Sie sich anmelden. Eine automatische "
        "Anlage eines Kontos, z.B. nach der Gewerbeanmeldung, erfolgt nicht.",
    ),
    (
        "Wie lauten meine Zugangsdaten?",
        "Ihre Zugangsdaten bestehen aus Ihrer E-Mail-Adresse und dem Passwort. Die "
        "Freischalt-PIN ist nur für die Erstregistrierung erforderlich und verfällt nach "
        "erfolgreichem Gebrauch.",
    ),
    (
        "Wo bekomme ich ein neues Passwort?",
        "Ein neues Passwort können Sie im Kundenportal selbst festlegen oder über unser "
        "Passwort-Formular zurücksetzen.",
    ),
    (
        "Was ist die Betriebsfreischaltung oder die Personenfreischaltung?",
        "Für unsere Mitgliedsbetriebe, also alle Unternehmen in der Handwerksrolle und "
        "Verzeichnissen, bieten wir die Freischaltung als Betrieb an. Sie können zahlreiche "
        "Anliegen gleich online erledigen. Für Kunden unserer Bildungszentren oder individuelle "
        "Anliegen ohne Betriebsbezug bieten wir die Freischaltung als natürliche Person an. Die "
        "Unterscheidung hilft uns, unser Angebot besser auf Sie auszurichten. Außerdem ist die "
        "gleichzeitige Freischaltung als Betrieb und Person möglich, was in manchen Fällen "
        "erforderlich ist.",
    ),
    (
        "Wie lautet meine Betriebsnummer?",
        "Die Betriebsnummer der Handwerkskammer besteht in der Regel aus dem "
        "Landkreiskennzeichen, einer siebenstelligen Nummer sowie aus einem Filialkennzeichen, "
        "zum Beispiel: TS-1234567-0. Für die Freischaltung im Kundenportal oder bei Kontakt mit "
        "einem unserer Mitarbeiter reicht die Angabe der siebenstelligen Nummer, aus dem "
        "Beispiel: 1234567.",
    ),
    (
        "Wo bekomme ich eine neue Freischalt-PIN?",
        "Die Freischalt-PIN wurde Ihnen mit den Eintragungsunterlagen (Handwerksrolle) bzw. dem "
        "Beitragsbescheid zugestellt. Sollten diese Unterlagen nicht mehr auffindbar oder die "
        "PIN bereits zur Einrichtung eines Zugangs verbraucht worden sein, können Sie nach der "
        "Registrierung eine neue PIN beantragen. Sie finden den Anforderungs-Link direkt im "
        "Freischaltformular.",
    ),
    (
        "Wie kann ich meine E-Mail-Adresse ändern?",
        "Eine Änderung der E-Mail-Adresse für die Anmeldung ist nicht möglich. Wir bitten Sie, "
        "mit der neuen Adresse einen neuen Account anzulegen, der alte Account kann dann im "
        "Anschluss gelöscht werden.",
    ),
)
HELP_MORE_QUESTIONS = "Haben Sie noch Fragen? Schreiben Sie uns!"

# --- form fields ------------------------------------------------------------------------------
FIELD_EMAIL = "E-Mail-Adresse"
FIELD_PASSWORD = "Passwort"
FIELD_NEW_PASSWORD = "Neues Passwort"
FIELD_PASSWORD_REPEAT = "Passwort wiederholen"
PASSWORD_HINT = (
    "Mindestens 12 Zeichen. Ein langer Satz aus mehreren Wörtern ist sicher und gut zu merken."
)
REQUIRED_MARK = "(Pflichtfeld)"
FORM_HAS_ERRORS = "Bitte prüfen Sie Ihre Eingaben."

# --- registration -----------------------------------------------------------------------------
REGISTER_TITLE = "Registrieren"
REGISTER_INTRO = (
    "Zur Nutzung des Kundenportals ist die einmalige Registrierung Ihrer E-Mail-Adresse "
    "erforderlich. Wir senden Ihnen eine E-Mail mit einem Bestätigungslink."
)
REGISTER_CONSENT = (
    "Ich habe die Datenschutzhinweise gelesen und bin mit der Verarbeitung meiner Daten "
    "einverstanden."
)
REGISTER_PRIVACY_LINK = "Datenschutzhinweise lesen"
REGISTER_BUTTON = "Registrieren"
REGISTER_DONE_TITLE = "Bitte prüfen Sie Ihr Postfach"
REGISTER_DONE = (
    "Wir haben eine E-Mail an {email} gesendet. Bitte folgen Sie dem Link in der E-Mail, um "
    "Ihre Registrierung abzuschließen. Der Link ist 24 Stunden gültig. Falls keine E-Mail "
    "ankommt, prüfen Sie bitte Ihren Spam-Ordner."
)
REGISTER_HAVE_ACCOUNT = "Sie haben schon ein Konto?"
EMAIL_EMPTY = "Bitte geben Sie Ihre E-Mail-Adresse ein."
EMAIL_INVALID = "Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de."
EMAIL_TOO_LONG = "Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen)."
CONSENT_MISSING = "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben."

# --- confirm registration / set password --------------------------------------------------------
CONFIRM_TITLE = "Passwort festlegen"
CONFIRM_INTRO = (
    "Ihre E-Mail-Adresse ist fast bestätigt. Legen Sie jetzt Ihr Passwort fest, um die "
    "Registrierung abzuschließen."
)
CONFIRM_BUTTON = "Passwort speichern und Registrierung abschließen"
CONFIRM_CHECKING = "Der Link wird geprüft …"
TOKEN_UNKNOWN = "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben."
TOKEN_EXPIRED = "Dieser Link ist abgelaufen. Bestätigungslinks sind 24 Stunden gültig."
TOKEN_USED = (
    "Dieser Link wurde bereits verwendet. Wenn Sie Ihr Passwort schon festgelegt haben, "
    "können Sie sich anmelden."
)
TOKEN_NEW_LINK = "Neuen Bestätigungslink anfordern"

# --- passwords --------------------------------------------------------------------------------
PASSWORD_EMPTY = "Bitte geben Sie ein Passwort ein."
PASSWORD_TOO_SHORT = "Das Passwort muss mindestens 12 Zeichen lang sein."
PASSWORD_TOO_LONG = (
    "Das Passwort ist zu lang: höchstens 72 Byte sind möglich (Umlaute und Sonderzeichen "
    "zählen doppelt oder mehr). Bitte wählen Sie ein kürzeres Passwort."
)
PASSWORD_TOO_COMMON = (
    "Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes."
)
PASSWORD_MISMATCH = "Die beiden Passwörter stimmen nicht überein."

# --- login ------------------------------------------------------------------------------------
LOGIN_TITLE = "Anmelden"
LOGIN_INTRO = "Mit Ihrer E-Mail-Adresse und dem Passwort können Sie sich am Kundenportal anmelden."
LOGIN_BUTTON = "Anmelden"
LOGIN_FAILED = (
    "E-Mail-Adresse oder Passwort ist nicht korrekt, oder die Registrierung ist noch nicht "
    "abgeschlossen."
)
LOGIN_NO_ACCOUNT = "Noch kein Konto?"
LOGIN_REQUIRED = "Bitte melden Sie sich an, um diese Seite zu sehen."

# --- account ----------------------------------------------------------------------------------
ACCOUNT_TITLE = "Mein Konto"
ACCOUNT_EMAIL = "E-Mail-Adresse"
ACCOUNT_SINCE = "Registriert seit"
ACCOUNT_UNLOCK_STATUS = "Freischaltung"
ACCOUNT_NOT_UNLOCKED = "nicht freigeschaltet"
ACCOUNT_DETAILS_LABEL = "Ihre Kontodaten"

NOT_FOUND_TITLE = "Seite nicht gefunden"
NOT_FOUND_TEXT = (
    "Diese Seite gibt es nicht (mehr). Bitte prüfen Sie die Adresse oder beginnen Sie auf der "
    "Startseite."
)

# --- demo mailbox -----------------------------------------------------------------------------
MAILBOX_TITLE = "Demo-Postfach"
MAILBOX_WARNING = (
    "Demo-Modus: Diese Seite zeigt alle E-Mails, die das Portal verschickt hätte. Sie existiert "
    "nur mit PORTAL_DEMO=1 und niemals im echten Betrieb."
)
MAILBOX_EMPTY = "Noch keine E-Mails."
MAILBOX_TO = "An"
MAILBOX_SENT = "zugestellt"
MAILBOX_QUEUED = "im Postausgang"
MAILBOX_REFRESH = "Aktualisieren"

# --- legal pages ------------------------------------------------------------------------------
IMPRINT_TITLE = "Impressum"
IMPRINT_TEXT = (
    f"Die {CHAMBER} ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch "
    "den Präsidenten und den Hauptgeschäftsführer. Zuständige Aufsichtsbehörde ist das "
    "Wirtschaftsministerium des Landes."
)
PRIVACY_TITLE = "Datenschutzhinweise"
PRIVACY_SECTIONS = (
    (
        "Wer verarbeitet Ihre Daten?",
        f"Verantwortlich ist die {CHAMBER}, {CHAMBER_ADDRESS[0]}, {CHAMBER_ADDRESS[1]}.",
    ),
    (
        "Welche Daten speichern wir?",
        "Ihre E-Mail-Adresse, den Zeitpunkt der Registrierung, Ihr Passwort ausschließlich als "
        "nicht umkehrbaren Hash-Wert und Ihre aktiven Anmeldungen (Zeitpunkt, Browser). "
        "Anmeldungen enden spätestens nach 12 Stunden.",
    ),
    (
        "Wozu?",
        "Um Ihnen den Zugang zum Kundenportal und seinen Online-Diensten zu ermöglichen "
        "(Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit der Handwerksordnung).",
    ),
    (
        "Cookies",
        "Das Portal setzt nur ein technisch notwendiges Cookie für Ihre Anmeldung. Es gibt "
        "keine Werbe- oder Analyse-Cookies.",
    ),
    (
        "Ihre Rechte",
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
        "Verarbeitung sowie ein Beschwerderecht bei der Datenschutzaufsichtsbehörde.",
    ),
)
CONTACT_TITLE = "Kontakt"
CONTACT_INTRO = "So erreichen Sie uns:"
CONTACT_PHONE = "Telefon"
CONTACT_EMAIL = "E-Mail"
CONTACT_HOURS = "Montag bis Donnerstag 8 bis 16 Uhr, Freitag 8 bis 12 Uhr"

# --- mails ------------------------------------------------------------------------------------
MAIL_SIGNATURE = (
    f"\n\nMit freundlichen Grüßen\nIhre {CHAMBER}\n\n"
    f"{CHAMBER_ADDRESS[0]}, {CHAMBER_ADDRESS[1]}\nTelefon {CHAMBER_PHONE}"
)
MAIL_CONFIRM_SUBJECT = "Bitte bestätigen Sie Ihre Registrierung im Kundenportal"
MAIL_CONFIRM_BODY = (
    "Guten Tag,\n\nSie haben sich mit dieser E-Mail-Adresse im Kundenportal der "
    f"{CHAMBER} registriert. Bitte öffnen Sie den folgenden Link und legen Sie dort Ihr "
    "Passwort fest:\n\n{link}\n\nDer Link ist 24 Stunden gültig und kann nur einmal "
    "verwendet werden. Wenn Sie sich nicht registriert haben, können Sie diese E-Mail "
    "ignorieren; es wird dann kein Konto angelegt."
) + MAIL_SIGNATURE
MAIL_EXISTS_SUBJECT = "Ihr Konto im Kundenportal besteht bereits"
MAIL_EXISTS_BODY = (
    "Guten Tag,\n\njemand hat versucht, diese E-Mail-Adresse erneut im Kundenportal zu "
    "registrieren. Für diese Adresse besteht bereits ein Konto. Sie können sich hier "
    "anmelden:\n\n{login_link}\n\nFalls Sie Ihr Passwort vergessen haben, setzen Sie es hier "
    "zurück:\n\n{reset_link}\n\nWenn Sie das nicht waren, müssen Sie nichts tun: Ihr Konto "
    "bleibt unverändert."
) + MAIL_SIGNATURE

# --- Freischalten -----------------------------------------------------------------------------
BETRIEB = "Betrieb"
PERSON = "Person"
UNLOCK_TITLE = "Freischalten"
NAV_UNLOCK = "Freischalten"
UNLOCK_INTRO = (
    "Mitgliedsbetriebe, Lehrlinge und Bildungskunden können sich mit einer PIN (persönlichen "
    "Identifikationsnummer) freischalten. Danach stehen auch die interaktiven Funktionen, wie "
    "SEPA, Upload und Download sowie Vorlagen, zur Verfügung."
)
UNLOCK_TABS_LABEL = "Freischalten als"
UNLOCK_AS_BETRIEB = "als Betrieb"
UNLOCK_AS_PERSON = "als Person"
UNLOCK_BETRIEB_INTRO = (
    "Für unsere Mitgliedsbetriebe, also alle Unternehmen in der Handwerksrolle und Verzeichnissen."
)
UNLOCK_PERSON_INTRO = (
    "Für Kunden unserer Bildungszentren, Lehrlinge oder individuelle Anliegen ohne Betriebsbezug."
)
FIELD_BETRIEBSNUMMER = "Betriebsnummer"
FIELD_KUNDENNUMMER = "Kundennummer"
FIELD_PIN = "PIN"
BETRIEBSNUMMER_HINT = (
    "Die Betriebsnummer besteht in der Regel aus dem Landkreiskennzeichen, einer "
    "siebenstelligen Nummer sowie aus einem Filialkennzeichen, zum Beispiel: TS-1234567-0. "
    "Es reicht die Angabe der siebenstelligen Nummer, aus dem Beispiel: 1234567."
)
KUNDENNUMMER_HINT = "Die achtstellige Kundennummer finden Sie in unserem Schreiben an Sie."
PIN_HINT = "Die PIN aus unserem Brief, 8 Zeichen. Groß- und Kleinschreibung spielt keine Rolle."
UNLOCK_BUTTON = "Freischalten"
UNLOCK_NEW_PIN_LINK = "Neue PIN anfordern"
UNLOCK_NEW_PIN_QUESTION = "Wo bekomme ich eine neue Freischalt-PIN?"
UNLOCK_NEW_PIN_ANSWER = (
    "Die Freischalt-PIN wurde Ihnen mit den Eintragungsunterlagen (Handwerksrolle) bzw. dem "
    "Beitragsbescheid zugestellt. Sollten diese Unterlagen nicht mehr auffindbar oder die PIN "
    "bereits zur Einrichtung eines Zugangs verbraucht worden sein, können Sie hier eine neue "
    "PIN beantragen."
)
UNLOCK_ONCE_NOTE = (
    "Die Freischalt-PIN ist nur einmal erforderlich und verfällt nach erfolgreichem Gebrauch. "
    "Danach melden Sie sich wie gewohnt mit E-Mail-Adresse und Passwort an."
)
BETRIEBSNUMMER_EMPTY = "Bitte geben Sie die Betriebsnummer ein."
BETRIEBSNUMMER_INVALID = (
    "Bitte geben Sie die siebenstellige Betriebsnummer ein, zum Beispiel 1234567 oder TS-1234567-0."
)
KUNDENNUMMER_EMPTY = "Bitte geben Sie die Kundennummer ein."
KUNDENNUMMER_INVALID = "Die Kundennummer besteht aus acht Ziffern, zum Beispiel 12345678."
PIN_EMPTY = "Bitte geben Sie die PIN aus unserem Brief ein."
UNLOCK_FAILED = "Betriebsnummer oder PIN ist nicht korrekt."
UNLOCK_FAILED_PERSON = "Kundennummer oder PIN ist nicht korrekt."
UNLOCK_PIN_USED = (
    "Diese PIN ist abgelaufen oder bereits verwendet. Sie können eine neue PIN anfordern."
)
UNLOCK_PIN_VOIDED = (
    "Diese PIN wurde nach zu vielen Fehlversuchen gesperrt. Sie können eine neue PIN anfordern."
)
UNLOCK_PAUSED = (
    "Zu viele Fehlversuche: Die Freischaltung ist für Ihr Konto für eine Stunde gesperrt. "
    "Bitte versuchen Sie es später erneut."
)
UNLOCK_ALREADY = "Ihr Konto ist hierfür bereits freigeschaltet."
UNLOCK_DONE_TITLE = "Freischaltung erfolgreich"
UNLOCK_DONE = "Ihr Konto ist jetzt freigeschaltet für: {target}."
UNLOCK_NOW_OPEN = (
    "Jetzt für Sie verfügbar: SEPA-Lastschriftmandat, Upload und Download von Dokumenten "
    "sowie Vorlagen."
)
UNLOCK_ANOTHER = "Weiteren Betrieb oder Person freischalten"

PIN_REQUEST_TITLE = "Neue PIN anfordern"
PIN_REQUEST_INTRO = (
    "Nennen Sie uns Ihre Betriebsnummer oder Kundennummer. Wir senden die neue PIN per Post an "
    "die bei uns hinterlegte Anschrift; eine ältere PIN wird damit ungültig."
)
PIN_REQUEST_KIND = "Die PIN ist für"
PIN_REQUEST_KIND_BETRIEB = "einen Betrieb (Betriebsnummer)"
PIN_REQUEST_KIND_PERSON = "mich als Person (Kundennummer)"
FIELD_NUMMER = "Betriebsnummer oder Kundennummer"
PIN_REQUEST_BUTTON = "Neue PIN anfordern"
PIN_REQUEST_KIND_MISSING = (
    "Bitte wählen Sie, ob die PIN für einen Betrieb oder für Sie als Person ist."
)
PIN_REQUEST_TOO_MANY = (
    "Sie haben heute bereits drei neue PINs angefordert. Bitte warten Sie auf unseren Brief "
    "oder versuchen Sie es morgen erneut."
)
PIN_REQUEST_DONE_TITLE = "Anforderung erhalten"
PIN_REQUEST_DONE = (
    "Vielen Dank. Wenn die Nummer bei uns hinterlegt ist, senden wir Ihnen in den nächsten "
    "Tagen eine neue PIN per Post. Wir haben Ihnen eine Bestätigung per E-Mail geschickt."
)
PIN_REQUEST_BACK = "Zurück zum Freischalten"

ACCOUNT_BETRIEBE = "Freigeschaltete Betriebe"
ACCOUNT_PERSONEN = "Freigeschaltet als Person"
ACCOUNT_UNLOCKED = "freigeschaltet"
ACCOUNT_UNLOCK_NOW = "Jetzt freischalten"
UNLOCK_REQUIRED = "Diese Funktion steht nach der Freischaltung mit Ihrer PIN zur Verfügung."

MAIL_UNLOCKED_SUBJECT = "Ihr Konto im Kundenportal ist freigeschaltet"
MAIL_UNLOCKED_BODY = (
    "Guten Tag,\n\nIhr Konto im Kundenportal ist jetzt freigeschaltet für:\n\n{target}\n\n"
    "Damit stehen Ihnen auch die interaktiven Funktionen wie SEPA, Upload und Download sowie "
    "Vorlagen zur Verfügung. Wenn Sie das nicht waren, rufen Sie uns bitte umgehend an."
) + MAIL_SIGNATURE
MAIL_PIN_REQUEST_SUBJECT = "Ihre Anforderung einer neuen PIN"
MAIL_PIN_REQUEST_BODY = (
    "Guten Tag,\n\nwir haben Ihre Anforderung einer neuen Freischalt-PIN für die Nummer "
    "{nummer} erhalten. Wenn die Nummer bei uns hinterlegt ist, senden wir Ihnen die neue PIN "
    "in den nächsten Tagen per Post an die bei uns hinterlegte Anschrift. Eine ältere PIN wird "
    "damit ungültig."
) + MAIL_SIGNATURE

LETTER_SUBJECT = "Ihre PIN für das Kundenportal"
LETTER_BETRIEBSNUMMER = "Betriebsnummer"
LETTER_KUNDENNUMMER = "Kundennummer"
LETTER_BODY = (
    "Sehr geehrte Damen und Herren,\n\nmit der folgenden PIN schalten Sie Ihr Konto im "
    'Kundenportal frei: Melden Sie sich unter {portal} an und wählen Sie "Freischalten". '
    "Noch kein Konto? Registrieren Sie sich dort zuerst mit Ihrer E-Mail-Adresse."
)
LETTER_VALIDITY = (
    "Die PIN ist bis zum {date} gültig und kann nur einmal verwendet werden. Bewahren Sie "
    "diesen Brief sicher auf und geben Sie die PIN nicht weiter."
)
LETTER_SIGNATURE = f"Mit freundlichen Grüßen\nIhre {CHAMBER}"

# --- Willkommen (onboarding) --------------------------------------------------------------------
WELCOME_TITLE = "Willkommen im Kundenportal"
WELCOME_STEPS_LABEL = "Ihr Weg ins Kundenportal"
WELCOME_STEP_NAMES = ("Registrieren", "Anmelden", "Freischalten")
WELCOME_STEP_DONE = "erledigt"
WELCOME_STEP_CURRENT = "aktueller Schritt"
WELCOME_STEP_OPEN = "offen"
WELCOME_HAVE_ACCOUNT = "Sie sind schon registriert?"
WELCOME_TO_LOGIN = "Weiter zur Anmeldung"
WELCOME_TO_REGISTER = "Zurück zur Registrierung"
WELCOME_REGISTERED_NEXT = (
    "Sobald Sie den Link aus der E-Mail geöffnet und Ihr Passwort festgelegt haben, geht es "
    "hier mit dem Freischalten weiter."
)
WELCOME_FINISHED_TITLE = "Alles erledigt"
WELCOME_FINISHED = (
    "Sie sind registriert, angemeldet und freigeschaltet. Alle Online-Dienste stehen Ihnen "
    "zur Verfügung."
)
WELCOME_SKIP_UNLOCK = "Später freischalten – zu Mein Konto"

# === Account self-service and security ==========================================================

# --- password forgotten / reset ---------------------------------------------------------------
FORGOT_LINK = "Passwort vergessen?"
FORGOT_TITLE = "Passwort vergessen"
FORGOT_INTRO = (
    "Passwort vergessen? Setzen Sie es einfach zurück! Geben Sie die E-Mail-Adresse Ihres "
    "Kontos ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen."
)
FORGOT_BUTTON = "Link zum Zurücksetzen anfordern"
FORGOT_DONE_TITLE = "Bitte prüfen Sie Ihr Postfach"
FORGOT_DONE = (
    "Wir haben eine E-Mail an {email} gesendet. Sie erklärt, wie es weitergeht. Ein Link zum "
    "Zurücksetzen ist eine Stunde gültig. Falls keine E-Mail ankommt, prüfen Sie bitte Ihren "
    "Spam-Ordner."
)
RESET_TITLE = "Passwort zurücksetzen"
RESET_INTRO = "Legen Sie ein neues Passwort für Ihr Konto fest. Danach melden Sie sich neu an."
RESET_BUTTON = "Neues Passwort speichern"
RESET_CHECKING = "Der Link wird geprüft …"
RESET_DONE_TITLE = "Ihr Passwort wurde geändert"
RESET_DONE = (
    "Sie können sich jetzt mit dem neuen Passwort anmelden. Alle bisherigen Anmeldungen Ihres "
    "Kontos wurden beendet."
)
RESET_TOKEN_EXPIRED = (
    "Dieser Link ist abgelaufen. Links zum Zurücksetzen sind eine Stunde gültig. Bitte fordern "
    "Sie einen neuen Link an."
)
RESET_TOKEN_USED = (
    "Dieser Link wurde bereits verwendet oder durch einen neueren ersetzt. Bitte fordern Sie "
    "bei Bedarf einen neuen Link an."
)
RESET_NEW_LINK = "Neuen Link anfordern"

# --- account: manage ----------------------------------------------------------------------------
ACCOUNT_MANAGE_TITLE = "Konto verwalten"
ACCOUNT_MANAGE_LABEL = "Konto verwalten"
ACCOUNT_LINK_PASSWORD = "Passwort ändern"
ACCOUNT_LINK_SESSIONS = "Angemeldete Geräte"
ACCOUNT_LINK_DELETE = "Konto löschen"
BACK_TO_ACCOUNT = "Zurück zu Mein Konto"

# --- change password --------------------------------------------------------------------------
CHANGE_TITLE = "Passwort ändern"
CHANGE_INTRO = (
    "Geben Sie Ihr bisheriges Passwort und das neue Passwort ein. Anmeldungen auf anderen "
    "Geräten werden danach beendet; hier bleiben Sie angemeldet."
)
FIELD_CURRENT_PASSWORD = "Bisheriges Passwort"
CHANGE_BUTTON = "Passwort ändern"
CHANGE_DONE = (
    "Ihr Passwort wurde geändert. Anmeldungen auf anderen Geräten wurden beendet. Wir haben "
    "Ihnen eine Bestätigung per E-Mail gesendet."
)
CURRENT_PASSWORD_WRONG = "Das bisherige Passwort ist nicht korrekt."
NEW_PASSWORD_SAME = "Das neue Passwort muss sich vom bisherigen unterscheiden."

# --- delete account ---------------------------------------------------------------------------
DELETE_TITLE = "Konto löschen"
DELETE_INTRO = (
    "Eine Änderung der E-Mail-Adresse für die Anmeldung ist nicht möglich. Wenn Sie eine neue "
    "Adresse nutzen möchten, legen Sie mit der neuen Adresse ein neues Konto an und löschen "
    "danach hier das alte."
)
DELETE_WHAT = (
    "Beim Löschen entfernen wir Ihre Anmeldedaten und beenden alle Anmeldungen. Was die "
    "Handwerkskammer aufbewahren muss (Buchungen, eingereichte Unterlagen, Protokolleinträge), "
    "bleibt erhalten, ist aber nicht mehr mit diesem Konto verbunden. Die E-Mail-Adresse kann "
    "danach neu registriert werden."
)
DELETE_BUTTON = "Konto endgültig löschen"
DELETE_CONFIRM = "Ich möchte mein Konto endgültig löschen."
DELETE_CONFIRM_MISSING = "Bitte bestätigen Sie, dass Sie Ihr Konto endgültig löschen möchten."
DELETE_DONE_TITLE = "Ihr Konto wurde gelöscht"
DELETE_DONE = (
    "Ihr Konto und alle Anmeldungen wurden gelöscht. Wir haben Ihnen eine Bestätigung per "
    "E-Mail gesendet. Sie können sich mit derselben Adresse jederzeit neu registrieren."
)

# --- sessions ---------------------------------------------------------------------------------
SESSIONS_TITLE = "Angemeldete Geräte"
SESSIONS_INTRO = (
    "Hier sehen Sie, wo Sie gerade angemeldet sind. Beenden Sie Anmeldungen, die Sie nicht "
    "kennen, und ändern Sie dann Ihr Passwort. Eine Anmeldung endet nach {idle} Minuten ohne "
    "Aktivität und spätestens nach {absolute} Stunden."
)
SESSIONS_LIST_LABEL = "Aktive Anmeldungen"
SESSIONS_STARTED = "Angemeldet am"
SESSIONS_LAST_SEEN = "Zuletzt aktiv"
SESSIONS_THIS = "Dieses Gerät"
SESSIONS_END = "Abmelden"
SESSIONS_END_LABEL = "Anmeldung {browser} vom {started} beenden"
SESSIONS_END_OTHERS = "Alle anderen Geräte abmelden"
SESSIONS_NONE_OTHER = "Sie sind auf keinem anderen Gerät angemeldet."
SESSIONS_ENDED_ONE = "Die Anmeldung wurde beendet."
SESSIONS_ENDED_OTHERS = "Alle anderen Anmeldungen wurden beendet."
SESSIONS_NOT_FOUND = "Diese Anmeldung gibt es nicht (mehr)."
BROWSER_UNKNOWN = "Unbekannter Browser"
BROWSER_ON = "{browser} unter {system}"

# --- throttling -------------------------------------------------------------------------------
LOGIN_WAIT = (
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie {seconds} Sekunden und "
    "versuchen Sie es dann erneut."
)
LOGIN_PAUSED = (
    "Nach vielen fehlgeschlagenen Versuchen ist die Anmeldung mit dieser E-Mail-Adresse bis "
    "{until} gesperrt. Falls Sie Ihr Passwort vergessen haben, können Sie es zurücksetzen."
)

# --- mails of account self-service ------------------------------------------------------------
MAIL_RESET_SUBJECT = "Passwort zurücksetzen im Kundenportal"
MAIL_RESET_BODY = (
    "Guten Tag,\n\nfür Ihr Konto im Kundenportal wurde ein neues Passwort angefordert. Öffnen "
    "Sie den folgenden Link und legen Sie dort ein neues Passwort fest:\n\n{link}\n\nDer Link ist "
    "eine Stunde gültig und kann nur einmal verwendet werden. Wenn Sie das nicht angefordert "
    "haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert."
) + MAIL_SIGNATURE
MAIL_RESET_UNKNOWN_SUBJECT = "Ihre Anfrage im Kundenportal"
MAIL_RESET_UNKNOWN_BODY = (
    "Guten Tag,\n\nfür diese E-Mail-Adresse wurde ein neues Passwort für das Kundenportal "
    "angefordert. Mit dieser Adresse ist aber kein Konto registriert. Falls Sie sich "
    "registrieren möchten, können Sie das hier tun:\n\n{register_link}\n\nWenn Sie das nicht "
    "angefordert haben, können Sie diese E-Mail ignorieren."
) + MAIL_SIGNATURE
MAIL_PASSWORD_CHANGED_SUBJECT = "Ihr Passwort im Kundenportal wurde geändert"
MAIL_PASSWORD_CHANGED_BODY = (
    "Guten Tag,\n\ndas Passwort Ihres Kontos im Kundenportal wurde am {when} geändert. "
    "{sessions}\n\nWenn Sie das nicht waren, setzen Sie Ihr Passwort bitte sofort zurück und "
    "informieren Sie uns:\n\n{reset_link}"
) + MAIL_SIGNATURE
MAIL_SESSIONS_ALL_ENDED = "Alle Anmeldungen wurden beendet."
MAIL_SESSIONS_OTHERS_ENDED = "Anmeldungen auf anderen Geräten wurden beendet."
MAIL_DELETED_SUBJECT = "Ihr Konto im Kundenportal wurde gelöscht"
MAIL_DELETED_BODY = (
    "Guten Tag,\n\nIhr Konto im Kundenportal wurde am {when} gelöscht. Alle Anmeldungen wurden "
    "beendet. Sie können sich mit dieser E-Mail-Adresse jederzeit neu registrieren:\n\n"
    "{register_link}\n\nWenn Sie das nicht waren, melden Sie sich bitte umgehend bei uns."
) + MAIL_SIGNATURE
MAIL_PAUSED_SUBJECT = "Anmeldung im Kundenportal vorübergehend gesperrt"
MAIL_PAUSED_BODY = (
    "Guten Tag,\n\nfür Ihr Konto im Kundenportal gab es viele fehlgeschlagene "
    "Anmeldeversuche. Zu Ihrem Schutz ist die Anmeldung bis {until} gesperrt. Danach können Sie "
    "sich wie gewohnt anmelden.\n\nWaren das nicht Sie, versucht womöglich jemand, Ihr Passwort "
    "zu erraten. Wählen Sie dann bitte ein neues, langes Passwort:\n\n{reset_link}"
) + MAIL_SIGNATURE


# === Courses, bookings, forms, help search, contact ==============================================
NAV_COURSES = "Kurse"
NAV_FORMS = "Formulare"
PRICE_FREE = "kostenfrei"

# --- catalogue --------------------------------------------------------------------------------
COURSES_TITLE = "Kurse und Lehrgänge"
COURSES_INTRO = (
    "Meisterschule, Weiterbildung, Ausbildereignung und mehr in unseren Bildungszentren. "
    "Zum Buchen melden Sie sich bitte an."
)
COURSES_FILTER_LABEL = "Kurse suchen und filtern"
COURSES_SEARCH = "Suchbegriff"
COURSES_SEARCH_HINT = "Zum Beispiel Schweißen, Meister oder einen Ort."
COURSES_CATEGORY = "Kategorie"
COURSES_LOCATION = "Ort"
COURSES_FROM = "Beginn ab"
COURSES_UNTIL = "Beginn bis"
COURSES_SORT = "Sortierung"
COURSES_SORT_SOON = "Beginn: früheste zuerst"
COURSES_SORT_LATE = "Beginn: späteste zuerst"
COURSES_ANY = "alle"
COURSES_APPLY = "Suchen"
COURSES_RESET = "Filter zurücksetzen"
COURSES_COUNT = "{total} Kurse gefunden"
COURSES_COUNT_ONE = "1 Kurs gefunden"
COURSES_NONE = (
    "Keine Kurse gefunden. Bitte ändern Sie den Suchbegriff oder setzen Sie die Filter zurück."
)
COURSES_RESULTS_LABEL = "Suchergebnis"
COURSES_PAGE = "Seite {page} von {pages}"
COURSES_PREVIOUS = "Vorherige Seite"
COURSES_NEXT = "Nächste Seite"
COURSES_PAGINATION = "Seiten des Suchergebnisses"
COURSE_DATES = "Termin"
COURSE_SCHEDULE = "Unterrichtszeiten"
COURSE_LOCATION = "Ort"
COURSE_PRICE = "Preis"
COURSE_SEATS = "Freie Plätze"
COURSE_SEATS_NONE = "ausgebucht – Warteliste möglich"
COURSE_DEADLINE = "Anmeldeschluss"
COURSE_CODE = "Kurs-Nr."
COURSE_CATEGORY = "Kategorie"
COURSE_DETAILS = "Kursdaten"
COURSE_DETAILS_LINK = "Details und Buchung"
COURSE_BACK = "Zurück zur Kursübersicht"
COURSE_NOT_FOUND = "Diesen Kurs gibt es nicht (mehr)."
COURSE_LOADING = "Der Kurs wird geladen …"

# --- booking ----------------------------------------------------------------------------------
BOOKING_TITLE = "Kurs buchen"
BOOKING_LOGIN = "Zum Buchen anmelden"
BOOKING_LOGIN_HINT = "Buchen können angemeldete Mitglieder. Noch kein Konto? Registrieren Sie sich."
BOOKING_FOR = "Wer nimmt teil?"
BOOKING_FOR_SELF = "Ich selbst"
BOOKING_FOR_OTHER = "Eine andere Person (z. B. Mitarbeiterin, Mitarbeiter, Lehrling)"
BOOKING_NAME = "Vor- und Nachname der teilnehmenden Person"
BOOKING_BIRTH_DATE = "Geburtsdatum"
BOOKING_EMAIL = "E-Mail-Adresse der teilnehmenden Person"
BOOKING_EMAIL_HINT = "Die Bestätigung geht an Sie und an diese Adresse."
BOOKING_TERMS = (
    "Ich akzeptiere die Teilnahme- und Zahlungsbedingungen. Die Kursgebühr wird mit der "
    "Rechnung fällig."
)
BOOKING_TERMS_SUMMARY = "Teilnahme- und Zahlungsbedingungen lesen"
BOOKING_TERMS_TEXT = (
    "Die Anmeldung ist verbindlich. Bis zum Anmeldeschluss können Sie kostenfrei unter "
    "„Meine Buchungen“ stornieren. Danach wird die volle Kursgebühr fällig, wenn kein "
    "Ersatzteilnehmer benannt wird. Die Rechnung erhalten Sie vor Kursbeginn. Fällt ein Kurs "
    "aus, erstatten wir bereits gezahlte Gebühren vollständig."
)
BOOKING_BUTTON = "Verbindlich buchen"
BOOKING_WAITLIST_BUTTON = "Auf die Warteliste setzen"
BOOKING_FULL = (
    "Dieser Kurs ist leider ausgebucht. Sie können sich auf die Warteliste setzen: Wird ein "
    "Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail."
)
BOOKING_DONE = "Gebucht! Die Bestätigung ist per E-Mail unterwegs."
BOOKING_WAITING_DONE = (
    "Sie stehen auf der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und "
    "erhalten eine E-Mail."
)
BOOKING_TWICE = "Diese Person ist für diesen Kurs bereits gebucht oder steht auf der Warteliste."
BOOKING_CLOSED = (
    "Der Anmeldeschluss für diesen Kurs ist vorbei. Eine Buchung ist nicht mehr möglich."
)
BOOKING_CLOSED_SHORT = "Anmeldeschluss vorbei – keine Buchung mehr möglich."
BOOKING_NAME_EMPTY = "Bitte geben Sie den Vor- und Nachnamen der teilnehmenden Person ein."
BOOKING_NAME_INVALID = "Bitte geben Sie einen Namen mit höchstens 120 Zeichen ein."
BOOKING_BIRTH_DATE_INVALID = "Bitte geben Sie ein gültiges Geburtsdatum ein (nicht in der Zukunft)."
BOOKING_TERMS_MISSING = "Bitte akzeptieren Sie die Teilnahme- und Zahlungsbedingungen."
BOOKING_NOT_FOUND = "Diese Buchung gibt es nicht oder sie ist bereits storniert."
CANCEL_CLOSED = "Der Anmeldeschluss ist vorbei: Eine Stornierung ist nur noch telefonisch möglich."
GO_TO_MY_BOOKINGS = "Zu meinen Buchungen"

# --- my bookings ------------------------------------------------------------------------------
MY_BOOKINGS_TITLE = "Meine Buchungen"
MY_BOOKINGS_EMPTY = "Sie haben noch keine Kurse gebucht."
MY_BOOKINGS_TO_CATALOGUE = "Zur Kursübersicht"
BOOKING_PARTICIPANT = "Teilnehmer/in"
BOOKING_STATUS = "Status"
STATUS_BOOKED = "gebucht"
STATUS_WAITING = "Warteliste, Platz {position}"
STATUS_CANCELLED = "storniert"
CANCEL_BUTTON = "Stornieren"
CANCEL_BUTTON_LABEL = "{title} stornieren"
CANCEL_CONFIRM = "Wirklich stornieren?"
CANCEL_YES = "Ja, stornieren"
CANCEL_NO = "Nein, behalten"
CANCEL_DONE = "Die Buchung ist storniert. Sie erhalten eine Bestätigung per E-Mail."

# --- forms ------------------------------------------------------------------------------------
FORMS_TITLE = "Online-Formulare"
FORMS_INTRO = "Erledigen Sie Ihre Anliegen online. Sie erhalten eine Bestätigung per E-Mail."
FORMS_OPEN = "Formular öffnen"
MY_REQUESTS_TITLE = "Meine Anfragen"
MY_REQUESTS_EMPTY = "Sie haben noch keine Formulare gesendet."
MY_REQUESTS_SENT = "gesendet am"
FORM_NAME = "Vor- und Nachname"
FORM_PHONE = "Telefon"
FORM_SUBJECT = "Betreff"
FORM_MESSAGE = "Ihre Nachricht"
FORM_COMPANY = "Name des Betriebs"
FORM_BETRIEBSNUMMER = "Betriebsnummer"
FORM_BETRIEBSNUMMER_HINT = "Zum Beispiel TS-1234567-0; die siebenstellige Nummer reicht."
FORM_TOPIC = "Thema der Beratung"
FORM_TOPICS = (
    "Existenzgründung",
    "Betriebsübergabe und Nachfolge",
    "Finanzierung und Fördermittel",
    "Digitalisierung",
    "Technik, Umwelt und Energie",
)
FORM_CHOOSE = "Bitte wählen"
FORM_PREFERRED_DATE = "Wunschtermin"
FORM_PREFERRED_DATE_HINT = (
    "Wir melden uns mit einem Terminvorschlag in der Nähe Ihres Wunschtermins."
)
FORM_CONSULTING_MESSAGE = "Worum geht es?"
FORM_STREET = "Neue Straße und Hausnummer"
FORM_POSTCODE = "Neue Postleitzahl"
FORM_CITY = "Neuer Ort"
FORM_VALID_FROM = "Gültig ab"
FORM_CONSENT = (
    "Ich bin einverstanden, dass die Handwerkskammer meine Angaben zur Bearbeitung meines "
    "Anliegens verarbeitet (siehe Datenschutzhinweise)."
)
FORM_CONTACT_TITLE = "Kontaktanfrage"
FORM_CONTACT_INTRO = (
    "Haben Sie noch Fragen? Schreiben Sie uns! Wir antworten in der Regel innerhalb von zwei "
    "Werktagen."
)
FORM_CONSULTING_TITLE = "Beratungstermin anfragen (Betriebsberatung)"
FORM_CONSULTING_INTRO = (
    "Unsere Betriebsberaterinnen und Betriebsberater unterstützen Sie kostenfrei bei Gründung, "
    "Nachfolge, Finanzierung und Technik."
)
FORM_ADDRESS_TITLE = "Adressänderung melden"
FORM_ADDRESS_INTRO = (
    "Ihr Betrieb ist umgezogen? Melden Sie die neue Anschrift für die Handwerksrolle."
)
FORM_SEND = "Absenden"
FORM_SENT_TITLE = "Vielen Dank!"
FORM_SENT = "Ihre Nachricht ist bei uns eingegangen. Eine Bestätigung ist per E-Mail unterwegs."
FORM_SEND_ANOTHER = "Weitere Nachricht schreiben"
FORM_REQUIRED = "Bitte füllen Sie das Feld „{label}“ aus."
FORM_TOO_LONG = "Bitte kürzen Sie Ihre Eingabe auf höchstens {limit} Zeichen."
FORM_OPTION_INVALID = "Bitte wählen Sie einen Eintrag aus der Liste."
FORM_POSTCODE_INVALID = "Bitte geben Sie eine Postleitzahl aus fünf Ziffern ein."
FORM_PHONE_INVALID = "Bitte geben Sie eine Telefonnummer aus Ziffern ein, zum Beispiel 0123 45678."
FORM_BETRIEBSNUMMER_INVALID = (
    "Bitte geben Sie die Betriebsnummer wie TS-1234567-0 oder nur die sieben Ziffern ein."
)
FORM_DATE_INVALID = "Bitte geben Sie ein gültiges Datum ein."
FORM_DATE_NOT_FUTURE = "Bitte wählen Sie einen Tag ab morgen."
FORM_RATE_LIMITED = (
    "Sie haben in der letzten Stunde schon mehrere Nachrichten gesendet. Bitte versuchen Sie "
    "es später noch einmal oder rufen Sie uns an."
)
HONEYPOT_LABEL = "Bitte dieses Feld leer lassen"

# --- help: search and anchors ------------------------------------------------------------------
FAQ_SEARCH = "Fragen durchsuchen"
FAQ_SEARCH_HINT = "Die Liste zeigt nur Fragen, die Ihren Suchbegriff enthalten."
FAQ_NO_MATCH = "Keine Frage passt zu Ihrem Suchbegriff."
# one anchor per FAQ entry, in the order of FAQ (deep links such as /hilfe#pin)
FAQ_ANCHORS = (
    "anmelden",
    "zugangsdaten",
    "passwort",
    "freischaltung",
    "betriebsnummer",
    "pin",
    "email",
)
FAQ_LINK_PASSWORD = "Zum Passwort-Formular"
FAQ_LINK_PIN = "Zum Freischaltformular"
HELP_PASSWORD_FORGOT = "Passwort vergessen? Setzen Sie es einfach zurück!"

# --- mails ------------------------------------------------------------------------------------
MAIL_COURSE_LINES = "{title} (Kurs-Nr. {code})\n{start} bis {end}, {schedule}\n{location}\n{link}"
MAIL_BOOKED_SUBJECT = "Buchungsbestätigung: {title}"
MAIL_BOOKED_BODY = (
    "Guten Tag,\n\nwir bestätigen die Buchung für {name}:\n\n{course}\n\nBis zum "
    "Anmeldeschluss können Sie die Buchung unter „Meine Buchungen“ stornieren:\n"
    "{bookings_link}"
) + MAIL_SIGNATURE
MAIL_WAITING_SUBJECT = "Warteliste: {title}"
MAIL_WAITING_BODY = (
    "Guten Tag,\n\nder Kurs ist ausgebucht. {name} steht auf der Warteliste für:\n\n{course}\n\n"
    "Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail. Ihre "
    "Buchungen: {bookings_link}"
) + MAIL_SIGNATURE
MAIL_MOVED_UP_SUBJECT = "Platz frei geworden – Sie sind gebucht: {title}"
MAIL_MOVED_UP_BODY = (
    "Guten Tag,\n\nein Platz ist frei geworden. {name} ist von der Warteliste nachgerückt und "
    "jetzt fest gebucht für:\n\n{course}\n\nIhre Buchungen: {bookings_link}"
) + MAIL_SIGNATURE
MAIL_CANCELLED_SUBJECT = "Stornierung bestätigt: {title}"
MAIL_CANCELLED_BODY = (
    "Guten Tag,\n\nwir bestätigen die Stornierung für {name}:\n\n{course}"
) + MAIL_SIGNATURE
MAIL_FORM_DEPARTMENT_SUBJECT = "Kundenportal – {title} von {sender}"
MAIL_FORM_DEPARTMENT_BODY = (
    "Über das Kundenportal ist ein Formular eingegangen: {title}\nAbsender: {sender}\n\n{fields}"
)
MAIL_FORM_RECEIPT_SUBJECT = "Eingangsbestätigung: {title}"
MAIL_FORM_RECEIPT_BODY = (
    "Guten Tag,\n\nvielen Dank für Ihre Nachricht. Wir haben folgende Angaben erhalten und "
    "melden uns bei Ihnen:\n\n{fields}"
) + MAIL_SIGNATURE
ACCOUNT_SERVICES_LABEL = "Ihre Online-Dienste"
FORM_CONSENT_MISSING = "Bitte bestätigen Sie Ihr Einverständnis zur Verarbeitung Ihrer Angaben."
OPTIONAL_MARK = "(optional)"
FORM_SELECT_REQUIRED = "Bitte wählen Sie einen Eintrag für „{label}“."

# --- Dokumente ------------------------------------------------------------------------
NAV_DOCUMENTS = "Dokumente"
DOCUMENTS_TITLE = "Dokumente"
DOCUMENTS_INTRO = (
    "Hier senden Sie uns Unterlagen für Ihren Betrieb oder für sich als Person und finden die "
    "Dokumente, die wir Ihnen bereitstellen."
)
DOCUMENT_DEPARTMENTS = (
    ("handwerksrolle", "Handwerksrolle"),
    ("ausbildung", "Lehrlingsrolle / Ausbildung"),
    ("pruefung", "Prüfungswesen"),
    ("beitrag", "Beitrag"),
    ("sonstiges", "Sonstiges"),
)
UPLOAD_HEADING = "Dokumente hochladen"
UPLOAD_FORM_LABEL = "Dokumente an die Handwerkskammer senden"
FIELD_DOCUMENT_OWNER = "Für"
FIELD_DOCUMENT_DEPARTMENT = "Abteilung"
DOCUMENT_CHOOSE = "Bitte wählen"
UPLOAD_ZONE_TEXT = "Dateien hierher ziehen oder"
UPLOAD_PICK = "Dateien auswählen"
UPLOAD_RULES = "Erlaubt sind PDF, JPEG und PNG, höchstens {limit} je Datei."
UPLOAD_SELECTED = "Ausgewählte Dateien"
UPLOAD_NONE_SELECTED = "Noch keine Datei ausgewählt."
UPLOAD_BUTTON = "Hochladen"
UPLOAD_CANCEL = "Abbrechen"
UPLOAD_PROGRESS = "Fortschritt des Hochladens"
UPLOAD_DONE = "{count} Datei(en) gesendet. Sie erhalten eine Bestätigung per E-Mail."
UPLOAD_NO_FILES = "Bitte wählen Sie zuerst mindestens eine Datei aus."
DOCUMENT_OWNER_MISSING = "Bitte wählen Sie, für welchen Betrieb oder welche Person Sie senden."
DOCUMENT_DEPARTMENT_MISSING = "Bitte wählen Sie die Abteilung."
DOCUMENT_QUOTA_FULL = (
    "Der Speicherplatz für diesen Betrieb bzw. diese Person ist voll. Bitte wenden Sie sich an uns."
)
DOCUMENT_REFUSED = "{name}: {reason}"
DOCUMENT_WRONG_TYPE = (
    "Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, JPEG und PNG (geprüft wird der "
    "Inhalt, nicht die Endung)."
)
DOCUMENT_TOO_LARGE = "Die Datei ist zu groß (höchstens {limit} je Datei)."
DOCUMENT_QUOTA_EXCEEDED = (
    "Die Datei passt nicht mehr in den Speicherplatz von {quota} für diesen Betrieb bzw. diese "
    "Person."
)
DOCUMENT_EMPTY = "Die Datei ist leer."
DOCUMENT_NOT_FOUND = "Dieses Dokument gibt es nicht oder es gehört nicht zu Ihren Freischaltungen."
SENT_HEADING = "Von Ihnen gesendet"
SENT_EMPTY = "Sie haben noch keine Dokumente gesendet."
PROVIDED_HEADING = "Für Sie bereitgestellt"
PROVIDED_EMPTY = "Zurzeit liegen keine Dokumente für Sie bereit."
COLUMN_DATE = "Datum"
COLUMN_DEPARTMENT = "Abteilung"
COLUMN_FOR = "Für"
COLUMN_SIZE = "Größe"
COLUMN_NAME = "Datei"
COLUMN_TITLE = "Dokument"
DOWNLOAD_BUTTON = "Herunterladen"
DOWNLOAD_LABEL = "{name} herunterladen"
MAIL_UPLOAD_SUBJECT = "Ihre Dokumente sind bei uns eingegangen"
MAIL_UPLOAD_BODY = (
    "Guten Tag,\n\nüber das Kundenportal haben uns folgende Dokumente erreicht:\n\n{files}\n\n"
    "Wir bearbeiten Ihre Unterlagen so bald wie möglich."
) + MAIL_SIGNATURE
MAIL_PROVIDED_SUBJECT = "Neues Dokument im Kundenportal"
MAIL_PROVIDED_BODY = (
    "Guten Tag,\n\nim Kundenportal liegt ein neues Dokument für {name} bereit:\n\n{title}\n\n"
    "Sie finden es nach der Anmeldung unter:\n{link}"
) + MAIL_SIGNATURE

UPLOAD_TOO_MANY = "Höchstens {count} Dateien auf einmal; die weiteren wurden nicht angenommen."
DOCUMENT_PICKER_REFUSED = (
    "nicht angenommen: erlaubt sind höchstens 10 Dateien auf einmal im Format PDF, JPEG oder PNG."
)
UPLOAD_INPUT_LABEL = "Dateiauswahl"
UPLOAD_CANCELLED = (
    "Hochladen abgebrochen. Bereits vollständig gesendete Dateien sind unten aufgeführt."
)
ACCOUNT_SERVICES = "Ihre Online-Dienste"

# --- Vorlagen -------------------------------------------------------------------------
NAV_VORLAGEN = "Vorlagen"
VORLAGEN_TITLE = "Vorlagen und Formulare"
VORLAGEN_INTRO = "Vorlagen und Formulare zum Herunterladen, nach Themen geordnet."
VORLAGEN_EMPTY = "Zurzeit sind keine Vorlagen eingestellt."
VORLAGE_NOT_FOUND = "Diese Vorlage gibt es nicht (mehr)."

# --- SEPA -----------------------------------------------------------------------------
NAV_SEPA = "SEPA"
SEPA_TITLE = "SEPA-Lastschriftmandat"
SEPA_INTRO = (
    "Erteilen Sie uns ein SEPA-Basislastschriftmandat für die Beiträge Ihres Betriebs. Ein "
    "neues Mandat ersetzt das bisherige; Sie können es jederzeit widerrufen."
)
SEPA_ONLY_BETRIEB = (
    "Das SEPA-Lastschriftmandat ist für Betriebe vorgesehen. Bitte schalten Sie Ihr Konto "
    "dafür als Betrieb frei."
)
SEPA_FORM_LABEL = "SEPA-Lastschriftmandat erteilen"
SEPA_NEW_HEADING = "Neues Mandat erteilen"
SEPA_REPLACE_HEADING = "Mandat ersetzen (neue Bankverbindung)"
FIELD_SEPA_BETRIEB = "Betrieb"
FIELD_KONTOINHABER = "Kontoinhaber"
FIELD_IBAN = "IBAN"
IBAN_HINT = "Zum Beispiel DE89 3704 0044 0532 0130 00. Leerzeichen sind erlaubt."
SEPA_BANK = "Kreditinstitut: {bank}"
SEPA_BANK_UNKNOWN = "IBAN gültig, Kreditinstitut nicht bekannt"
SEPA_CONSENT = "Ich erteile das SEPA-Lastschriftmandat mit dem oben stehenden Text."
SEPA_MANDATE_TEXT = (
    "Ich ermächtige die {creditor} (Gläubiger-Identifikationsnummer {creditor_id}), die "
    "Beiträge des Betriebs {betrieb} von meinem Konto mittels Lastschrift einzuziehen. Zugleich "
    "weise ich mein Kreditinstitut an, die von der {creditor} auf mein Konto gezogenen "
    "Lastschriften einzulösen. Hinweis: Ich kann innerhalb von acht Wochen, beginnend mit dem "
    "Belastungsdatum, die Erstattung des belasteten Betrages verlangen. Es gelten dabei die mit "
    "meinem Kreditinstitut vereinbarten Bedingungen. Die Mandatsreferenz wird mir nach der "
    "Erteilung mitgeteilt."
)
SEPA_GRANT_BUTTON = "Mandat erteilen"
SEPA_ACTIVE_HEADING = "Aktives Mandat"
SEPA_NONE_ACTIVE = "Für diesen Betrieb besteht kein aktives Mandat."
SEPA_REFERENCE = "Mandatsreferenz"
SEPA_CREDITOR_ID = "Gläubiger-ID"
SEPA_ACCOUNT = "Konto"
SEPA_IBAN_SHOWN = "IBAN endet auf {last4}"
SEPA_SINCE = "Erteilt am"
SEPA_REVOKE = "Mandat widerrufen"
SEPA_REVOKE_CONFIRM = (
    "Wollen Sie das Mandat wirklich widerrufen? Beiträge werden dann nicht mehr per Lastschrift "
    "eingezogen."
)
SEPA_REVOKE_YES = "Ja, widerrufen"
SEPA_PDF = "Mandat als PDF"
SEPA_HISTORY_HEADING = "Beendete Mandate"
SEPA_ENDED = "beendet am {date} ({reason})"
SEPA_REASONS = {"ersetzt": "ersetzt", "widerrufen": "widerrufen"}
SEPA_GRANTED = "Mandat {reference} erteilt. Die Bestätigung kommt per E-Mail."
SEPA_REVOKED = "Mandat {reference} widerrufen."
KONTOINHABER_EMPTY = "Bitte geben Sie den Kontoinhaber an."
KONTOINHABER_INVALID = (
    "Bitte geben Sie den Namen des Kontoinhabers an (höchstens 70 Zeichen, keine Sonderzeichen "
    "wie < > oder Steuerzeichen)."
)
IBAN_EMPTY = "Bitte geben Sie die IBAN ein."
IBAN_BAD_CHECKSUM = "Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie Ihre Eingabe."
IBAN_BAD_LENGTH = "Die IBAN hat nicht die richtige Länge für dieses Land."
IBAN_BAD_FORMAT = "Das ist keine gültige IBAN. Sie beginnt mit dem Länderkennzeichen, z. B. DE."
IBAN_NOT_SEPA = "Dieses Land nimmt nicht am SEPA-Lastschriftverfahren teil."
SEPA_CONSENT_MISSING = "Bitte bestätigen Sie den Mandatstext."
SEPA_BETRIEB_MISSING = "Bitte wählen Sie den Betrieb."
SEPA_MANDATE_NOT_FOUND = "Dieses Mandat gibt es nicht oder es ist bereits beendet."
MAIL_SEPA_SUBJECT = "Ihr SEPA-Lastschriftmandat"
MAIL_SEPA_BODY = (
    "Guten Tag,\n\nSie haben der {creditor} ein SEPA-Basislastschriftmandat für die Beiträge von "
    "{betrieb} erteilt.\n\nMandatsreferenz: {reference}\nGläubiger-Identifikationsnummer: "
    "{creditor_id}\nKontoinhaber: {holder}\nIBAN: endet auf {last4}\n\nEin bisheriges Mandat "
    "ist damit beendet. Das Mandat können Sie im Kundenportal als PDF herunterladen und dort "
    "jederzeit widerrufen."
) + MAIL_SIGNATURE
MAIL_SEPA_REVOKED_SUBJECT = "Widerruf Ihres SEPA-Lastschriftmandats"
MAIL_SEPA_REVOKED_BODY = (
    "Guten Tag,\n\nSie haben das SEPA-Lastschriftmandat {reference} für {betrieb} widerrufen. "
    "Wir ziehen keine Beiträge mehr per Lastschrift ein."
) + MAIL_SIGNATURE
SEPA_PDF_TITLE = "SEPA-Lastschriftmandat (SEPA Core Direct Debit)"

from portal_app.texts.operations import *  # noqa: E402, F403
