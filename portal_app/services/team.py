"""A Betrieb's team: the administrator ("Verwalter") invites colleagues by e-mail and gives
them roles; members hold roles per Betrieb, and the services of a Betrieb check them.

The membership is the Freischaltung (`verwalter`, `rollen`). The account that unlocks a
Betrieb with a PIN becomes its administrator (services/unlock.py); colleagues join through an
invitation (`team_einladung`): for one e-mail address, 7 days, single-use, void once withdrawn,
accepted only by a logged-in account whose confirmed address is that address. A Person's link
has no team.

Roles (`ROLES`): Dokumente (documents of the Betrieb, sent and provided, and the Postfach
messages about them), Beitrag und SEPA (the mandate), Ausbildung (apprenticeship
matters: Lehrvertrag online), Kurse (booking courses for the Betrieb's staff). The
administrator has every role.

A Betrieb always keeps an administrator: every change that can take one away writes first
and counts the administrators after (one change of a team at a time: the first write on
SQLite, an advisory lock per Betrieb on PostgreSQL), and rolls back when none is left — two
parallel tries to remove the last two administrators cannot both succeed.

Every change is audited and mailed to the person concerned. Rights are read from the database
at every event (nothing caches them); a change also marks the person's Postfach count as
changed (services/marks.py), as the Postfach shows a Betrieb's messages only to its members.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, func, select, update

from portal_app import routes, texts
from portal_app.models import Account, Betrieb, Freischaltung, TeamEinladung
from portal_app.services import (
    audit,
    clock,
    db,
    emails,
    mail,
    member_totp,
    postfach,
    registry,
    tokens,
)
from portal_app.services.db import unit_of_work
from portal_app.services.errors import PortalError
from portal_app.services.roles import (
    AUSBILDUNG,
    DOKUMENTE,
    KURSE,
    ROLES,
    SEPA,
    RolesInvalid,
    accounts_with_role,
    betrieb_ids_with_role,
    check_roles,
    has_role,
    holds,
    needs_second_factor,
    parse_roles,
    roles_of,
)
from portal_app.settings import settings

INVITATION_DAYS = 7
INVITATIONS_PER_DAY = 20  # per Betrieb

AUDIT_INVITED = "team_eingeladen"
AUDIT_WITHDRAWN = "team_einladung_zurueckgezogen"
AUDIT_JOINED = "team_beigetreten"
AUDIT_ROLES = "team_rollen_geaendert"
AUDIT_REMOVED = "team_entfernt"
AUDIT_LEFT = "team_verlassen"
AUDIT_ADMIN_ADDED = "team_verwalter_ernannt"
AUDIT_ADMIN_STEPPED_DOWN = "team_verwalter_abgegeben"


__all__ = [
    "AUSBILDUNG",
    "DOKUMENTE",
    "KURSE",
    "ROLES",
    "SEPA",
    "accounts_with_role",
    "betrieb_ids_with_role",
    "has_role",
    "holds",
    "needs_second_factor",
]


class TeamError(PortalError):
    """A team action that is refused; the message is for the member."""


class NotFound(TeamError, LookupError):
    """No such Betrieb, member or invitation among the account's (same answer for foreign)."""


class NotAdministrator(TeamError):
    """Only the Betrieb's administrator may do this."""


class LastAdministrator(TeamError):
    """The Betrieb would be left without an administrator."""


class InvitationInvalid(TeamError):
    """The invitation link cannot be used (unknown, expired, used, withdrawn, other address)."""


@dataclass(frozen=True)
class MemberView:
    id: int  # the Freischaltung
    email: str
    is_admin: bool
    roles: tuple[str, ...]  # keys; an administrator holds all
    is_me: bool
    since: datetime


@dataclass(frozen=True)
class InvitationView:
    id: int
    email: str
    roles: tuple[str, ...]
    expires_at: datetime


@dataclass(frozen=True)
class TeamView:
    nummer: str  # TS-1234567-0
    name: str
    i_am_admin: bool
    my_roles: tuple[str, ...]
    members: list[MemberView]
    invitations: list[InvitationView]  # open ones; only for an administrator


