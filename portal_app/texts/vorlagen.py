"""Vorlagen: templates and forms to download."""

VORLAGEN_TITLE = "Vorlagen und Formulare"
VORLAGEN_INTRO = "Vorlagen und Formulare zum Herunterladen, nach Themen geordnet."
VORLAGEN_EMPTY = "Zurzeit sind keine Vorlagen eingestellt."
VORLAGE_NOT_FOUND = "Diese Vorlage gibt es nicht (mehr)."
VORLAGE_FIELD_LENGTH = "Bitte {low} bis {high} Zeichen."
VORLAGE_KIND_REFUSED = "Nur PDF, DOCX oder XLSX (nach Inhalt geprüft)."
