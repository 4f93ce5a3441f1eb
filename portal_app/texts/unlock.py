"""Freischalten with a PIN as Betrieb or as Person, and requesting a new PIN."""

UNLOCK_TITLE = "Freischalten"
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
FIELD_PIN = "PIN"
BETRIEBSNUMMER_HINT = (
    "Die Betriebsnummer besteht in der Regel aus dem Landkreiskennzeichen, einer "
    "siebenstelligen Nummer sowie aus einem Filialkennzeichen, zum Beispiel: TS-1234567-0. "
    "Es reicht die Angabe der siebenstelligen Nummer, aus dem Beispiel: 1234567."
)
KUNDENNUMMER_HINT = "Die achtstellige Kundennummer finden Sie in unserem Schreiben an Sie."
PIN_HINT = "Die PIN aus unserem Brief, 8 Zeichen. Groß- und Kleinschreibung spielt keine Rolle."
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
    "Diese PIN wurde gesperrt, weil viele falsche PINs für diese Nummer eingegeben wurden. Bitte "
    "fordern Sie unten eine neue PIN an."
)
UNLOCK_PAUSED = (
    "Zu viele Fehlversuche: Die Freischaltung ist für Ihr Konto für eine Stunde gesperrt. "
    "Bitte versuchen Sie es später erneut."
)
UNLOCK_NUMBER_PAUSED = (
    "Für diese Nummer wurde in Ihrem Konto zu oft eine falsche PIN eingegeben. Sie können es "
    "ab {until} erneut versuchen. Bitte prüfen Sie Nummer und PIN in unserem Brief; ist die PIN "
    "verloren oder unleserlich, fordern Sie unten eine neue an."
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
UNLOCK_REQUIRED = "Diese Funktion steht nach der Freischaltung mit Ihrer PIN zur Verfügung."
