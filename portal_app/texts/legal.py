"""Impressum, Datenschutzhinweise and Kontakt."""

from portal_app.texts import frame

_STREET, _TOWN = frame.CHAMBER_ADDRESS

IMPRINT_TITLE = "Impressum"
IMPRINT_TEXT = (
    f"Die {frame.CHAMBER} ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch "
    "den Präsidenten und den Hauptgeschäftsführer. Zuständige Aufsichtsbehörde ist das "
    "Wirtschaftsministerium des Landes."
)
PRIVACY_TITLE = "Datenschutzhinweise"
# Each section: a heading and one or more paragraphs.
PRIVACY_SECTIONS = (
    (
        "Wer ist verantwortlich?",
        (
            "Verantwortlich für die Verarbeitung Ihrer Daten im Kundenportal ist die "
            f"{frame.CHAMBER}, Körperschaft des öffentlichen Rechts, {_STREET}, {_TOWN}, "
            f"Telefon {frame.CHAMBER_PHONE}, E-Mail {frame.CHAMBER_EMAIL}.",
        ),
    ),
    (
        "Unsere Datenschutzbeauftragte",
        (
            f"Sie erreichen unsere Datenschutzbeauftragte unter: {frame.CHAMBER}, "
            f"Datenschutzbeauftragte, {_STREET}, {_TOWN}, E-Mail "
            "datenschutz@hwk-musterstadt.example. Schreiben Sie ihr vertraulich, wenn Sie "
            "Fragen zum Datenschutz haben.",
        ),
    ),
    (
        "Ihr Konto und Ihre Anmeldungen",
        (
            "Für Ihr Konto speichern wir Ihre E-Mail-Adresse, den Zeitpunkt der Registrierung und "
            "der Bestätigung und Ihr Passwort ausschließlich als nicht umkehrbaren Hash-Wert "
            "(bcrypt). Niemand bei uns kann Ihr Passwort lesen.",
            "Für jede Anmeldung speichern wir, wann sie begann und wann Sie zuletzt aktiv waren, "
            "die Kennung Ihres Browsers (User-Agent, damit Sie Ihre Geräte unter „Angemeldete "
            "Geräte“ erkennen) und einen Schlüssel-Hash des Sitzungsschlüssels. Eine Anmeldung "
            "endet nach 30 Minuten ohne Aktivität, spätestens nach 12 Stunden, beim Abmelden, "
            "beim Ändern oder Zurücksetzen des Passworts und beim Löschen des Kontos.",
            "Schlägt eine Anmeldung fehl, speichern wir den Zeitpunkt, einen Schlüssel-Hash der "
            "eingegebenen Adresse und die IP-Adresse Ihres Geräts, um Angriffe durch Erraten von "
            "Passwörtern zu bremsen. Diese Einträge löschen wir nach 24 Stunden, nach einer "
            "erfolgreichen Anmeldung sofort.",
            "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. b DSGVO (Nutzung des Portals) und Art. 6 "
            "Abs. 1 Buchst. e DSGVO in Verbindung mit § 91 der Handwerksordnung (HwO) (unsere "
            "Aufgaben). Ihr Konto mit allen Anmeldungen und Links speichern wir, bis Sie es "
            "unter „Mein Konto“ löschen.",
        ),
    ),
    (
        "Links in E-Mails",
        (
            "Für die Bestätigung Ihrer Registrierung und das Zurücksetzen des Passworts senden "
            "wir Ihnen einen Link. Wir speichern davon nur einen Schlüssel-Hash, den Zweck und "
            "wann der Link erstellt und benutzt wurde. Ein Bestätigungslink gilt 24 Stunden, "
            "ein Link zum Zurücksetzen eine Stunde; jeder Link gilt nur einmal. Die Einträge "
            "werden mit Ihrem Konto gelöscht.",
        ),
    ),
    (
        "Freischaltung als Betrieb oder Person",
        (
            "Für die Freischaltung verbinden wir Ihr Konto mit einem Betrieb aus der "
            "Handwerksrolle oder den Verzeichnissen (Betriebsnummer, Name und Anschrift des "
            "Betriebs) oder mit einer Person, die wir kennen (Kundennummer, Name, Geburtsdatum, "
            "Anschrift). Diese Angaben stammen aus unseren Registern, nicht aus dem Portal.",
            "Die PIN, die wir Ihnen per Post senden, speichern wir nur als Hash-Wert. Sie gilt "
            "90 Tage und nur einmal. Wenn Sie eine neue PIN anfordern, speichern wir die "
            "angegebene Nummer und den Zeitpunkt.",
            "Jede Freischaltung, jeder Fehlversuch, jede ausgestellte und angeforderte PIN, jedes "
            "Hoch- und Herunterladen von Dokumenten, jede Änderung eines SEPA-Mandats, jede "
            "Änderung des Passworts und die Löschung eines Kontos kommen mit Zeitpunkt, Konto und "
            "betroffener Nummer in ein Protokoll. Es dient dem Schutz Ihrer Daten und dem "
            "Nachweis, wer wann gehandelt hat.",
            "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. c und e DSGVO in Verbindung mit §§ 6, 28 "
            "und 91 HwO. Die Verbindung zu Betrieb oder Person endet, wenn Sie Ihr Konto "
            "löschen. Das Protokoll bleibt danach ohne Verbindung zu Ihrem Konto erhalten, "
            "solange es als Nachweis erforderlich ist.",
        ),
    ),
    (
        "Kursbuchungen",
        (
            "Für eine Buchung speichern wir den Kurs, Vor- und Nachname, Geburtsdatum und "
            "E-Mail-Adresse der teilnehmenden Person, den Status (gebucht, Warteliste, storniert) "
            "und die Zeitpunkte. Das Geburtsdatum unterscheidet Personen gleichen Namens. Buchen "
            "Sie für eine andere Person, informieren Sie sie bitte über diese Hinweise; die "
            "Bestätigung geht nur an Sie, die Adresse der teilnehmenden Person nutzen wir nur "
            "für Rückfragen zum Kurs.",
            "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. b DSGVO (Vertrag über die Teilnahme). "
            "Die Buchungen sind im Portal mit Ihrem Konto verbunden. Löschen Sie Ihr Konto, "
            "stornieren wir die Buchungen für Kurse, die noch nicht begonnen haben; die Buchungen "
            "bleiben ohne Verbindung zu Ihrem Konto erhalten, solange wir Rechnungen und "
            "Teilnahmenachweise nach den gesetzlichen Fristen aufbewahren.",
        ),
    ),
    (
        "Dokumente",
        (
            "Dokumente, die Sie hochladen (PDF, JPEG oder PNG, höchstens 20 MB je Datei und "
            "500 MB je Betrieb oder Person), speichern wir mit Dateiname, Größe, Prüfsumme, "
            "Abteilung, Zeitpunkt und dem Konto, das sie gesendet hat. Sie liegen in einem "
            "geschützten Speicher, der nicht aus dem Internet erreichbar ist.",
            "Ihre Dokumente sehen die zuständige Abteilung der Handwerkskammer und jedes Konto, "
            "das für denselben Betrieb oder dieselbe Person freigeschaltet ist. Sie gehören zur "
            "Akte des Betriebs oder der Person und bleiben erhalten, wenn Sie Ihr Konto löschen; "
            "wir bewahren sie nach den Fristen für diese Akte auf.",
            "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit der HwO.",
        ),
    ),
    (
        "SEPA-Lastschriftmandat",
        (
            "Für ein Mandat speichern wir Kontoinhaber, IBAN, die daraus ermittelte BIC und den "
            "Namen des Kreditinstituts, die Mandatsreferenz, unsere Gläubiger-ID, den Zeitpunkt "
            "der Erteilung und gegebenenfalls Ende und Grund (ersetzt, widerrufen). Nach dem "
            "Speichern zeigt das Portal nur die letzten vier Stellen der IBAN.",
            "Wir geben diese Daten für den Einzug des Beitrags an unser Kreditinstitut weiter. "
            "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. b und e DSGVO in Verbindung mit § 113 HwO "
            "(Beiträge). Beendete Mandate bewahren wir auf, solange gesetzliche "
            "Aufbewahrungsfristen es verlangen, für Buchungsbelege bis zu zehn Jahre.",
        ),
    ),
    (
        "Online-Formulare, Kontaktanfragen und „Barriere melden“",
        (
            "Was Sie in ein Formular eintragen, speichern wir mit dem Zeitpunkt und senden es "
            "per E-Mail an die zuständige Abteilung: die Kontaktanfrage und die Meldung einer "
            "Barriere an unseren Kundenservice (Kontakt), die Anfrage eines Beratungstermins an "
            "die Betriebsberatung, die Adressänderung an die Handwerksrolle. Wenn Sie eine "
            "E-Mail-Adresse angeben, erhalten Sie eine Eingangsbestätigung.",
            "Um massenhafte Nachrichten zu verhindern, speichern wir zu jeder Nachricht die "
            "Absenderadresse in Kleinschreibung und einen Hash-Wert Ihrer Browsersitzung. Sind "
            "Sie angemeldet, sehen Sie Ihre Nachrichten unter „Meine Anfragen“; löschen Sie Ihr "
            "Konto, bleiben sie bei der zuständigen Abteilung ohne Verbindung zu Ihrem Konto "
            "erhalten.",
            "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. a DSGVO (Ihre Einwilligung im Formular) "
            "und Buchst. e DSGVO (Bearbeitung Ihres Anliegens). Für die Meldung einer Barriere "
            "ist sie Art. 6 Abs. 1 Buchst. c DSGVO in Verbindung mit den Vorschriften zur "
            "barrierefreien Informationstechnik; Name und E-Mail-Adresse sind dabei freiwillig. "
            "Wir bewahren die Nachrichten auf, bis Ihr Anliegen erledigt ist und keine "
            "Aufbewahrungspflicht mehr besteht.",
        ),
    ),
    (
        "E-Mails des Portals",
        (
            "Jede E-Mail, die das Portal sendet (Bestätigungen, Eingangsbestätigungen, Hinweise "
            "zu Ihrem Konto), legen wir mit Empfänger, Betreff, Text, Zeitpunkt und Zustellstatus "
            "in einem Postausgang ab, bevor unser Mailserver sie zustellt. Die Einträge dienen "
            "als Nachweis des Versands und begrenzen, wie viele E-Mails jemand an eine Adresse "
            "auslösen kann. Sie bleiben auch nach der Löschung eines Kontos erhalten, solange "
            "sie dafür erforderlich sind.",
        ),
    ),
    (
        "Cookies und technische Daten",
        (
            "Das Portal setzt nur ein technisch notwendiges Cookie für Ihre Anmeldung "
            "(„kp_sitzung“, nicht für Skripte lesbar, wird beim Abmelden gelöscht). Für jede "
            "geöffnete Registerkarte legt das Portal eine zufällige Kennung im Sitzungsspeicher "
            "des Browsers ab, die die Seite mit dem Server verbindet; sie verschwindet, wenn Sie "
            "die Registerkarte schließen. Es gibt keine Werbe- oder Analyse-Cookies, und wir "
            "binden keine Inhalte anderer Anbieter ein.",
            "Beim Aufruf einer Seite verarbeitet der Server Ihre IP-Adresse, um die Seite "
            "auszuliefern. Im Betriebsprotokoll des Servers stehen technische Ereignisse und die "
            "Empfängeradressen versendeter E-Mails; es dient der Fehlersuche und Sicherheit "
            "(Art. 6 Abs. 1 Buchst. e DSGVO).",
        ),
    ),
    (
        "Empfänger",
        (
            "Ihre Daten erhalten nur die zuständigen Abteilungen der Handwerkskammer, für den "
            "Beitragseinzug unser Kreditinstitut und, als Auftragsverarbeiter nach Art. 28 "
            "DSGVO, der Dienstleister, der das Portal und den Mailserver für uns betreibt. "
            "Wir übermitteln keine Daten in Länder außerhalb der Europäischen Union.",
        ),
    ),
    (
        "Ihre Rechte",
        (
            "Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung "
            "(Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit, soweit "
            "wir Daten auf Grund Ihrer Einwilligung oder eines Vertrags verarbeiten (Art. 20), "
            "und das Recht, einer Verarbeitung nach Art. 6 Abs. 1 Buchst. e aus Gründen Ihrer "
            "besonderen Situation zu widersprechen (Art. 21). Über Berichtigungen und Löschungen "
            "informieren wir auch die Empfänger (Art. 19). Eine Einwilligung können Sie "
            "jederzeit für die Zukunft widerrufen.",
            "Sie können sich außerdem bei der Aufsichtsbehörde beschweren, der oder dem "
            "Landesbeauftragten für den Datenschutz unseres Landes (Art. 77 DSGVO).",
            "Für die Registrierung brauchen wir Ihre E-Mail-Adresse; ohne sie können Sie das "
            "Portal nicht nutzen. Wir treffen keine automatisierten Entscheidungen im Sinne von "
            "Art. 22 DSGVO. Stand dieser Hinweise: November 2026.",
        ),
    ),
)
CONTACT_TITLE = "Kontakt"
CONTACT_INTRO = "So erreichen Sie uns:"
CONTACT_EMAIL = "E-Mail"
CONTACT_HOURS = "Montag bis Donnerstag 8 bis 16 Uhr, Freitag 8 bis 12 Uhr"
