"""The second factor's mechanics, shared by the chamber's staff and the members: TOTP codes
(RFC 6238, 30 s, one step of drift either way) that work only once, and single-use recovery
codes stored as keyed hashes. The TOTP secret is stored sealed with the portal's secret key,
so a copy of the database alone yields no codes.

A code is accepted only for a time step later than the last accepted one (`totp_last_step`),
written with a conditional UPDATE, so of two parallel tries with one code exactly one passes.

Each kind of account says where it keeps its factor with a `Holder`: the table with the
columns `id`, `totp_secret` and `totp_last_step`, and the table of its recovery codes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

import pyotp
import segno
from sqlmodel import Session, col, delete, func, select, update

from portal_app.services import clock, tokens
from portal_app.settings import settings

STEP_SECONDS = 30
DRIFT_STEPS = 1  # pyotp's valid_window=1: the step before and after count as well
RECOVERY_CODES = 10
# no look-alikes (0/O, 1/l/I), as the PINs
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
ISSUER = "Kundenportal HWK"


@dataclass(frozen=True)
class Holder:
    """Where one kind of account keeps its second factor.

    `table`: the row with `id`, `totp_secret` (sealed) and `totp_last_step`; `codes`: the
    recovery codes (`id`, the owner column `owner`, `code_hash`, `used_at`); `purpose`: what
    the codes' keyed hashes are made with, so one kind's code is never another's."""

    table: type
    codes: type
    owner: str
    purpose: str

    @property
    def owner_column(self):
        return getattr(self.codes, self.owner)


def new_secret() -> str:
    return pyotp.random_base32()


def _keystream(nonce: str, length: int) -> bytes:
    key = settings.secret_key.encode()
    stream = b""
    counter = 0
    while len(stream) < length:
        message = f"totp-secret:{nonce}:{counter}".encode()
        stream += hmac.new(key, message, hashlib.sha256).digest()
        counter += 1
    return stream[:length]


def seal(secret: str) -> str:
    """The secret as stored: a random nonce and the secret XORed with an HMAC key stream."""
    nonce = secrets.token_hex(8)
    raw = secret.encode("ascii")
    sealed = bytes(a ^ b for a, b in zip(raw, _keystream(nonce, len(raw)), strict=True))
    return f"{nonce}:{sealed.hex()}"


def unseal(stored: str | None) -> str:
    """The secret of a stored value ("" for none or a damaged one)."""
    nonce, _, sealed_hex = (stored or "").partition(":")
    try:
        sealed = bytes.fromhex(sealed_hex)
    except ValueError:
        return ""
    stream = _keystream(nonce, len(sealed))
    return bytes(a ^ b for a, b in zip(sealed, stream, strict=True)).decode("ascii", "replace")


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(secret: str, email: str) -> str:
    """The authenticator set-up as a QR code: an SVG made here, as a `data:` URI the page shows
    inline (the CSP allows images from `data:`; no third-party QR service sees the secret)."""
    code = segno.make(provisioning_uri(secret, email), error="m")
    return code.svg_data_uri(scale=5, dark="#000", light="#fff")


def grouped(secret: str) -> str:
    """The secret as people type it: groups of four."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def current_step() -> int:
    return int(clock.now().timestamp()) // STEP_SECONDS


def code_at(secret: str, step: int) -> str:
    return pyotp.TOTP(secret).at(step * STEP_SECONDS)


def _clean(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").casefold()


def matching_step(secret: str, code: str, after: int | None) -> int | None:
    """The time step (now, or one before or after) whose code this is, later than `after`."""
    typed = _clean(code)
    if not secret or len(typed) != 6 or not typed.isdigit():
        return None
    now = current_step()
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if (after is None or step > after) and hmac.compare_digest(code_at(secret, step), typed):
            return step
    return None


def use_totp(session: Session, holder: Holder, row, code: str) -> bool:
    """Accept a TOTP code once: True if it matches a step after the last accepted one, which
    it then becomes (in the caller's transaction). `row`: the holder's row."""
    step = matching_step(unseal(row.totp_secret), code, row.totp_last_step)
    if step is None:
        return False
    last = col(holder.table.totp_last_step)
    result = session.exec(
        update(holder.table)
        .where(holder.table.id == row.id)
        .where(last.is_(None) | (last < step))
        .values(totp_last_step=step)
    )
    return result.rowcount == 1


def looks_like_recovery_code(code: str) -> bool:
    return len(_clean(code)) == 10


def _recovery_hash(holder: Holder, owner_id: int, code: str) -> str:
    return tokens.hash_token(f"{holder.purpose}:{owner_id}:{_clean(code)}")


def new_recovery_codes(session: Session, holder: Holder, owner_id: int) -> list[str]:
    """Ten new recovery codes (the old ones are void); shown once, stored hashed."""
    delete_recovery_codes(session, holder, owner_id)
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
        session.add(
            holder.codes(
                **{holder.owner: owner_id}, code_hash=_recovery_hash(holder, owner_id, raw)
            )
        )
    return codes


def delete_recovery_codes(session: Session, holder: Holder, owner_id: int) -> None:
    session.exec(delete(holder.codes).where(holder.owner_column == owner_id))


def use_recovery_code(session: Session, holder: Holder, owner_id: int, code: str) -> bool:
    """Use a recovery code up: True once, False for an unknown or used one."""
    if not looks_like_recovery_code(code):
        return False
    result = session.exec(
        update(holder.codes)
        .where(holder.codes.code_hash == _recovery_hash(holder, owner_id, code))
        .where(holder.owner_column == owner_id)
        .where(col(holder.codes.used_at).is_(None))
        .values(used_at=clock.now())
    )
    return result.rowcount == 1


def recovery_codes_left(session: Session, holder: Holder, owner_id: int) -> int:
    return session.exec(
        select(func.count())
        .select_from(holder.codes)
        .where(holder.owner_column == owner_id)
        .where(col(holder.codes.used_at).is_(None))
    ).one()
