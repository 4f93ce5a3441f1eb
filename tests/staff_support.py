"""Staff accounts for service tests: made and set up through the services, as the operator
and the set-up page do."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portal_app.services import staff, staff_login, staff_setup, totp
from portal_app.services.staff import StaffView

STAFF_PASSWORD = "Sachbearbeitung mit zwei Faktoren"


@dataclass
class SetUpStaff:
    id: int
    email: str
    secret: str
    recovery_codes: list[str]
    session_token: str

    def view(self) -> StaffView:
        return staff_login.current_staff(self.session_token)


def new_staff_email(prefix: str = "sachbearbeitung") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}@hwk-test.example"


def set_up_staff(
    *, admin: bool = False, departments=("handwerksrolle",), email: str = ""
) -> SetUpStaff:
    """A staff member created by the operator, set up from the link (password, authenticator
    confirmed with the current code), logged in once."""
    email = email or new_staff_email()
    staff_id, token = staff.create(
        email, "Erika Muster", is_admin=admin, department_keys=departments
    )
    enrollment = staff_setup.set_password(token, STAFF_PASSWORD, STAFF_PASSWORD)
    secret = enrollment.secret_text.replace(" ", "")
    done = staff_setup.confirm(token, totp.code_at(secret, totp.current_step()))
    return SetUpStaff(staff_id, email, secret, done.recovery_codes, done.session_token)
