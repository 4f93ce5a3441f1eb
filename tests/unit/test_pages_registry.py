"""The page registry: which pages the app serves, and what the navigation shows."""

from portal_app import pages, routes, texts
from portal_app.components import page as registry
from portal_app.components.page import footer_entries, nav_entries, pages_for


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


def test_the_account_pages_unlock_and_forms_are_protected_and_the_catalogue_is_not():
    protected = {spec.route for spec in pages_for(demo=True) if spec.protected and not spec.staff}
    assert protected == {
        routes.ACCOUNT,
        routes.ACCOUNT_PASSWORD,
        routes.ACCOUNT_EMAIL,
        routes.ACCOUNT_SESSIONS,
        routes.ACCOUNT_SECOND_FACTOR,
        routes.MY_DATA,
        routes.ACCOUNT_DELETE,
        routes.UNLOCK,
        routes.PIN_REQUEST,
        routes.MY_BOOKINGS,
        routes.MY_REQUESTS,
        routes.POSTFACH,
        routes.FORMS,
        routes.form("beratungstermin"),
        routes.form("adressaenderung"),
        routes.DOCUMENTS,
        routes.VORLAGEN,
        routes.SEPA,
        routes.TEAM,
        routes.LOGIN_RENEWED,
        routes.LEHRVERTRAG_NEW,
        routes.LEHRVERTRAEGE,
    }
    assert routes.COURSES not in protected and routes.COURSE not in protected
    assert routes.CONTACT not in protected


def test_staff_pages_have_their_own_header_and_need_a_staff_login():
    staff = {spec.route: spec for spec in pages_for(demo=False) if spec.staff}
    assert set(staff) == {
        routes.STAFF_LOGIN,
        routes.STAFF_SETUP,
        routes.STAFF_INBOX,
        routes.STAFF_ITEM,
        routes.STAFF_TEAM,
        routes.STAFF_COURSES,
        routes.STAFF_COURSE_NEW,
        routes.STAFF_COURSE,
        routes.STAFF_VORLAGEN,
        routes.STAFF_AUDIT_LOG,
        routes.STAFF_MEMBER_ACCOUNTS,
        routes.STAFF_VERZEICHNIS,
        routes.STAFF_BETRIEB,
        routes.STAFF_PERSON,
        routes.STAFF_BEITRAG,
        routes.STAFF_LASTSCHRIFT,
    }
    assert staff[routes.STAFF_ITEM].protected and not staff[routes.STAFF_ITEM].admin
    assert staff[routes.STAFF_INBOX].protected and not staff[routes.STAFF_INBOX].admin
    assert staff[routes.STAFF_TEAM].protected and staff[routes.STAFF_TEAM].admin
    assert not staff[routes.STAFF_LOGIN].protected
    assert [spec.nav_label for spec in registry.staff_nav_entries()] == [
        texts.STAFF_INBOX_TITLE,
        texts.VERZEICHNIS_TITLE,
        texts.STAFF_TEAM_TITLE,
        texts.MEMBER_ACCOUNTS_NAV,
        texts.STAFF_COURSES_TITLE,
        texts.BEITRAG_NAV,
        texts.SEPA_COLLECTION_NAV,
        texts.STAFF_VORLAGEN_NAV,
        texts.AUDIT_LOG_TITLE,
    ]
    assert staff[routes.STAFF_VORLAGEN].admin and staff[routes.STAFF_AUDIT_LOG].admin
    assert staff[routes.STAFF_MEMBER_ACCOUNTS].admin
    for route in (routes.STAFF_COURSES, routes.STAFF_COURSE_NEW, routes.STAFF_COURSE):
        assert staff[route].protected and staff[route].departments == ("bildung",)
    assert staff[routes.STAFF_VERZEICHNIS].departments == (
        "handwerksrolle", "ausbildung", "beitrag",
    )  # fmt: skip
    for route in (routes.STAFF_BEITRAG, routes.STAFF_LASTSCHRIFT):
        assert staff[route].protected and staff[route].departments == ("beitrag",)
    member_links = {spec.route for spec in nav_entries() + footer_entries()}
    assert not member_links & set(staff)


def test_the_navigation_reads_start_page_courses_help_and_for_members_postfach():
    assert [(spec.nav_label, spec.protected) for spec in nav_entries()] == [
        (texts.NAV_HOME, False),
        (texts.NAV_COURSES, False),
        (texts.NAV_HELP, False),
        (texts.POSTFACH_TITLE, True),  # shown to logged-in members, with the unread count
    ]


def test_documents_vorlagen_sepa_a_betriebs_team_and_lehrvertraege_are_for_unlocked_members():
    unlocked = {spec.route for spec in pages_for(demo=False) if spec.unlocked}
    assert unlocked == {
        routes.DOCUMENTS,
        routes.VORLAGEN,
        routes.SEPA,
        routes.TEAM,
        routes.LEHRVERTRAG_NEW,
        routes.LEHRVERTRAEGE,
    }


def test_mein_konto_links_every_member_service_in_its_group():
    def linked(group):
        return [spec.route for spec in registry.account_entries(group)]

    assert linked(registry.SERVICES) == [
        routes.POSTFACH,
        routes.MY_BOOKINGS,
        routes.MY_REQUESTS,
        routes.FORMS,
        routes.COURSES,
    ]
    assert linked(registry.UNLOCKED_SERVICES) == [
        routes.DOCUMENTS,
        routes.VORLAGEN,
        routes.SEPA,
        routes.LEHRVERTRAG_NEW,
        routes.LEHRVERTRAEGE,
    ]
    assert linked(registry.MANAGE) == [
        routes.ACCOUNT_PASSWORD,
        routes.ACCOUNT_SECOND_FACTOR,
        routes.ACCOUNT_EMAIL,
        routes.ACCOUNT_SESSIONS,
        routes.MY_DATA,
        routes.ACCOUNT_DELETE,
    ]


def test_every_module_of_the_pages_package_is_registered_without_a_list():
    import pkgutil

    modules = {m.name for m in pkgutil.iter_modules(pages.__path__)}
    registered = {spec.render.__module__.rsplit(".", 1)[-1] for spec in registry.PAGES}
    assert modules == registered


def test_the_footer_is_built_from_the_registry_legal_pages_then_accessibility():
    entries = footer_entries()
    assert [(spec.footer_label, spec.route) for spec in entries] == [
        (texts.IMPRINT_TITLE, routes.IMPRINT),
        (texts.PRIVACY, routes.PRIVACY),
        (texts.CONTACT_TITLE, routes.CONTACT),
        (texts.FOOTER_ACCESSIBILITY, routes.ACCESSIBILITY),
        (texts.EASY_LANGUAGE_TITLE, routes.EASY_LANGUAGE),
        (texts.SIGN_LANGUAGE_TITLE, routes.SIGN_LANGUAGE),
    ]
    # every visitor reaches them, in both modes
    served = {spec.route for spec in pages_for(demo=False) if not spec.protected}
    assert {spec.route for spec in entries} <= served


def test_only_the_course_and_team_pages_have_a_title_that_follows_their_data():
    live = [spec.route for spec in pages_for(demo=True) if spec.live_title is not None]
    assert sorted(live) == sorted([routes.COURSE, routes.TEAM])
    course_page = next(spec for spec in pages_for(demo=True) if spec.route == routes.COURSE)
    assert course_page.document_title is course_page.live_title
    imprint = next(spec for spec in pages_for(demo=True) if spec.route == routes.IMPRINT)
    assert imprint.document_title == f"{texts.IMPRINT_TITLE} – {texts.SITE_TITLE}"
