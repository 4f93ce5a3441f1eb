"""The second factor of staff and members: the login code, the set-up, recovery codes."""

FIELD_TOTP_CODE = "Bestätigungscode"
TOTP_CODE_HINT = (
    "Die sechs Ziffern aus Ihrer Authenticator-App, oder einer Ihrer Wiederherstellungscodes."
)
TOTP_CODE_BUTTON = "Bestätigen"
TOTP_CODE_EMPTY = "Bitte geben Sie den Bestätigungscode ein."
TOTP_CODE_WRONG = (
    "Der Bestätigungscode ist nicht korrekt oder wurde schon verwendet. Bitte warten Sie auf "
    "den nächsten Code Ihrer App."
)
TOTP_TOO_LATE = "Die Anmeldung hat zu lange gedauert. Bitte beginnen Sie von vorn."
TOTP_PAUSED = (
    "Nach mehreren falschen Bestätigungscodes nimmt das Portal bis {until} keinen Code für "
    "dieses Konto an. Versuchen Sie es danach erneut – mit dem Code Ihrer Authenticator-App oder "
    "einem Wiederherstellungscode. Haben Sie beides nicht mehr, hilft Ihnen die "
    "Handwerkskammer weiter."
)
TOTP_SETUP_INTRO = (
    "Scannen Sie den QR-Code mit Ihrer Authenticator-App oder tippen Sie den Schlüssel ein. "
    "Geben Sie dann den sechsstelligen Code ein, den die App anzeigt."
)
TOTP_QR_LABEL = "QR-Code für die Authenticator-App"
TOTP_SECRET_LABEL = "Schlüssel zum Eintippen:"
TOTP_RECOVERY_LIST_LABEL = "Wiederherstellungscodes"
TOTP_SETUP_TITLE = "Authenticator-App einrichten"
TOTP_CODE_STEP = "Schritt 2: Bitte geben Sie den Bestätigungscode ein."
TOTP_RECOVERY_TITLE = "Ihre Wiederherstellungscodes"
