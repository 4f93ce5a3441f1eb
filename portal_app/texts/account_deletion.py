"""Konto löschen: what goes, what stays, and the confirmation."""

DELETE_TITLE = "Konto löschen"
DELETE_INTRO = (
    "Möchten Sie nur eine andere E-Mail-Adresse nutzen? Dann müssen Sie Ihr Konto nicht "
    "löschen: Ändern Sie die Adresse unter Mein Konto → „E-Mail-Adresse ändern“."
)
DELETE_WHAT = (
    "Beim Löschen entfernen wir Ihre Anmeldedaten und beenden alle Anmeldungen. Ihre Buchungen "
    "für Kurse, die noch nicht begonnen haben, werden storniert (auch nach dem Anmeldeschluss); "
    "freie Plätze gehen an die Warteliste. Was die Handwerkskammer aufbewahren muss "
    "(Buchungen, gesendete Formulare, eingereichte Unterlagen, Protokolleinträge), bleibt "
    "erhalten, ist aber nicht mehr mit diesem Konto verbunden. Die E-Mail-Adresse kann danach "
    "neu registriert werden."
)
DELETE_BUTTON = "Konto endgültig löschen"
DELETE_CONFIRM = "Ich möchte mein Konto endgültig löschen."
DELETE_CONFIRM_MISSING = "Bitte bestätigen Sie, dass Sie Ihr Konto endgültig löschen möchten."
DELETE_DONE_TITLE = "Ihr Konto wurde gelöscht"
DELETE_DONE = (
    "Ihr Konto und alle Anmeldungen wurden gelöscht. Wir haben Ihnen eine Bestätigung per "
    "E-Mail gesendet. Sie können sich mit derselben Adresse jederzeit neu registrieren."
)
