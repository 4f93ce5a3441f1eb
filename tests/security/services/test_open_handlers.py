"""Every event handler can be called from any script with any arguments, so every one goes
through the one guard (`state/session.py` `guard`), except those named here: handlers of
visitors' pages and handlers that only reset what the page shows. A new handler without the
guard fails this test until it is guarded or added here with its reason."""

import reflex as rx

import portal_app.portal_app  # noqa: F401  (builds the app: every page and state registered)
from portal_app.state.session import GUARDED

# what a visitor may do (log in, register, reset a password, read the catalogue and the help)
VISITORS = {
    "courses.CatalogueState.apply",
    "courses.CatalogueState.go_to_page",
    "courses.CatalogueState.load",
    "courses.CatalogueState.reset_filters",
    "course_detail.CourseDetailState.choose",
    "help.HelpState.load",
    "help.HelpState.search",
    "login.LoginState.start_again",
    "login.LoginState.submit",
    "login.LoginState.submit_code",
    "password_reset.ForgotState.load",
    "password_reset.ForgotState.submit",
    "password_reset.ResetState.check_link",
    "password_reset.ResetState.load",
    "password_reset.ResetState.submit",
    "register.ConfirmState.check_link",
    "register.ConfirmState.load",
    "register.ConfirmState.submit",
    "register.RegisterState.load",
    "register.RegisterState.submit",
    "staff_login.StaffLoginState.load",
    "staff_login.StaffLoginState.submit_code",
    "staff_login.StaffLoginState.submit_password",
    "staff_setup.StaffSetupState.check_link",
    "staff_setup.StaffSetupState.load",
    "staff_setup.StaffSetupState.submit_code",
    "staff_setup.StaffSetupState.submit_password",
    "team.TeamInvitationState.check_link",
    "team.TeamInvitationState.load",
    "email_change.EmailConfirmState.load",
    "email_change.EmailUndoState.load",
}
# the session's own checks: they are what resolves the login (or end it)
SESSION = {
    f"session.SessionState.{name}"
    for name in (
        "check_session", "check_staff_session", "logout", "page_loaded", "require_login",
        "require_staff", "require_staff_admin", "require_unlocked", "resume", "staff_logout",
    )
}  # fmt: skip
# they only reset what the page shows (messages, a form's fields); no data, no change
RESETS = {
    "account_deletion.AccountDeletionState.load",
    "demo_mailbox.DemoMailboxState.load",
    "email_change.EmailChangeState.load",
    "forms.FormState.again",
    "forms.FormState.load",
    "password_change.PasswordChangeState.load",
    "unlock.PinRequestState.load",
    "unlock.UnlockState.another",
    "unlock.UnlockState.load",
    "unlock.UnlockState.switch_tab",
    "worker.WorkerState.note_process",
}
OPEN = VISITORS | SESSION | RESETS


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _handlers() -> set[str]:
    """Every handler the portal's states define (inherited ones counted where defined)."""
    found = set()
    for state in _subclasses(rx.State):
        if not state.__module__.startswith("portal_app.state."):
            continue
        for handler in state.event_handlers.values():
            module, qualname = handler.fn.__module__, handler.fn.__qualname__
            if qualname.split(".")[0] == state.__name__:
                found.add((module, qualname))
    return found


def test_every_handler_goes_through_the_guard_or_is_named_as_open():
    guarded = {(module, qualname) for module, qualname, _access in GUARDED}
    handlers = _handlers()
    assert len(handlers) > 150, "the states were not all imported"
    unguarded = {
        f"{module.removeprefix('portal_app.state.')}.{qualname}"
        for module, qualname in handlers - guarded
    }
    assert unguarded - OPEN == set(), "handlers without the guard"
    assert OPEN - unguarded == set(), "named as open, but guarded or gone: take them out"
