"""The administrators' audit log /verwaltung/protokoll: filters, the entries, the CSV export."""

AUDIT_LOG_TITLE = "Protokoll"
AUDIT_LOG_INTRO = (
    "Wer hat wann was getan: Mitglieder, Mitarbeitende und das Portal selbst. Neueste "
    "Einträge zuerst."
)
AUDIT_LOG_REFUSED = "Das Protokoll ist der Administration vorbehalten."
AUDIT_FILTER_LABEL = "Protokoll filtern"
AUDIT_FIELD_ACTOR_KIND = "Von wem"
AUDIT_ACTOR_KIND_MEMBER = "Mitglieder"
AUDIT_FIELD_ACTOR = "E-Mail-Adresse oder Name"
AUDIT_FIELD_ACTOR_HINT = "Ein Teil genügt, z. B. „mueller@“."
AUDIT_FIELD_ACTION = "Art des Eintrags"
AUDIT_FIELD_RECORD = "Datensatz"
AUDIT_FIELD_RECORD_HINT = "Betriebs- oder Kundennummer, Kurs, Vorlage … (ein Teil genügt)."
AUDIT_FIELD_SINCE = "Ab dem"
AUDIT_FIELD_UNTIL = "Bis zum"
AUDIT_TABLE = "Einträge des Protokolls"
AUDIT_PAGES_LABEL = "Seiten des Protokolls"
AUDIT_EXPORT = "Als CSV herunterladen"
AUDIT_COL_AT = "Zeitpunkt"
AUDIT_COL_ACTOR = "Wer"
AUDIT_COL_DETAIL = "Einzelheiten"
AUDIT_ACTOR_MEMBER = "Mitglied {email}"
AUDIT_ACTOR_STAFF = "Mitarbeiter/in {name}"
# What each entry of the log records, as staff read it (the log keeps the code)
AUDIT_ITEM_ACTION = "Vorgang: {what}"
AUDIT_ACTIONS = {
    "password_reset": "Passwort zurückgesetzt",
    "password_changed": "Passwort geändert",
    "account_deleted": "Konto gelöscht",
    "login_paused": "Anmeldung pausiert",
    "sessions_ended": "Andere Anmeldungen beendet",
    "email_change_requested": "Änderung der E-Mail-Adresse angefordert",
    "email_changed": "E-Mail-Adresse geändert",
    "email_change_undone": "Änderung der E-Mail-Adresse rückgängig gemacht",
    "data_exported": "Datenauskunft erstellt",
    "staff_created": "Mitarbeiterkonto angelegt",
    "staff_invited": "Kollegin oder Kollege eingeladen",
    "staff_set_up": "Mitarbeiterkonto eingerichtet",
    "staff_login": "Anmeldung in der Verwaltung",
    "staff_password_failed": "Falsches Passwort (Verwaltung)",
    "staff_code_failed": "Falscher Bestätigungscode (Verwaltung)",
    "staff_recovery_code_used": "Wiederherstellungscode benutzt",
    "staff_logout": "Abmeldung aus der Verwaltung",
    "staff_departments_changed": "Abteilungen geändert",
    "staff_deactivated": "Mitarbeiterkonto deaktiviert",
    "staff_second_factor_reset": "Zweiter Faktor zurückgesetzt",
    "audit_exported": "Protokoll exportiert",
    "course_created": "Kurs angelegt",
    "course_changed": "Kurs geändert",
    "course_cancelled": "Kurs abgesagt (Verwaltung)",
    "booking_cancelled_by_staff": "Buchung durch die Kammer storniert",
    "booking_moved_up_by_staff": "Von der Warteliste nachgerückt (Verwaltung)",
    "course_list_downloaded": "Teilnehmerliste heruntergeladen",
    "freischaltung": "Freischaltung erfolgreich",
    "freischaltung_fehlgeschlagen": "Freischaltung fehlgeschlagen",
    "pin_angefordert": "Neue PIN angefordert",
    "pin_ausgestellt": "PIN ausgestellt",
    "lehrvertrag_eingereicht": "Lehrvertrag eingereicht",
    "pin_briefe": "PIN-Briefe erstellt",
    "freischaltung_beendet": "Freischaltung beendet",
    "verzeichnis_import": "Verzeichnis importiert",
    "dokument_hochgeladen": "Dokument hochgeladen",
    "dokument_abgelehnt": "Dokument abgelehnt",
    "dokument_heruntergeladen": "Dokument heruntergeladen",
    "dokument_verweigert": "Dokument nicht herausgegeben",
    "dokument_bereitgestellt": "Dokument bereitgestellt",
    "postfach_anhang": "Anhang aus dem Postfach heruntergeladen",
    "vorlage_heruntergeladen": "Vorlage heruntergeladen",
    "vorlage_verweigert": "Vorlage nicht herausgegeben",
    "vorlage_eingestellt": "Vorlage eingestellt",
    "vorlage_ersetzt": "Vorlage ersetzt",
    "vorlage_entfernt": "Vorlage entfernt",
    "sepa_mandat_erteilt": "SEPA-Mandat erteilt",
    "sepa_mandat_ersetzt": "SEPA-Mandat ersetzt",
    "sepa_mandat_widerrufen": "SEPA-Mandat widerrufen",
    "sepa_verweigert": "SEPA-Mandat abgelehnt",
    "sepa_mandat_pdf": "SEPA-Mandat als PDF heruntergeladen",
    "team_eingeladen": "Ins Team eingeladen",
    "team_einladung_zurueckgezogen": "Einladung ins Team zurückgezogen",
    "team_beigetreten": "Dem Team beigetreten",
    "team_rollen_geaendert": "Rollen im Team geändert",
    "team_entfernt": "Aus dem Team entfernt",
    "team_verlassen": "Team verlassen",
    "team_verwalter_ernannt": "Zum Verwalter ernannt",
    "team_verwalter_abgegeben": "Verwalterrolle abgegeben",
    "second_factor_enabled": "Zweiter Faktor eingeschaltet",
    "second_factor_disabled": "Zweiter Faktor ausgeschaltet",
    "recovery_codes_renewed": "Neue Wiederherstellungscodes erzeugt",
    "recovery_code_used": "Anmeldung mit Wiederherstellungscode",
    "second_factor_code_failed": "Falscher Bestätigungscode",
    "login_second_factor": "Anmeldung mit zweitem Faktor",
    "second_factor_reset_by_staff": "Zweiter Faktor durch die Kammer zurückgesetzt",
    "second_factor_missing": "Dienst ohne zweiten Faktor abgelehnt",
    "beitrag_stapel_geprueft": "Beitragsbescheide geprüft (bereit zum Zustellen)",
    "beitrag_stapel_abgelehnt": "Beitragsbescheide abgelehnt (Fehler im Stapel)",
    "beitrag_stapel_zugestellt": "Beitragsbescheide zugestellt",
    "beitrag_papierliste": "Liste der Bescheide für die Post heruntergeladen",
    "sepa_einzug_erstellt": "SEPA-Lastschriftdatei erstellt",
    "sepa_einzug_abgelehnt": "SEPA-Lastschriftdatei abgelehnt (fehlerhafte Zeilen)",
    "sepa_einzug_heruntergeladen": "SEPA-Lastschriftdatei heruntergeladen",
    "sepa_einzug_uebergeben": "SEPA-Lastschriftdatei an die Bank übergeben",
}
