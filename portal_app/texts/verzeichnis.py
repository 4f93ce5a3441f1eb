"""Staff: the Verzeichnis of Betriebe and Personen, PINs, letters, Freischaltungen, import."""

# --- the list -----------------------------------------------------------------------------
VERZEICHNIS_TITLE = "Verzeichnis"
VERZEICHNIS_INTRO = (
    "Betriebe und Personen aus dem Verzeichnis der Kammer: suchen, Freischaltungen und "
    "PIN-Stand ansehen, neue PINs und PIN-Briefe ausstellen."
)
VERZEICHNIS_ART = "Verzeichnis von"
VERZEICHNIS_ART_BETRIEBE = "Betriebe"
VERZEICHNIS_ART_PERSONEN = "Personen"
VERZEICHNIS_SEARCH_HINT = (
    "Nummer, Name, Straße, PLZ oder Ort; jedes Wort muss am Anfang eines Wortes stehen."
)
VERZEICHNIS_SEARCH_BUTTON = "Im Verzeichnis suchen"
VERZEICHNIS_FILTER_LABEL = "Verzeichnis durchsuchen"
VERZEICHNIS_TABLE = "Gefundene Einträge des Verzeichnisses"
VERZEICHNIS_PAGES_LABEL = "Seiten des Verzeichnisses"
VERZEICHNIS_COLUMN_ADDRESS = "Anschrift"
VERZEICHNIS_COLUMN_CHOOSE = "Auswahl"
VERZEICHNIS_CHOOSE_LABEL = "{name} für PIN-Briefe auswählen"
VERZEICHNIS_OPEN_LABEL = "{name} ({number}) öffnen"
VERZEICHNIS_SEARCH_TOO_LONG = "Bitte suchen Sie mit höchstens {limit} Zeichen."
VERZEICHNIS_ART_UNKNOWN = "Bitte wählen Sie Betriebe oder Personen."

# --- one record ---------------------------------------------------------------------------
VERZEICHNIS_RECORD_TITLE = "Eintrag im Verzeichnis"
VERZEICHNIS_NOT_FOUND = (
    "Diesen Eintrag gibt es nicht, oder er gehört nicht zu den Verzeichnissen Ihrer Abteilungen."
)
VERZEICHNIS_FACTS = "Angaben aus dem Verzeichnis"
VERZEICHNIS_EINTRAGUNG = "Eintragung"
VERZEICHNIS_PERSON_ART = "Personengruppe"
VERZEICHNIS_BIRTH_DATE = "Geburtsdatum der Person"
VERZEICHNIS_BACK = "Zurück zum Verzeichnis"
VERZEICHNIS_LINKS_HEADING = "Freischaltungen"
VERZEICHNIS_LINKS_EMPTY = "Kein Konto ist für diesen Eintrag freigeschaltet."
VERZEICHNIS_LINKS_TABLE = "Freigeschaltete Konten"
VERZEICHNIS_LINK_ACCOUNT = "Konto (E-Mail-Adresse)"
VERZEICHNIS_LINK_SINCE = "Freigeschaltet seit"
VERZEICHNIS_LINK_END = "Freischaltung beenden"
VERZEICHNIS_LINK_END_LABEL = "Freischaltung von {email} beenden"
VERZEICHNIS_LINK_ENDED = (
    "Die Freischaltung ist beendet. Das Konto hat keinen Zugriff mehr auf Dokumente und "
    "SEPA-Mandat dieses Eintrags; das Mitglied wurde per E-Mail informiert."
)
VERZEICHNIS_LINK_NOT_FOUND = "Diese Freischaltung gibt es nicht mehr."
VERZEICHNIS_LAST_ADMIN = (
    "Das ist der letzte Verwalter des Betriebs, und zum Team gehören noch andere. Schicken Sie "
    "dem Betrieb zuerst eine neue PIN: Wer sie einlöst, wird Verwalter. Danach können Sie diese "
    "Freischaltung beenden – oder beenden Sie vorher die Freischaltungen der anderen."
)
VERZEICHNIS_PINS_EMPTY = "Für diesen Eintrag wurde noch keine PIN ausgestellt."
VERZEICHNIS_PINS_TABLE = "PINs dieses Eintrags, die neueste zuerst"
VERZEICHNIS_PIN_ISSUED_AT = "Ausgestellt am"
VERZEICHNIS_PIN_VALID_UNTIL = "Gültig bis"
VERZEICHNIS_PIN_STATE = "Stand"
VERZEICHNIS_PIN_TRIES = "Fehlversuche"
VERZEICHNIS_PIN_TRIES_VALUE = "{tries} (von {accounts} Konten; ungültig ab {limit} Konten)"
VERZEICHNIS_PIN_USABLE = "gültig"
VERZEICHNIS_PIN_USED = "benutzt am {date}"
VERZEICHNIS_PIN_VOIDED = "ungültig seit {date}"
VERZEICHNIS_PIN_EXPIRED = "abgelaufen"
VERZEICHNIS_ISSUE_PIN = "Neue PIN ausstellen"
VERZEICHNIS_ISSUE_HINT = (
    "Eine neue PIN macht die bisherige ungültig und erledigt offene Anforderungen. Der "
    "PIN-Brief wird sofort heruntergeladen; die PIN wird nirgends sonst angezeigt."
)
VERZEICHNIS_PIN_ISSUED = (
    "Eine neue PIN ist ausgestellt, gültig bis {date}. Der PIN-Brief wurde heruntergeladen."
)
VERZEICHNIS_REQUESTS_HEADING = "Anforderungen einer neuen PIN"
VERZEICHNIS_REQUESTS_EMPTY = "Keine offene Anforderung."
VERZEICHNIS_REQUEST_LINE = "{date}: angefordert von {email}"
VERZEICHNIS_ITEM_RECORD = "Im Verzeichnis öffnen (neue PIN ausstellen)"
VERZEICHNIS_LETTER_NAME = "PIN-Brief {number}.pdf"

