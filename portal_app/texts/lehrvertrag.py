"""Lehrvertrag online: the wizard, its rules, the member's list, the PDFs and the staff's side."""

# --- pages of the member -----------------------------------------------------------------------
LEHRVERTRAG_NEW_TITLE = "Neuer Lehrvertrag"
LEHRVERTRAG_LIST_TITLE = "Meine Lehrverträge"
LEHRVERTRAG_INTRO = (
    "Geben Sie den Berufsausbildungsvertrag Schritt für Schritt ein. Nach jedem Schritt wird "
    "er als Entwurf gespeichert; Sie können jederzeit später weitermachen. Zum Schluss prüft das "
    "Portal alle Angaben und Sie reichen den Vertrag bei der Lehrlingsrolle ein."
)
LEHRVERTRAG_LIST_INTRO = (
    "Die Lehrverträge Ihrer Betriebe: Entwürfe, eingereichte und eingetragene Verträge."
)
LEHRVERTRAG_NO_ROLE = (
    "Lehrverträge geben Mitglieder eines Betriebs ein, die im Team die Rolle Ausbildung haben. "
    "Die Verwaltung Ihres Betriebs kann Ihnen diese Rolle geben."
)
LEHRVERTRAG_LIST_EMPTY = "Noch keine Lehrverträge."
LEHRVERTRAG_START_NEW = "Neuen Lehrvertrag eingeben"
LEHRVERTRAG_RESUME = "Bearbeiten"
LEHRVERTRAG_RESUME_LABEL = "Lehrvertrag {name} bearbeiten"
LEHRVERTRAG_SHOW = "Ansehen"
LEHRVERTRAG_SHOW_LABEL = "Lehrvertrag {name} ansehen"
LEHRVERTRAG_DISCARD_LABEL = "Entwurf {name} verwerfen"
LEHRVERTRAG_DISCARD_CONFIRM = (
    "Diesen Entwurf wirklich verwerfen? Das lässt sich nicht rückgängig machen."
)
LEHRVERTRAG_DISCARD_YES = "Ja, verwerfen"
LEHRVERTRAG_DISCARDED = "Der Entwurf ist verworfen."
LEHRVERTRAG_DOWNLOAD_CONTRACT = "Vertrag (PDF)"
LEHRVERTRAG_DOWNLOAD_CONTRACT_LABEL = "Vertrag {name} als PDF herunterladen"
LEHRVERTRAG_DOWNLOAD_CONFIRMATION = "Eintragungsbestätigung (PDF)"
LEHRVERTRAG_DOWNLOAD_CONFIRMATION_LABEL = "Eintragungsbestätigung {name} als PDF herunterladen"
LEHRVERTRAG_COL_APPRENTICE = "Auszubildende/r"
LEHRVERTRAG_COL_BERUF = "Ausbildungsberuf"
LEHRVERTRAG_COL_CHANGED = "Zuletzt geändert"
LEHRVERTRAG_NUMBER = "Lehrlingsrollennummer"
LEHRVERTRAG_COL_ACTIONS = "Was Sie tun können"
LEHRVERTRAG_UNNAMED = "(noch ohne Namen)"

