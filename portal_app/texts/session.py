"""Texts of the login as a whole: an ended session, logging out, announcements, errors."""

SESSION_ENDED_TITLE = "Ihre Anmeldung ist abgelaufen"
SESSION_ENDED_TEXT = (
    "Aus Sicherheitsgründen endet die Anmeldung nach einer Zeit ohne Aktivität. Ihre Eingaben "
    "auf dieser Seite bleiben erhalten. Melden Sie sich in einem neuen Tab wieder an und wählen "
    "Sie danach hier „Weiter“, um fortzufahren."
)
SESSION_ENDED_LOGIN = "In neuem Tab anmelden"
SESSION_ENDED_RESUME = "Weiter"
SESSION_ENDED_STILL = "Sie sind noch nicht wieder angemeldet. Bitte melden Sie sich zuerst an."
SESSION_RENEWED_TITLE = "Sie sind wieder angemeldet"
SESSION_RENEWED_TEXT = (
    "Schließen Sie diesen Tab und kehren Sie zum vorigen Tab zurück. Wählen Sie dort „Weiter“ "
    "und senden Sie Ihre Eingaben erneut."
)
LOGIN_PASSWORD_MISSING = "Bitte geben Sie Ihr Passwort ein."
LOGGED_OUT = "Sie haben sich abgemeldet. Bis zum nächsten Mal!"
ANNOUNCER_LABEL = "Meldungen"
PAGE_WAITING = "Die Seite wird geladen …"
# the answer may be what got lost (a restart between the work and the answer): look first
UNEXPECTED_ERROR = (
    "Das hat leider nicht geklappt, oder die Antwort ist unterwegs verloren gegangen. Bitte "
    "laden Sie die Seite neu und sehen Sie nach, ob Ihre Eingabe angekommen ist, bevor Sie es "
    "noch einmal versuchen. Wenn der Fehler bleibt, nennen Sie uns bitte die Fehlernummer "
    "{reference}."
)
