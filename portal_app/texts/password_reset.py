"""Passwort vergessen: requesting a link and setting a new password with it."""

FORGOT_LINK = "Passwort vergessen?"
FORGOT_TITLE = "Passwort vergessen"
FORGOT_INTRO = (
    "Passwort vergessen? Setzen Sie es einfach zurück! Geben Sie die E-Mail-Adresse Ihres "
    "Kontos ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen."
)
FORGOT_BUTTON = "Link zum Zurücksetzen anfordern"
FORGOT_DONE = (
    "Wir haben eine E-Mail an {email} gesendet. Sie erklärt, wie es weitergeht. Ein Link zum "
    "Zurücksetzen ist eine Stunde gültig. Falls keine E-Mail ankommt, prüfen Sie bitte Ihren "
    "Spam-Ordner."
)
RESET_TITLE = "Passwort zurücksetzen"
RESET_INTRO = "Legen Sie ein neues Passwort für Ihr Konto fest. Danach melden Sie sich neu an."
RESET_BUTTON = "Neues Passwort speichern"
RESET_DONE_TITLE = "Ihr Passwort wurde geändert"
RESET_DONE = (
    "Sie können sich jetzt mit dem neuen Passwort anmelden. Alle bisherigen Anmeldungen Ihres "
    "Kontos wurden beendet."
)
RESET_TOKEN_EXPIRED = (
    "Dieser Link ist abgelaufen. Links zum Zurücksetzen sind eine Stunde gültig. Bitte fordern "
    "Sie einen neuen Link an."
)
RESET_TOKEN_USED = (
    "Dieser Link wurde bereits verwendet oder durch einen neueren ersetzt. Bitte fordern Sie "
    "bei Bedarf einen neuen Link an."
)
RESET_NEW_LINK = "Neuen Link anfordern"