@dataclass(frozen=True)
class BetriebLink:
    nummer: str
    name: str
    is_admin: bool


@dataclass(frozen=True)
class InvitationInfo:
    betrieb: str  # "Betrieb TS-1234567-0 – Name"
    email: str
    roles: tuple[str, ...]


def _checked_roles(chosen) -> tuple[str, ...]:
    try:
        return check_roles(chosen)
    except RolesInvalid as error:
        raise TeamError(error.message, field="rollen") from None


def role_labels(keys) -> str:
    return ", ".join(ROLES[key] for key in keys) or texts.TEAM_NO_ROLES


# --- reading -------------------------------------------------------------------------------


def _betrieb_label(betrieb: Betrieb) -> str:
    return f"{texts.BETRIEB} {registry.format_betriebsnummer(betrieb)} – {betrieb.name}"


def betriebe(account_id: int) -> list[BetriebLink]:
    """The Betriebe of the account, in the order joined (Mein Konto links to each team)."""
    with unit_of_work() as session:
        rows = session.exec(
            select(Freischaltung, Betrieb)
            .join(Betrieb, Betrieb.id == Freischaltung.betrieb_id)
            .where(Freischaltung.account_id == account_id)
            .order_by(col(Freischaltung.id))
        ).all()
        return [
            BetriebLink(registry.format_betriebsnummer(b), b.name, link.verwalter)
            for link, b in rows
        ]


def _my_link(session: Session, account_id: int, nummer: str) -> tuple[Freischaltung, Betrieb]:
    """The account's link to the Betrieb named by its number, else NotFound."""
    wanted = str(nummer or "")[:20].strip().upper()
    rows = session.exec(
        select(Freischaltung, Betrieb)
        .join(Betrieb, Betrieb.id == Freischaltung.betrieb_id)
        .where(Freischaltung.account_id == account_id)
    ).all()
    for link, betrieb in rows:
        if registry.format_betriebsnummer(betrieb).upper() == wanted:
            return link, betrieb
    raise NotFound(texts.TEAM_NOT_FOUND)


def _secured(account_id: int) -> None:
    """An administrator manages the team only with a second factor (SecondFactorRequired)."""
    member_totp.ensure(account_id, "team")


def _admin_link(session: Session, account_id: int, nummer: str) -> tuple[Freischaltung, Betrieb]:
    link, betrieb = _my_link(session, account_id, nummer)
    if not link.verwalter:
        raise NotAdministrator(texts.TEAM_NOT_ADMIN)
    return link, betrieb


def _open_invitations(session: Session, betrieb_id: int) -> list[TeamEinladung]:
    return list(
        session.exec(
            select(TeamEinladung)
            .where(
                TeamEinladung.betrieb_id == betrieb_id,
                col(TeamEinladung.used_at).is_(None),
                col(TeamEinladung.withdrawn_at).is_(None),
                TeamEinladung.expires_at > clock.now(),
            )
            .order_by(col(TeamEinladung.created_at), col(TeamEinladung.id))
        )
    )


def team(account_id: int, nummer: str) -> TeamView:
    """The Betrieb's people and roles (every member sees them), its open invitations (only
    the administrator)."""
    with unit_of_work() as session:
        mine, betrieb = _my_link(session, account_id, nummer)
        rows = session.exec(
            select(Freischaltung, Account)
            .join(Account, Account.id == Freischaltung.account_id)
            .where(Freischaltung.betrieb_id == betrieb.id)
            .order_by(col(Freischaltung.verwalter).desc(), col(Freischaltung.id))
        ).all()
        members = [
            MemberView(
                id=link.id,
                email=account.email,
                is_admin=link.verwalter,
                roles=roles_of(link),
                is_me=link.account_id == account_id,
                since=link.created_at,
            )
            for link, account in rows
        ]
        invitations = (
            [
                InvitationView(row.id, row.email, parse_roles(row.rollen), row.expires_at)
                for row in _open_invitations(session, betrieb.id)
            ]
            if mine.verwalter
            else []
        )
        return TeamView(
            nummer=registry.format_betriebsnummer(betrieb),
            name=betrieb.name,
            i_am_admin=mine.verwalter,
            my_roles=roles_of(mine),
            members=members,
            invitations=invitations,
        )


