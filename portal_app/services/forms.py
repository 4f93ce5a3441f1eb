"""Online forms: each form is one definition (fields, labels, checks, receiving department);
the page, the checks, the stored submission and both mails follow from it.

Submissions are rate-limited, counted in the database (survives restarts, holds across several
backend processes), never by anything the browser chooses:
- a logged-in member: per account (`PORTAL_FORM_LIMIT_PER_CLIENT` an hour), and nothing else,
  so no stranger can use up a member's share;
- a visitor: per client address (the same setting; the address Reflex reports, behind a proxy
  per `REFLEX_TRUSTED_PROXY_HOPS`, as the login throttle uses it), per typed sender address
  (`MAX_PER_ADDRESS`, counted as `emails.email_key` spells it) and all visitors together
  (`PORTAL_FORM_LIMIT_VISITORS`).
A filled honeypot field marks a bot: it gets the same answer as a person, but nothing is stored
or sent.

The receipt never repeats what was typed (a visitor may type anyone's address): it says that a
message arrived, when, and which form. A member's receipt goes to the account's confirmed
address, a visitor's to the typed one under the cap of `unsolicited_mail`. The department mail
says who sent it as the portal knows it (account, or "not logged in") and quotes every typed
value (`mail.quoted_fields`), so a line break in a value cannot forge a line of the mail.
An address change is taken only for a Betrieb the account is unlocked for; its mail names
that Freischaltung.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import col, func, select

from portal_app import routes, texts
from portal_app.models import Account, Betrieb, FormSubmission, Freischaltung, Vorgang
from portal_app.services import clock, db, departments, inbox, mail, registry, unsolicited_mail
from portal_app.services.dates import format_date, format_datetime, parse_date
from portal_app.services.db import unit_of_work
from portal_app.services.emails import EmailRejected, email_key, normalize_email
from portal_app.services.errors import PortalError
from portal_app.services.registry import NumberRejected
from portal_app.settings import settings

HONEYPOT = "website"
RATE_WINDOW = timedelta(hours=1)
MAX_PER_ADDRESS = 3  # a visitor's typed sender address
MEMBER_KEY = "konto:"  # client_key of a member's submission: "konto:<account id>"


class FormInvalid(PortalError, ValueError):
    """Some fields are wrong; `errors` maps field names to German messages."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(texts.FORM_HAS_ERRORS, errors=errors)


class FormUnknown(PortalError, LookupError):
    """No form with this key (or it needs a login the caller does not have)."""

    def __init__(self, key: str):
        super().__init__(texts.LOGIN_REQUIRED)
        self.key = key


class RateLimited(PortalError):
    """Too many submissions in the last hour: from this account, client address or sender
    address, or from all visitors together; the message says which."""


# --- checks: take the trimmed text, return the value to store or raise ValueError(message) -----


def _email(raw: str) -> str:
    try:
        return normalize_email(raw)
    except EmailRejected as error:
        raise ValueError(str(error)) from None


def _postcode(raw: str) -> str:
    if not re.fullmatch(r"\d{5}", raw):
        raise ValueError(texts.FORM_POSTCODE_INVALID)
    return raw


def _phone(raw: str) -> str:
    if not re.fullmatch(r"\+?[\d /()-]{6,30}", raw) or sum(c.isdigit() for c in raw) < 6:
        raise ValueError(texts.FORM_PHONE_INVALID)
    return raw


def _betriebsnummer(raw: str) -> str:
    """TS-1234567-0 or just the seven digits (the seed: the seven digits are enough)."""
    found = re.fullmatch(r"(?:[A-ZÄÖÜ]{1,3}-)?(\d{7})(?:-\d)?", raw.upper())
    if not found:
        raise ValueError(texts.FORM_BETRIEBSNUMMER_INVALID)
    return raw.upper()


# parse_date raises DateInvalid, a ValueError with the message for the field


def _future_date(raw: str) -> str:
    """A day after today, typed as TT.MM.JJJJ; stored and mailed the same way."""
    wanted = parse_date(raw)
    if wanted <= clock.today():
        raise ValueError(texts.FORM_DATE_NOT_FUTURE)
    return format_date(wanted)