# --- the wizard --------------------------------------------------------------------------------
LEHRVERTRAG_STEPS_LABEL = "Schritte des Lehrvertrags"
LEHRVERTRAG_STEP_NAMES = (
    "Betrieb",
    "Auszubildende/r",
    "Ausbildung",
    "Probezeit, Arbeitszeit, Urlaub",
    "Vergütung",
    "Ausbilder/in",
    "Prüfen und einreichen",
)
LEHRVERTRAG_STEP_HEADING = "Schritt {number} von {count}: {name}"
LEHRVERTRAG_NEXT = "Speichern und weiter"
LEHRVERTRAG_CHANGE_STEPS = "Etwas ändern"
LEHRVERTRAG_CHANGE_STEP_LABEL = "{name} ändern"
LEHRVERTRAG_BACK = "Zurück"
LEHRVERTRAG_SUBMIT = "Vertrag einreichen"
LEHRVERTRAG_SAVED = "Gespeichert."
LEHRVERTRAG_SUBMITTED_DONE = (
    "Der Lehrvertrag ist bei der Lehrlingsrolle eingereicht. Sie finden ihn unter "
    "„Meine Lehrverträge“; die Antwort der Kammer kommt in Ihr Postfach."
)
LEHRVERTRAG_READY = "Alle Angaben sind geprüft. Sie können den Vertrag jetzt einreichen."
LEHRVERTRAG_STILL_WRONG = "Bitte korrigieren Sie noch diese Angaben:"
LEHRVERTRAG_QUESTION_HEADING = "Rückfrage der Lehrlingsrolle"
LEHRVERTRAG_READ_ONLY = "Dieser Vertrag ist eingereicht und kann nicht mehr geändert werden."
LEHRVERTRAG_BETRIEB_HINT = "Angaben aus dem Verzeichnis der Kammer."
LEHRVERTRAG_GUARDIAN_HINT = (
    "Pflicht, wenn die/der Auszubildende bei Ausbildungsbeginn noch nicht 18 Jahre alt ist: "
    "Namen und Anschrift der Eltern oder des Vormunds."
)
LEHRVERTRAG_DURATION_HINT = "In Monaten. Die Regelausbildungsdauer steht beim Beruf."
LEHRVERTRAG_REASON_HINT = (
    "Nur nötig, wenn die Dauer von der Regelausbildungsdauer abweicht (z. B. Verkürzung wegen "
    "Abitur oder abgeschlossener Ausbildung)."
)
LEHRVERTRAG_PAY_HINT = "Brutto im Monat, in Euro (Mindestvergütung nach § 17 BBiG)."
LEHRVERTRAG_BERUF_OPTION = "{name} ({months} Monate)"
LEHRVERTRAG_BERUFE_SOURCE = "Liste der Ausbildungsberufe: {source}"
LEHRVERTRAG_FIELDS = {
    "betrieb": "Ausbildender Betrieb",
    "vorname": "Vorname",
    "nachname": "Nachname",
    "geburtsdatum": "Geburtsdatum",
    "strasse": "Straße und Hausnummer",
    "plz": "Postleitzahl",
    "ort": "Ort",
    "schulabschluss": "Höchster Schulabschluss",
    "vertreter": "Gesetzliche Vertreter",
    "beruf": "Ausbildungsberuf",
    "beginn": "Beginn der Ausbildung",
    "dauer": "Dauer der Ausbildung (Monate)",
    "dauer_grund": "Grund für eine abweichende Dauer",
    "probezeit": "Probezeit (Monate)",
    "wochenstunden": "Regelmäßige Ausbildungszeit (Stunden pro Woche)",
    "urlaubstage": "Urlaub (Arbeitstage im Kalenderjahr)",
    "verguetung_1": "Vergütung im 1. Ausbildungsjahr (€)",
    "verguetung_2": "Vergütung im 2. Ausbildungsjahr (€)",
    "verguetung_3": "Vergütung im 3. Ausbildungsjahr (€)",
    "verguetung_4": "Vergütung im 4. Ausbildungsjahr (€)",
    "ausbilder_name": "Name der Ausbilderin / des Ausbilders",
    "ausbilder_qualifikation": "Qualifikation der Ausbilderin / des Ausbilders",
    "ausbildungsstaette": "Ausbildungsstätte",
}

