"""Meine Daten (DSGVO Art. 15): the page, the archive's PDF summary and the mail."""

from portal_app.texts import frame, mails

MY_DATA_TITLE = "Meine Daten"
MY_DATA_INTRO = (
    "Hier laden Sie alles herunter, was das Kundenportal über Ihr Konto gespeichert hat "
    "(Auskunft nach Art. 15 DSGVO): eine ZIP-Datei mit einer maschinenlesbaren JSON-Datei und "
    "einer lesbaren Zusammenfassung als PDF. Passwörter und Sicherheitsschlüssel sind nur "
    "verschlüsselt gespeichert und nicht enthalten; Kontonummern (IBAN) sind gekürzt."
)
MY_DATA_BUTTON = "Meine Daten herunterladen"
MY_DATA_DOWNLOADED = "Ihre Daten werden heruntergeladen."
MY_DATA_QUEUED = (
    "Ihr Konto enthält viele Daten. Wir stellen sie im Hintergrund zusammen und senden Ihnen "
    "eine E-Mail, sobald die Datei hier zum Herunterladen bereitliegt."
)
MY_DATA_PENDING = (
    "Ihre Daten werden zusammengestellt. Sie erhalten eine E-Mail, wenn sie bereitliegen."
)
MY_DATA_READY_LABEL = "Bereitliegende Dateien"
MY_DATA_READY_ITEM = "Erstellt am {made}, abrufbar bis {until} ({size})"
MY_DATA_READY_BUTTON_LABEL = "Datei vom {made} herunterladen"
MY_DATA_NOT_FOUND = "Diese Datei gibt es nicht (mehr)."
MY_DATA_FILE_NAME = "meine-daten-{date}.zip"

# the PDF summary in the archive
MY_DATA_PDF_TITLE = "Auskunft über Ihre gespeicherten Daten"
MY_DATA_PDF_INTRO = (
    f"Diese Zusammenfassung enthält alle Daten, die das Kundenportal der {frame.CHAMBER} am "
    "{when} zu Ihrem Konto gespeichert hatte. Die Datei meine-daten.json im selben Archiv "
    "enthält dieselben Daten in maschinenlesbarer Form."
)
MY_DATA_PDF_NONE = "Keine Einträge."
MY_DATA_SECTIONS = {
    "konto": "Konto",
    "anmeldungen": "Anmeldungen (Sitzungen)",
    "zweiter_faktor": "Zweiter Faktor",
    "bekannte_geraete": "Bekannte Geräte",
    "freischaltungen": "Freischaltungen",
    "pin_anforderungen": "Angeforderte PINs",
    "freischaltversuche": "Freischaltversuche",
    "buchungen": "Kursbuchungen",
    "formulare": "Gesendete Formulare",
    "anfragen": "Anfragen an die Kammer",
    "dokumente": "Dokumente",
    "lehrvertraege": "Lehrverträge (eingegeben für Ihren Betrieb)",
    "postfach": "Nachrichten im Postfach",
    "sepa_mandate": "SEPA-Lastschriftmandate",
    "protokoll": "Protokolleinträge zu Ihrem Konto",
    "adressaenderungen": "Änderungen der E-Mail-Adresse",
    "datenauskuenfte": "Datenauskünfte",
}
# the PDF's German label of each field of the JSON
MY_DATA_LABELS = {
    "e_mail": "E-Mail-Adresse",
    "registriert_am": "Registriert am",
    "bestaetigt_am": "Bestätigt am",
    "eingerichtet_am": "Eingerichtet am",
    "verwalter": "Verwalter",
    "rollen": "Rollen",
    "passwort_gesetzt": "Passwort festgelegt",
    "angemeldet_am": "Angemeldet am",
    "zuletzt_aktiv": "Zuletzt aktiv",
    "beendet_am": "Beendet am",
    "browser": "Browser",
    "erstmals_angemeldet": "Erstmals angemeldet",
    "zuletzt_angemeldet": "Zuletzt angemeldet",
    "freigeschaltet_fuer": "Freigeschaltet für",
    "am": "Am",
    "art": "Art",
    "nummer": "Nummer",
    "angefordert_am": "Angefordert am",
    "erledigt_am": "Erledigt am",
    "fehlgeschlagen": "Fehlgeschlagen",
    "kurs": "Kurs",
    "fuer_betrieb": "Für Betrieb",
    "beginn": "Beginn",
    "teilnehmer": "Teilnehmer/in",
    "geburtsdatum": "Geburtsdatum",
    "status": "Status",
    "gebucht_am": "Gebucht am",
    "storniert_am": "Storniert am",
    "formular": "Formular",
    "an": "An",
    "gesendet_am": "Gesendet am",
    "angaben": "Angaben",
    "abteilung": "Abteilung",
    "betreff": "Betreff",
    "absender": "Absender",
    "eingegangen_am": "Eingegangen am",
    "titel": "Titel",
    "dateiname": "Dateiname",
    "richtung": "Richtung",
    "groesse_bytes": "Größe (Bytes)",
    "erhalten_am": "Erhalten am",
    "gelesen_am": "Gelesen am",
    "mandatsreferenz": "Mandatsreferenz",
    "kontoinhaber": "Kontoinhaber/in",
    "iban": "IBAN (gekürzt)",
    "bic": "BIC",
    "bank": "Kreditinstitut",
    "erteilt_am": "Erteilt am",
    "grund": "Grund",
    "ereignis": "Ereignis",
    "betrifft": "Betrifft",
    "bisherige_adresse": "Bisherige Adresse",
    "neue_adresse": "Neue Adresse",
    "ersetzt_am": "Ersetzt am",
    "rueckgaengig_am": "Rückgängig gemacht am",
    "fertig_am": "Fertig am",
    "abrufbar_bis": "Abrufbar bis",
}

MAIL_DATA_READY_SUBJECT = "Ihre Datenauskunft liegt bereit"
MAIL_DATA_READY_BODY = (
    "Guten Tag,\n\ndie Zusammenstellung Ihrer im Kundenportal gespeicherten Daten ist fertig. "
    "Sie können sie nach der Anmeldung unter „Mein Konto“ → „Meine Daten“ herunterladen:\n\n"
    "{link}\n\nDie Datei liegt dort bis {until} bereit und wird danach gelöscht. Wenn Sie die "
    "Auskunft nicht angefordert haben, ändern Sie bitte Ihr Passwort."
) + mails._SIGNATURE