def _any_date(raw: str) -> str:
    return format_date(parse_date(raw))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = "text"  # text, email, tel, date (text TT.MM.JJJJ), textarea, select, checkbox
    required: bool = True
    max_length: int = 200
    options: tuple[str, ...] = ()
    hint: str = ""
    autocomplete: str = "off"
    check: Callable[[str], str] | None = None


@dataclass(frozen=True)
class FormSpec:
    key: str
    title: str
    intro: str
    department: str  # name of the settings field with the department's address
    inbox_department: str  # whose staff inbox it reaches (services/departments.py)
    fields: tuple[FieldSpec, ...]
    public: bool = False  # open to visitors (the contact form, "Barriere melden")
    # the field `betriebsnummer` must name a Betrieb the account is unlocked for
    own_betrieb: bool = False
    route: str = ""  # the page that shows the form; empty: its own page under /formulare
    sent_text: str = texts.FORM_SENT  # the thank-you after sending

    @property
    def department_email(self) -> str:
        return getattr(settings, self.department)

    def field(self, name: str) -> FieldSpec:
        return next(spec for spec in self.fields if spec.name == name)


NAME = FieldSpec("name", texts.FORM_NAME, autocomplete="name", max_length=120)
EMAIL = FieldSpec(
    "email", texts.FIELD_EMAIL, kind="email", autocomplete="email", max_length=254, check=_email
)
PHONE = FieldSpec(
    "phone", texts.PHONE, kind="tel", required=False, autocomplete="tel", check=_phone
)
BETRIEBSNUMMER = FieldSpec(
    "betriebsnummer",
    texts.FIELD_BETRIEBSNUMMER,
    required=False,
    max_length=20,
    hint=texts.FORM_BETRIEBSNUMMER_HINT,
    check=_betriebsnummer,
)
CONSENT = FieldSpec("consent", texts.FORM_CONSENT, kind="checkbox")

