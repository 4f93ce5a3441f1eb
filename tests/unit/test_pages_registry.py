"""The page registry: which pages the app serves, and what the navigation shows."""

from portal_app import pages, routes, texts  # noqa: F401  (importing pages registers them)
from portal_app.components.page import nav_entries, pages_for


def test_the_demo_mailbox_is_served_only_in_demo_mode():
    assert routes.DEMO_MAILBOX in {spec.route for spec in pages_for(demo=True)}
    assert routes.DEMO_MAILBOX not in {spec.route for spec in pages_for(demo=False)}


def test_every_other_page_is_served_in_both_modes():
    served = {spec.route for spec in pages_for(demo=False)}
    for route in (
        routes.HOME,
        routes.REGISTER,
        routes.REGISTER_CONFIRM,
        routes.LOGIN,
        routes.ACCOUNT,
        routes.HELP,
        routes.IMPRINT,
        routes.PRIVACY,
        routes.CONTACT,
    ):
        assert route in served  # fmt: skip


def test_the_account_and_unlock_pages_are_protected():
    protected = {spec.route for spec in pages_for(demo=True) if spec.protected}
    assert protected == {
        routes.ACCOUNT,
        routes.UNLOCK,
        routes.PIN_REQUEST,
        *(routes.DOCUMENTS, routes.VORLAGEN, routes.SEPA),  # issue 4
    }


def test_documents_vorlagen_and_sepa_are_for_unlocked_members_only():
    unlocked = {spec.route for spec in pages_for(demo=False) if spec.unlocked}
    assert unlocked == {routes.DOCUMENTS, routes.VORLAGEN, routes.SEPA}


def test_the_navigation_starts_with_the_start_page():
    assert nav_entries()[0].nav_label == texts.NAV_HOME
