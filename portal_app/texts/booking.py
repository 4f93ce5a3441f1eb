"""Booking a course for oneself or another person, and the waiting list."""

BOOKING_TITLE = "Kurs buchen"
BOOKING_LOGIN = "Zum Buchen anmelden"
BOOKING_LOGIN_HINT = "Buchen können angemeldete Mitglieder. Noch kein Konto? Registrieren Sie sich."
BOOKING_FOR = "Wer nimmt teil?"
BOOKING_FOR_SELF = "Ich selbst"
BOOKING_FOR_OTHER = "Eine andere Person (z. B. Mitarbeiterin, Mitarbeiter, Lehrling)"
BOOKING_BETRIEB = "Gebucht für"
BOOKING_PRIVATE = "Privat (ohne Betrieb)"
BOOKING_BETRIEB_HINT = (
    "Sie haben im Team dieses Betriebs die Rolle Kurse: Sie können für seine Beschäftigten "
    "buchen. Die Rechnung geht dann an den Betrieb."
)
BOOKING_BETRIEB_REFUSED = (
    "Für diesen Betrieb können Sie nicht buchen: Dazu brauchen Sie in seinem Team die Rolle Kurse."
)
BOOKING_MAIL_FOR_BETRIEB = "Gebucht für: {betrieb}"
BOOKING_NAME = "Vor- und Nachname der teilnehmenden Person"
BOOKING_BIRTH_DATE = "Geburtsdatum"
BOOKING_EMAIL = "E-Mail-Adresse der teilnehmenden Person"
BOOKING_EMAIL_HINT = (
    "Für Rückfragen der Handwerkskammer. Die Bestätigung geht nur an Ihre eigene Adresse: Bitte "
    "informieren Sie die teilnehmende Person selbst."
)
BOOKING_TERMS = (
    "Ich akzeptiere die Teilnahme- und Zahlungsbedingungen. Die Kursgebühr wird mit der "
    "Rechnung fällig."
)
BOOKING_TERMS_SUMMARY = "Teilnahme- und Zahlungsbedingungen lesen"
BOOKING_TERMS_TEXT = (
    "Die Anmeldung ist verbindlich. Bis zum Anmeldeschluss können Sie kostenfrei unter "
    "„Meine Buchungen“ stornieren. Danach wird die volle Kursgebühr fällig, wenn kein "
    "Ersatzteilnehmer benannt wird. Die Rechnung erhalten Sie vor Kursbeginn. Fällt ein Kurs "
    "aus, erstatten wir bereits gezahlte Gebühren vollständig."
)
BOOKING_BUTTON = "Verbindlich buchen"
BOOKING_WAITLIST_BUTTON = "Auf die Warteliste setzen"
BOOKING_FULL = (
    "Dieser Kurs ist leider ausgebucht. Sie können sich auf die Warteliste setzen: Wird ein "
    "Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail."
)
BOOKING_DONE = "Gebucht! Die Bestätigung ist per E-Mail unterwegs."
BOOKING_WAITING_DONE = (
    "Sie stehen auf der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und "
    "erhalten eine E-Mail."
)
BOOKING_TWICE = "Diese Person ist für diesen Kurs bereits gebucht oder steht auf der Warteliste."
BOOKING_TAKEN_ELSEWHERE = (
    "Diese Person ist für diesen Kurs bereits über ein anderes Konto gebucht oder steht dort auf "
    "der Warteliste. Weiß sie nichts davon, wenden Sie sich bitte an die Handwerkskammer."
)
BOOKING_LIMIT_COURSE = (
    "Von einem Konto aus können höchstens {limit} Personen für diesen Kurs gebucht sein "
    "(Warteliste eingeschlossen). Für weitere Teilnehmende wenden Sie sich bitte an die "
    "Handwerkskammer."
)
BOOKING_LIMIT_DAY = (
    "Von einem Konto aus sind höchstens {limit} Buchungen innerhalb von 24 Stunden möglich. "
    "Bitte buchen Sie später weiter oder wenden Sie sich an die Handwerkskammer."
)
BOOKING_CLOSED = (
    "Der Anmeldeschluss für diesen Kurs ist vorbei. Eine Buchung ist nicht mehr möglich."
)
BOOKING_COURSE_CANCELLED = "Dieser Kurs ist abgesagt. Eine Buchung ist nicht mehr möglich."
BOOKING_CLOSED_SHORT = "Anmeldeschluss vorbei – keine Buchung mehr möglich."
BOOKING_NAME_EMPTY = "Bitte geben Sie den Vor- und Nachnamen der teilnehmenden Person ein."
BOOKING_NAME_INVALID = "Bitte geben Sie einen Namen mit höchstens 120 Zeichen ein."
BOOKING_BIRTH_DATE_INVALID = "Bitte geben Sie ein gültiges Geburtsdatum ein (nicht in der Zukunft)."
BOOKING_TERMS_MISSING = "Bitte akzeptieren Sie die Teilnahme- und Zahlungsbedingungen."
BOOKING_NOT_FOUND = "Diese Buchung gibt es nicht oder sie ist bereits storniert."
CANCEL_CLOSED = "Der Anmeldeschluss ist vorbei: Eine Stornierung ist nur noch telefonisch möglich."
GO_TO_MY_BOOKINGS = "Zu meinen Buchungen"
