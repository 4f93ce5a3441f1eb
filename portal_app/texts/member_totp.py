"""Zweiter Faktor of members: set-up, login code, SEPA requirement, staff reset, mails."""

from portal_app.texts import mails

SECOND_FACTOR_TITLE = "Zweiter Faktor"
SECOND_FACTOR_INTRO = (
    "Mit dem zweiten Faktor fragt das Kundenportal bei jeder Anmeldung nach dem Passwort "
    "zusätzlich einen sechsstelligen Bestätigungscode aus einer Authenticator-App auf Ihrem "
    "Telefon ab (z. B. FreeOTP, Aegis, Google oder Microsoft Authenticator). Wer Ihr Passwort "
    "kennt, kommt so noch nicht in Ihr Konto."
)
SECOND_FACTOR_REQUIRED_NOTE = (
    "Für Ihr Konto ist der zweite Faktor vorgeschrieben: Sie verwalten einen Betrieb und "
    "können SEPA-Lastschriftmandate erteilen."
)
SECOND_FACTOR_STATUS_ON = "Der zweite Faktor ist eingeschaltet."
SECOND_FACTOR_STATUS_OFF = "Der zweite Faktor ist ausgeschaltet."
SECOND_FACTOR_CODES_LEFT = "Noch {count} von 10 Wiederherstellungscodes übrig."
SECOND_FACTOR_START = "Zweiten Faktor einrichten"
SECOND_FACTOR_RECOVERY_INTRO = (
    "Der zweite Faktor ist eingeschaltet. Bewahren Sie diese zehn Codes sicher auf "
    "(ausdrucken oder im Passwort-Manager): Jeder Code ersetzt einmal den Bestätigungscode, "
    "falls Sie Ihr Telefon nicht zur Hand haben. Die Codes werden nur jetzt angezeigt."
)
SECOND_FACTOR_OTHERS_ENDED = "Ihre Anmeldungen auf anderen Geräten wurden beendet."
SECOND_FACTOR_DOWNLOAD = "Codes als Textdatei herunterladen"
SECOND_FACTOR_CODES_NOTED = "Ich habe die Codes notiert"
SECOND_FACTOR_BACK_TO = "Weiter zu {title}"
SECOND_FACTOR_CODES_FILE = (
    "Wiederherstellungscodes für das Kundenportal der {chamber}\nKonto: {email}\n"
    "Erstellt: {when}\n\nJeder Code gilt einmal.\n\n{codes}\n"
)
SECOND_FACTOR_OFF_TITLE = "Zweiten Faktor ausschalten"
SECOND_FACTOR_OFF_INTRO = (
    "Zum Ausschalten bestätigen Sie mit Ihrem Passwort und einem Bestätigungscode (oder einem "
    "Wiederherstellungscode)."
)
SECOND_FACTOR_OFF_BUTTON = "Ausschalten"
SECOND_FACTOR_OFF_REQUIRED = (
    "Ohne zweiten Faktor können Sie den SEPA-Dienst nicht nutzen, bis Sie ihn wieder einrichten."
)
SECOND_FACTOR_TURNED_OFF = "Sie haben den zweiten Faktor ausgeschaltet."
SECOND_FACTOR_RENEW_TITLE = "Neue Wiederherstellungscodes"
SECOND_FACTOR_RENEW_INTRO = (
    "Neue Codes ersetzen alle bisherigen. Bestätigen Sie mit Ihrem Passwort und einem "
    "Bestätigungscode."
)
SECOND_FACTOR_RENEW_BUTTON = "Neue Codes erzeugen"
SECOND_FACTOR_RENEWED_INTRO = (
    "Ihre neuen Wiederherstellungscodes; die bisherigen gelten nicht mehr. Die Codes werden "
    "nur jetzt angezeigt."
)

# errors
SECOND_FACTOR_NEEDED = (
    "Für diesen Dienst brauchen Sie einen zweiten Faktor. Bitte richten Sie ihn unter "
    "Mein Konto › Zweiter Faktor ein."
)
SECOND_FACTOR_ALREADY_ON = "Der zweite Faktor ist schon eingeschaltet."
SECOND_FACTOR_NOT_ON = "Der zweite Faktor ist nicht eingeschaltet."
SECOND_FACTOR_SETUP_GONE = (
    "Die Einrichtung ist nicht mehr gültig. Bitte beginnen Sie noch einmal mit "
    "„Zweiten Faktor einrichten“."
)

# login
LOGIN_CODE_INTRO = (
    "Ihr Konto ist mit einem zweiten Faktor geschützt. Geben Sie den Code aus Ihrer "
    "Authenticator-App ein. Ohne Telefon: einer Ihrer Wiederherstellungscodes."
)
LOGIN_START_AGAIN = "Von vorn beginnen"

# the services that need it: SEPA, a Betrieb's administration
SECOND_FACTOR_FIRST_TITLE = "Zuerst den zweiten Faktor einrichten"
SEPA_SECOND_FACTOR_TEXT = (
    "SEPA-Lastschriftmandate betreffen das Konto Ihres Betriebs. Deshalb ist dafür ein zweiter "
    "Faktor vorgeschrieben: Nach dem Passwort fragt das Portal einen Code aus Ihrer "
    "Authenticator-App ab. Die Einrichtung dauert etwa zwei Minuten; danach kommen Sie hierher "
    "zurück."
)
TEAM_SECOND_FACTOR_TEXT = (
    "Als Verwalterin oder Verwalter bestimmen Sie, wer im Portal für Ihren Betrieb handeln darf. "
    "Deshalb ist dafür ein zweiter Faktor vorgeschrieben: Nach dem Passwort fragt das Portal "
    "einen Code aus Ihrer Authenticator-App ab. Bis dahin können Sie Ihr Team ansehen, aber "
    "niemanden einladen, entfernen oder Rollen ändern. Die Einrichtung dauert etwa zwei Minuten; "
    "danach kommen Sie hierher zurück."
)
SECOND_FACTOR_FIRST_LINK = "Zweiten Faktor jetzt einrichten"

