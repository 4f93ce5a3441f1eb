"""Willkommen: the onboarding steps Registrieren, Anmelden, Freischalten."""

from portal_app.texts import login, register, unlock

WELCOME_TITLE = "Willkommen im Kundenportal"
WELCOME_STEPS_LABEL = "Ihr Weg ins Kundenportal"
# each step is named like its page
WELCOME_STEP_NAMES = (register.REGISTER_TITLE, login.LOGIN_TITLE, unlock.UNLOCK_TITLE)
WELCOME_STEP_DONE = "erledigt"
WELCOME_STEP_CURRENT = "aktueller Schritt"
WELCOME_STEP_OPEN = "offen"
WELCOME_HAVE_ACCOUNT = "Sie sind schon registriert?"
WELCOME_TO_LOGIN = "Weiter zur Anmeldung"
WELCOME_TO_REGISTER = "Zurück zur Registrierung"
WELCOME_REGISTERED_NEXT = (
    "Sobald Sie den Link aus der E-Mail geöffnet und Ihr Passwort festgelegt haben, geht es "
    "hier mit dem Freischalten weiter."
)
WELCOME_FINISHED_TITLE = "Alles erledigt"
WELCOME_FINISHED = (
    "Sie sind registriert, angemeldet und freigeschaltet. Alle Online-Dienste stehen Ihnen "
    "zur Verfügung."
)
WELCOME_SKIP_UNLOCK = "Später freischalten – zu Mein Konto"
