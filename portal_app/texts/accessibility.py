"""Texts of accessibility (BITV 2.0): statement, Barriere melden, Leichte Sprache, DGS."""

from portal_app.texts import frame

_CHAMBER, _ADDRESS = frame.CHAMBER, frame.CHAMBER_ADDRESS
_EMAIL, _PHONE = frame.CHAMBER_EMAIL, frame.CHAMBER_PHONE

# --- footer -----------------------------------------------------------------------------------
FOOTER_ACCESSIBILITY = "Barrierefreiheit"

# --- the notification region (toasts) ---------------------------------------------------------
TOASTS_LABEL = "Benachrichtigungen"

# --- titles of a course's page ----------------------------------------------------------------
COURSE_PAGE_NOT_FOUND = "Kurs nicht gefunden"

# --- date fields ------------------------------------------------------------------------------
DATE_FORMAT_HINT = "Format: TT.MM.JJJJ"
DATE_FORMAT_INVALID = "Bitte geben Sie das Datum im Format TT.MM.JJJJ ein, zum Beispiel 17.05.1990."

# --- Erklärung zur Barrierefreiheit -----------------------------------------------------------
ACCESSIBILITY_TITLE = "Erklärung zur Barrierefreiheit"
ACCESSIBILITY_INTRO = (
    f"Die {_CHAMBER} ist bemüht, ihr Kundenportal im Einklang mit den Rechtsvorschriften zur "
    "Umsetzung der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen. Maßgeblich sind "
    "das Behindertengleichstellungsrecht des Landes und die Barrierefreie-Informationstechnik-"
    "Verordnung (BITV 2.0); sie verweisen auf die Norm EN 301 549 und damit auf die "
    "Richtlinien für barrierefreie Webinhalte WCAG 2.1, Stufe AA."
)
ACCESSIBILITY_SCOPE = (
    "Diese Erklärung gilt für alle Seiten des Kundenportals, auch für die Seiten unter "
    "„Mein Konto“ und die Dokumente, die Sie dort herunterladen können."
)
ACCESSIBILITY_STATUS_HEADING = "Stand der Vereinbarkeit mit den Anforderungen"
ACCESSIBILITY_STATUS = (
    "Das Kundenportal ist wegen der folgenden Unvereinbarkeiten mit den Anforderungen der "
    "BITV 2.0 teilweise vereinbar."
)
ACCESSIBILITY_GAPS_HEADING = "Nicht barrierefreie Inhalte"
ACCESSIBILITY_GAPS_INTRO = "Die folgenden Inhalte sind noch nicht barrierefrei:"
ACCESSIBILITY_GAPS = (
    (
        "Gebärdensprache:",
        "Das Video in Deutscher Gebärdensprache, das die wesentlichen Inhalte des Portals "
        "erklärt (§ 4 BITV 2.0), fehlt noch. Bis es fertig ist, steht sein Inhalt auf der Seite "
        "„Gebärdensprache“ als Text.",
    ),
    (
        "Zeitbegrenzung:",
        "Eine Anmeldung endet nach 30 Minuten ohne Aktivität. Das Portal warnt vorher nicht und "
        "bietet keine Verlängerung an (WCAG 2.2.1). Eingaben, die Sie noch nicht abgesendet "
        "haben, müssen Sie nach einer neuen Anmeldung noch einmal machen.",
    ),
    (
        "PDF-Dokumente:",
        "Das SEPA-Lastschriftmandat als PDF, die Vorlagen und die Dokumente, die wir Ihnen "
        "bereitstellen, sind noch nicht barrierefrei gestaltet: Überschriften und Lesereihenfolge "
        "sind nicht ausgezeichnet (PDF/UA). Auf Wunsch senden wir Ihnen den Inhalt in einer "
        "zugänglichen Form.",
    ),
    (
        "Verbindungsabbruch:",
        "Bricht die Verbindung zum Server ab, erscheint ein Hinweis in englischer Sprache "
        "(WCAG 3.1.2). Laden Sie die Seite dann bitte neu.",
    ),
)
ACCESSIBILITY_MADE_HEADING = "Erstellung dieser Erklärung"
ACCESSIBILITY_MADE = (
    "Diese Erklärung wurde am 30. November 2026 erstellt und zuletzt am 30. November 2026 "
    "überprüft."
)
ACCESSIBILITY_METHOD = (
    f"Sie beruht auf einer Selbstbewertung der {_CHAMBER}: Alle Seiten werden bei jeder "
    "Änderung des Portals automatisch mit dem Prüfwerkzeug axe-core auf die Kriterien der "
    "WCAG 2.1 (Stufe AA) geprüft, bei 1280 und bei 375 Pixel Breite. Außerdem prüfen "
    "automatische Tests die Bedienung allein mit der Tastatur, die Kontraste von Fokusrahmen "
    "und Eingabefeldern und die Darstellung bei 320 Pixel Breite ohne waagerechtes Scrollen."
)
ACCESSIBILITY_FEEDBACK_HEADING = "Feedback und Kontaktangaben"
ACCESSIBILITY_FEEDBACK = (
    "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten des Kundenportals aufgefallen? "
    "Oder brauchen Sie Informationen aus einem Inhalt, der nicht barrierefrei ist, in einer "
    "zugänglichen Form? Dann schreiben Sie uns mit dem Formular „Barriere melden“ auf dieser "
    "Seite oder wenden Sie sich an:"
)
ACCESSIBILITY_FORM_LINK = "Zum Formular „Barriere melden“"
ACCESSIBILITY_ANSWER_TIME = (
    "Wir antworten Ihnen so bald wie möglich, spätestens innerhalb eines Monats."
)
ACCESSIBILITY_ENFORCEMENT_HEADING = "Durchsetzungsverfahren"
ACCESSIBILITY_ENFORCEMENT = (
    "Haben Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie ein "
    "Schlichtungsverfahren beantragen. Das Verfahren ist kostenlos; Sie brauchen dafür keinen "
    "Rechtsbeistand."
)
ACCESSIBILITY_ENFORCEMENT_LAND = (
    f"Die {_CHAMBER} ist eine Körperschaft des öffentlichen Rechts unter der Aufsicht des "
    "Landes. Für sie gilt das Behindertengleichstellungsgesetz des Landes. Zuständig ist "
    "deshalb die Durchsetzungs- und Schlichtungsstelle des Landes bei der oder dem "
    "Landesbeauftragten für die Belange von Menschen mit Behinderungen."
)
ACCESSIBILITY_ENFORCEMENT_FEDERAL = (
    "Für öffentliche Stellen des Bundes ist die Schlichtungsstelle nach § 16 des "
    "Behindertengleichstellungsgesetzes (BGG) zuständig. Auf ihrer Website finden Sie auch "
    "allgemeine Informationen zum Ablauf eines Schlichtungsverfahrens:"
)
SCHLICHTUNGSSTELLE = (
    "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
    "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen",
    "Mauerstraße 53",
    "10117 Berlin",
)
SCHLICHTUNGSSTELLE_PHONE = "030 18 527-2805"
SCHLICHTUNGSSTELLE_EMAIL = "info@schlichtungsstelle-bgg.de"
SCHLICHTUNGSSTELLE_WEB = "https://www.schlichtungsstelle-bgg.de"
SCHLICHTUNGSSTELLE_WEB_LABEL = "www.schlichtungsstelle-bgg.de"
LABEL_WEB = "Internet"
LABEL_POST = "Post"
CHAMBER_POSTAL = f"{_CHAMBER}, {_ADDRESS[0]}, {_ADDRESS[1]}"
ACCESSIBILITY_MORE_HEADING = "Leichte Sprache und Gebärdensprache"
ACCESSIBILITY_MORE = (
    "Das Kundenportal erklären wir auch in Leichter Sprache und in Gebärdensprache:"
)