# --- rules (services/lehrvertrag_rules.py) --------------------------------------------------
LEHRVERTRAG_NUMBER_RANGE = "Bitte geben Sie eine ganze Zahl von {low} bis {high} ein."
LEHRVERTRAG_BIRTH_IMPLAUSIBLE = (
    "Bitte prüfen Sie das Geburtsdatum: Auszubildende sind mindestens 14 Jahre alt."
)
LEHRVERTRAG_PLZ_INVALID = "Bitte geben Sie die fünfstellige Postleitzahl ein."
LEHRVERTRAG_GUARDIAN_MISSING = (
    "Die/der Auszubildende ist bei Ausbildungsbeginn minderjährig: Bitte geben Sie die "
    "gesetzlichen Vertreter mit Namen und Anschrift an."
)
LEHRVERTRAG_START_TOO_EARLY = (
    "Der Ausbildungsbeginn darf höchstens {days} Tage zurückliegen (frühestens {date})."
)
LEHRVERTRAG_LONGER_NEEDS_REASON = (
    "Die Dauer ist länger als die Regelausbildungsdauer von {months} Monaten. Bitte geben Sie "
    "den Grund an (z. B. Teilzeitausbildung)."
)
LEHRVERTRAG_SHORTER_NEEDS_REASON = (
    "Die Dauer ist kürzer als die Regelausbildungsdauer von {months} Monaten. Bitte geben Sie "
    "den Grund der Verkürzung an (z. B. Abitur)."
)
LEHRVERTRAG_PROBATION = (
    "Die Probezeit muss mindestens einen und darf höchstens vier Monate betragen (§ 20 BBiG)."
)
LEHRVERTRAG_MINOR_HOURS = (
    "Minderjährige dürfen höchstens {hours} Stunden in der Woche beschäftigt werden (§ 8 JArbSchG)."
)
LEHRVERTRAG_MINOR_LEAVE = (
    "Wer zu Beginn des Jahres {year} erst {age} Jahre alt ist, hat Anspruch auf mindestens "
    "{days} Tage Urlaub (§ 19 JArbSchG)."
)
LEHRVERTRAG_AMOUNT_INVALID = "Bitte geben Sie einen Betrag in Euro ein, z. B. 850 oder 850,50."
LEHRVERTRAG_PAY_TOO_LOW = (
    "Die Vergütung im {year}. Ausbildungsjahr muss mindestens {minimum} im Monat betragen "
    "(Mindestvergütung nach § 17 BBiG bei Ausbildungsbeginn {start})."
)
LEHRVERTRAG_PAY_TABLE_MISSING = (
    "Für einen Ausbildungsbeginn {year} ist noch keine Mindestvergütung hinterlegt; geprüft "
    "wurde mit den Werten für {used}."
)

# --- the service ------------------------------------------------------------------------------
LEHRVERTRAG_STATUS_DRAFT = "Entwurf"
LEHRVERTRAG_STATUS_SUBMITTED = "Eingereicht"
LEHRVERTRAG_STATUS_ASKED_BACK = "Rückfrage"
LEHRVERTRAG_STATUS_REGISTERED = "Eingetragen"
LEHRVERTRAG_NOT_FOUND = "Diesen Lehrvertrag gibt es nicht (oder nicht für Ihre Betriebe)."
LEHRVERTRAG_BETRIEB_MISSING = "Bitte wählen Sie den ausbildenden Betrieb."
LEHRVERTRAG_BETRIEB_FIXED = (
    "Ein Entwurf bleibt bei seinem Betrieb. Für einen anderen Betrieb beginnen Sie einen neuen."
)
LEHRVERTRAG_LOCKED = (
    "Dieser Lehrvertrag ist eingereicht; ändern können Sie ihn erst nach einer Rückfrage."
)
LEHRVERTRAG_SUBJECT = "Lehrvertrag: {name}, {beruf}"
LEHRVERTRAG_QUESTION_EMPTY = "Bitte schreiben Sie Ihre Rückfrage."
LEHRVERTRAG_QUESTION_SUBJECT = "Rückfrage zu Ihrem {subject}"
# the history of the inbox item when the Betrieb submits again after a Rückfrage
LEHRVERTRAG_CHANGED = "Geändert: {changes}"
LEHRVERTRAG_CHANGE = "{label}: {before} → {after}"
LEHRVERTRAG_UNCHANGED = "Unverändert erneut eingereicht."
LEHRVERTRAG_NO_VALUE = "(leer)"
LEHRVERTRAG_NOT_SUBMITTED = "Der Vertrag ist nicht (mehr) eingereicht: Das geht jetzt nicht."
LEHRVERTRAG_NUMBER_INVALID = (
    "Bitte geben Sie die Lehrlingsrollennummer ein: 3 bis 20 Zeichen, Buchstaben, Ziffern, "
    "„-“ und „/“."
)
LEHRVERTRAG_NUMBER_TAKEN = "Diese Lehrlingsrollennummer ist schon vergeben."
LEHRVERTRAG_REGISTERED_NOTE = "Lehrlingsrollennummer {number}, Kundennummer {kundennummer}"
LEHRVERTRAG_CONFIRMATION_SUBJECT = "Eintragungsbestätigung: {subject}"
LEHRVERTRAG_CONFIRMATION_BODY = (
    "Ihr Lehrvertrag ist in die Lehrlingsrolle eingetragen, Lehrlingsrollennummer {number}. "
    "Die Eintragungsbestätigung finden Sie im Anhang."
)

