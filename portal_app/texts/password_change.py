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
NEW_PASSWORD_SAME = "Das neue Passwort muss sich vom bisherigen unterscheiden."