# --- the feedback form "Barriere melden" (an online form like the contact form) ----------------
FORM_BARRIER_TITLE = "Barriere melden"
FORM_BARRIER_INTRO = (
    "Beschreiben Sie uns, wo Sie auf eine Barriere gestoßen sind. Nur die Beschreibung ist "
    "nötig. Wenn Sie eine E-Mail-Adresse angeben, antworten wir Ihnen und Sie erhalten eine "
    "Eingangsbestätigung. Ihre Nachricht erhält unser Kundenservice (Abteilung Kontakt); was wir "
    "mit Ihren Angaben tun, steht in den Datenschutzhinweisen."
)
FORM_BARRIER_WHERE = "Auf welcher Seite oder wo im Portal?"
FORM_BARRIER_WHERE_HINT = "Zum Beispiel die Adresse der Seite oder „Kurs buchen“."
FORM_BARRIER_DESCRIPTION = "Beschreibung der Barriere"
FORM_BARRIER_DESCRIPTION_HINT = (
    "Was wollten Sie tun, und was hat nicht funktioniert? Nennen Sie gern auch Ihr Hilfsmittel, "
    "zum Beispiel einen Screenreader oder eine Vergrößerung."
)
FORM_BARRIER_NAME = "Ihr Name"
FORM_BARRIER_EMAIL = "E-Mail-Adresse für unsere Antwort"
FORM_BARRIER_SENT = (
    "Vielen Dank für Ihren Hinweis. Wir prüfen die Barriere und beheben sie so bald wie "
    "möglich. Wenn Sie eine E-Mail-Adresse angegeben haben, ist eine Eingangsbestätigung "
    "unterwegs, und wir antworten Ihnen spätestens innerhalb eines Monats."
)
FORM_NO_SENDER = "(ohne E-Mail-Adresse)"