# --- telling the person concerned -----------------------------------------------------------


def _tell(session: Session, account_id: int, betrieb: Betrieb, what: str) -> None:
    account = session.get(Account, account_id)
    if account is None:
        return
    mail.enqueue(
        session,
        account.email,
        texts.MAIL_TEAM_CHANGED_SUBJECT.format(nummer=registry.format_betriebsnummer(betrieb)),
        texts.MAIL_TEAM_CHANGED_BODY.format(betrieb=_betrieb_label(betrieb), what=what),
    )


def _rights_changed(session: Session, account_id: int) -> None:
    """The account's rights changed: every worker asks again for what depends on them."""
    postfach.rights_changed(session, account_id)


def _admins_left(session: Session, betrieb_id: int) -> int:
    return session.exec(
        select(func.count())
        .select_from(Freischaltung)
        .where(Freischaltung.betrieb_id == betrieb_id, col(Freischaltung.verwalter))
    ).one()


def _lock(session: Session, *betrieb_ids: int) -> None:
    """One change of a team at a time (see the module docstring): on SQLite the caller's
    first write takes the lock, so callers write before they count."""
    db.serialize(session, *(f"team:{betrieb_id}" for betrieb_id in betrieb_ids))


def end_by_chamber(session: Session, link: Freischaltung, message: str) -> None:
    """The chamber's staff end a Freischaltung (services/verzeichnis.py): a Betrieb's team
    with people left keeps an administrator, else LastAdministrator(message)."""
    if link.betrieb_id is not None:
        _lock(session, link.betrieb_id)
    session.delete(link)
    session.flush()  # the write first (SQLite's lock), then the count
    if link.betrieb_id is None:
        return
    members_left = session.exec(
        select(func.count()).select_from(Freischaltung)
        .where(Freischaltung.betrieb_id == link.betrieb_id)
    ).one()  # fmt: skip
    if members_left and not _admins_left(session, link.betrieb_id):
        raise LastAdministrator(message)
    _rights_changed(session, link.account_id)


def _member(session: Session, betrieb_id: int, member_id) -> Freischaltung:
    link = session.get(Freischaltung, member_id) if isinstance(member_id, int) else None
    if link is None or link.betrieb_id != betrieb_id:
        raise NotFound(texts.TEAM_MEMBER_NOT_FOUND)
    return link


def _by(account_id: int) -> str:
    """The audit detail of a change one administrator made to another person."""
    return f"durch Konto {account_id}"


def _target(betrieb: Betrieb) -> str:
    return registry.audit_target(betrieb)


# --- invitations ----------------------------------------------------------------------------


def invite(account_id: int, nummer: str, raw_email: str, chosen_roles) -> InvitationView:
    """The administrator invites a colleague by e-mail; the mail carries a 7-day link."""
    _secured(account_id)
    if not isinstance(raw_email, str) or not raw_email.strip():
        raise TeamError(texts.TEAM_INVITE_EMAIL_EMPTY, field="email")
    try:
        address = emails.normalize_email(raw_email)
    except emails.EmailRejected as error:
        raise TeamError(error.message, field="email") from None
    roles = _checked_roles(chosen_roles)
    key = emails.email_key(address)
    with unit_of_work() as session:
        _link, betrieb = _admin_link(session, account_id, nummer)
        _lock(session, betrieb.id)
        now = clock.now()
        member_keys = session.exec(
            select(Account.email_key)
            .join(Freischaltung, Freischaltung.account_id == Account.id)
            .where(Freischaltung.betrieb_id == betrieb.id)
        ).all()
        if key in member_keys:
            raise TeamError(texts.TEAM_ALREADY_MEMBER, field="email")
        # an earlier open invitation of the same address is replaced by this one
        session.exec(
            update(TeamEinladung)
            .where(
                TeamEinladung.betrieb_id == betrieb.id,
                TeamEinladung.email_key == key,
                col(TeamEinladung.used_at).is_(None),
                col(TeamEinladung.withdrawn_at).is_(None),
            )
            .values(withdrawn_at=now)
        )
        token = tokens.new_token()
        row = TeamEinladung(
            betrieb_id=betrieb.id,
            email=address,
            email_key=key,
            rollen=",".join(roles),
            token_hash=tokens.hash_token(token),
            created_by=account_id,
            created_at=now,
            expires_at=now + timedelta(days=INVITATION_DAYS),
        )
        session.add(row)
        session.flush()
        today = session.exec(
            select(func.count())
            .select_from(TeamEinladung)
            .where(
                TeamEinladung.betrieb_id == betrieb.id,
                TeamEinladung.created_at > now - timedelta(days=1),
            )
        ).one()
        if today > INVITATIONS_PER_DAY:
            raise TeamError(texts.TEAM_TOO_MANY_INVITATIONS)  # rolls this one back
        inviter = session.get(Account, account_id)
        audit.record(
            session, AUDIT_INVITED, account_id, _target(betrieb), f"{address}: {','.join(roles)}"
        )
        mail.enqueue(
            session,
            address,
            texts.MAIL_TEAM_INVITATION_SUBJECT.format(name=betrieb.name),
            texts.MAIL_TEAM_INVITATION_BODY.format(
                inviter=inviter.email,
                betrieb=_betrieb_label(betrieb),
                roles=role_labels(roles),
                link=settings.base_url + routes.team_invitation(token),
                days=INVITATION_DAYS,
            ),
        )
        return InvitationView(row.id, address, roles, row.expires_at)