CONTACT = FormSpec(
    key="kontaktanfrage",
    title=texts.FORM_CONTACT_TITLE,
    intro=texts.FORM_CONTACT_INTRO,
    department="mail_contact",
    inbox_department=departments.KONTAKT,
    public=True,
    route=routes.CONTACT,
    fields=(
        NAME,
        EMAIL,
        FieldSpec("subject", texts.FORM_SUBJECT, max_length=150),
        FieldSpec("message", texts.FORM_MESSAGE, kind="textarea", max_length=5000),
        CONSENT,
    ),
)
CONSULTING = FormSpec(
    key="beratungstermin",
    title=texts.FORM_CONSULTING_TITLE,
    intro=texts.FORM_CONSULTING_INTRO,
    department="mail_consulting",
    inbox_department=departments.SONSTIGES,
    fields=(
        NAME,
        FieldSpec("company", texts.FORM_COMPANY, autocomplete="organization", max_length=150),
        BETRIEBSNUMMER,
        EMAIL,
        PHONE,
        FieldSpec("topic", texts.FORM_TOPIC, kind="select", options=texts.FORM_TOPICS),
        FieldSpec(
            "preferred_date",
            texts.FORM_PREFERRED_DATE,
            kind="date",
            hint=texts.FORM_PREFERRED_DATE_HINT,
            check=_future_date,
        ),
        FieldSpec(
            "message",
            texts.FORM_CONSULTING_MESSAGE,
            kind="textarea",
            required=False,
            max_length=3000,
        ),
        CONSENT,
    ),
)
ADDRESS_CHANGE = FormSpec(
    key="adressaenderung",
    title=texts.FORM_ADDRESS_TITLE,
    intro=texts.FORM_ADDRESS_INTRO,
    department="mail_register",
    inbox_department=departments.HANDWERKSROLLE,
    own_betrieb=True,
    fields=(
        FieldSpec(
            "betriebsnummer",
            texts.FIELD_BETRIEBSNUMMER,
            max_length=20,
            hint=texts.FORM_BETRIEBSNUMMER_HINT,
            check=_betriebsnummer,
        ),
        FieldSpec("street", texts.FORM_STREET, autocomplete="street-address", max_length=150),
        FieldSpec(
            "postcode",
            texts.FORM_POSTCODE,
            autocomplete="postal-code",
            max_length=5,
            check=_postcode,
        ),
        FieldSpec("city", texts.FORM_CITY, autocomplete="address-level2", max_length=100),
        FieldSpec("valid_from", texts.FORM_VALID_FROM, kind="date", check=_any_date),
        EMAIL,
        PHONE,
        CONSENT,
    ),
)
# The feedback mechanism of BITV 2.0 § 7: anyone may report a barrier, anonymously if they wish;
# with an address they get a receipt and an answer. It reaches the contact department.
BARRIER = FormSpec(
    key="barriere",
    title=texts.FORM_BARRIER_TITLE,
    intro=texts.FORM_BARRIER_INTRO,
    department="mail_contact",
    inbox_department=departments.KONTAKT,
    public=True,
    route=routes.ACCESSIBILITY,
    sent_text=texts.FORM_BARRIER_SENT,
    fields=(
        FieldSpec(
            "where",
            texts.FORM_BARRIER_WHERE,
            required=False,
            max_length=300,
            hint=texts.FORM_BARRIER_WHERE_HINT,
        ),
        FieldSpec(
            "description",
            texts.FORM_BARRIER_DESCRIPTION,
            kind="textarea",
            max_length=5000,
            hint=texts.FORM_BARRIER_DESCRIPTION_HINT,
        ),
        FieldSpec(
            "name", texts.FORM_BARRIER_NAME, required=False, autocomplete="name", max_length=120
        ),
        FieldSpec(
            "email",
            texts.FORM_BARRIER_EMAIL,
            kind="email",
            required=False,
            autocomplete="email",
            max_length=254,
            check=_email,
        ),
    ),
)
FORMS: dict[str, FormSpec] = {
    spec.key: spec for spec in (CONTACT, CONSULTING, ADDRESS_CHANGE, BARRIER)
}


def form(key: str, logged_in: bool = True) -> FormSpec:
    spec = FORMS.get(key)
    if spec is None or not (spec.public or logged_in):
        raise FormUnknown(key)
    return spec


def validate(spec: FormSpec, raw: dict) -> dict[str, str]:
    """The cleaned values of every field, or FormInvalid with a message per bad field."""
    values, errors = {}, {}
    for field in spec.fields:
        value = raw.get(field.name)
        if field.kind == "checkbox":
            if value not in ("on", True, "true"):
                errors[field.name] = texts.FORM_CONSENT_MISSING
            continue
        text = str(value or "").strip()
        if field.kind != "textarea":
            text = " ".join(text.split())
        if not text:
            if field.required:
                message = texts.FORM_SELECT_REQUIRED if field.options else texts.FORM_REQUIRED
                errors[field.name] = message.format(label=field.label)
            continue
        if len(text) > field.max_length:
            errors[field.name] = texts.FORM_TOO_LONG.format(limit=field.max_length)
            continue
        if field.options and text not in field.options:
            errors[field.name] = texts.FORM_OPTION_INVALID
            continue
        try:
            values[field.name] = field.check(text) if field.check else text
        except ValueError as error:
            errors[field.name] = str(error)
    if errors:
        raise FormInvalid(errors)
    return values


def client_key(client_address: str, account_id: int | None) -> str:
    """Whom the limit counts a submission against: the member's account, else the visitor's
    client address (as a keyed hash: the table keeps no IP addresses)."""
    if account_id is not None:
        return f"{MEMBER_KEY}{account_id}"
    return hmac.new(
        settings.secret_key.encode(), b"form-client:" + client_address.encode(), hashlib.sha256
    ).hexdigest()


def _count_since(session, since: datetime, *conditions) -> int:
    return session.exec(
        select(func.count())
        .select_from(FormSubmission)
        .where(FormSubmission.created_at >= since, *conditions)
    ).one()


