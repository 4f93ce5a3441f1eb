"""What each page looks like. Importing this package registers every page."""

from portal_app.pages import (
    account,
    account_deletion,  # issue 6
    demo_mailbox,
    help,
    home,
    legal,
    login,
    not_found,
    password_change,  # issue 6
    password_reset,  # issue 6
    register,
    session_list,  # issue 6
)

__all__ = [
    "account",
    "account_deletion",
    "demo_mailbox",
    "help",
    "home",
    "legal",
    "login",
    "not_found",
    "password_change",
    "password_reset",
    "register",
    "session_list",
]
