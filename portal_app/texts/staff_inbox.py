"""The staff's Eingang and one item (Vorgang) there."""

STAFF_INBOX_TABLE = "Vorgänge im Eingang"
STAFF_INBOX_COUNTS = "Vorgänge nach Status"
STAFF_INBOX_COUNT = "{status}: {count}"
STAFF_INBOX_EMPTY = "Keine Vorgänge gefunden."
STAFF_INBOX_TOTAL_PREFIX = "Gefundene Vorgänge:"
STAFF_INBOX_FOUND = "{count} Vorgänge gefunden."
STAFF_INBOX_PAGE = "Seite {page} von {pages}."
STAFF_INBOX_FILTER_INVALID = "Bitte prüfen Sie den Zeitraum."
STAFF_FILTER_LABEL = "Vorgänge filtern"
STAFF_FILTER_SINCE = "Eingegangen ab"
STAFF_FILTER_UNTIL = "Eingegangen bis"
STAFF_FILTER_TEXT = "Suche"
STAFF_FILTER_TEXT_HINT = "Name, E-Mail-Adresse oder Betreff, auch Wortanfänge."
STAFF_FILTER_APPLY = "Anzeigen"
STAFF_UNREAD = "Ungelesen"
STAFF_PAGE_OF_PREFIX = "Seite"
STAFF_PAGE_OF = "von"
STAFF_PAGES_LABEL = "Seiten des Eingangs"
STAFF_ITEM_TITLE = "Vorgang"
STAFF_ITEM_OPEN = "{subject} von {sender} öffnen"
STAFF_ITEM_FACTS = "Angaben zum Vorgang"
STAFF_ITEM_RECEIVED = "Eingegangen"
STAFF_ITEM_FROM = "Von"
STAFF_ITEM_EMAIL = "E-Mail-Adresse des Kontos"
STAFF_ITEM_ASSIGNEE = "Bearbeitet von"
STAFF_ITEM_SENT = "Gesendet"
STAFF_ITEM_DOWNLOAD = "Datei herunterladen"
STAFF_ITEM_TAKE_OVER = "Übernehmen"
STAFF_ITEM_TAKEN = "Sie bearbeiten diesen Vorgang."
STAFF_ITEM_STATUS_HEADING = "Status ändern"
STAFF_ITEM_SET_STATUS = "Status setzen"
STAFF_ITEM_STATUS_SET = "Der Status ist gesetzt."
STAFF_ITEM_NOTE = "Notiz (optional)"
STAFF_ITEM_FORWARD_HEADING = "An eine andere Abteilung weiterleiten"
STAFF_ITEM_FORWARD_TO = "An Abteilung"
STAFF_ITEM_FORWARD = "Weiterleiten"
STAFF_ITEM_FORWARDED = "Der Vorgang ist weitergeleitet."
STAFF_ITEM_ANSWER_HEADING = "Antworten"
STAFF_ITEM_ANSWER = "Antwort an das Mitglied"
STAFF_ITEM_ANSWER_HINT = (
    "Die Antwort erscheint im Postfach des Mitglieds; die Mail sagt nur, dass etwas Neues da ist."
)
STAFF_ITEM_PICK_FILES = "Dateien anhängen"
STAFF_ITEM_FILES_RULES = "Optional: bis zu {count} Dateien, PDF, JPEG oder PNG."
STAFF_ITEM_SEND_ANSWER = "Antwort senden"
STAFF_ITEM_ANSWERED = "Die Antwort liegt im Postfach des Mitglieds."
STAFF_ANSWER_TOO_MANY = "Bitte hängen Sie höchstens {count} Dateien an."
STAFF_ANSWER_FILE_TOO_LARGE = "„{name}“ ist zu groß. Die Antwort wurde nicht gesendet."
STAFF_ITEM_HISTORY = "Verlauf"
STAFF_BACK_TO_INBOX = "Zurück zum Eingang"
STAFF_HISTORY = {
    "eingegangen": "Eingegangen",
    "angesehen": "Geöffnet",
    "uebernommen": "Übernommen",
    "status": "Status",
    "weitergeleitet": "Weitergeleitet",
    "beantwortet": "Beantwortet",
    "datei_angesehen": "Datei heruntergeladen",
    "rueckfrage": "Rückfrage an den Betrieb",
    "erneut_eingereicht": "Erneut eingereicht",
    "eingetragen": "In die Lehrlingsrolle eingetragen",
}
STAFF_ITEM_FILES_INPUT = "Dateien für die Antwort"