def _check_limits(session, *, client: str, sender_key: str, member: bool, now: datetime) -> None:
    """Raise RateLimited if the submission just written (and counted here) is one too many."""
    since = now - RATE_WINDOW
    if _count_since(session, since, FormSubmission.client_key == client) > (
        settings.form_limit_per_client
    ):
        raise RateLimited(texts.FORM_RATE_LIMITED)
    if member:
        return
    if (
        sender_key
        and _count_since(session, since, FormSubmission.sender_key == sender_key) > MAX_PER_ADDRESS
    ):
        raise RateLimited(texts.FORM_RATE_LIMITED)
    visitors = ~col(FormSubmission.client_key).startswith(MEMBER_KEY)
    if _count_since(session, since, visitors) > settings.form_limit_visitors:
        raise RateLimited(texts.FORM_RATE_LIMITED_VISITORS)


def _body(spec: FormSpec, values: dict[str, str]) -> str:
    """The filled fields as "Label: value" lines, for the member's own list of requests."""
    lines = [
        f"{field.label}: {values[field.name]}"
        for field in spec.fields
        if field.kind != "checkbox" and values.get(field.name)
    ]
    return "\n".join(lines)


def _typed(spec: FormSpec, values: dict[str, str]) -> str:
    """The filled fields for a mail, every typed value quoted (see `mail.quoted_fields`)."""
    return mail.quoted_fields(
        (field.label, values[field.name])
        for field in spec.fields
        if field.kind != "checkbox" and values.get(field.name)
    )


def _own_betrieb(session, account_id: int, raw_number: str) -> tuple[Betrieb, Freischaltung]:
    """The Betrieb the number names among those the account is unlocked for, or FormInvalid
    at the field: a Betrieb of someone else is not taken."""
    try:
        number = registry.parse_betriebsnummer(raw_number)
    except NumberRejected:
        raise FormInvalid({"betriebsnummer": texts.FORM_BETRIEBSNUMMER_INVALID}) from None
    candidates = {betrieb.id: betrieb for betrieb in registry.find_betriebe(session, number)}
    links = session.exec(
        select(Freischaltung)
        .where(Freischaltung.account_id == account_id)
        .where(col(Freischaltung.betrieb_id).in_(list(candidates) or [-1]))
    ).all()
    if not links:
        raise FormInvalid({"betriebsnummer": texts.FORM_BETRIEB_NOT_UNLOCKED})
    if len(links) > 1:
        raise FormInvalid({"betriebsnummer": texts.FORM_BETRIEB_AMBIGUOUS})
    return candidates[links[0].betrieb_id], links[0]


def _freischaltung_lines(betrieb: Betrieb, link: Freischaltung) -> str:
    return texts.MAIL_FORM_FREISCHALTUNG.format(
        target=registry.audit_target(betrieb),
        name=betrieb.name,
        date=format_date(link.created_at),
        street=betrieb.strasse,
        plz=betrieb.plz,
        ort=betrieb.ort,
    )


def _sender(account: Account | None, typed_sender: str) -> tuple[str, str]:
    """Who sent it as the portal knows it: for the department mail's subject, and its line."""
    if account is not None:
        line = texts.MAIL_FORM_FROM_MEMBER.format(email=account.email, account_id=account.id)
        return account.email, line
    if typed_sender:
        return typed_sender, texts.MAIL_FORM_FROM_VISITOR.format(sender=typed_sender)
    return texts.FORM_NO_SENDER, texts.MAIL_FORM_FROM_NOBODY


