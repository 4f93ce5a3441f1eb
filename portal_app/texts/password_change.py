"""Passwort ändern inside the portal."""

CHANGE_TITLE = "Passwort ändern"
CHANGE_INTRO = (
    "Geben Sie Ihr bisheriges Passwort und das neue Passwort ein. Anmeldungen auf anderen "
    "Geräten werden danach beendet; hier bleiben Sie angemeldet."
)
FIELD_CURRENT_PASSWORD = "Bisheriges Passwort"
CHANGE_DONE = (
    "Ihr Passwort wurde geändert. Anmeldungen auf anderen Geräten wurden beendet. Wir haben "
    "Ihnen eine Bestätigung per E-Mail gesendet."
)
CURRENT_PASSWORD_WRONG = "Das bisherige Passwort ist nicht korrekt."
CURRENT_PASSWORD_WAIT = (
    "Das Passwort wurde zu oft falsch eingegeben. Bitte warten Sie {seconds} Sekunden und "
    "versuchen Sie es dann erneut."
)
CURRENT_PASSWORD_PAUSED = (
    "Das Passwort wurde zu oft falsch eingegeben. Sie können es ab {until} erneut eingeben. "
    "Haben Sie Ihr Passwort vergessen? Dann melden Sie sich ab und setzen es über „Passwort "
    "vergessen?“ auf der Anmeldeseite zurück."
)
NEW_PASSWORD_SAME = "Das neue Passwort muss sich vom bisherigen unterscheiden."
