"""Every mail the portal sends, subject and body, signed by the chamber."""

from portal_app.texts import frame

# below every mail to a member
_SIGNATURE = (
    f"\n\nMit freundlichen Grüßen\nIhre {frame.CHAMBER}\n\n"
    f"{frame.CHAMBER_ADDRESS[0]}, {frame.CHAMBER_ADDRESS[1]}\nTelefon {frame.CHAMBER_PHONE}"
)

# --- registration ---
MAIL_CONFIRM_SUBJECT = "Bitte bestätigen Sie Ihre Registrierung im Kundenportal"
MAIL_CONFIRM_BODY = (
    "Guten Tag,\n\nSie haben sich mit dieser E-Mail-Adresse im Kundenportal der "
    f"{frame.CHAMBER} registriert. Bitte öffnen Sie den folgenden Link und legen Sie dort Ihr "
    "Passwort fest:\n\n{link}\n\nDer Link ist 24 Stunden gültig und kann nur einmal "
    "verwendet werden. Wenn Sie sich nicht registriert haben, können Sie diese E-Mail "
    "ignorieren; es wird dann kein Konto angelegt."
) + _SIGNATURE
MAIL_EXISTS_SUBJECT = "Ihr Konto im Kundenportal besteht bereits"
MAIL_EXISTS_BODY = (
    "Guten Tag,\n\njemand hat versucht, diese E-Mail-Adresse erneut im Kundenportal zu "
    "registrieren. Für diese Adresse besteht bereits ein Konto. Sie können sich hier "
    "anmelden:\n\n{login_link}\n\nFalls Sie Ihr Passwort vergessen haben, setzen Sie es hier "
    "zurück:\n\n{reset_link}\n\nWenn Sie das nicht waren, müssen Sie nichts tun: Ihr Konto "
    "bleibt unverändert."
) + _SIGNATURE

# --- Freischalten ---
MAIL_UNLOCKED_SUBJECT = "Ihr Konto im Kundenportal ist freigeschaltet"
MAIL_UNLOCKED_BODY = (
    "Guten Tag,\n\nIhr Konto im Kundenportal ist jetzt freigeschaltet für:\n\n{target}\n\n"
    "Damit stehen Ihnen auch die interaktiven Funktionen wie SEPA, Upload und Download sowie "
    "Vorlagen zur Verfügung. Wenn Sie das nicht waren, rufen Sie uns bitte umgehend an."
) + _SIGNATURE
MAIL_PIN_REQUEST_SUBJECT = "Ihre Anforderung einer neuen PIN"
MAIL_PIN_REQUEST_BODY = (
    "Guten Tag,\n\nwir haben Ihre Anforderung einer neuen Freischalt-PIN für die Nummer "
    "{nummer} erhalten. Wenn die Nummer bei uns hinterlegt ist, senden wir Ihnen die neue PIN "
    "in den nächsten Tagen per Post an die bei uns hinterlegte Anschrift. Eine ältere PIN wird "
    "damit ungültig."
) + _SIGNATURE

