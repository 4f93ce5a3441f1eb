"""What each page looks like. Importing this package registers every page."""

from portal_app.pages import (
    account,
    demo_mailbox,
    help,
    home,
    legal,
    login,
    not_found,
    register,
    unlock,
    welcome,
)

__all__ = [
    "account",
    "demo_mailbox",
    "help",
    "home",
    "legal",
    "login",
    "not_found",
    "register",
    "unlock",
    "welcome",
]
