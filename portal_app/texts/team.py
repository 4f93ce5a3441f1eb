"""A Betrieb's team: administrator, colleagues invited by e-mail, roles per Betrieb."""

from portal_app.texts import frame

_SIGNATURE = f"\n\nMit freundlichen Grüßen\nIhre {frame.CHAMBER}"

# --- roles (Dokumente and Kurse are named like their services: texts.DOCUMENTS_TITLE,
# texts.NAV_COURSES) ---
TEAM_ROLE_SEPA = "Beitrag und SEPA"
TEAM_ROLE_AUSBILDUNG = "Ausbildung"
TEAM_NO_ROLES = "keine Rollen"
TEAM_ADMIN = "Verwalter"

# --- the page ---
TEAM_TITLE = "Team"
TEAM_HEADING = "Team {nummer}"
TEAM_INTRO = (
    "Wer im Kundenportal für diesen Betrieb handeln darf und mit welchen Rollen. Der Verwalter "
    "hat alle Rollen, lädt Kolleginnen und Kollegen per E-Mail ein und vergibt ihre Rollen. "
    "Ein Betrieb hat immer mindestens einen Verwalter."
)
TEAM_ROLES_HELP = (
    "Dokumente: Dokumente senden und empfangen. Beitrag und SEPA: Lastschriftmandat und "
    "Beitragsbescheide. Ausbildung: Ausbildungsangelegenheiten. Kurse: Kurse für Beschäftigte "
    "des Betriebs buchen."
)
TEAM_PEOPLE = "Personen im Team"
TEAM_YOU = "{email} (Sie)"
TEAM_ROLES_OF = "Rollen von {email}"
TEAM_SAVE_ROLES = "Rollen speichern"
TEAM_ROLES_SAVED = "Die Rollen von {email} sind gespeichert."
TEAM_MAKE_ADMIN = "Zum Verwalter machen"
TEAM_MAKE_ADMIN_LABEL = "{email} zum Verwalter machen"
TEAM_ADMIN_MADE = "{email} ist jetzt ebenfalls Verwalter."
TEAM_REMOVE = "Aus dem Team entfernen"
TEAM_REMOVE_LABEL = "{email} aus dem Team entfernen"
TEAM_REMOVE_CONFIRM = "{email} wirklich aus dem Team entfernen?"
TEAM_REMOVED = "{email} gehört nicht mehr zum Team."
TEAM_STEP_DOWN = "Verwalterrolle abgeben"
TEAM_STEPPED_DOWN = "Sie sind nicht mehr Verwalter dieses Betriebs."
TEAM_LEAVE = "Team verlassen"
TEAM_LEAVE_CONFIRM = "Wollen Sie das Team dieses Betriebs wirklich verlassen?"
TEAM_LEAVE_YES = "Ja, verlassen"
TEAM_LEFT = "Sie haben das Team von {nummer} verlassen."
TEAM_INVITE_HEADING = "Kollegin oder Kollegen ins Team einladen"
TEAM_INVITE_EMAIL = "E-Mail-Adresse der Kollegin oder des Kollegen"
TEAM_INVITE_ROLES = "Rollen"
TEAM_INVITE_SEND = "Einladung verschicken"
TEAM_INVITED = (
    "Die Einladung an {email} ist unterwegs. Der Link ist {days} Tage gültig und funktioniert "
    "einmal."
)
TEAM_INVITATIONS = "Offene Einladungen"
TEAM_INVITATION_LINE = "{email} – {roles} – gültig bis {until}"
TEAM_WITHDRAW = "Zurückziehen"
TEAM_WITHDRAW_LABEL = "Einladung an {email} zurückziehen"
TEAM_WITHDRAWN = "Die Einladung an {email} ist zurückgezogen."
TEAM_NO_INVITATIONS = "Keine offenen Einladungen."
TEAM_LINK_LABEL = "Team von {nummer} – {name}"
ACCOUNT_TEAMS = "Teams Ihrer Betriebe"

# --- the invitation page (from the mail's link) ---
TEAM_INVITATION_TITLE = "Einladung ins Team"
TEAM_INVITATION_TEXT = (
    "Sie sind eingeladen, im Kundenportal für {betrieb} zu handeln, mit den Rollen: {roles}."
)
TEAM_INVITATION_FOR = "Die Einladung gilt für die E-Mail-Adresse {email}."
TEAM_INVITATION_LOGIN_FIRST = (
    "Bitte melden Sie sich mit dieser Adresse an oder registrieren Sie sich zuerst mit ihr; "
    "öffnen Sie danach den Link aus der E-Mail noch einmal."
)
TEAM_INVITATION_ACCEPT = "Einladung annehmen"
TEAM_INVITATION_ACCEPTED = (
    "Willkommen im Team von {nummer}. Ihre Dienste für den Betrieb finden Sie unter Mein Konto."
)