# --- account self-service ---
MAIL_RESET_SUBJECT = "Passwort zurücksetzen im Kundenportal"
MAIL_RESET_BODY = (
    "Guten Tag,\n\nfür Ihr Konto im Kundenportal wurde ein neues Passwort angefordert. Öffnen "
    "Sie den folgenden Link und legen Sie dort ein neues Passwort fest:\n\n{link}\n\nDer Link ist "
    "eine Stunde gültig und kann nur einmal verwendet werden. Wenn Sie das nicht angefordert "
    "haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert."
) + _SIGNATURE
MAIL_RESET_UNKNOWN_SUBJECT = "Ihre Anfrage im Kundenportal"
MAIL_RESET_UNKNOWN_BODY = (
    "Guten Tag,\n\nfür diese E-Mail-Adresse wurde ein neues Passwort für das Kundenportal "
    "angefordert. Mit dieser Adresse ist aber kein Konto registriert. Falls Sie sich "
    "registrieren möchten, können Sie das hier tun:\n\n{register_link}\n\nWenn Sie das nicht "
    "angefordert haben, können Sie diese E-Mail ignorieren."
) + _SIGNATURE
MAIL_PASSWORD_CHANGED_SUBJECT = "Ihr Passwort im Kundenportal wurde geändert"
MAIL_PASSWORD_CHANGED_BODY = (
    "Guten Tag,\n\ndas Passwort Ihres Kontos im Kundenportal wurde am {when} geändert. "
    "{sessions}\n\nWenn Sie das nicht waren, setzen Sie Ihr Passwort bitte sofort zurück und "
    "informieren Sie uns:\n\n{reset_link}"
) + _SIGNATURE
MAIL_SESSIONS_ALL_ENDED = "Alle Anmeldungen wurden beendet."
MAIL_SESSIONS_OTHERS_ENDED = "Anmeldungen auf anderen Geräten wurden beendet."
MAIL_DELETED_SUBJECT = "Ihr Konto im Kundenportal wurde gelöscht"
MAIL_DELETED_BODY = (
    "Guten Tag,\n\nIhr Konto im Kundenportal wurde am {when} gelöscht. Alle Anmeldungen wurden "
    "beendet. Sie können sich mit dieser E-Mail-Adresse jederzeit neu registrieren:\n\n"
    "{register_link}\n\nWenn Sie das nicht waren, melden Sie sich bitte umgehend bei uns."
) + _SIGNATURE
MAIL_PAUSED_SUBJECT = "Anmeldung im Kundenportal vorübergehend gesperrt"
MAIL_PAUSED_BODY = (
    "Guten Tag,\n\nfür Ihr Konto im Kundenportal gab es viele fehlgeschlagene "
    "Anmeldeversuche. Zu Ihrem Schutz ist die Anmeldung auf Geräten, mit denen Sie sich noch nie "
    "bei uns angemeldet haben, bis {until} gesperrt. Auf Ihren gewohnten Geräten können Sie "
    "sich weiterhin anmelden.\n\nWaren das nicht Sie, versucht womöglich jemand, "
    "Ihr Passwort zu erraten. Wählen Sie dann bitte ein neues, langes Passwort; damit ist auch "
    "die Sperre aufgehoben:\n\n{reset_link}\n\nDauern die Versuche an, schreiben wir Ihnen "
    "darüber höchstens einmal am Tag."
) + _SIGNATURE

# --- courses and bookings ---
MAIL_COURSE_LINES = "{title} (Kurs-Nr. {code})\n{start} bis {end}, {schedule}\n{location}\n{link}"
MAIL_BOOKED_SUBJECT = "Buchungsbestätigung: {title}"
MAIL_BOOKED_BODY = (
    "Guten Tag,\n\nwir bestätigen die Buchung für {name}:\n\n{course}\n\nBis zum "
    "Anmeldeschluss können Sie die Buchung unter „Meine Buchungen“ stornieren:\n"
    "{bookings_link}"
) + _SIGNATURE
MAIL_WAITING_SUBJECT = "Warteliste: {title}"
MAIL_WAITING_BODY = (
    "Guten Tag,\n\nder Kurs ist ausgebucht. {name} steht auf der Warteliste für:\n\n{course}\n\n"
    "Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail. Ihre "
    "Buchungen: {bookings_link}"
) + _SIGNATURE
MAIL_MOVED_UP_SUBJECT = "Platz frei geworden – Sie sind gebucht: {title}"
MAIL_MOVED_UP_BODY = (
    "Guten Tag,\n\nein Platz ist frei geworden. {name} ist von der Warteliste nachgerückt und "
    "jetzt fest gebucht für:\n\n{course}\n\nIhre Buchungen: {bookings_link}"
) + _SIGNATURE
MAIL_CANCELLED_SUBJECT = "Stornierung bestätigt: {title}"
MAIL_CANCELLED_BODY = (
    "Guten Tag,\n\nwir bestätigen die Stornierung für {name}:\n\n{course}"
) + _SIGNATURE
MAIL_COURSE_CANCELLED_SUBJECT = "Kurs abgesagt: {title}"
MAIL_COURSE_CANCELLED_BODY = (
    "Guten Tag,\n\nleider müssen wir den folgenden Kurs absagen. Die Buchung für {name} ist "
    "damit storniert; bereits gezahlte Gebühren erstatten wir vollständig.\n\n{course}"
) + _SIGNATURE

