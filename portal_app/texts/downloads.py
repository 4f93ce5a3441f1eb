"""Downloads of stored files (documents, Vorlagen)."""

DOWNLOAD_TICKET_INVALID = (
    "Dieser Download gilt nicht mehr. Bitte laden Sie die Datei im Portal erneut herunter."
)