# --- errors ---
TEAM_NOT_FOUND = "Diesen Betrieb gibt es unter Ihren Freischaltungen nicht."
TEAM_NOT_ADMIN = "Das kann nur der Verwalter des Betriebs."
TEAM_MEMBER_NOT_FOUND = "Diese Person gehört nicht (mehr) zum Team."
TEAM_INVITE_EMAIL_EMPTY = "Bitte geben Sie die E-Mail-Adresse der Kollegin oder des Kollegen ein."
TEAM_ROLES_INVALID = "Bitte wählen Sie nur Rollen aus der Liste."
TEAM_ALREADY_MEMBER = "Diese Adresse gehört schon zum Team des Betriebs."
TEAM_TOO_MANY_INVITATIONS = (
    "Heute wurden für diesen Betrieb schon viele Einladungen verschickt. Bitte versuchen Sie "
    "es morgen wieder."
)
TEAM_INVITATION_NOT_FOUND = "Diese Einladung ist nicht mehr offen."
TEAM_INVITATION_UNKNOWN = "Dieser Einladungslink ist ungültig. Bitte prüfen Sie die Adresse."
TEAM_INVITATION_USED = "Diese Einladung wurde bereits angenommen; der Link gilt nur einmal."
TEAM_INVITATION_WITHDRAWN = "Diese Einladung wurde zurückgezogen."
TEAM_INVITATION_EXPIRED = (
    "Diese Einladung ist abgelaufen (7 Tage). Bitte bitten Sie den Verwalter des Betriebs um "
    "eine neue."
)
TEAM_INVITATION_OTHER_ADDRESS = (
    "Die Einladung gilt für {email}. Bitte melden Sie sich mit dieser Adresse an."
)
TEAM_INVITATION_ALREADY_MEMBER = "Ihr Konto gehört schon zum Team dieses Betriebs."
TEAM_ADMIN_HAS_ALL = "Ein Verwalter hat alle Rollen."
TEAM_ALREADY_ADMIN = "Diese Person ist schon Verwalter."
TEAM_LAST_ADMIN = (
    "Ein Betrieb braucht mindestens einen Verwalter. Machen Sie zuerst eine andere Person "
    "zum Verwalter."
)
TEAM_LAST_ADMIN_DELETE = (
    "Sie sind der einzige Verwalter von {nummer}, und im Team sind noch andere Personen. "
    "Machen Sie zuerst eine von ihnen zum Verwalter; dann können Sie Ihr Konto löschen."
)
TEAM_REMOVE_SELF = "Sich selbst entfernen Sie mit „Team verlassen“."

# --- mails ---
MAIL_TEAM_INVITATION_SUBJECT = "Einladung ins Kundenportal für {name}"
MAIL_TEAM_INVITATION_BODY = (
    "Guten Tag,\n\n{inviter} lädt Sie ein, im Kundenportal der "
    f"{frame.CHAMBER} für {{betrieb}} zu handeln, mit den Rollen: {{roles}}.\n\n"
    "Öffnen Sie dazu diesen Link, melden Sie sich mit dieser E-Mail-Adresse an (oder "
    "registrieren Sie sich mit ihr) und nehmen Sie die Einladung an:\n\n{link}\n\n"
    "Der Link ist {days} Tage gültig und funktioniert einmal. Eine PIN brauchen Sie nicht. "
    "Wenn Sie die Person nicht kennen, können Sie diese E-Mail ignorieren."
) + _SIGNATURE
MAIL_TEAM_WITHDRAWN_SUBJECT = "Einladung zurückgezogen: {name}"
MAIL_TEAM_WITHDRAWN_BODY = (
    "Guten Tag,\n\ndie Einladung, im Kundenportal der "
    f"{frame.CHAMBER} für {{betrieb}} zu handeln, wurde zurückgezogen. Der Link darin "
    "funktioniert nicht mehr. Sie müssen nichts tun."
) + _SIGNATURE
MAIL_TEAM_CHANGED_SUBJECT = "Ihr Team im Kundenportal: {nummer}"
MAIL_TEAM_CHANGED_BODY = (
    "Guten Tag,\n\nim Kundenportal hat sich für {betrieb} etwas geändert:\n\n{what}\n\n"
    "Wenn Sie Fragen dazu haben, wenden Sie sich bitte an den Verwalter Ihres Betriebs."
) + _SIGNATURE
TEAM_TOLD_JOINED = "Sie gehören jetzt zum Team des Betriebs, mit den Rollen: {roles}."
TEAM_TOLD_ACCEPTED = "{email} hat Ihre Einladung angenommen und gehört jetzt zum Team."
TEAM_TOLD_ROLES = "Ihre Rollen sind jetzt: {roles}."
TEAM_TOLD_ADMIN = "Sie sind jetzt Verwalter des Betriebs und haben alle Rollen."
TEAM_TOLD_STEPPED_DOWN = "Sie sind nicht mehr Verwalter des Betriebs; Ihre Rollen bleiben."
TEAM_TOLD_REMOVED = (
    "Der Verwalter hat Sie aus dem Team entfernt. Die Dienste des Betriebs sind in Ihrem "
    "Konto nicht mehr zugänglich."
)
TEAM_TOLD_LEFT = "Sie haben das Team des Betriebs verlassen."