# sessions page
SESSIONS_SECOND_FACTOR_YES = "bestätigt"
SESSIONS_SECOND_FACTOR_NO = "nicht bestätigt"

# --- the staff's page: member accounts -----------------------------------------------------
MEMBER_ACCOUNTS_TITLE = "Konten von Mitgliedern"
MEMBER_ACCOUNTS_NAV = "Mitgliedskonten"
MEMBER_ACCOUNTS_INTRO = (
    "Finden Sie ein Mitgliedskonto über die vollständige E-Mail-Adresse. Hat ein Mitglied "
    "Telefon und Wiederherstellungscodes verloren, setzen Sie hier nach Prüfung der Identität "
    "den zweiten Faktor zurück. Jede Rücksetzung wird mit Grund protokolliert."
)
MEMBER_ACCOUNTS_SEARCH = "Konto suchen"
MEMBER_ACCOUNTS_NONE = "Zu dieser E-Mail-Adresse gibt es kein Mitgliedskonto."
MEMBER_ACCOUNT_NOT_FOUND = "Dieses Mitgliedskonto gibt es nicht (mehr)."
MEMBER_ACCOUNT_REGISTERED = "Registriert am"
MEMBER_ACCOUNT_CONFIRMED = "E-Mail-Adresse bestätigt"
MEMBER_ACCOUNT_REQUIRED = "Zweiter Faktor vorgeschrieben"
FIELD_RESET_REASON = "Grund der Rücksetzung"
RESET_REASON_HINT = (
    "Z. B. „Telefon verloren, Identität am Telefon geprüft“ (höchstens 500 Zeichen)."
)
SECOND_FACTOR_WAS_RESET_MEMBER = (
    "Der zweite Faktor von {email} ist zurückgesetzt; alle Anmeldungen des Kontos sind beendet "
    "und das Mitglied ist per E-Mail informiert."
)
SECOND_FACTOR_REASON_EMPTY = "Bitte geben Sie den Grund der Rücksetzung an."
SECOND_FACTOR_REASON_INVALID = (
    "Der Grund darf höchstens 500 Zeichen lang sein und keine Steuerzeichen enthalten."
)
SECOND_FACTOR_NOT_ON_STAFF = "Dieses Konto hat keinen zweiten Faktor."

# --- mails ----------------------------------------------------------------------------------
_SIGNATURE = mails._SIGNATURE  # the signature of every mail to a member
MAIL_SECOND_FACTOR_ON_SUBJECT = "Zweiter Faktor eingeschaltet"
MAIL_SECOND_FACTOR_ON_BODY = (
    "Guten Tag,\n\nam {when} wurde für Ihr Konto im Kundenportal der zweite Faktor "
    "eingeschaltet. Ab jetzt fragt das Portal bei jeder Anmeldung nach dem Code Ihrer "
    "Authenticator-App.\n\nWaren Sie das nicht? Dann ändern Sie bitte sofort Ihr Passwort und "
    "melden Sie sich bei uns: {link}"
) + _SIGNATURE
MAIL_SECOND_FACTOR_OFF_SUBJECT = "Zweiter Faktor ausgeschaltet"
MAIL_SECOND_FACTOR_OFF_BODY = (
    "Guten Tag,\n\nam {when} wurde der zweite Faktor Ihres Kontos im Kundenportal "
    "ausgeschaltet. Die Anmeldung braucht jetzt nur noch das Passwort.\n\nWaren Sie das "
    "nicht? Dann ändern Sie bitte sofort Ihr Passwort und melden Sie sich bei uns: {link}"
) + _SIGNATURE
MAIL_RECOVERY_CODE_USED_SUBJECT = "Anmeldung mit einem Wiederherstellungscode"
MAIL_RECOVERY_CODE_USED_BODY = (
    "Guten Tag,\n\nam {when} hat sich jemand mit einem Ihrer Wiederherstellungscodes am "
    "Kundenportal angemeldet. Jeder Code gilt nur einmal; Sie haben noch {left} übrig. Neue "
    "Codes erzeugen Sie unter Mein Konto › Zweiter Faktor:\n\n{link}\n\nWaren Sie das nicht? "
    "Dann ändern Sie bitte sofort Ihr Passwort und melden Sie sich bei uns."
) + _SIGNATURE
MAIL_SECOND_FACTOR_RESET_SUBJECT = "Ihr zweiter Faktor wurde zurückgesetzt"
MAIL_SECOND_FACTOR_RESET_BODY = (
    "Guten Tag,\n\nam {when} hat die Handwerkskammer auf Ihre Bitte den zweiten Faktor Ihres "
    "Kontos im Kundenportal zurückgesetzt; alle Anmeldungen wurden beendet. Sie melden sich "
    "jetzt nur mit dem Passwort an:\n\n{login_link}\n\nBitte richten Sie den zweiten Faktor "
    "danach unter Mein Konto › Zweiter Faktor neu ein. Haben Sie nicht um die Rücksetzung "
    "gebeten? Dann melden Sie sich bitte sofort bei uns."
) + _SIGNATURE
