"""Online forms (contact, consultation, change of address) and the member's requests."""

FORMS_TITLE = "Online-Formulare"
FORMS_INTRO = "Erledigen Sie Ihre Anliegen online. Sie erhalten eine Bestätigung per E-Mail."
MY_REQUESTS_TITLE = "Meine Anfragen"
MY_REQUESTS_EMPTY = "Sie haben noch keine Formulare gesendet."
MY_REQUESTS_SENT = "gesendet am"
FORM_NAME = "Vor- und Nachname"
FORM_SUBJECT = "Betreff"
FORM_MESSAGE = "Ihre Nachricht"
FORM_COMPANY = "Name des Betriebs"
FORM_BETRIEBSNUMMER_HINT = "Zum Beispiel TS-1234567-0; die siebenstellige Nummer reicht."
FORM_TOPIC = "Thema der Beratung"
FORM_TOPICS = (
    "Existenzgründung",
    "Betriebsübergabe und Nachfolge",
    "Finanzierung und Fördermittel",
    "Digitalisierung",
    "Technik, Umwelt und Energie",
)
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
    "Ihr Betrieb ist umgezogen? Melden Sie die neue Anschrift für die Handwerksrolle – für "
    "einen Betrieb, für den Ihr Konto freigeschaltet ist."
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
FORM_DATE_NOT_FUTURE = "Bitte wählen Sie einen Tag ab morgen."
FORM_RATE_LIMITED = (
    "Sie haben in der letzten Stunde schon mehrere Nachrichten gesendet. Bitte versuchen Sie "
    "es später noch einmal oder rufen Sie uns an."
)
FORM_RATE_LIMITED_VISITORS = (
    "Über das Kundenportal sind in der letzten Stunde sehr viele Nachrichten eingegangen. Bitte "
    "versuchen Sie es später noch einmal, melden Sie sich an oder rufen Sie uns an."
)
FORM_BETRIEB_NOT_UNLOCKED = (
    "Eine Adressänderung können Sie nur für einen Betrieb melden, für den Ihr Konto "
    "freigeschaltet ist. Bitte prüfen Sie die Betriebsnummer oder schalten Sie den Betrieb "
    "zuerst unter „Freischalten“ frei."
)
FORM_BETRIEB_AMBIGUOUS = (
    "Ihr Konto ist für mehrere Filialen mit dieser Nummer freigeschaltet. Bitte geben Sie die "
    "vollständige Betriebsnummer an, zum Beispiel TS-1234567-0."
)
HONEYPOT_LABEL = "Bitte dieses Feld leer lassen"
FORM_CONSENT_MISSING = "Bitte bestätigen Sie Ihr Einverständnis zur Verarbeitung Ihrer Angaben."
FORM_SELECT_REQUIRED = "Bitte wählen Sie einen Eintrag für „{label}“."
