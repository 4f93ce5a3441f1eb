"""Impressum, Datenschutzhinweise and Kontakt."""

from portal_app.texts import frame

IMPRINT_TITLE = "Impressum"
IMPRINT_TEXT = (
    f"Die {frame.CHAMBER} ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch "
    "den Präsidenten und den Hauptgeschäftsführer. Zuständige Aufsichtsbehörde ist das "
    "Wirtschaftsministerium des Landes."
)
PRIVACY_TITLE = "Datenschutzhinweise"
PRIVACY_SECTIONS = (
    (
        "Wer verarbeitet Ihre Daten?",
        f"Verantwortlich ist die {frame.CHAMBER}, "
        f"{frame.CHAMBER_ADDRESS[0]}, {frame.CHAMBER_ADDRESS[1]}.",
    ),
    (
        "Welche Daten speichern wir?",
        "Ihre E-Mail-Adresse, den Zeitpunkt der Registrierung, Ihr Passwort ausschließlich als "
        "nicht umkehrbaren Hash-Wert und Ihre aktiven Anmeldungen (Zeitpunkt, Browser). "
        "Anmeldungen enden spätestens nach 12 Stunden.",
    ),
    (
        "Wozu?",
        "Um Ihnen den Zugang zum Kundenportal und seinen Online-Diensten zu ermöglichen "
        "(Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit der Handwerksordnung).",
    ),
    (
        "Cookies",
        "Das Portal setzt nur ein technisch notwendiges Cookie für Ihre Anmeldung. Es gibt "
        "keine Werbe- oder Analyse-Cookies.",
    ),
    (
        "Ihre Rechte",
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
        "Verarbeitung sowie ein Beschwerderecht bei der Datenschutzaufsichtsbehörde.",
    ),
)
CONTACT_TITLE = "Kontakt"
CONTACT_INTRO = "So erreichen Sie uns:"
CONTACT_EMAIL = "E-Mail"
CONTACT_HOURS = "Montag bis Donnerstag 8 bis 16 Uhr, Freitag 8 bis 12 Uhr"
