"""What each page looks like. Importing this package registers every page."""

from portal_app.pages import (
    account,
    demo_mailbox,
    documents,  # issue 4
    help,
    home,
    legal,
    login,
    not_found,
    register,
    sepa,  # issue 4
    unlock,
    vorlagen,  # issue 4
    welcome,
)

__all__ = [
    "account",
    "demo_mailbox",
    "documents",
    "help",
    "home",
    "legal",
    "login",
    "not_found",
    "register",
    "sepa",
    "unlock",
    "vorlagen",
    "welcome",
]
