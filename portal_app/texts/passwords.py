"""What a password must be, as the member is told when it is not."""

PASSWORD_EMPTY = "Bitte geben Sie ein Passwort ein."
PASSWORD_TOO_SHORT = "Das Passwort muss mindestens 12 Zeichen lang sein."
PASSWORD_TOO_LONG = (
    "Das Passwort ist zu lang: höchstens 72 Byte sind möglich (Umlaute und Sonderzeichen "
    "zählen doppelt oder mehr). Bitte wählen Sie ein kürzeres Passwort."
)
PASSWORD_TOO_COMMON = (
    "Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes."
)
PASSWORD_MISMATCH = "Die beiden Passwörter stimmen nicht überein."
