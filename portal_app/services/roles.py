"""Roles per Betrieb (services/team.py): which account may use which service of which Betrieb.

The membership of an account in a Betrieb's team is its Freischaltung: `verwalter` (the
administrator holds every role) and `rollen` (comma-separated keys). A Person's Freischaltung
has no team: it grants everything for that Person. Every service of a Betrieb asks here, at
every request, from the database (no answer is kept anywhere)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from portal_app import texts
from portal_app.models import Freischaltung
from portal_app.services.errors import PortalError

DOKUMENTE = "dokumente"  # documents of the Betrieb (sent and provided), its Postfach messages
SEPA = "sepa"  # Beitrag und SEPA: the mandate and fee notices
AUSBILDUNG = "ausbildung"  # apprenticeship matters: Lehrvertrag online (lehrvertrag.py)
KURSE = "kurse"  # booking courses for the Betrieb's staff (services/booking.py)
# every role: its key (stored in freischaltung.rollen) and its label
ROLES = {
    DOKUMENTE: texts.DOCUMENTS_TITLE,
    SEPA: texts.TEAM_ROLE_SEPA,
    AUSBILDUNG: texts.TEAM_ROLE_AUSBILDUNG,
    KURSE: texts.NAV_COURSES,
}


class RolesInvalid(PortalError, ValueError):
    """A role the browser sent is not one of ROLES."""


def parse_roles(raw: str) -> tuple[str, ...]:
    """Stored role keys, in the order of ROLES (unknown keys dropped)."""
    given = set((raw or "").split(","))
    return tuple(key for key in ROLES if key in given)


def check_roles(chosen) -> tuple[str, ...]:
    """Role keys a browser sent: every one must be known; kept in the order of ROLES."""
    if not isinstance(chosen, (list, tuple)) or len(chosen) > len(ROLES):
        raise RolesInvalid(texts.TEAM_ROLES_INVALID, field="rollen")
    keys = {key for key in chosen if isinstance(key, str)}
    if len(keys) != len(chosen) or not keys <= set(ROLES):
        raise RolesInvalid(texts.TEAM_ROLES_INVALID, field="rollen")
    return tuple(key for key in ROLES if key in keys)


def roles_of(link: Freischaltung) -> tuple[str, ...]:
    return tuple(ROLES) if link.verwalter else parse_roles(link.rollen)


def holds(link: Freischaltung, role: str) -> bool:
    """Whether a link grants the role: a Person's link always (a Person has no team)."""
    return link.person_id is not None or role in roles_of(link)


def betrieb_ids_with_role(session: Session, account_id: int, role: str) -> set[int]:
    links = session.exec(
        select(Freischaltung).where(
            Freischaltung.account_id == account_id, col(Freischaltung.betrieb_id).is_not(None)
        )
    )
    return {link.betrieb_id for link in links if holds(link, role)}


def has_role(session: Session, account_id: int, betrieb_id: int, role: str) -> bool:
    return betrieb_id in betrieb_ids_with_role(session, account_id, role)


def accounts_with_role(session: Session, betrieb_id: int, role: str) -> list[int]:
    """The accounts of the Betrieb's team that hold the role, in the order they joined."""
    links = session.exec(
        select(Freischaltung)
        .where(Freischaltung.betrieb_id == betrieb_id)
        .order_by(col(Freischaltung.id))
    )
    return [link.account_id for link in links if holds(link, role)]


def needs_second_factor(session: Session, account_id: int) -> bool:
    """True when the account administers a Betrieb or holds the SEPA role anywhere."""
    links = session.exec(
        select(Freischaltung).where(
            Freischaltung.account_id == account_id, col(Freischaltung.betrieb_id).is_not(None)
        )
    )
    return any(link.verwalter or SEPA in parse_roles(link.rollen) for link in links)