def withdraw(account_id: int, nummer: str, invitation_id) -> None:
    """The administrator withdraws an open invitation: its link no longer works."""
    _secured(account_id)
    with unit_of_work() as session:
        _link, betrieb = _admin_link(session, account_id, nummer)
        row = session.get(TeamEinladung, invitation_id) if isinstance(invitation_id, int) else None
        if row is None or row.betrieb_id != betrieb.id:
            raise NotFound(texts.TEAM_INVITATION_NOT_FOUND)
        done = session.exec(
            update(TeamEinladung)
            .where(
                TeamEinladung.id == row.id,
                col(TeamEinladung.used_at).is_(None),
                col(TeamEinladung.withdrawn_at).is_(None),
            )
            .values(withdrawn_at=clock.now())
        )
        if done.rowcount != 1:
            raise NotFound(texts.TEAM_INVITATION_NOT_FOUND)
        audit.record(session, AUDIT_WITHDRAWN, account_id, _target(betrieb), row.email)
        mail.enqueue(
            session,
            row.email,
            texts.MAIL_TEAM_WITHDRAWN_SUBJECT.format(name=betrieb.name),
            texts.MAIL_TEAM_WITHDRAWN_BODY.format(betrieb=_betrieb_label(betrieb)),
        )


def _valid_invitation(session: Session, token: str) -> TeamEinladung:
    if not token or not isinstance(token, str) or len(token) > 100:
        raise InvitationInvalid(texts.TEAM_INVITATION_UNKNOWN)
    row = session.exec(
        select(TeamEinladung).where(TeamEinladung.token_hash == tokens.hash_token(token))
    ).first()
    if row is None:
        raise InvitationInvalid(texts.TEAM_INVITATION_UNKNOWN)
    if row.used_at is not None:
        raise InvitationInvalid(texts.TEAM_INVITATION_USED)
    if row.withdrawn_at is not None:
        raise InvitationInvalid(texts.TEAM_INVITATION_WITHDRAWN)
    if row.expires_at <= clock.now():
        raise InvitationInvalid(texts.TEAM_INVITATION_EXPIRED)
    return row


def invitation(token: str) -> InvitationInfo:
    """What the invitation page shows before the colleague accepts (uses nothing up)."""
    with unit_of_work() as session:
        row = _valid_invitation(session, token)
        betrieb = session.get(Betrieb, row.betrieb_id)
        return InvitationInfo(_betrieb_label(betrieb), row.email, parse_roles(row.rollen))