# --- Leichte Sprache ---------------------------------------------------------------------------
# Rules of the Netzwerk Leichte Sprache: short sentences, one statement each, every sentence on
# its own line, hard words explained, long words split with a hyphen. A tuple inside a section
# is a list.
EASY_LANGUAGE_TITLE = "Leichte Sprache"
EASY_LANGUAGE_INTRO = (
    "Hier erklären wir das Kunden-Portal in Leichter Sprache.",
    "Leichte Sprache ist einfach zu lesen und zu verstehen.",
)
EASY_HEADING_ACCESSIBILITY = "Barriere-Freiheit"
EASY_HEADING_DATA = "Ihre Daten"
EASY_HEADING_QUESTIONS = "Haben Sie Fragen?"
EASY_LANGUAGE_SECTIONS = (
    (
        "Wer sind wir?",
        (
            "Wir sind die Handwerks-Kammer Musterstadt.",
            "Die Handwerks-Kammer hilft den Betrieben im Handwerk.",
            "Ein Betrieb ist eine Firma.",
            "Zum Beispiel eine Bäckerei oder eine Tischlerei.",
            "Wir helfen auch Lehrlingen.",
            "Lehrlinge lernen einen Beruf im Handwerk.",
            "Und wir machen Kurse für Menschen im Handwerk.",
        ),
    ),
    (
        "Was ist das Kunden-Portal?",
        (
            "Das Kunden-Portal ist eine Internet-Seite.",
            "Dort können Sie viele Dinge mit der Handwerks-Kammer erledigen.",
            "Sie müssen dafür nicht zu uns kommen.",
            "Sie brauchen nur einen Computer oder ein Handy mit Internet.",
        ),
    ),
    (
        "Was können Sie im Kunden-Portal machen?",
        (
            (
                "Sie können Kurse suchen und buchen.",
                "Sie können uns Nachrichten schreiben.",
                "Sie können uns Unterlagen schicken. Zum Beispiel ein Zeugnis.",
                "Sie finden Vorlagen. Vorlagen sind Formulare zum Ausfüllen.",
                "Ein Betrieb kann seinen Beitrag vom Bank-Konto abbuchen lassen.",
            ),
            "Der Beitrag ist das Geld für die Handwerks-Kammer.",
            "Jeder Betrieb zahlt den Beitrag 1 Mal im Jahr.",
            "Für das Abbuchen braucht der Betrieb ein SEPA-Lastschrift-Mandat.",
            "Das ist eine Erlaubnis für uns: Wir dürfen das Geld vom Bank-Konto holen.",
        ),
    ),
    (
        "So fangen Sie an",
        (
            "Es gibt 3 Schritte:",
            ("Registrieren", "Anmelden", "Freischalten"),
            "Hier erklären wir die Schritte.",
        ),
    ),
    (
        "Schritt 1: Registrieren",
        (
            "Registrieren heißt: Sie melden sich 1 Mal bei uns an.",
            "Dafür geben Sie Ihre E-Mail-Adresse ein.",
            "Wir schicken Ihnen dann eine E-Mail.",
            "In der E-Mail ist ein Link.",
            "Bitte klicken Sie auf den Link.",
            "Dann denken Sie sich ein Passwort aus.",
            "Ein Passwort ist ein geheimes Wort.",
            "Nur Sie kennen das Passwort.",
            "Das Passwort muss mindestens 12 Zeichen lang sein.",
            "Unser Tipp: Nehmen Sie einen kurzen Satz aus mehreren Wörtern.",
            "So einen Satz können Sie sich gut merken.",
        ),
    ),
    (
        "Schritt 2: Anmelden",
        (
            "Anmelden heißt: Sie gehen in das Kunden-Portal hinein.",
            "Dafür geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.",
            "Jetzt können Sie Kurse buchen und uns Nachrichten schreiben.",
            "Wichtig: Machen Sie 30 Minuten lang nichts im Kunden-Portal?",
            "Dann meldet das Kunden-Portal Sie ab.",
            "Dann melden Sie sich einfach wieder an.",
        ),
    ),
    (
        "Schritt 3: Freischalten",
        (
            "Manche Dinge gehen erst nach dem Freischalten.",
            "Zum Beispiel: Unterlagen schicken.",
            "Zum Freischalten brauchen Sie eine PIN.",
            "Die PIN ist ein Geheim-Code aus 8 Zeichen.",
            "Wir schicken Ihnen die PIN mit der Post.",
            "Sie geben die PIN im Kunden-Portal ein.",
            "Jede PIN geht nur 1 Mal.",
            "Sie haben keine PIN?",
            "Dann können Sie im Kunden-Portal eine neue PIN bestellen.",
        ),
    ),
    (
        "So finden Sie sich zurecht",
        (
            "Oben auf jeder Seite ist das Menü.",
            "Im Menü stehen die wichtigsten Seiten.",
            "Zum Beispiel: Kurse und Hilfe.",
            "Unten auf jeder Seite stehen noch mehr Links.",
            "Zum Beispiel: Kontakt, Leichte Sprache und Gebärden-Sprache.",
            "Sie können alles auch nur mit der Tastatur machen.",
            "Mit der Tab-Taste kommen Sie zum nächsten Link oder zum nächsten Feld.",
        ),
    ),
    (
        EASY_HEADING_ACCESSIBILITY,
        (
            "Barriere-frei heißt: Alle Menschen können die Internet-Seite gut benutzen.",
            "Auch Menschen mit Behinderung.",
            "Wir haben eine Erklärung zur Barriere-Freiheit geschrieben.",
            "Dort steht: Was ist noch nicht gut?",
            "Das ist noch nicht gut:",
            (
                "Es gibt noch kein Video in Gebärden-Sprache.",
                "Manche PDF-Dateien sind schwer zu lesen mit einem Vorlese-Programm.",
                "Das Kunden-Portal meldet Sie nach 30 Minuten ab. Es warnt Sie vorher nicht.",
            ),
            "Haben Sie ein Problem mit unserer Internet-Seite?",
            "Dann sagen Sie es uns bitte.",
            "Auf der Seite zur Barriere-Freiheit gibt es dafür ein Formular.",
        ),
    ),
    (
        EASY_HEADING_DATA,
        (
            "Wir speichern Ihre Daten im Kunden-Portal.",
            "Zum Beispiel Ihre E-Mail-Adresse.",
            "Wir passen gut auf Ihre Daten auf.",
            "Wir geben Ihre Daten nur weiter, wenn es nötig ist.",
            "Zum Beispiel an die Bank für das Abbuchen vom Bank-Konto.",
            "Mehr dazu steht in den Datenschutz-Hinweisen.",
            "Die Datenschutz-Hinweise sind nicht in Leichter Sprache.",
        ),
    ),
    (
        EASY_HEADING_QUESTIONS,
        (
            f"Dann rufen Sie uns an: {_PHONE}",
            "Wir sind da: Montag bis Donnerstag von 8 bis 16 Uhr.",
            "Und Freitag von 8 bis 12 Uhr.",
            f"Sie können uns auch eine E-Mail schreiben: {_EMAIL}",
            "Oder Sie schreiben uns mit dem Kontakt-Formular.",
        ),
    ),
)
EASY_LANGUAGE_CONTACT_LINK = "Zum Kontakt-Formular"
EASY_LANGUAGE_ACCESSIBILITY_LINK = "Zur Erklärung zur Barriere-Freiheit"
EASY_LANGUAGE_PRIVACY_LINK = "Zu den Datenschutz-Hinweisen"
EASY_LANGUAGE_ADDRESS_HEADING = "Unsere Adresse"

