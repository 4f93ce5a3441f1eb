"""The member's Postfach: messages from the chamber."""

POSTFACH_TITLE = "Postfach"
POSTFACH_NOT_FOUND = "Diese Nachricht gibt es nicht in Ihrem Postfach."
POSTFACH_ANSWER_SUBJECT = "Antwort: {subject}"
POSTFACH_PROVIDED_SUBJECT = "Neues Dokument für {name}: {title}"
POSTFACH_INTRO = (
    "Hier finden Sie die Nachrichten der Handwerkskammer: Antworten auf das, was Sie uns "
    "geschickt haben, und Dokumente, die wir für Sie bereitstellen. Wählen Sie eine Nachricht, "
    "um sie zu lesen."
)
POSTFACH_EMPTY = "Ihr Postfach ist leer."
POSTFACH_UNREAD = "Neu"
POSTFACH_RECEIVED = "Eingegangen am"
POSTFACH_OPEN_DOCUMENT = "Dokument herunterladen"
