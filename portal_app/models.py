"""All database tables. Plain SQLModel classes: they know nothing of Reflex.

Times are timezone-aware UTC datetimes from `services.clock.now()`. Secrets (password hashes, token
hashes) live here and never leave the service layer.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
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
    # the one-time code that moves the token into the HttpOnly cookie (hash, expiry)
    handoff_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)
    handoff_until: datetime | None = None
    # the login passed the second factor (services/member_totp.py), or set it up
    second_factor: bool = False


class EmailToken(SQLModel, table=True):
    """A single-use link sent by mail (confirm registration, reset password)."""

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
    # the health check's question "how long has the oldest waiting mail waited?" in one step;
    # the per-address cap's question "how many this hour to this mailbox?" in another
    __table_args__ = (
        Index("ix_outbox_mail_waiting", "sent_at", "failed_at", "created_at"),
        Index("ix_outbox_mail_cap", "cap_key", "created_at"),
    )

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
    # set for a mail anyone can cause by typing an address (services/unsolicited_mail.py): the
    # recipient's mailbox as `emails.email_key` spells it, which the cap per address counts
    cap_key: str | None = Field(default=None, max_length=EMAIL_MAX_LENGTH)


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
    # a Betrieb's team (services/team.py): its administrator ("Verwalter") has every role; the
    # others hold the roles listed here (comma-separated keys). A Person's link has neither.
    verwalter: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    rollen: str = Field(default="", max_length=100, sa_column_kwargs={"server_default": ""})


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


# --- Account self-service and security ----------------------------------------------------------


class LoginFailure(SQLModel, table=True):
    """One password try, counted before the password is checked and deleted again if it was
    right (services/throttle.py): a login, or a check of the current password.

    `email_digest` is a keyed hash of what the try is counted against (the address of a login,
    or the account of a current-password check), so tries for addresses that have no account
    leave no readable trace. A try from a browser unknown to the account counts against the
    client address too (`client`); one from a known browser only against that browser
    (`device`, the keyed hash of its device cookie). Rows older than a day are pruned.
    """

    __tablename__ = "login_failure"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    email_digest: str = Field(max_length=64, index=True)
    client: str = Field(default="", max_length=64, index=True)
    device: str = Field(default="", max_length=64, index=True)


class KnownDevice(SQLModel, table=True):
    """A browser that has logged in to the account, by the keyed hash of its device cookie
    (services/devices.py): others' failed logins neither delay nor pause its logins."""

    __tablename__ = "known_device"
    __table_args__ = (UniqueConstraint("account_id", "token_hash", name="uq_known_device"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, index=True)
    created_at: datetime
    last_login_at: datetime = Field(index=True)


class UnlockTry(SQLModel, table=True):
    """One Freischaltung try, counted before its PIN is checked (services/unlock.py): per
    account, and per account and typed number (`number_key`, e.g. "betrieb:1234567", the same
    whether the number exists or not). `failed` once the PIN was wrong; a right one deletes it."""

    __tablename__ = "unlock_try"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    number_key: str = Field(max_length=30, index=True)
    failed: bool = False


class AuditEntry(SQLModel, table=True):
    """Who did what to which record, and when. Kept for the chamber when an account is deleted
    (then `account_id` is empty)."""

    __tablename__ = "audit_entry"
    # the Protokoll's filter by action (services/audit_log.py): its entries newest first
    __table_args__ = (Index("ix_audit_entry_action_at", "action", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    # the chamber's staff member who acted (staff actions: login, invitations, …), if any
    staff_id: int | None = Field(
        default=None, foreign_key="staff_account.id", index=True, ondelete="SET NULL"
    )
    action: str = Field(max_length=50, index=True)
    target: str = Field(default="", max_length=200)
    detail: str = Field(default="", max_length=500)


# --- course catalogue, bookings, form submissions ---------------------------------------


class Course(SQLModel, table=True):
    """A course of the chamber's education centres. `booked` counts the taken seats; it only
    changes through a conditional UPDATE (see services/booking.py), so it never exceeds
    `capacity`."""

    __table_args__ = (
        CheckConstraint("booked >= 0 AND booked <= capacity", name="ck_course_seats"),
        Index("ix_course_category_starts", "category", "starts_on"),
        Index("ix_course_location_starts", "location", "starts_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=30, unique=True, index=True)
    title: str = Field(max_length=200)
    category: str = Field(max_length=60)
    description: str = Field(default="", max_length=4000)
    location: str = Field(max_length=120)
    starts_on: date = Field(index=True)
    ends_on: date
    schedule: str = Field(default="", max_length=200)
    price_cents: int = Field(ge=0)
    capacity: int = Field(ge=1)
    booked: int = Field(default=0, ge=0)
    booking_deadline: date
    # title, description and location case-folded: the text search compares against this
    search_text: str = Field(default="", max_length=4400)
    # the chamber cancelled the course (services/course_admin.py): not listed, not bookable
    cancelled_at: datetime | None = None


class Booking(SQLModel, table=True):
    """A seat (status `gebucht`) or a place on the waiting list (`warteliste`) for one
    participant. `participant_key` is set while the booking is active and unique per course:
    the database refuses a second active booking of the same participant. Kept when the account
    is deleted (then `account_id` is empty; its bookings of courses not yet begun are cancelled
    first, services/account_deletion.py)."""

    __table_args__ = (
        UniqueConstraint("course_id", "participant_key", name="uq_booking_participant"),
        Index("ix_booking_course_status", "course_id", "status", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    course_id: int = Field(foreign_key="course.id", ondelete="CASCADE")
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    participant_name: str = Field(max_length=120)
    participant_birth_date: date
    participant_email: str = Field(max_length=EMAIL_MAX_LENGTH)
    participant_key: str | None = Field(default=None, max_length=200)
    status: str = Field(max_length=20)
    created_at: datetime
    cancelled_at: datetime | None = None
    # booked for a Betrieb's staff by a member with its role Kurse (services/booking.py)
    betrieb_id: int | None = Field(
        default=None, foreign_key="betrieb.id", index=True, ondelete="SET NULL"
    )


class FormSubmission(SQLModel, table=True):
    """One sent online form (contact, consultation, change of address). Only for the rate
    limits (services/forms.py): `client_key` says whom the submission counts against —
    `konto:<id>` for a logged-in member, else a keyed hash of the visitor's client address —
    and `sender_key` is the typed sender address as `emails.email_key` spells it. Kept when the
    account is deleted (then `account_id` is empty)."""

    __tablename__ = "form_submission"
    __table_args__ = (
        Index("ix_form_submission_sender", "sender_key", "created_at"),
        Index("ix_form_submission_client", "client_key", "created_at"),
        Index("ix_form_submission_created", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    form_key: str = Field(max_length=40)
    department_email: str = Field(max_length=EMAIL_MAX_LENGTH)
    sender_key: str = Field(max_length=EMAIL_MAX_LENGTH)
    client_key: str = Field(max_length=64)
    data: str = Field(max_length=20000)  # the checked fields as JSON
    created_at: datetime


# --- Dokumente, Vorlagen, SEPA ------------------------------------------------------


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


class DownloadTicket(SQLModel, table=True):
    """A single-use permission to fetch one stored file over plain HTTP, for a minute, by the
    login (a member's or a staff member's) that asked for it; the download event checked that
    it may. Only its hash is stored."""

    __tablename__ = "download_ticket"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    session_hash: str = Field(max_length=64)  # the login session's token hash
    # whose login: a member's or a staff member's
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="CASCADE"
    )
    staff_id: int | None = Field(
        default=None, foreign_key="staff_account.id", index=True, ondelete="CASCADE"
    )
    stored_name: str = Field(max_length=40)
    name: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    expires_at: datetime = Field(index=True)
    used_at: datetime | None = None
    # a file made for this one download (a participant list, PIN letters): deleted from the
    # store once fetched or once the ticket expired unused
    generated: bool = False


# --- the chamber's staff (Verwaltung): a different kind of account ---------------------------


class StaffAccount(SQLModel, table=True):
    """A member of the chamber's staff. Never a member's account: its own table, its own
    sessions and cookie, always a second factor (TOTP). Usable once set up (password and
    authenticator confirmed through the set-up link)."""

    __tablename__ = "staff_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=EMAIL_MAX_LENGTH)
    email_key: str = Field(max_length=EMAIL_MAX_LENGTH, unique=True, index=True)
    name: str = Field(max_length=200)
    password_hash: str | None = Field(default=None, max_length=100)
    is_admin: bool = False
    created_at: datetime
    deactivated_at: datetime | None = None
    # the TOTP secret, sealed with the secret key (services/totp.py `seal`); confirmed once
    # the first code from the authenticator matched
    totp_secret: str | None = Field(default=None, max_length=120)
    totp_confirmed_at: datetime | None = None
    # the last accepted TOTP time step: a code works only once
    totp_last_step: int | None = None


class StaffDepartment(SQLModel, table=True):
    """A department (services/departments.py key) a staff member works for."""

    __tablename__ = "staff_department"

    staff_id: int = Field(foreign_key="staff_account.id", primary_key=True, ondelete="CASCADE")
    department: str = Field(max_length=30, primary_key=True)


class StaffRecoveryCode(SQLModel, table=True):
    """A single-use recovery code instead of a TOTP code; only its keyed hash is stored."""

    __tablename__ = "staff_recovery_code"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_account.id", index=True, ondelete="CASCADE")
    code_hash: str = Field(max_length=64, unique=True, index=True)
    used_at: datetime | None = None


class StaffSession(SQLModel, table=True):
    """One login of a staff member in one browser (password and second factor both passed)."""

    __tablename__ = "staff_session"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime
    last_seen_at: datetime
    ended_at: datetime | None = None
    user_agent: str = Field(default="", max_length=300)
    handoff_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)
    handoff_until: datetime | None = None


class StaffSetupToken(SQLModel, table=True):
    """The mailed (or printed) set-up link of a staff member: 24 h, single use, hashed."""

    __tablename__ = "staff_setup_token"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None


class Vorgang(SQLModel, table=True):
    """One item in the staff's inbox: something a member sent (a document, a form, a contact
    message, a request for a new PIN), its department, status and who works on it. The sent
    thing itself stays in its own table; this row points to it."""

    __table_args__ = (
        Index("ix_vorgang_department_received", "department", "received_at"),
        Index("ix_vorgang_department_status_received", "department", "status", "received_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)  # services/inbox.py: KINDS
    department: str = Field(max_length=30)  # services/departments.py
    status: str = Field(default="neu", max_length=20)  # services/inbox.py: STATUSES
    received_at: datetime = Field(index=True)
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    sender: str = Field(max_length=300)  # Betrieb/Person or the typed name
    sender_email: str = Field(default="", max_length=EMAIL_MAX_LENGTH)
    subject: str = Field(max_length=300)
    assignee_id: int | None = Field(default=None, index=True)  # a staff member
    dokument_id: int | None = Field(default=None, foreign_key="dokument.id", ondelete="SET NULL")
    form_submission_id: int | None = Field(
        default=None, foreign_key="form_submission.id", ondelete="SET NULL"
    )
    pin_request_id: int | None = Field(
        default=None, foreign_key="pin_request.id", ondelete="SET NULL"
    )


class VorgangWort(SQLModel, table=True):
    """The words of an inbox item's sender, address and subject, case-folded: the text search
    finds items by word beginnings through this index (a LIKE '%…%' would read every item)."""

    __tablename__ = "vorgang_wort"

    wort: str = Field(max_length=100, primary_key=True)
    vorgang_id: int = Field(foreign_key="vorgang.id", primary_key=True, ondelete="CASCADE")


class VorgangEintrag(SQLModel, table=True):
    """The history of an inbox item: received, taken over, status, forwarded, answered."""

    __tablename__ = "vorgang_eintrag"

    id: int | None = Field(default=None, primary_key=True)
    vorgang_id: int = Field(foreign_key="vorgang.id", index=True, ondelete="CASCADE")
    at: datetime
    staff_id: int | None = None  # None: the portal (received)
    action: str = Field(max_length=30)
    note: str = Field(default="", max_length=4000)


class VorgangGelesen(SQLModel, table=True):
    """A staff member has opened an inbox item (the others see it unread until they do)."""

    __tablename__ = "vorgang_gelesen"

    vorgang_id: int = Field(foreign_key="vorgang.id", primary_key=True, ondelete="CASCADE")
    staff_id: int = Field(primary_key=True)


class PostfachNachricht(SQLModel, table=True):
    """A message from the chamber in a member's Postfach: an answer to an inbox item, or a
    document the chamber provided. The mail about it only says that there is something new."""

    __tablename__ = "postfach_nachricht"
    __table_args__ = (Index("ix_postfach_account_created", "account_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE")
    created_at: datetime
    subject: str = Field(max_length=300)
    body: str = Field(default="", max_length=20000)
    vorgang_id: int | None = Field(default=None, foreign_key="vorgang.id", ondelete="SET NULL")
    dokument_id: int | None = Field(default=None, foreign_key="dokument.id", ondelete="SET NULL")
    read_at: datetime | None = None


class PostfachAnhang(SQLModel, table=True):
    """A file attached to a Postfach message (stored like documents, in the private store)."""

    __tablename__ = "postfach_anhang"

    id: int | None = Field(default=None, primary_key=True)
    nachricht_id: int = Field(foreign_key="postfach_nachricht.id", index=True, ondelete="CASCADE")
    original_name: str = Field(max_length=200)
    stored_name: str = Field(max_length=64, unique=True)
    content_type: str = Field(max_length=100)
    size: int


class InboxDigest(SQLModel, table=True):
    """When a department's staff were last told of new inbox items (services/inbox_digest.py)."""

    __tablename__ = "inbox_digest"

    department: str = Field(max_length=30, primary_key=True)
    sent_at: datetime


class VerzeichnisWort(SQLModel, table=True):
    """The words of a Betrieb's or a Person's number, name, street, postcode and place,
    case-folded: the staff's Verzeichnis finds records by word beginnings through this index
    (services/verzeichnis.py), as the Eingang does with `vorgang_wort`."""

    __tablename__ = "verzeichnis_wort"

    wort: str = Field(max_length=100, primary_key=True)
    art: str = Field(max_length=10, primary_key=True)  # "betrieb" or "person"
    record_id: int = Field(primary_key=True)


class TeamEinladung(SQLModel, table=True):
    """An administrator's invitation of a colleague into a Betrieb's team (services/team.py):
    for one e-mail address, with roles, 7 days, single-use, void once withdrawn. Only the keyed
    hash of the link's token is stored."""

    __tablename__ = "team_einladung"

    id: int | None = Field(default=None, primary_key=True)
    betrieb_id: int = Field(foreign_key="betrieb.id", index=True, ondelete="CASCADE")
    email: str = Field(max_length=EMAIL_MAX_LENGTH)
    email_key: str = Field(max_length=EMAIL_MAX_LENGTH, index=True)
    rollen: str = Field(default="", max_length=100)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_by: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    created_at: datetime = Field(index=True)
    expires_at: datetime
    used_at: datetime | None = None
    used_by: int | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    withdrawn_at: datetime | None = None


# --- the members' second factor (services/member_totp.py) -------------------------------------


class MemberTotp(SQLModel, table=True):
    """A member's authenticator app: the TOTP secret sealed with the secret key
    (services/totp.py `seal`), in use once its first code confirmed it."""

    __tablename__ = "member_totp"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", unique=True, index=True, ondelete="CASCADE")
    totp_secret: str = Field(max_length=120)
    # the last accepted TOTP time step: a code works only once
    totp_last_step: int | None = None
    created_at: datetime
    confirmed_at: datetime | None = None


class MemberRecoveryCode(SQLModel, table=True):
    """A member's single-use recovery code instead of a TOTP code; only its keyed hash."""

    __tablename__ = "member_recovery_code"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    code_hash: str = Field(max_length=64, unique=True, index=True)
    used_at: datetime | None = None


# --- change of e-mail address, "Meine Daten" ----------------------------------------------------


class EmailChange(SQLModel, table=True):
    """A member's request to change the login address (services/email_change.py): a link to
    the new address (24 h, single use) makes the change; then the old address gets a link that
    undoes it (7 days). Only the keyed hashes of both links are stored. A newer request voids
    an older pending one (`voided_at`)."""

    __tablename__ = "email_change"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    old_email: str = Field(max_length=EMAIL_MAX_LENGTH)
    new_email: str = Field(max_length=EMAIL_MAX_LENGTH)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime
    expires_at: datetime
    confirmed_at: datetime | None = None
    voided_at: datetime | None = None
    undo_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)
    undo_until: datetime | None = None
    undone_at: datetime | None = None


class DataExport(SQLModel, table=True):
    """A "Meine Daten" archive made in the background for a large account
    (services/data_export.py): claimed by one worker, stored in the private file store under
    `stored_name`, offered for download until `expires_at`, then deleted with its file."""

    __tablename__ = "data_export"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    requested_at: datetime
    claimed_until: datetime | None = Field(default=None, index=True)
    finished_at: datetime | None = None
    stored_name: str | None = Field(default=None, max_length=64)
    size: int = 0
    expires_at: datetime | None = Field(default=None, index=True)
    failed_at: datetime | None = None


class BeitragStapel(SQLModel, table=True):
    """A batch of fee notices (Beitragsbescheide) uploaded by the department Beitrag as one ZIP:
    checked whole, then delivered once (services/beitrag.py). The ZIP stays in the private
    store between the check and the delivery (`zip_name`); `delivered_hash` is set at delivery
    and unique, so the same notices are delivered once however often they are uploaded."""

    __tablename__ = "beitrag_stapel"

    id: int | None = Field(default=None, primary_key=True)
    titel: str = Field(max_length=200)
    staff_id: int | None = Field(
        default=None, foreign_key="staff_account.id", index=True, ondelete="SET NULL"
    )
    checked_at: datetime = Field(index=True)
    zip_name: str = Field(default="", max_length=64)  # "" once delivered or discarded
    content_hash: str = Field(max_length=64, index=True)
    delivered_hash: str | None = Field(default=None, max_length=64, unique=True)
    delivered_at: datetime | None = None
    notices: int = 0
    messages: int = 0
    paper: int = 0


class BeitragBescheid(SQLModel, table=True):
    """One notice of a delivered batch: the provided document and the record it is for, and
    how many unlocked accounts got it (0: posted on paper)."""

    __tablename__ = "beitrag_bescheid"

    id: int | None = Field(default=None, primary_key=True)
    stapel_id: int = Field(foreign_key="beitrag_stapel.id", index=True, ondelete="CASCADE")
    dokument_id: int | None = Field(default=None, foreign_key="dokument.id", ondelete="SET NULL")
    betrieb_id: int | None = Field(default=None, foreign_key="betrieb.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    empfaenger: int = 0


class SepaEinzug(SQLModel, table=True):
    """One SEPA collection file (pain.008.001.02) made by the department Beitrag: the stored
    XML, the rows without an active mandate as CSV, sums; `submitted_at` once staff mark it
    as handed to the bank (only then do its mandates count as used: FRST → RCUR)."""

    __tablename__ = "sepa_einzug"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(index=True)
    staff_id: int | None = Field(
        default=None, foreign_key="staff_account.id", index=True, ondelete="SET NULL"
    )
    faellig_am: date
    csv_hash: str = Field(max_length=64)
    message_id: str = Field(max_length=35)
    file_name: str = Field(max_length=100)
    stored_name: str = Field(max_length=64, unique=True)
    skipped_name: str = Field(default="", max_length=64)  # CSV of rows without a mandate
    transactions: int = 0
    total_cents: int = 0
    skipped: int = 0
    submitted_at: datetime | None = None
    submitted_by: int | None = None  # a staff member


class SepaBuchung(SQLModel, table=True):
    """One direct debit of a collection file: which mandate, how much, FRST or RCUR."""

    __tablename__ = "sepa_buchung"

    id: int | None = Field(default=None, primary_key=True)
    einzug_id: int = Field(foreign_key="sepa_einzug.id", index=True, ondelete="CASCADE")
    mandat_id: int = Field(foreign_key="sepa_mandat.id", index=True)
    betrieb_id: int = Field(foreign_key="betrieb.id", index=True)
    amount_cents: int = Field(gt=0)
    sequence: str = Field(max_length=4)  # "FRST" or "RCUR"
    verwendungszweck: str = Field(max_length=140)
    end_to_end_id: str = Field(max_length=35)


class Lehrvertrag(SQLModel, table=True):
    """A Berufsausbildungsvertrag a Betrieb enters online (services/lehrvertrag.py): a draft
    while it is written, then submitted to the Lehrlingsrolle (an inbox item), perhaps asked
    back and resubmitted, finally registered with its Lehrlingsrolle number and the apprentice
    as a Person. What was entered is kept as JSON (`daten`), checked by the service."""

    __tablename__ = "lehrvertrag"

    id: int | None = Field(default=None, primary_key=True)
    betrieb_id: int = Field(foreign_key="betrieb.id", index=True)
    # who started it (then who last saved or submitted it); kept when the account goes
    account_id: int | None = Field(
        default=None, foreign_key="account.id", index=True, ondelete="SET NULL"
    )
    status: str = Field(default="entwurf", max_length=20)  # services/lehrvertrag.py STATUSES
    schritt: int = 1  # the wizard's step to resume at
    daten: str = "{}"  # the entered values, JSON
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None
    vorgang_id: int | None = Field(
        default=None, foreign_key="vorgang.id", index=True, ondelete="SET NULL"
    )
    rueckfrage: str = ""  # the Lehrlingsrolle's last question, while it is open
    # the values as last submitted, JSON ("" before the first time)
    eingereicht: str = Field(default="", sa_column_kwargs={"server_default": ""})
    lehrlingsrolle_nr: str | None = Field(default=None, max_length=20, unique=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    registered_at: datetime | None = None
