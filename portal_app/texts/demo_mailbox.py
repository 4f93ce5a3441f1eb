"""The demo mailbox that shows every mail the portal would have sent (demo mode only)."""

MAILBOX_TITLE = "Demo-Postfach"
MAILBOX_WARNING = (
    "Demo-Modus: Diese Seite zeigt alle E-Mails, die das Portal verschickt hätte. Sie existiert "
    "nur mit PORTAL_DEMO=1 und niemals im echten Betrieb."
)
MAILBOX_EMPTY = "Noch keine E-Mails."
MAILBOX_TO = "An"
MAILBOX_SENT = "zugestellt"
MAILBOX_QUEUED = "im Postausgang"
MAILBOX_REFRESH = "Aktualisieren"