def submit(
    key: str,
    raw: dict,
    *,
    client_address: str,
    account_id: int | None = None,
) -> bool:
    """Check, store and mail a submission. Returns False for a bot (honeypot), True otherwise.
    `client_address`: where the request came from (the limit for visitors); `account_id`: the
    logged-in member, resolved by the guard on the server.

    Raises FormUnknown, FormInvalid, RateLimited.
    """
    spec = form(key, logged_in=account_id is not None)
    if str(raw.get(HONEYPOT) or "").strip():
        return False
    values = validate(spec, raw)
    member = account_id is not None
    client = client_key(client_address, account_id)
    now = clock.now()
    with unit_of_work() as session:
        account = session.get(Account, account_id) if member else None
        if member and account is None:
            raise FormUnknown(key)  # the account was deleted meanwhile
        origin = []
        if spec.own_betrieb:
            betrieb, link = _own_betrieb(session, account_id, values["betriebsnummer"])
            values["betriebsnummer"] = registry.format_betriebsnummer(betrieb)
            origin.append(_freischaltung_lines(betrieb, link))
        # A visitor may report a barrier without an address: then no receipt. A member's
        # typed address is only a contact detail for the department; the receipt goes to the
        # account's confirmed address.
        typed_sender = values.get("email", "")
        sender_key = "" if member else (email_key(typed_sender) if typed_sender else "")
        # Stored first, counted after (own row included): parallel submissions of one client
        # or sender wait for each other here, so the limits hold across workers.
        keys = [f"form-client:{client}"]
        if not member:
            keys += [f"form-sender:{sender_key}"] if sender_key else []
            keys.append("form-visitors")
        db.serialize(session, *keys)
        submission = FormSubmission(
            account_id=account_id,
            form_key=spec.key,
            department_email=spec.department_email,
            sender_key=sender_key,
            client_key=client,
            data=json.dumps(values, ensure_ascii=False),
            created_at=now,
        )
        session.add(submission)
        session.flush()
        _check_limits(session, client=client, sender_key=sender_key, member=member, now=now)
        when = format_datetime(now)
        named, sender_line = _sender(account, typed_sender)
        origin.insert(0, sender_line)
        inbox.receive(
            session,
            kind=inbox.KIND_CONTACT if spec.public else inbox.KIND_FORM,
            department=spec.inbox_department,
            account_id=account_id,
            sender=values.get("name") or named,
            sender_email=account.email if account else typed_sender,
            subject=spec.title,
            form_submission_id=submission.id,
        )
        mail.enqueue(
            session,
            spec.department_email,
            texts.MAIL_FORM_DEPARTMENT_SUBJECT.format(title=spec.title, sender=named),
            texts.MAIL_FORM_DEPARTMENT_BODY.format(
                title=spec.title, when=when, origin="\n".join(origin), fields=_typed(spec, values)
            ),
        )
        subject = texts.MAIL_FORM_RECEIPT_SUBJECT.format(title=spec.title)
        if member:
            body = texts.MAIL_FORM_RECEIPT_MEMBER_BODY.format(
                when=when, title=spec.title, link=settings.base_url + routes.MY_REQUESTS
            )
            mail.enqueue(session, account.email, subject, body)
        elif typed_sender:
            body = texts.MAIL_FORM_RECEIPT_BODY.format(when=when, title=spec.title)
            try:
                unsolicited_mail.enqueue(session, typed_sender, subject, body)
            except unsolicited_mail.LimitReached:
                raise RateLimited(texts.FORM_RATE_LIMITED) from None  # rolls everything back
    return True


@dataclass(frozen=True)
class SubmissionView:
    id: int
    title: str
    created_at: datetime
    summary: str
    status: str  # how far the chamber has got (services/inbox.py)


def submissions_of(account_id: int) -> list[SubmissionView]:
    """What this account has sent, newest first."""
    with unit_of_work() as session:
        rows = session.exec(
            select(FormSubmission)
            .where(FormSubmission.account_id == account_id)
            .order_by(col(FormSubmission.id).desc())
        ).all()
        status = inbox.member_status(session, Vorgang.form_submission_id, [r.id for r in rows])
        return [
            SubmissionView(
                row.id,
                FORMS[row.form_key].title if row.form_key in FORMS else row.form_key,
                row.created_at,
                _body(FORMS[row.form_key], json.loads(row.data)) if row.form_key in FORMS else "",
                status.get(row.id, ""),
            )
            for row in rows
        ]