# --- Gebärdensprache ---------------------------------------------------------------------------
SIGN_LANGUAGE_TITLE = "Gebärdensprache"
SIGN_LANGUAGE_INTRO = (
    "Auf dieser Seite erklären wir das Kundenportal in Deutscher Gebärdensprache (DGS). Das "
    "Video ist noch in Arbeit. Bis es fertig ist, lesen Sie hier seinen Inhalt als Text."
)
SIGN_VIDEO_HEADING = "Video in Deutscher Gebärdensprache"
SIGN_VIDEO_PLACEHOLDER = "Hier erscheint das Video in Deutscher Gebärdensprache."
SIGN_VIDEO_PENDING = "Das Video wird zurzeit gedreht."
SIGN_VIDEO_CAPTION = (
    "Inhalt des Videos: was das Kundenportal bietet, wie Sie sich registrieren, anmelden und "
    "freischalten, wie Sie sich auf den Seiten zurechtfinden, was in der Erklärung zur "
    "Barrierefreiheit steht und wie gehörlose und hörbehinderte Menschen uns erreichen."
)
SIGN_TEXT_LINK = "Den Inhalt des Videos als Text lesen"
SIGN_TEXT_HEADING = "Der Inhalt des Videos als Text"
SIGN_OFFER_HEADING = "Was bietet das Kundenportal?"
SIGN_OFFER = (
    "Kurse und Lehrgänge suchen und buchen, für sich oder für andere",
    "Online-Formulare senden, zum Beispiel einen Beratungstermin anfragen",
    "nach der Freischaltung: Dokumente senden und herunterladen, Vorlagen nutzen und ein "
    "SEPA-Lastschriftmandat für den Beitrag Ihres Betriebs erteilen",
    "Hilfe mit Antworten auf häufige Fragen",
)
SIGN_STEPS_HEADING = "So nutzen Sie das Kundenportal"
SIGN_STEPS = (
    "Registrieren: Sie geben Ihre E-Mail-Adresse ein, öffnen den Link in unserer E-Mail und "
    "legen Ihr Passwort fest.",
    "Anmelden: mit Ihrer E-Mail-Adresse und Ihrem Passwort.",
    "Freischalten: mit der PIN aus unserem Brief, als Betrieb oder als Person.",
)
SIGN_NAVIGATION_HEADING = "So finden Sie sich zurecht"
SIGN_NAVIGATION = (
    "Oben auf jeder Seite führt das Menü zur Startseite, zu den Kursen und zur Hilfe, zum "
    "Anmelden und Registrieren und, wenn Sie angemeldet sind, zu „Mein Konto“. Unten auf jeder "
    "Seite finden Sie Impressum, Datenschutz, Kontakt und die Seiten zur Barrierefreiheit, in "
    "Leichter Sprache und in Gebärdensprache. Alles lässt sich auch allein mit der Tastatur "
    "bedienen."
)
SIGN_STATEMENT = (
    "Das Kundenportal ist teilweise barrierefrei. Noch nicht barrierefrei sind: dieses Video "
    "(es fehlt noch), manche PDF-Dokumente und das Ende einer Anmeldung nach 30 Minuten ohne "
    "Warnung. Stoßen Sie auf eine Barriere, melden Sie sie uns mit dem Formular „Barriere "
    "melden“ in der Erklärung zur Barrierefreiheit."
)
SIGN_CONTACT_HEADING = "So erreichen Sie uns"
SIGN_CONTACT_INTRO = "Gehörlose und hörbehinderte Menschen erreichen uns am besten schriftlich:"
SIGN_CONTACT_FORM = "mit unserem Kontaktformular"
SIGN_CONTACT_BARRIER = "mit dem Formular „Barriere melden“"
SIGN_CONTACT_RELAY = (
    f"Über einen Vermittlungsdienst für Gebärdensprache erreichen Sie uns auch unter unserer "
    f"Telefonnummer {_PHONE}."
)
SIGN_CONTACT_INTERPRETER = (
    "Für ein Gespräch bei uns bestellen wir gern eine Gebärdensprachdolmetscherin oder einen "
    "Gebärdensprachdolmetscher. Die Kosten übernimmt die Handwerkskammer. Bitte schreiben Sie "
    "uns dafür möglichst zwei Wochen vorher eine E-Mail."
)
SIGN_MORE = "Das Kundenportal in Leichter Sprache"