# --- many letters -------------------------------------------------------------------------
VERZEICHNIS_BULK_HEADING = "PIN-Briefe"
VERZEICHNIS_BULK_HINT = (
    "Eine PDF-Datei mit einem Brief je Seite, jeder mit einer neuen PIN (ältere PINs werden "
    "ungültig): für die ausgewählten Einträge oder für alle Treffer der Suche."
)
VERZEICHNIS_BULK_FOR_CHOSEN = "PIN-Briefe für die Ausgewählten"
VERZEICHNIS_BULK_FOR_ALL = "PIN-Briefe für alle Treffer"
VERZEICHNIS_BULK_NONE = "Bitte wählen Sie zuerst Einträge aus."
VERZEICHNIS_BULK_TOO_MANY = (
    "Höchstens {limit} Briefe auf einmal; bitte schränken Sie die Suche ein."
)
VERZEICHNIS_BULK_BUSY = "Die PIN-Briefe werden erstellt …"
VERZEICHNIS_BULK_DONE = "{count} PIN-Briefe sind erstellt und wurden heruntergeladen."
VERZEICHNIS_BULK_NAME = "PIN-Briefe {date}.pdf"

# --- the member's mail --------------------------------------------------------------------
MAIL_LINK_ENDED_SUBJECT = "Ihre Freischaltung wurde beendet"
MAIL_LINK_ENDED_BODY = (
    "Guten Tag,\n\n"
    "die Handwerkskammer hat die Freischaltung Ihres Kontos für {target} beendet. Dokumente "
    "und SEPA-Mandat dieses Eintrags sind in Ihrem Konto nicht mehr zugänglich.\n\n"
    "Wenn Sie Fragen dazu haben, antworten Sie bitte nicht auf diese E-Mail, sondern schreiben "
    "Sie uns über das Kontaktformular des Kundenportals.\n\n"
    "Ihre Handwerkskammer"
)

# --- the inbox's note when a PIN closes a request -------------------------------------------
PIN_REQUEST_CLOSED_NOTE = "Neue PIN ausgestellt"
# --- import from the browser ----------------------------------------------------------------
VERZEICHNIS_IMPORT_HEADING = "Verzeichnis importieren"
VERZEICHNIS_IMPORT_HINT = (
    "CSV-Datei (UTF-8, erste Zeile die Spaltennamen, getrennt durch ; oder ,). Bekannte "
    "Nummern werden aktualisiert. Ist eine Zeile fehlerhaft, wird nichts übernommen."
)
VERZEICHNIS_IMPORT_INTO = "Importieren in das Verzeichnis der"
VERZEICHNIS_IMPORT_PICK = "CSV-Datei auswählen"
VERZEICHNIS_IMPORT_INPUT = "CSV-Datei für den Import"
VERZEICHNIS_IMPORT_BUTTON = "Importieren"
VERZEICHNIS_IMPORT_DONE = "Importiert: {added} neu, {updated} aktualisiert."
VERZEICHNIS_IMPORT_FAILED = "Nichts wurde importiert. {problem}"
VERZEICHNIS_IMPORT_NO_FILE = "Bitte wählen Sie eine CSV-Datei."
VERZEICHNIS_IMPORT_UNREADABLE = "Die Datei ist keine CSV-Datei in UTF-8."
VERZEICHNIS_IMPORT_TOO_LARGE = "Die Datei ist größer als {mb} MB."
