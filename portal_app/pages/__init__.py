"""What each page looks like. Importing this package registers every page."""

from portal_app.pages import (
    account,
    course_detail,
    courses,
    demo_mailbox,
    forms,
    help,
    home,
    legal,
    login,
    my_bookings,
    not_found,
    register,
)

__all__ = [
    "account",
    "course_detail",
    "courses",
    "demo_mailbox",
    "forms",
    "help",
    "home",
    "legal",
    "login",
    "my_bookings",
    "not_found",
    "register",
]
