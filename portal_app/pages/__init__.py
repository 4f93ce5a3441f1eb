"""What each page looks like. Importing this package registers every page."""

from portal_app.pages import (
    account,
    account_deletion,
    demo_mailbox,
    help,
    home,
    legal,
    login,
    not_found,
    password_change,
    password_reset,
    register,
    session_list,
    unlock,
    welcome,
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
    "unlock",
    "welcome",
]
