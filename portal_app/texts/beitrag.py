"""Fee notices in bulk (/verwaltung/beitrag): the ZIP upload, its check, the delivery."""

BEITRAG_TITLE = "Beitragsbescheide"
BEITRAG_NAV = "Bescheide"
BEITRAG_INTRO = (
    "Laden Sie die Beitragsbescheide als ZIP-Datei hoch: je Betrieb oder Person eine PDF-Datei, "
    "deren Name mit der Betriebsnummer oder Kundennummer beginnt, z. B. "
    "TS-1234567-0_Beitrag-2027.pdf oder 12345678_Beitrag-2027.pdf. Das Portal prüft zuerst den "
    "ganzen Stapel; zugestellt wird erst, wenn alles stimmt und Sie es bestätigen."
)
BEITRAG_REFUSED = "Die Beitragsbescheide sind der Abteilung Beitrag vorbehalten."
BEITRAG_UPLOAD_HEADING = "Stapel hochladen und prüfen"
BEITRAG_FIELD_TITLE = "Titel der Bescheide"
BEITRAG_FIELD_TITLE_HINT = "So sehen die Mitglieder die Nachricht, z. B. „Beitragsbescheid 2027“."
BEITRAG_PICK = "ZIP-Datei auswählen"
BEITRAG_FILE_INPUT = "ZIP-Datei mit den Bescheiden"
BEITRAG_FILE_RULES = (
    "Eine ZIP-Datei mit PDF-Dateien, höchstens {zip_mb} MB, je PDF höchstens {file_mb} MB, "
    "höchstens {count} Dateien."
)
BEITRAG_CHECK_BUTTON = "Stapel prüfen"
BEITRAG_FILE_MISSING = "Bitte wählen Sie die ZIP-Datei mit den Bescheiden aus."
BEITRAG_ONE_FILE = "Bitte wählen Sie genau eine ZIP-Datei aus."
BEITRAG_ZIP_TOO_LARGE = "Die ZIP-Datei ist größer als {mb} MB."
BEITRAG_TITLE_EMPTY = "Bitte geben Sie einen Titel ein."
BEITRAG_TITLE_TOO_LONG = "Der Titel darf höchstens {max} Zeichen lang sein."
BEITRAG_TITLE_INVALID = "Der Titel darf keine Steuerzeichen und keine spitzen Klammern enthalten."
BEITRAG_NOT_A_ZIP = "Die Datei ist keine ZIP-Datei (nach Inhalt geprüft)."
BEITRAG_ZIP_EMPTY = "Die ZIP-Datei enthält keine Dateien."
BEITRAG_TOO_MANY_FILES = "Die ZIP-Datei enthält mehr als {max} Dateien."
BEITRAG_UNPACKED_TOO_LARGE = "Entpackt wäre die ZIP-Datei größer als {mb} MB."
BEITRAG_UNSAFE_PATH = "Unzulässiger Pfad (außerhalb des Ordners oder mit Laufwerk)."
BEITRAG_LINK = "Verknüpfungen (Symlinks) sind nicht erlaubt."
BEITRAG_ENCRYPTED = "Die Datei ist verschlüsselt."
BEITRAG_FILE_TOO_LARGE = "Diese PDF-Datei ist größer als {mb} MB."
BEITRAG_BOMB = "Die Datei ist ungewöhnlich stark gepackt (ZIP-Bombe?)."
BEITRAG_SAME_NAME = "Derselbe Dateiname steht schon als „{other}“ im Stapel."
BEITRAG_NO_NUMBER = (
    "Der Dateiname beginnt nicht mit einer Betriebsnummer (TS-1234567-0) oder Kundennummer "
    "(8 Ziffern)."
)
BEITRAG_UNKNOWN_BETRIEB = "Diese Betriebsnummer ist nicht im Verzeichnis."
BEITRAG_UNKNOWN_KUNDENNUMMER = "Diese Kundennummer ist nicht im Verzeichnis."
BEITRAG_SEVERAL_BRANCHES = (
    "Die Nummer passt auf mehrere Filialen: bitte mit Kreis und Filiale angeben."
)
BEITRAG_DUPLICATE = "Für diesen Betrieb bzw. diese Person steht schon „{other}“ im Stapel."
BEITRAG_FILE_DAMAGED = "Die Datei lässt sich nicht entpacken."
BEITRAG_NOT_PDF = "Keine PDF-Datei (nach Inhalt geprüft)."
BEITRAG_PDF_BROKEN = "Die PDF-Datei ist beschädigt und lässt sich nicht öffnen."
BEITRAG_NOT_STAGED = "Dieser Stapel ist nicht (mehr) zum Zustellen bereit."
BEITRAG_CHANGED_SINCE_CHECK = (
    "Seit der Prüfung hat sich etwas geändert: bitte laden Sie den Stapel erneut hoch."
)
BEITRAG_ALREADY_DELIVERED_SHORT = "Diese Bescheide wurden schon zugestellt."
BEITRAG_ALREADY_DELIVERED = (
    "Genau diese Bescheide wurden schon am {date} zugestellt; sie werden nicht noch einmal "
    "zugestellt."
)
BEITRAG_PROBLEMS = "{count} Fehler im Stapel: Es wurde nichts zugestellt."
BEITRAG_PROBLEMS_LIST = "Fehler im Stapel"
BEITRAG_PROBLEMS_MORE = "… und {count} weitere Fehler."
BEITRAG_WHOLE_ZIP = "ZIP-Datei"
BEITRAG_CHECKED = (
    "Geprüft: {notices} Bescheide ohne Fehler. {with_account} gehen ins Postfach von "
    "{accounts} Konten (je eine Benachrichtigung), {paper} ohne freigeschaltetes Konto gehen "
    "per Post."
)
BEITRAG_DELIVER_BUTTON = "Jetzt zustellen"
BEITRAG_DELIVERING = "Die Bescheide werden zugestellt; das kann bei vielen einige Minuten dauern …"
BEITRAG_DISCARDED = "Der Stapel ist verworfen; es wurde nichts zugestellt."
BEITRAG_DELIVERED = (
    "Zugestellt: {notices} Bescheide „{titel}“, {messages} Nachrichten an {accounts} Konten; "
    "{paper} Bescheide für die Post."
)
BEITRAG_HISTORY = "Zugestellte Stapel"
BEITRAG_HISTORY_EMPTY = "Noch keine Stapel zugestellt."
BEITRAG_HISTORY_ROW = "{date}: {notices} Bescheide, {messages} Nachrichten, {paper} per Post"
BEITRAG_PAPER_CSV = "Liste für die Post (CSV)"
BEITRAG_PAPER_CSV_LABEL = "Liste für die Post herunterladen: {titel}"
