"""Dokumente: sending documents to the chamber and downloading what it provides."""

DOCUMENTS_TITLE = "Dokumente"
DOCUMENTS_INTRO = (
    "Hier senden Sie uns Unterlagen für Ihren Betrieb oder für sich als Person und finden die "
    "Dokumente, die wir Ihnen bereitstellen."
)
UPLOAD_HEADING = "Dokumente hochladen"
UPLOAD_FORM_LABEL = "Dokumente an die Handwerkskammer senden"
FIELD_DOCUMENT_OWNER = "Für"
FIELD_DOCUMENT_DEPARTMENT = "Abteilung"
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
DOCUMENT_STORE_UNAVAILABLE = (
    "Die Datei konnte gerade nicht gespeichert werden; es wurde nichts davon behalten. Bitte "
    "senden Sie sie später noch einmal."
)
DOCUMENT_NOT_PDF = (
    "Die Datei gibt sich als PDF aus, lässt sich aber nicht als PDF lesen. Bitte speichern oder "
    "drucken Sie das Dokument erneut als PDF und laden Sie es dann hoch."
)
DOCUMENT_NOT_IMAGE = (
    "Die Datei gibt sich als {kind}-Bild aus, lässt sich aber nicht als Bild lesen (beschädigt "
    "oder unvollständig). Bitte speichern Sie das Bild erneut oder senden Sie es als PDF."
)
DOCUMENT_NOT_FOUND = "Dieses Dokument gibt es nicht oder es gehört nicht zu Ihren Freischaltungen."
SENT_HEADING = "Von Ihnen gesendet"
SENT_EMPTY = "Sie haben noch keine Dokumente gesendet."
PROVIDED_HEADING = "Für Sie bereitgestellt"
PROVIDED_EMPTY = "Zurzeit liegen keine Dokumente für Sie bereit."
COLUMN_DATE = "Datum"
COLUMN_SIZE = "Größe"
COLUMN_NAME = "Datei"
COLUMN_TITLE = "Dokument"
DOWNLOAD_BUTTON = "Herunterladen"
DOWNLOAD_LABEL = "{name} herunterladen"

UPLOAD_TOO_MANY = "Höchstens {count} Dateien auf einmal; die weiteren wurden nicht angenommen."
DOCUMENT_PICKER_REFUSED = (
    "nicht angenommen: erlaubt sind höchstens 10 Dateien auf einmal im Format PDF, JPEG oder PNG."
)
UPLOAD_INPUT_LABEL = "Dateiauswahl"
UPLOAD_CANCELLED = (
    "Hochladen abgebrochen. Bereits vollständig gesendete Dateien sind unten aufgeführt."
)
UPLOAD_REQUEST_TOO_LARGE = (
    "Diese Sendung ist zu groß. Bitte senden Sie weniger oder kleinere Dateien."
)
