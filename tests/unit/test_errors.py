"""One error base: every service error a member may see is a PortalError, and errors that
belong to a form field name that field."""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

from portal_app import state as state_package
from portal_app import texts
from portal_app.services import (
    account_deletion,
    backup,
    booking,
    course_import,
    documents,
    files,
    forms,
    password_change,
    passwords,
    pins,
    register,
    registry,
    sepa,
    sessions,
    unlock,
    unsolicited_mail,
)
from portal_app.services.errors import PortalError
from tests.unit.docs_fixtures import key_of, registry_loaded, store, unlocked  # noqa: F401

PASSWORD = "Zimmerer bauen Dachstühle aus Fichte"

# Service exceptions no member ever sees, and why. Everything else a service defines must be a
# PortalError. An entry that becomes a PortalError (or disappears) must leave this list.
NOT_FOR_MEMBERS = {
    course_import.ImportFailed: "the operator's course import (portal kurse import)",
    course_import.CourseInvalid: "a course's values; the staff's form gets a CourseAdminError",
    registry.ImportFailed: "the operator's registry import (portal register import)",
    registry.ImportUnreadable: "the registry import; staff read it as VerzeichnisInputInvalid",
    pins.RecordNotFound: "the operator's PIN letter (portal pin issue)",
    documents.ProvideFailed: "the operator providing a document (portal dokument bereitstellen)",
    files.FileTooLarge: "a signal: the state names the file and the limit (services.documents)",
    files.StoreUnavailable: "a signal: the file's refusal names it (documents.store_unavailable)",
    unsolicited_mail.LimitReached: "a signal: the member gets the same answer either way",
    backup.BackupError: "the operator's backup (portal backup)",
    backup.RestoreRefused: "the operator's restore (portal restore)",
}


def service_exceptions() -> list[type[BaseException]]:
    """Every public exception class defined in a module of portal_app.services."""
    package = importlib.import_module("portal_app.services")
    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"portal_app.services.{info.name}")
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                found.append(value)
    return found


def test_the_services_define_their_exceptions():
    names = {cls.__qualname__ for cls in service_exceptions()}
    assert {"PortalError", "UploadRefused", "MandateRejected", "LoginFailed"} <= names


@pytest.mark.parametrize("error_class", service_exceptions(), ids=lambda c: c.__qualname__)
def test_every_service_error_for_members_is_a_portal_error(error_class):
    if error_class in NOT_FOR_MEMBERS:
        assert not issubclass(error_class, PortalError), "then drop it from NOT_FOR_MEMBERS"
    else:
        assert issubclass(error_class, PortalError), (
            f"{error_class.__module__}.{error_class.__qualname__} is not a PortalError; a member "
            "may see it (or list it in NOT_FOR_MEMBERS with the reason)"
        )


def test_the_old_bases_stay_for_existing_except_clauses():
    assert issubclass(booking.CourseNotFound, LookupError)
    assert issubclass(sepa.MandateRejected, ValueError)
    assert issubclass(passwords.PasswordMismatch, passwords.PasswordRejected)
    assert issubclass(sessions.LoginIncomplete, sessions.LoginFailed)


def _resolve(node: ast.expr, namespace: dict):
    """The object an except clause names (`X`, `module.X`), or None for anything else."""
    if isinstance(node, ast.Name):
        return namespace.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = _resolve(node.value, namespace)
        return getattr(owner, node.attr, None) if owner is not None else None
    return None