# --- the PDFs --------------------------------------------------------------------------------
LEHRVERTRAG_PDF_TITLE = "Berufsausbildungsvertrag (§§ 10, 11 BBiG)"
LEHRVERTRAG_PDF_PREAMBLE = (
    "Zwischen dem Ausbildenden und der/dem Auszubildenden wird nachstehender Vertrag zur "
    "Ausbildung im Ausbildungsberuf {beruf} nach Maßgabe der Ausbildungsordnung geschlossen."
)
LEHRVERTRAG_PDF_EMPLOYER = "Ausbildender (Betrieb)"
LEHRVERTRAG_PDF_S1 = "§ 1 Ausbildungszeit"
LEHRVERTRAG_PDF_REGULAR = "Regelausbildungsdauer"
LEHRVERTRAG_PDF_END = "Ende der Ausbildung"
LEHRVERTRAG_PDF_S2 = "§ 2 Probezeit"
LEHRVERTRAG_PDF_S3 = "§ 3 Ausbildungsstätte"
LEHRVERTRAG_PDF_S4 = "§ 4 Ausbilder/in"
LEHRVERTRAG_PDF_S5 = "§ 5 Vergütung (monatlich, brutto)"
LEHRVERTRAG_PDF_PAY_YEAR = "{year}. Ausbildungsjahr"
LEHRVERTRAG_PDF_S6 = "§ 6 Ausbildungszeit"
LEHRVERTRAG_PDF_S7 = "§ 7 Urlaub"
LEHRVERTRAG_PDF_SIGNATURES = (
    "Ort, Datum, Unterschriften: Ausbildender ______________________   "
    "Auszubildende/r ______________________   gesetzliche Vertreter ______________________"
)
LEHRVERTRAG_PDF_APPLICATION = (
    "Antrag auf Eintragung in das Verzeichnis der Berufsausbildungsverhältnisse (Lehrlingsrolle)"
)
LEHRVERTRAG_PDF_APPLICATION_TEXT = (
    "Der Ausbildende beantragt die Eintragung des folgenden Berufsausbildungsvertrags in die "
    "Lehrlingsrolle (§ 30 HwO, § 36 BBiG). Der Vertrag wurde über das Kundenportal eingereicht."
)
LEHRVERTRAG_PDF_SUBMITTED = "Eingereicht am"
LEHRVERTRAG_PDF_CONFIRMATION = "Eintragungsbestätigung"
LEHRVERTRAG_PDF_CONFIRMATION_TEXT = (
    "Der folgende Berufsausbildungsvertrag ist am {date} in das Verzeichnis der "
    "Berufsausbildungsverhältnisse (Lehrlingsrolle) eingetragen worden."
)
LEHRVERTRAG_PDF_FILE = "Lehrvertrag-{name}.pdf"
LEHRVERTRAG_PDF_FILE_CONFIRMATION = "Eintragungsbestaetigung-{name}.pdf"

# --- the staff's side (an inbox item of the kind Lehrvertrag) -----------------------------------
INBOX_KIND_LEHRVERTRAG = "Lehrvertrag"
STAFF_LEHRVERTRAG_HEADING = "Der Lehrvertrag"
STAFF_LEHRVERTRAG_STATUS = "Stand des Vertrags"
STAFF_LEHRVERTRAG_PDF = "Vertrag und Antrag (PDF)"
STAFF_LEHRVERTRAG_ASK = "Rückfrage an den Betrieb"
STAFF_LEHRVERTRAG_ASK_FIELD = "Ihre Rückfrage"
STAFF_LEHRVERTRAG_ASK_BUTTON = "Rückfrage senden"
STAFF_LEHRVERTRAG_ASKED = "Die Rückfrage ist im Postfach des Betriebs."
STAFF_LEHRVERTRAG_REGISTER = "In die Lehrlingsrolle eintragen"
STAFF_LEHRVERTRAG_REGISTER_BUTTON = "Eintragen"
STAFF_LEHRVERTRAG_REGISTERED = (
    "Eingetragen. Die Eintragungsbestätigung ist im Postfach des Betriebs; die/der "
    "Auszubildende ist als Person im Verzeichnis."
)
STAFF_LEHRVERTRAG_PERSON = "Person im Verzeichnis (PIN-Brief)"