def accept(account_id: int, token: str) -> BetriebLink:
    """The logged-in colleague accepts: the account joins the team with the invitation's roles.
    Only an account whose confirmed address is the invited one; the link works once."""
    with unit_of_work() as session:
        row = _valid_invitation(session, token)
        account = session.get(Account, account_id)
        if account is None or account.confirmed_at is None or account.email_key != row.email_key:
            raise InvitationInvalid(texts.TEAM_INVITATION_OTHER_ADDRESS.format(email=row.email))
        used = session.exec(
            update(TeamEinladung)
            .where(
                TeamEinladung.id == row.id,
                col(TeamEinladung.used_at).is_(None),
                col(TeamEinladung.withdrawn_at).is_(None),
            )
            .values(used_at=clock.now(), used_by=account_id)
        )
        if used.rowcount != 1:
            raise InvitationInvalid(texts.TEAM_INVITATION_USED)
        betrieb = session.get(Betrieb, row.betrieb_id)
        already = session.exec(
            select(Freischaltung).where(
                Freischaltung.account_id == account_id, Freischaltung.betrieb_id == betrieb.id
            )
        ).first()
        if already is not None:
            raise InvitationInvalid(texts.TEAM_INVITATION_ALREADY_MEMBER)
        session.add(
            Freischaltung(
                account_id=account_id,
                betrieb_id=betrieb.id,
                created_at=clock.now(),
                verwalter=False,
                rollen=row.rollen,
            )
        )
        roles = parse_roles(row.rollen)
        audit.record(session, AUDIT_JOINED, account_id, _target(betrieb), ",".join(roles))
        _tell(session, account_id, betrieb, texts.TEAM_TOLD_JOINED.format(roles=role_labels(roles)))
        if row.created_by is not None:
            _tell(
                session,
                row.created_by,
                betrieb,
                texts.TEAM_TOLD_ACCEPTED.format(email=account.email),
            )
        _rights_changed(session, account_id)
        return BetriebLink(registry.format_betriebsnummer(betrieb), betrieb.name, False)


# --- changing the team ----------------------------------------------------------------------


def set_roles(account_id: int, nummer: str, member_id, chosen_roles) -> None:
    """The administrator sets a colleague's roles (an administrator has all of them)."""
    _secured(account_id)
    roles = _checked_roles(chosen_roles)
    with unit_of_work() as session:
        link, betrieb = _admin_link(session, account_id, nummer)
        _lock(session, betrieb.id)
        target = _member(session, betrieb.id, member_id)
        if target.verwalter:
            raise TeamError(texts.TEAM_ADMIN_HAS_ALL)
        session.exec(
            update(Freischaltung)
            .where(Freischaltung.id == target.id, col(Freischaltung.verwalter).is_(False))
            .values(rollen=",".join(roles))
        )
        _still_admin(session, link)
        detail = f"{','.join(roles) or '-'} ({_by(account_id)})"
        audit.record(session, AUDIT_ROLES, target.account_id, _target(betrieb), detail)
        _tell(session, target.account_id, betrieb,
              texts.TEAM_TOLD_ROLES.format(roles=role_labels(roles)))  # fmt: skip
        _rights_changed(session, target.account_id)


def make_admin(account_id: int, nummer: str, member_id) -> None:
    """The administrator makes a colleague administrator too (a second one)."""
    _secured(account_id)
    with unit_of_work() as session:
        link, betrieb = _admin_link(session, account_id, nummer)
        _lock(session, betrieb.id)
        target = _member(session, betrieb.id, member_id)
        if target.verwalter:
            raise TeamError(texts.TEAM_ALREADY_ADMIN)
        session.exec(
            update(Freischaltung).where(Freischaltung.id == target.id).values(verwalter=True)
        )
        _still_admin(session, link)
        audit.record(
            session, AUDIT_ADMIN_ADDED, target.account_id, _target(betrieb), _by(account_id)
        )
        _tell(session, target.account_id, betrieb, texts.TEAM_TOLD_ADMIN)
        _rights_changed(session, target.account_id)


def _still_admin(session: Session, link: Freischaltung) -> None:
    """After the change's first write (the team is locked now): the acting administrator is
    still one, so a parallel change that removed them cannot be overtaken."""
    now = session.exec(select(Freischaltung.verwalter).where(Freischaltung.id == link.id)).first()
    if not now:
        raise NotAdministrator(texts.TEAM_NOT_ADMIN)


