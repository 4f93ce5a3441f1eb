"""The staff's inbox (Eingang) and its items (Vorgänge)."""

INBOX_KIND_DOCUMENT = "Hochgeladenes Dokument"
INBOX_KIND_FORM = "Online-Formular"
INBOX_KIND_PIN = "Neue PIN"
INBOX_STATUS_NEW = "neu"
INBOX_STATUS_WORKING = "in Bearbeitung"
INBOX_ITEM_NOT_FOUND = "Diesen Vorgang gibt es nicht oder er gehört nicht zu Ihren Abteilungen."
INBOX_STATUS_UNKNOWN = "Bitte wählen Sie einen Status."
INBOX_DEPARTMENT_UNKNOWN = "Bitte wählen Sie die Abteilung, an die der Vorgang gehen soll."
INBOX_FORWARD_SAME = "Der Vorgang liegt bereits bei dieser Abteilung."
INBOX_FORWARDED_NOTE = "Von {before} an {after}."
INBOX_NOTE_TOO_LONG = "Die Notiz darf höchstens {limit} Zeichen lang sein."
INBOX_ANSWER_EMPTY = "Bitte schreiben Sie eine Antwort."
INBOX_ANSWER_TOO_LONG = "Die Antwort darf höchstens {limit} Zeichen lang sein."
INBOX_ANSWER_NO_ACCOUNT = (
    "Dieser Vorgang kam ohne Konto (Kontaktformular ohne Anmeldung). Bitte antworten Sie per "
    "E-Mail an die angegebene Adresse."
)
INBOX_ANSWER_FILE_REFUSED = (
    "„{name}“ ist keine gültige PDF-, JPEG- oder PNG-Datei. Die Antwort wurde nicht gesendet."
)
INBOX_FIELD_KIND = "Art"
INBOX_FIELD_NUMBER = "Nummer"
INBOX_PIN_SENDER = "{kind} {number}"
INBOX_PIN_SUBJECT = "Antrag auf eine neue PIN"
INBOX_ANSWERED_SUFFIX = " – Antwort im Postfach"
COLUMN_STATUS = "Bearbeitung"
