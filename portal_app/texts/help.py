"""The help page: the FAQ in the chamber's words, its search and its deep-link anchors."""

HELP_TITLE = "Kundenportal: Hilfe"
FAQ_TITLE = "Häufig gestellte Fragen zum Kundenportal"
FAQ = (
    (
        "Wieso kann ich mich nicht anmelden?",
        "Für das Kundenportal der Handwerkskammer ist zuerst die einmalige Registrierung Ihrer "
        "E-Mail-Adresse erforderlich. Erst danach können Sie sich anmelden. Eine automatische "
        "Anlage eines Kontos, z.B. nach der Gewerbeanmeldung, erfolgt nicht.",
    ),
    (
        "Wie lauten meine Zugangsdaten?",
        "Ihre Zugangsdaten bestehen aus Ihrer E-Mail-Adresse und dem Passwort. Die "
        "Freischalt-PIN ist nur für die Erstregistrierung erforderlich und verfällt nach "
        "erfolgreichem Gebrauch.",
    ),
    (
        "Wo bekomme ich ein neues Passwort?",
        "Ein neues Passwort können Sie im Kundenportal selbst festlegen oder über unser "
        "Passwort-Formular zurücksetzen.",
    ),
    (
        "Was ist die Betriebsfreischaltung oder die Personenfreischaltung?",
        "Für unsere Mitgliedsbetriebe, also alle Unternehmen in der Handwerksrolle und "
        "Verzeichnissen, bieten wir die Freischaltung als Betrieb an. Sie können zahlreiche "
        "Anliegen gleich online erledigen. Für Kunden unserer Bildungszentren oder individuelle "
        "Anliegen ohne Betriebsbezug bieten wir die Freischaltung als natürliche Person an. Die "
        "Unterscheidung hilft uns, unser Angebot besser auf Sie auszurichten. Außerdem ist die "
        "gleichzeitige Freischaltung als Betrieb und Person möglich, was in manchen Fällen "
        "erforderlich ist.",
    ),
    (
        "Wie lautet meine Betriebsnummer?",
        "Die Betriebsnummer der Handwerkskammer besteht in der Regel aus dem "
        "Landkreiskennzeichen, einer siebenstelligen Nummer sowie aus einem Filialkennzeichen, "
        "zum Beispiel: TS-1234567-0. Für die Freischaltung im Kundenportal oder bei Kontakt mit "
        "einem unserer Mitarbeiter reicht die Angabe der siebenstelligen Nummer, aus dem "
        "Beispiel: 1234567.",
    ),
    (
        "Wo bekomme ich eine neue Freischalt-PIN?",
        "Die Freischalt-PIN wurde Ihnen mit den Eintragungsunterlagen (Handwerksrolle) bzw. dem "
        "Beitragsbescheid zugestellt. Sollten diese Unterlagen nicht mehr auffindbar oder die "
        "PIN bereits zur Einrichtung eines Zugangs verbraucht worden sein, können Sie nach der "
        "Registrierung eine neue PIN beantragen. Sie finden den Anforderungs-Link direkt im "
        "Freischaltformular.",
    ),
    (
        "Wie kann ich meine E-Mail-Adresse ändern?",
        "Melden Sie sich an und öffnen Sie unter „Mein Konto“ den Punkt „E-Mail-Adresse "
        "ändern“. Geben Sie die neue Adresse und Ihr Passwort ein und öffnen Sie den Link, den "
        "wir an die neue Adresse senden. Ihre bisherige Adresse erhält eine Nachricht und kann "
        "die Änderung 7 Tage lang rückgängig machen.",
    ),
)
HELP_MORE_QUESTIONS = "Haben Sie noch Fragen? Schreiben Sie uns!"
FAQ_SEARCH = "Fragen durchsuchen"
FAQ_SEARCH_HINT = "Die Liste zeigt nur Fragen, die Ihren Suchbegriff enthalten."
FAQ_NO_MATCH = "Keine Frage passt zu Ihrem Suchbegriff."
# one anchor per FAQ entry, in the order of FAQ (deep links such as /hilfe#pin)
FAQ_ANCHORS = (
    "anmelden",
    "zugangsdaten",
    "passwort",
    "freischaltung",
    "betriebsnummer",
    "pin",
    "email",
)
FAQ_LINK_PASSWORD = "Zum Passwort-Formular"
FAQ_LINK_PIN = "Zum Freischaltformular"
HELP_PASSWORD_FORGOT = "Passwort vergessen? Setzen Sie es einfach zurück!"
