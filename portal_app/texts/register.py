"""Registrieren: the form, the confirmation link and setting the first password."""

REGISTER_TITLE = "Registrieren"
REGISTER_INTRO = (
    "Zur Nutzung des Kundenportals ist die einmalige Registrierung Ihrer E-Mail-Adresse "
    "erforderlich. Wir senden Ihnen eine E-Mail mit einem Bestätigungslink."
)
REGISTER_CONSENT = (
    "Ich habe die Datenschutzhinweise gelesen und bin mit der Verarbeitung meiner Daten "
    "einverstanden."
)
REGISTER_PRIVACY_LINK = "Datenschutzhinweise lesen"
REGISTER_DONE = (
    "Wir haben eine E-Mail an {email} gesendet. Bitte folgen Sie dem Link in der E-Mail, um "
    "Ihre Registrierung abzuschließen. Der Link ist 24 Stunden gültig. Falls keine E-Mail "
    "ankommt, prüfen Sie bitte Ihren Spam-Ordner."
)
REGISTER_HAVE_ACCOUNT = "Sie haben schon ein Konto?"
CONSENT_MISSING = "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben."
CONFIRM_TITLE = "Passwort festlegen"
CONFIRM_INTRO = (
    "Ihre E-Mail-Adresse ist fast bestätigt. Legen Sie jetzt Ihr Passwort fest, um die "
    "Registrierung abzuschließen."
)
CONFIRM_BUTTON = "Passwort speichern und Registrierung abschließen"
TOKEN_UNKNOWN = "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben."
TOKEN_EXPIRED = "Dieser Link ist abgelaufen. Bestätigungslinks sind 24 Stunden gültig."
TOKEN_USED = (
    "Dieser Link wurde bereits verwendet. Wenn Sie Ihr Passwort schon festgelegt haben, "
    "können Sie sich anmelden."
)
TOKEN_NEW_LINK = "Neuen Bestätigungslink anfordern"