def _without_admin(session: Session, betrieb_id: int) -> None:
    if _admins_left(session, betrieb_id) < 1:
        raise LastAdministrator(texts.TEAM_LAST_ADMIN)


def step_down(account_id: int, nummer: str) -> None:
    """An administrator gives up the role (keeping every other role); another must remain."""
    with unit_of_work() as session:
        link, betrieb = _admin_link(session, account_id, nummer)
        _lock(session, betrieb.id)
        changed = session.exec(
            update(Freischaltung)
            .where(Freischaltung.id == link.id, col(Freischaltung.verwalter))
            .values(verwalter=False, rollen=",".join(ROLES))
        )
        if changed.rowcount != 1:
            raise NotAdministrator(texts.TEAM_NOT_ADMIN)
        _without_admin(session, betrieb.id)
        audit.record(session, AUDIT_ADMIN_STEPPED_DOWN, account_id, _target(betrieb))
        _tell(session, account_id, betrieb, texts.TEAM_TOLD_STEPPED_DOWN)
        _rights_changed(session, account_id)


def _end_membership(session: Session, link: Freischaltung, betrieb: Betrieb) -> None:
    ended = session.exec(delete(Freischaltung).where(Freischaltung.id == link.id))
    if ended.rowcount != 1:
        raise NotFound(texts.TEAM_MEMBER_NOT_FOUND)
    _without_admin(session, betrieb.id)
    _rights_changed(session, link.account_id)


def remove(account_id: int, nummer: str, member_id) -> None:
    """The administrator removes a person from the team; their access ends at once."""
    _secured(account_id)
    with unit_of_work() as session:
        link, betrieb = _admin_link(session, account_id, nummer)
        _lock(session, betrieb.id)
        target = _member(session, betrieb.id, member_id)
        if target.account_id == account_id:
            raise TeamError(texts.TEAM_REMOVE_SELF)
        _end_membership(session, target, betrieb)
        _still_admin(session, link)
        audit.record(session, AUDIT_REMOVED, target.account_id, _target(betrieb), _by(account_id))
        _tell(session, target.account_id, betrieb, texts.TEAM_TOLD_REMOVED)


def leave(account_id: int, nummer: str) -> None:
    """A member leaves the Betrieb's team; the last administrator cannot."""
    with unit_of_work() as session:
        link, betrieb = _my_link(session, account_id, nummer)
        _lock(session, betrieb.id)
        _end_membership(session, link, betrieb)
        audit.record(session, AUDIT_LEFT, account_id, _target(betrieb))
        _tell(session, account_id, betrieb, texts.TEAM_TOLD_LEFT)


def ensure_not_last_administrator(session: Session, account_id: int) -> None:
    """Before the account is deleted: it must not be the last administrator of a Betrieb that
    has other people in its team (they would be left without one). A team of one ends with it.

    Locks those teams first and writes before it counts (see `_lock`), so a colleague who
    steps down at the same time cannot leave the team without an administrator."""
    admin_of = session.exec(
        select(Freischaltung.betrieb_id).where(
            Freischaltung.account_id == account_id, col(Freischaltung.verwalter)
        )
    ).all()
    _lock(session, *(betrieb_id for betrieb_id in admin_of if betrieb_id is not None))
    session.exec(  # a write that changes nothing: SQLite's one writer is this transaction now
        update(Freischaltung)
        .where(Freischaltung.account_id == account_id)
        .values(verwalter=Freischaltung.verwalter)
    )
    links = session.exec(
        select(Freischaltung, Betrieb)
        .join(Betrieb, Betrieb.id == Freischaltung.betrieb_id)
        .where(Freischaltung.account_id == account_id, col(Freischaltung.verwalter))
    ).all()
    for link, betrieb in links:
        others = session.exec(
            select(Freischaltung).where(
                Freischaltung.betrieb_id == betrieb.id, Freischaltung.id != link.id
            )
        ).all()
        if others and not any(other.verwalter for other in others):
            raise LastAdministrator(
                texts.TEAM_LAST_ADMIN_DELETE.format(nummer=registry.format_betriebsnummer(betrieb))
            )
