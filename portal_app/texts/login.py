"""Anmelden: the form, a failed login, and the waits and pauses after too many."""

LOGIN_TITLE = "Anmelden"
LOGIN_INTRO = "Mit Ihrer E-Mail-Adresse und dem Passwort können Sie sich am Kundenportal anmelden."
LOGIN_FAILED = (
    "E-Mail-Adresse oder Passwort ist nicht korrekt, oder die Registrierung ist noch nicht "
    "abgeschlossen."
)
LOGIN_NO_ACCOUNT = "Noch kein Konto?"
LOGIN_REQUIRED = "Bitte melden Sie sich an, um diese Seite zu sehen."
LOGIN_WAIT = (
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie {seconds} Sekunden und "
    "versuchen Sie es dann erneut."
)
LOGIN_PAUSED = (
    "Nach vielen fehlgeschlagenen Versuchen ist die Anmeldung mit dieser E-Mail-Adresse auf "
    "neuen Geräten bis {until} gesperrt. Auf einem Gerät, mit dem Sie sich hier schon "
    "angemeldet haben, können Sie sich weiterhin anmelden. Oder setzen Sie Ihr Passwort über "
    "„Passwort vergessen?“ zurück; damit ist die Sperre aufgehoben."
)
LOGIN_PAUSED_DEVICE = (
    "Nach vielen fehlgeschlagenen Versuchen ist die Anmeldung auf diesem Gerät bis {until} "
    "gesperrt. Falls Sie Ihr Passwort vergessen haben, setzen Sie es bitte über „Passwort "
    "vergessen?“ zurück; damit ist die Sperre aufgehoben."
)