# --- online forms ---
# To the department: what the portal knows for sure first, then what was typed, every line of a
# typed value behind "> " (services/mail.py `quoted`), so no value can forge a line of its own.
MAIL_FORM_DEPARTMENT_SUBJECT = "Kundenportal – {title} von {sender}"
MAIL_FORM_DEPARTMENT_BODY = (
    "Über das Kundenportal ist ein Formular eingegangen: {title}\nEingegangen am: {when}\n"
    "{origin}\n\nAngaben im Formular, wie eingegeben (jede Zeile eines Werts beginnt mit "
    "„> “):\n\n{fields}"
)
MAIL_FORM_FROM_MEMBER = (
    "Absender: angemeldetes Konto {email} (Konto-Nr. {account_id}, Anmeldeadresse bestätigt)"
)
MAIL_FORM_FROM_VISITOR = "Absender: {sender} (nicht angemeldet, Adresse nicht bestätigt)"
MAIL_FORM_FROM_NOBODY = "Absender: nicht angemeldet, ohne E-Mail-Adresse"
MAIL_FORM_FREISCHALTUNG = (
    "Freischaltung des Kontos: {target} ({name}), freigeschaltet am {date}\n"
    "Bisherige Anschrift laut Register: {street}, {plz} {ort}"
)
# The receipt never repeats what was typed: a visitor may type anyone's address.
MAIL_FORM_RECEIPT_SUBJECT = "Eingangsbestätigung: {title}"
MAIL_FORM_RECEIPT_BODY = (
    "Guten Tag,\n\nam {when} ist über das Kundenportal eine Nachricht bei uns eingegangen, in "
    "der diese E-Mail-Adresse als Absender angegeben ist: {title}. Wir bearbeiten sie und "
    "melden uns bei Ihnen.\n\nWenn Sie uns nicht geschrieben haben, können Sie diese E-Mail "
    "ignorieren."
) + _SIGNATURE
MAIL_FORM_RECEIPT_MEMBER_BODY = (
    "Guten Tag,\n\nam {when} haben Sie uns über das Kundenportal ein Formular gesendet: "
    "{title}. Wir bearbeiten es und melden uns bei Ihnen. Ihre Angaben finden Sie nach der "
    "Anmeldung unter „Meine Anfragen“:\n{link}"
) + _SIGNATURE

# --- Dokumente ---
MAIL_UPLOAD_SUBJECT = "Ihre Dokumente sind bei uns eingegangen"
MAIL_UPLOAD_BODY = (
    "Guten Tag,\n\nüber das Kundenportal haben uns folgende Dokumente erreicht:\n\n{files}\n\n"
    "Wir bearbeiten Ihre Unterlagen so bald wie möglich."
) + _SIGNATURE

# --- Postfach: the mail says only that there is something new ---
MAIL_POSTFACH_SUBJECT = "Neue Nachricht im Kundenportal"
MAIL_POSTFACH_BODY = (
    "Guten Tag,\n\nin Ihrem Postfach im Kundenportal liegt eine neue Nachricht der "
    "Handwerkskammer. Sie finden sie nach der Anmeldung unter:\n{link}"
) + _SIGNATURE

# --- SEPA ---
MAIL_SEPA_SUBJECT = "Ihr SEPA-Lastschriftmandat"
MAIL_SEPA_BODY = (
    "Guten Tag,\n\nSie haben der {creditor} ein SEPA-Basislastschriftmandat für die Beiträge von "
    "{betrieb} erteilt.\n\nMandatsreferenz: {reference}\nGläubiger-Identifikationsnummer: "
    "{creditor_id}\nKontoinhaber: {holder}\nIBAN: endet auf {last4}\n\nEin bisheriges Mandat "
    "ist damit beendet. Das Mandat können Sie im Kundenportal als PDF herunterladen und dort "
    "jederzeit widerrufen."
) + _SIGNATURE
MAIL_SEPA_REVOKED_SUBJECT = "Widerruf Ihres SEPA-Lastschriftmandats"
MAIL_SEPA_REVOKED_BODY = (
    "Guten Tag,\n\nSie haben das SEPA-Lastschriftmandat {reference} für {betrieb} widerrufen. "
    "Wir ziehen keine Beiträge mehr per Lastschrift ein."
) + _SIGNATURE

# --- the staff's digest: counts and a link, nothing personal ---
MAIL_DIGEST_SUBJECT = "Kundenportal: neue Vorgänge für {department}"
MAIL_DIGEST_BODY = (
    "Guten Tag,\n\nim Eingang des Kundenportals sind neue Vorgänge für Ihre Abteilung "
    "eingegangen:\n\n{lines}\n\nSie finden sie nach der Anmeldung unter:\n{link}"
) + _SIGNATURE
