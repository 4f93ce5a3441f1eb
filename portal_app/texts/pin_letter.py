"""The letter with a PIN that the chamber posts."""

from portal_app.texts import frame

LETTER_SUBJECT = "Ihre PIN für das Kundenportal"
LETTER_BODY = (
    "Sehr geehrte Damen und Herren,\n\nmit der folgenden PIN schalten Sie Ihr Konto im "
    'Kundenportal frei: Melden Sie sich unter {portal} an und wählen Sie "Freischalten". '
    "Noch kein Konto? Registrieren Sie sich dort zuerst mit Ihrer E-Mail-Adresse."
)
LETTER_VALIDITY = (
    "Die PIN ist bis zum {date} gültig und kann nur einmal verwendet werden. Bewahren Sie "
    "diesen Brief sicher auf und geben Sie die PIN nicht weiter."
)
LETTER_SIGNATURE = f"Mit freundlichen Grüßen\nIhre {frame.CHAMBER}"
