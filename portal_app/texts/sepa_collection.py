"""The SEPA collection file (/verwaltung/lastschrift) and what members see of it."""

SEPA_COLLECTION_TITLE = "SEPA-Lastschriften"
SEPA_COLLECTION_NAV = "Lastschriften"
SEPA_COLLECTION_INTRO = (
    "Aus einer CSV-Datei mit den Spalten betriebsnummer;betrag;verwendungszweck macht das "
    "Portal die Lastschriftdatei für die Bank (pain.008.001.02, SEPA-Basislastschrift), eine "
    "Lastschrift je Betrieb mit gültigem Mandat. Erst wenn Sie die Datei als „an die Bank "
    "übergeben“ markieren, gilt ein Mandat als benutzt (danach Folgelastschrift statt "
    "Erstlastschrift), und die Betriebe erhalten die Vorabankündigung in ihr Postfach."
)
SEPA_COLLECTION_REFUSED = "Die Lastschriften sind der Abteilung Beitrag vorbehalten."
SEPA_COLLECTION_FORM = "Neue Lastschriftdatei"
SEPA_COLLECTION_FIELD_DATE = "Fälligkeitsdatum"
SEPA_COLLECTION_FIELD_DATE_HINT = (
    "TT.MM.JJJJ, ein TARGET2-Geschäftstag (nicht Wochenende, Feiertag)."
)
SEPA_COLLECTION_EARLIEST = "Frühestens am {earliest} ({days} Geschäftstage Vorlauf der Bank)."
SEPA_COLLECTION_PICK = "CSV-Datei mit Beträgen auswählen"
SEPA_COLLECTION_FILE_INPUT = "CSV-Datei mit den Beträgen"
SEPA_COLLECTION_FILE_RULES = (
    "UTF-8, erste Zeile betriebsnummer;betrag;verwendungszweck; Beträge wie 1.234,56."
)
SEPA_COLLECTION_BUTTON = "Lastschriftdatei erstellen"
SEPA_COLLECTION_FILE_MISSING = "Bitte wählen Sie die CSV-Datei mit den Beträgen aus."
SEPA_COLLECTION_ONE_FILE = "Bitte wählen Sie genau eine CSV-Datei aus."
SEPA_COLLECTION_DATE_EMPTY = "Bitte geben Sie das Fälligkeitsdatum ein."
SEPA_COLLECTION_DATE_INVALID = "Bitte geben Sie das Datum als TT.MM.JJJJ ein."
SEPA_COLLECTION_DATE_TOO_EARLY = (
    "Die Bank braucht {days} TARGET2-Geschäftstage Vorlauf: frühestens am {earliest}."
)
SEPA_COLLECTION_DATE_TOO_LATE = (
    "Das Fälligkeitsdatum darf höchstens ein Jahr in der Zukunft liegen."
)
SEPA_COLLECTION_DATE_CLOSED = (
    "An diesem Tag ist TARGET2 geschlossen (Wochenende oder Feiertag): bitte einen Geschäftstag."
)
SEPA_COLLECTION_DATE_PASSED = (
    "Das Fälligkeitsdatum ist für die Bank zu nah oder vorbei: bitte erstellen Sie die Datei "
    "mit einem neuen Datum."
)
SEPA_COLLECTION_CSV_TOO_LARGE = "Die CSV-Datei ist zu groß (höchstens 5 MB)."
SEPA_COLLECTION_CSV_ENCODING = "Die CSV-Datei ist nicht in UTF-8 gespeichert."
SEPA_COLLECTION_CSV_EMPTY = "Die CSV-Datei ist leer."
SEPA_COLLECTION_CSV_HEADER = "Die erste Zeile muss betriebsnummer;betrag;verwendungszweck lauten."
SEPA_COLLECTION_CSV_TOO_MANY = "Die CSV-Datei hat mehr als {max} Zeilen."
SEPA_COLLECTION_CSV_NO_ROWS = "Die CSV-Datei enthält keine Zeilen mit Beträgen."
SEPA_COLLECTION_BAD_NUMBER = "Keine gültige Betriebsnummer (z. B. TS-1234567-0)."
SEPA_COLLECTION_UNKNOWN = "Unbekannte Betriebsnummer."
SEPA_COLLECTION_SEVERAL = "Die Nummer passt auf mehrere Filialen: bitte mit Kreis und Filiale."
SEPA_COLLECTION_TWICE = "Dieser Betrieb steht schon in Zeile {line}."
SEPA_COLLECTION_AMOUNT_EMPTY = "Der Betrag fehlt."
SEPA_COLLECTION_AMOUNT_FORMAT = "Der Betrag ist keine Zahl wie 1.234,56 (Dezimalkomma)."
SEPA_COLLECTION_AMOUNT_DECIMALS = "Der Betrag hat mehr als zwei Nachkommastellen."
SEPA_COLLECTION_AMOUNT_ZERO = "Der Betrag muss größer als 0 sein."
SEPA_COLLECTION_AMOUNT_TOO_HIGH = "Der Betrag ist zu hoch (höchstens 999.999.999,99 €)."
SEPA_COLLECTION_PURPOSE_EMPTY = "Der Verwendungszweck fehlt."
SEPA_COLLECTION_PURPOSE_TOO_LONG = "Der Verwendungszweck ist länger als {max} Zeichen."
SEPA_COLLECTION_PURPOSE_INVALID = (
    "Der Verwendungszweck darf keine Steuerzeichen und keine spitzen Klammern enthalten."
)
SEPA_COLLECTION_NO_MANDATE = "Kein gültiges SEPA-Mandat: nicht in der Lastschriftdatei."
SEPA_COLLECTION_ROWS_REJECTED = (
    "{count} Zeilen der CSV-Datei sind fehlerhaft: Es wurde keine Datei erstellt."
)
SEPA_COLLECTION_NOTHING = "Kein Betrieb der Datei hat ein gültiges SEPA-Mandat."
SEPA_COLLECTION_CREDITOR_MISSING = (
    "Die Gläubigerdaten der Kammer fehlen (PORTAL_GLAEUBIGER_NAME, PORTAL_GLAEUBIGER_IBAN, "
    "PORTAL_GLAEUBIGER_BIC): bitte beim Betrieb des Portals einstellen lassen."
)
SEPA_COLLECTION_SCHEMA_FAILED = (
    "Die Lastschriftdatei entspricht nicht dem Schema pain.008.001.02 und wird nicht angeboten."
)
SEPA_COLLECTION_NOT_FOUND = "Diese Lastschriftdatei gibt es nicht."
SEPA_COLLECTION_NONE_SKIPPED = "In dieser Datei fehlte kein Mandat."
SEPA_COLLECTION_ALREADY_SUBMITTED = "Diese Datei ist schon als an die Bank übergeben markiert."
SEPA_COLLECTION_MANDATE_ENDED = (
    "Ein Mandat dieser Datei ist inzwischen beendet: bitte erstellen Sie die Datei neu."
)
SEPA_COLLECTION_FIRST_USED = (
    "Ein Mandat dieser Datei wurde inzwischen mit einer anderen Datei eingezogen; die "
    "Erstlastschrift stimmt nicht mehr: bitte erstellen Sie die Datei neu."
)
SEPA_COLLECTION_DONE = (
    "Die Lastschriftdatei ist erstellt und gegen das Schema geprüft: {count} Lastschriften, "
    "zusammen {total}, fällig am {date} ({first} Erst-, {recurring} Folgelastschriften)."
)
SEPA_COLLECTION_WITHOUT_MANDATE = "Ohne gültiges Mandat (nicht in der Datei)"
SEPA_COLLECTION_PROBLEMS = "Fehlerhafte Zeilen"
SEPA_COLLECTION_COLUMN_LINE = "Zeile"
SEPA_COLLECTION_EXPORTS = "Erstellte Lastschriftdateien"
SEPA_COLLECTION_EXPORTS_EMPTY = "Noch keine Lastschriftdatei erstellt."
SEPA_COLLECTION_EXPORT_ROW = (
    "Fällig am {date}: {count} Lastschriften, {total} ({first} Erstlastschriften), "
    "erstellt {created} von {staff}"
)
SEPA_COLLECTION_NOT_SUBMITTED = "noch nicht an die Bank übergeben"
SEPA_COLLECTION_SUBMITTED_AT = "an die Bank übergeben am {date}"
SEPA_COLLECTION_DOWNLOAD = "XML herunterladen"
SEPA_COLLECTION_DOWNLOAD_LABEL = "Lastschriftdatei fällig am {date} herunterladen"
SEPA_COLLECTION_SKIPPED_DOWNLOAD = "Ohne Mandat (CSV)"
SEPA_COLLECTION_SKIPPED_LABEL = "Zeilen ohne Mandat der Datei fällig am {date} herunterladen"
SEPA_COLLECTION_SUBMIT = "An die Bank übergeben"
SEPA_COLLECTION_SUBMIT_LABEL = "Datei fällig am {date} als an die Bank übergeben markieren"
SEPA_COLLECTION_SUBMIT_QUESTION = (
    "Haben Sie die Datei fällig am {date} der Bank übergeben? Danach gelten ihre Mandate als "
    "benutzt, und die Betriebe erhalten die Vorabankündigung."
)
SEPA_COLLECTION_SUBMIT_YES = "Ja, übergeben"
SEPA_COLLECTION_SUBMIT_NO = "Nein, noch nicht"
SEPA_COLLECTION_SUBMITTED = (
    "Die Datei fällig am {date} ist als an die Bank übergeben markiert; die Betriebe haben die "
    "Vorabankündigung im Postfach."
)
# the member's side: the pre-notification and the SEPA page
SEPA_PRE_NOTIFICATION_SUBJECT = "Vorabankündigung: SEPA-Lastschrift am {date}"
SEPA_PRE_NOTIFICATION_BODY = (
    "Guten Tag,\n\nfür {betrieb} ziehen wir am {date} den Betrag von {amount} per "
    "SEPA-Basislastschrift ein.\n\nVerwendungszweck: {purpose}\nMandatsreferenz: {reference}\n"
    "Gläubiger-Identifikationsnummer: {creditor_id}\nKonto: IBAN endet auf {last4}\n\n"
    "Bitte sorgen Sie für ausreichende Deckung des Kontos.\n\nIhre Handwerkskammer"
)
SEPA_COLLECTIONS_HEADING = "Lastschriften mit diesem Mandat"
SEPA_COLLECTIONS_EMPTY = "Mit diesem Mandat wurde noch nichts eingezogen."
SEPA_COLLECTIONS_ROW = "{date}: {amount} – {purpose} ({kind})"
SEPA_SEQUENCE_FIRST = "Erstlastschrift"
SEPA_SEQUENCE_RECURRING = "Folgelastschrift"
