"""What the operator commands say: `portal check`, `portal backup`, `portal restore`."""

__all__ = [
    "BACKUP_BROKEN",
    "BACKUP_DONE",
    "BACKUP_FILES_MISSING",
    "BACKUP_KIND_MISMATCH",
    "BACKUP_PG_TOO_OLD",
    "BACKUP_TOOL_FAILED",
    "BACKUP_UNREADABLE",
    "CHECK_ALL_OK",
    "CHECK_FAILED",
    "CHECK_LABELS",
    "CHECK_LINES",
    "RESTORE_COUNTS_DIFFER",
    "RESTORE_DONE",
    "RESTORE_NOT_EMPTY",
    "RESTORE_NO_DATABASE",
]

# --- portal check ------------------------------------------------------------------------
CHECK_LABELS = {
    "database": "Datenbank",
    "redis": "Redis",
    "mail": "Postausgang",
    "files": "Dateiablage",
}
# one line per check and outcome ("problem" of services/health.py; "" = passed)
CHECK_LINES = {
    ("database", ""): "antwortet",
    ("database", "no_answer"): "FEHLER – keine Antwort",
    ("redis", ""): "antwortet",
    ("redis", "unconfigured"): "nicht eingerichtet (REFLEX_REDIS_URL leer)",
    ("redis", "no_answer"): "FEHLER – keine Antwort",
    ("mail", ""): "{waiting} wartende Mail(s), die älteste seit {oldest_minutes} min "
    "(Grenze {limit_minutes} min)",
    ("mail", "no_smtp"): "{waiting} wartende Mail(s); ohne SMTP-Server bleiben sie im Postausgang",
    ("mail", "stuck"): "FEHLER – die älteste von {waiting} wartenden Mails wartet seit "
    "{oldest_minutes} min (Grenze {limit_minutes} min)",
    ("mail", "no_answer"): "FEHLER – Datenbank antwortet nicht",
    ("files", ""): "beschreibbar, {free_mb} MB frei (mindestens {min_free_mb} MB)",
    ("files", "not_writable"): "FEHLER – nicht beschreibbar",
    ("files", "low_space"): "FEHLER – nur {free_mb} MB frei (mindestens {min_free_mb} MB)",
    ("*", "timeout"): "FEHLER – keine Antwort innerhalb von {seconds} s",
    ("*", "error"): "FEHLER – Prüfung abgebrochen",
}
CHECK_ALL_OK = "Alles in Ordnung."
CHECK_FAILED = "Nicht in Ordnung: {names}."

# --- portal backup / restore ---------------------------------------------------------------
BACKUP_DONE = (
    "Sicherung geschrieben: {path}\n"
    "  Datenbank ({kind}): {tables} Tabellen, {rows} Zeilen; Dateien: {files} ({size})"
)
BACKUP_FILES_MISSING = (
    "WARNUNG: {count} Datei(en), auf die die Datenbank verweist, fehlen in der Dateiablage "
    "und damit auch in der Sicherung: {names}"
)
BACKUP_TOOL_FAILED = "{tool} ist fehlgeschlagen: {error}"
BACKUP_PG_TOO_OLD = (
    "{tool} {client} ist älter als der PostgreSQL-Server {server}. Bitte das passende Paket "
    "installieren, z. B. postgresql-client-{server}."
)
BACKUP_UNREADABLE = "{path} ist keine lesbare Sicherung des Kundenportals ({reason})."
BACKUP_BROKEN = "Die Sicherung ist beschädigt: {reason}. Nichts wurde verändert."
BACKUP_KIND_MISMATCH = (
    "Die Sicherung stammt aus {archive}, eingestellt ist {target} (REFLEX_DB_URL). "
    "Nichts wurde verändert."
)
RESTORE_NOT_EMPTY = (
    "Die Installation ist nicht leer ({rows} Zeilen in der Datenbank, {files} Dateien in der "
    "Dateiablage). Wiederherstellen nur in eine leere Installation – oder mit --force, das "
    "Datenbank und Dateiablage durch die Sicherung ersetzt. Nichts wurde verändert."
)
RESTORE_NO_DATABASE = "Die Datenbank ist nicht erreichbar: {error}"
RESTORE_COUNTS_DIFFER = (
    "Nach dem Wiederherstellen stimmen die Zeilen nicht mit der Sicherung überein: {tables}"
)
RESTORE_DONE = (
    "Wiederhergestellt aus {path} (gesichert am {created}):\n"
    "  Datenbank ({kind}): {tables} Tabellen, {rows} Zeilen; Dateien: {files} ({size})"
)
