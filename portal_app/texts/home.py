"""The start page: the three steps Registrieren, Anmelden, Freischalten in the seed's words."""

HOME_TITLE = "Registrieren und Vorteile nutzen: Der exklusive Mitgliederbereich"
HOME_INTRO = "Lernen Sie alle Funktionen des Kundenportals kennen!"
STEPS = (
    (
        "1. Registrieren",
        "Zur Nutzung des Kundenportals ist die einmalige Registrierung Ihrer E-Mail-Adresse "
        "erforderlich.",
        "Nach der Registrierung erhalten Sie eine E-Mail mit Bestätigungslink. Sobald Sie Ihre "
        "E-Mail-Adresse bestätigt haben, legen Sie Ihr Passwort selbst fest.",
    ),
    (
        "2. Anmelden",
        "Mit Ihrer E-Mail-Adresse und dem Passwort können Sie sich am Kundenportal anmelden.",
        "Die allgemeinen Online-Dienste sind sofort für Sie verfügbar: Sie können Kurse buchen "
        "und ausgewählte Formulare nutzen.",
    ),
    (
        "3. Freischalten",
        "Mitgliedsbetriebe, Lehrlinge und Bildungskunden können sich mit einer PIN "
        "(persönlichen Identifikationsnummer) freischalten.",
        "Danach stehen auch die interaktiven Funktionen, wie SEPA, Upload und Download sowie "
        "Vorlagen, zur Verfügung.",
    ),
)
HOME_START_REGISTER = "Zur Registrierung"
HOME_START_LOGIN = "Zur Anmeldung"
HOME_START_ACCOUNT = "Zu Mein Konto"
HOME_STEPS_LABEL = "In drei Schritten zum Kundenportal"
