"""All database tables. Plain SQLModel classes: they know nothing of Reflex.

Times are timezone-aware UTC datetimes from `services.clock.now()`. Secrets (password hashes, token
hashes) live here and never leave the service layer.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

EMAIL_MAX_LENGTH = 254


class Account(SQLModel, table=True):
    """A member's login. Exists from registration on; usable once the e-mail is confirmed."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=EMAIL_MAX_LENGTH)
    email_key: str = Field(max_length=EMAIL_MAX_LENGTH, unique=True, index=True)
    password_hash: str | None = Field(default=None, max_length=100)
    created_at: datetime
    confirmed_at: datetime | None = None


class LoginSession(SQLModel, table=True):
    """One login of one browser. Only the keyed hash of the session token is stored."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime
    last_seen_at: datetime
    ended_at: datetime | None = None
    user_agent: str = Field(default="", max_length=300)


class EmailToken(SQLModel, table=True):
    """A single-use link sent by mail (confirm registration, later: reset password)."""

    __tablename__ = "email_token"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    purpose: str = Field(max_length=20)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None


class OutboxMail(SQLModel, table=True):
    """A mail written in the same transaction as its cause, delivered later by the mail loop."""

    __tablename__ = "outbox_mail"

    id: int | None = Field(default=None, primary_key=True)
    recipient: str = Field(max_length=EMAIL_MAX_LENGTH, index=True)
    subject: str = Field(max_length=200)
    body: str
    created_at: datetime
    attempts: int = 0
    next_attempt_at: datetime = Field(index=True)
    claimed_until: datetime | None = None
    sent_at: datetime | None = None
    failed_at: datetime | None = None
    last_error: str = Field(default="", max_length=500)


# --- Freischaltung: what the chamber knows, PINs, links of accounts ---------------------------


class Betrieb(SQLModel, table=True):
    """A business in the chamber's registers (Handwerksrolle or Verzeichnisse)."""

    __table_args__ = (UniqueConstraint("betriebsnummer", "filiale"),)

    id: int | None = Field(default=None, primary_key=True)
    kreis: str = Field(max_length=3)
    betriebsnummer: str = Field(max_length=7, index=True)
    filiale: str = Field(default="0", max_length=1)
    name: str = Field(max_length=200)
    strasse: str = Field(max_length=200)
    plz: str = Field(max_length=5)
    ort: str = Field(max_length=100)
    eintragung: str = Field(max_length=30)


class Person(SQLModel, table=True):
    """A natural person the chamber knows: apprentice, education customer or other."""

    id: int | None = Field(default=None, primary_key=True)
    kundennummer: str = Field(max_length=8, unique=True, index=True)
    art: str = Field(max_length=20)
    name: str = Field(max_length=200)
    geburtsdatum: date
    strasse: str = Field(max_length=200)
    plz: str = Field(max_length=5)
    ort: str = Field(max_length=100)


class Pin(SQLModel, table=True):
    """An unlock PIN sent by post, bound to one Betrieb or one Person; only its hash is kept."""

    id: int | None = Field(default=None, primary_key=True)
    betrieb_id: int | None = Field(default=None, foreign_key="betrieb.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    pin_hash: str = Field(max_length=100)
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    voided_at: datetime | None = None
    failed_tries: int = 0


class Freischaltung(SQLModel, table=True):
    """An account unlocked for a Betrieb or a Person (one of the two ids is set)."""

    __table_args__ = (
        UniqueConstraint("account_id", "betrieb_id"),
        UniqueConstraint("account_id", "person_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    betrieb_id: int | None = Field(default=None, foreign_key="betrieb.id")
    person_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime


class PinRequest(SQLModel, table=True):
    """A member's request for a new PIN, done when an operator issues one for that record."""

    __tablename__ = "pin_request"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    art: str = Field(max_length=10)  # "betrieb" or "person"
    nummer: str = Field(max_length=20)
    created_at: datetime
    done_at: datetime | None = None


class AuditEntry(SQLModel, table=True):
    """Who did what to which record, and when. Kept when an account is deleted."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    action: str = Field(max_length=50, index=True)
    target: str = Field(default="", max_length=100)
    detail: str = Field(default="", max_length=500)


# --- Dokumente, Vorlagen, SEPA (issue 4) ------------------------------------------------------


class Dokument(SQLModel, table=True):
    """A file of a Betrieb or a Person: sent by a member (`eingang`) or provided by the chamber
    (`bereitgestellt`). The bytes live in the private store under `stored_name`."""

    id: int | None = Field(default=None, primary_key=True)
    betrieb_id: int | None = Field(default=None, foreign_key="betrieb.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    richtung: str = Field(max_length=15)  # "eingang" or "bereitgestellt"
    abteilung: str = Field(default="", max_length=30)
    titel: str = Field(default="", max_length=200)
    original_name: str = Field(max_length=200)
    stored_name: str = Field(max_length=64, unique=True)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64)
    created_at: datetime = Field(index=True)
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )


class Vorlage(SQLModel, table=True):
    """A template or form in the library every unlocked member can download."""

    id: int | None = Field(default=None, primary_key=True)
    thema: str = Field(max_length=100, index=True)
    titel: str = Field(max_length=200)
    beschreibung: str = Field(default="", max_length=500)
    original_name: str = Field(max_length=200)
    stored_name: str = Field(max_length=64, unique=True)
    content_type: str = Field(max_length=100)
    size: int
    created_at: datetime


class SepaMandat(SQLModel, table=True):
    """A SEPA core direct-debit mandate of a Betrieb; ended ones stay on record."""

    __tablename__ = "sepa_mandat"
    # One active mandate per Betrieb, enforced by the database too (parallel grants).
    __table_args__ = (
        Index(
            "uq_sepa_mandat_aktiv",
            "betrieb_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    betrieb_id: int = Field(foreign_key="betrieb.id", index=True)
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    mandatsreferenz: str = Field(max_length=35, unique=True)
    kontoinhaber: str = Field(max_length=70)
    iban: str = Field(max_length=34)
    bic: str = Field(default="", max_length=11)
    bank_name: str = Field(default="", max_length=200)
    glaeubiger_id: str = Field(max_length=35)
    granted_at: datetime
    ended_at: datetime | None = None
    end_reason: str = Field(default="", max_length=20)  # "ersetzt" or "widerrufen"