def caught_in_states() -> list[tuple[str, type]]:
    """(state module, class) for every service exception an except clause of a state names."""
    found = []
    for path in sorted(Path(state_package.__file__).parent.glob("*.py")):
        module = importlib.import_module(f"portal_app.state.{path.stem}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ExceptHandler) or node.type is None:
                continue
            names = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            for name in names:
                caught = _resolve(name, vars(module))
                if inspect.isclass(caught) and caught.__module__.startswith("portal_app.services"):
                    found.append((path.stem, caught))
    return found


def test_what_the_states_catch_from_the_services_is_for_members():
    caught = caught_in_states()
    assert len(caught) > 10, caught  # the walk found the states' except clauses
    wrong = [
        (module, cls.__qualname__)
        for module, cls in caught
        if not issubclass(cls, PortalError) and cls not in NOT_FOR_MEMBERS
    ]
    assert wrong == []


# --- errors at a field carry their field ---------------------------------------------------------


def _refused(call) -> PortalError:
    with pytest.raises(PortalError) as raised:
        call()
    return raised.value


def test_a_portal_error_without_a_field_belongs_to_the_page():
    error = PortalError("Etwas ging schief.")
    assert (error.message, error.field, error.errors) == ("Etwas ging schief.", None, {})
    assert str(error) == "Etwas ging schief."


def test_a_portal_error_names_one_or_several_fields():
    one = PortalError("Bitte wählen.", field="owner")
    assert (one.field, one.errors) == ("owner", {"owner": "Bitte wählen."})
    several = PortalError(texts.FORM_HAS_ERRORS, errors={"email": "a", "message": "b"})
    assert several.field == "email"  # the first field: it gets the focus
    assert several.errors == {"email": "a", "message": "b"}
    assert str(several) == texts.FORM_HAS_ERRORS


FIELD_ERRORS = [
    ("register: address", lambda: register.register("", True), "email", texts.EMAIL_EMPTY),
    (
        "register: consent",
        lambda: register.register("eder@schreinerei-example.de", False),
        "consent",
        texts.CONSENT_MISSING,
    ),
    (
        "new password",
        lambda: passwords.check_policy("kurz", "kurz"),
        "password",
        texts.PASSWORD_TOO_SHORT,
    ),
    (
        "repeated password",
        lambda: passwords.check_policy(PASSWORD, PASSWORD + "!"),
        "password_repeat",
        texts.PASSWORD_MISMATCH,
    ),
    (
        "SEPA: IBAN",
        lambda: sepa.check_iban("DE89 3704 0044 0532 0130 01"),
        "iban",
        texts.IBAN_BAD_CHECKSUM,
    ),
    ("SEPA: holder", lambda: sepa.check_holder(" "), "kontoinhaber", texts.KONTOINHABER_EMPTY),
    (
        "Betriebsnummer",
        lambda: registry.parse_betriebsnummer("12"),
        "betriebsnummer",
        texts.BETRIEBSNUMMER_INVALID,
    ),
    (
        "Kundennummer",
        lambda: registry.parse_kundennummer(""),
        "kundennummer",
        texts.KUNDENNUMMER_EMPTY,
    ),
]


@pytest.mark.parametrize(
    ("call", "field", "message"),
    [case[1:] for case in FIELD_ERRORS],
    ids=[case[0] for case in FIELD_ERRORS],
)
def test_an_error_at_a_field_names_the_field(call, field, message):
    error = _refused(call)
    assert (error.field, error.message, error.errors) == (field, message, {field: message})


def test_the_login_names_each_empty_field_at_once():
    error = _refused(lambda: sessions.login(" ", ""))
    assert isinstance(error, sessions.LoginIncomplete)
    assert error.errors == {"email": texts.EMAIL_EMPTY, "password": texts.LOGIN_PASSWORD_MISSING}


def test_a_failed_login_belongs_to_the_page(make_account):
    make_account("eder@schreinerei-example.de")
    error = _refused(lambda: sessions.login("eder@schreinerei-example.de", "falsch"))
    assert (type(error), error.field, error.message) == (
        sessions.LoginFailed,
        None,
        texts.LOGIN_FAILED,
    )


def test_the_online_forms_and_the_booking_name_every_bad_field():
    contact = _refused(lambda: forms.validate(forms.CONTACT, {}))
    assert list(contact.errors) == ["name", "email", "subject", "message", "consent"]
    assert contact.field == "name"
    participant = _refused(lambda: booking.check_participant("", "", "keine-adresse", False))
    assert list(participant.errors) == [
        "participant_name",
        "birth_date",
        "participant_email",
        "terms",
    ]


def test_unlock_and_the_pin_request_name_their_own_fields(member, registry_loaded):  # noqa: F811
    account_id = sessions.current_account(member("eder@schreinerei-example.de", PASSWORD)).id
    cases = [
        (lambda: unlock.unlock_betrieb(account_id, "", "ABCDEFGH"), "betriebsnummer"),
        (lambda: unlock.unlock_betrieb(account_id, "1234567", " "), "betriebsnummer-pin"),
        (lambda: unlock.unlock_person(account_id, "12345678", ""), "kundennummer-pin"),
        (lambda: unlock.request_new_pin(account_id, "", "1234567"), "art"),
        (lambda: unlock.request_new_pin(account_id, "betrieb", "12"), "nummer"),
        (lambda: unlock.request_new_pin(account_id, "person", ""), "nummer"),
    ]
    assert [_refused(call).field for call, _field in cases] == [field for _call, field in cases]
    wrong = _refused(lambda: unlock.unlock_betrieb(account_id, "1234567", "ABCDEFGH"))
    assert (wrong.field, wrong.message) == (None, texts.UNLOCK_FAILED)


def test_the_current_password_is_named_where_each_form_asks_for_it(member):
    token = member("eder@schreinerei-example.de", PASSWORD)
    account_id = sessions.current_account(token).id
    change = _refused(
        lambda: password_change.change_password(account_id, token, "falsch", PASSWORD, PASSWORD)
    )
    assert (change.field, change.message) == ("current_password", texts.CURRENT_PASSWORD_WRONG)
    deletion = _refused(lambda: account_deletion.delete_account(account_id, "falsch", True))
    assert (deletion.field, deletion.message) == ("password", texts.CURRENT_PASSWORD_WRONG)
    unconfirmed = _refused(lambda: account_deletion.delete_account(account_id, PASSWORD, False))
    assert (unconfirmed.field, unconfirmed.message) == ("confirm", texts.DELETE_CONFIRM_MISSING)


def test_the_upload_names_the_missing_choice(store, unlocked):  # noqa: F811
    account_id = unlocked()
    owner = _refused(lambda: documents.start_upload(account_id, "", "beitrag"))
    assert (owner.field, owner.message) == ("owner", texts.DOCUMENT_OWNER_MISSING)
    department = _refused(lambda: documents.start_upload(account_id, key_of(account_id), ""))
    assert (department.field, department.message) == (
        "department",
        texts.DOCUMENT_DEPARTMENT_MISSING,
    )


def test_the_mandate_names_the_consent_and_a_foreign_betrieb(store, unlocked):  # noqa: F811
    account_id = unlocked()
    key = key_of(account_id)
    consent = _refused(
        lambda: sepa.grant(account_id, key, "Schreinerei Eder", "DE89370400440532013000", False)
    )
    assert consent.field == "zustimmung"
    foreign = _refused(
        lambda: sepa.grant(account_id, "betrieb-999", "Eder", "DE89370400440532013000", True)
    )
    assert foreign.field == "betrieb"


def test_a_link_that_cannot_be_used_says_why_in_the_words_of_its_purpose():
    confirm = _refused(lambda: register.check_link("kein-gueltiger-link"))
    assert (confirm.field, confirm.message) == (None, texts.TOKEN_UNKNOWN)
