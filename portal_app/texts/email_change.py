"""E-Mail-Adresse ändern: the form, the pages behind its two mailed links, and their mails."""

from portal_app.texts import frame, mails

EMAIL_CHANGE_TITLE = "E-Mail-Adresse ändern"
EMAIL_CHANGE_INTRO = (
    "Ihre Anmeldung läuft über Ihre E-Mail-Adresse. Geben Sie die neue Adresse und Ihr "
    "Passwort ein. Wir senden einen Bestätigungslink an die neue Adresse; erst wenn Sie ihn "
    "öffnen, wird die Adresse geändert. Ihre bisherige Adresse erhält danach eine Nachricht und "
    "kann die Änderung 7 Tage lang rückgängig machen."
)
EMAIL_CHANGE_CURRENT = "Ihre bisherige Adresse: "
FIELD_NEW_EMAIL = "Neue E-Mail-Adresse"
EMAIL_CHANGE_BUTTON = "Bestätigungslink senden"
EMAIL_CHANGE_SENT = (
    "Wir haben eine E-Mail an {email} gesendet. Öffnen Sie den Link darin innerhalb von 24 "
    "Stunden, um die Änderung abzuschließen. Bis dahin gilt Ihre bisherige Adresse."
)
EMAIL_CHANGE_SAME = "Das ist bereits Ihre E-Mail-Adresse."

# the page behind the link to the new address
EMAIL_CONFIRM_TITLE = "Neue E-Mail-Adresse bestätigen"
EMAIL_CONFIRM_QUESTION = "Soll die Adresse Ihres Kontos in {email} geändert werden?"
EMAIL_CONFIRM_PASSWORD_INTRO = (
    "Bitte geben Sie zur Bestätigung das Passwort des Kontos ein, dessen Adresse geändert "
    "werden soll."
)
EMAIL_CONFIRM_BUTTON = "Adresse ändern"
EMAIL_CONFIRM_DONE_TITLE = "Ihre E-Mail-Adresse wurde geändert"
EMAIL_CONFIRM_DONE = (
    "Sie melden sich ab jetzt mit {email} an. Anmeldungen auf anderen Geräten wurden beendet."
)
EMAIL_LINK_UNKNOWN = (
    "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail "
    "übernommen haben."
)
EMAIL_LINK_EXPIRED = (
    "Dieser Link ist abgelaufen. Bitte fordern Sie unter Mein Konto einen neuen an."
)
EMAIL_LINK_USED = "Dieser Link wurde bereits verwendet oder durch eine neuere Anfrage ersetzt."
EMAIL_ADDRESS_TAKEN = (
    "Mit dieser Adresse ist inzwischen ein anderes Konto registriert. Die Adresse Ihres Kontos "
    "bleibt unverändert."
)

# the page behind the undo link to the old address
EMAIL_UNDO_TITLE = "Änderung der E-Mail-Adresse rückgängig machen"
EMAIL_UNDO_QUESTION = (
    "Die Adresse Ihres Kontos wird wieder {email}. Alle Anmeldungen werden beendet und Ihr "
    "Passwort wird ungültig; Sie erhalten eine E-Mail, mit der Sie ein neues Passwort festlegen."
)
EMAIL_UNDO_BUTTON = "Änderung rückgängig machen"
EMAIL_UNDO_DONE_TITLE = "Die Änderung wurde rückgängig gemacht"
EMAIL_UNDO_DONE = (
    "Die Adresse Ihres Kontos ist wieder {email}. Wir haben Ihnen einen Link gesendet, mit dem "
    "Sie ein neues Passwort festlegen."
)
EMAIL_UNDO_EXPIRED = (
    "Dieser Link ist abgelaufen. Bitte rufen Sie uns an, wenn Sie Ihr Konto nicht mehr erreichen."
)
EMAIL_UNDO_USED = "Dieser Link wurde bereits verwendet."
EMAIL_UNDO_TAKEN = (
    "Mit der bisherigen Adresse ist inzwischen ein anderes Konto registriert. Bitte rufen Sie "
    "uns an."
)

# --- mails ---
MAIL_EMAIL_CONFIRM_SUBJECT = "Bitte bestätigen Sie Ihre neue E-Mail-Adresse"
MAIL_EMAIL_CONFIRM_BODY = (
    "Guten Tag,\n\nfür ein Konto im Kundenportal der "
    f"{frame.CHAMBER} soll diese E-Mail-Adresse die Anmeldeadresse werden. Bitte öffnen Sie "
    "den folgenden Link, um die Änderung zu bestätigen:\n\n{link}\n\nDer Link ist 24 Stunden "
    "gültig und kann nur einmal verwendet werden. Wenn Sie das nicht veranlasst haben, können "
    "Sie diese E-Mail ignorieren; es wird dann nichts geändert."
) + mails._SIGNATURE
MAIL_EMAIL_TAKEN_SUBJECT = "Ihre Adresse im Kundenportal"
MAIL_EMAIL_TAKEN_BODY = (
    "Guten Tag,\n\njemand wollte diese E-Mail-Adresse als neue Anmeldeadresse eines Kontos im "
    "Kundenportal eintragen. Für diese Adresse besteht bereits ein Konto; es wurde nichts "
    "geändert. Wenn Sie das nicht waren, müssen Sie nichts tun."
) + mails._SIGNATURE
MAIL_EMAIL_CHANGED_SUBJECT = "Die E-Mail-Adresse Ihres Kontos wurde geändert"
MAIL_EMAIL_CHANGED_BODY = (
    "Guten Tag,\n\ndie Anmeldeadresse Ihres Kontos im Kundenportal wurde am {when} geändert in:"
    "\n\n{new_email}\n\nAn diese Adresse senden wir keine Nachrichten mehr. Wenn Sie das nicht "
    "waren, machen Sie die Änderung mit dem folgenden Link rückgängig; er ist 7 Tage gültig:"
    "\n\n{link}\n\nDanach werden alle Anmeldungen beendet und Sie legen ein neues Passwort fest."
) + mails._SIGNATURE
MAIL_EMAIL_UNDONE_SUBJECT = "Ihre E-Mail-Adresse im Kundenportal wurde zurückgesetzt"
MAIL_EMAIL_UNDONE_BODY = (
    "Guten Tag,\n\ndie Änderung der Anmeldeadresse Ihres Kontos wurde am {when} rückgängig "
    "gemacht. Ihr Konto hat wieder diese Adresse; alle Anmeldungen wurden beendet und das "
    "bisherige Passwort gilt nicht mehr. Legen Sie hier ein neues Passwort fest:\n\n{link}\n\n"
    "Der Link ist eine Stunde gültig. Danach fordern Sie über „Passwort vergessen?“ einen "
    "neuen an:\n\n{reset_link}"
) + mails._SIGNATURE
