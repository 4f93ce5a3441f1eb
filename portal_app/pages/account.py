"""Mein Konto: the account's address, registration date, and what it is unlocked for."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.links import link_button
from portal_app.components.page import MANAGE, SERVICES, UNLOCKED_SERVICES, account_entries, page
from portal_app.state.account import AccountState


def _fact(label: str, value) -> rx.Component:
    return rx.fragment(rx.el.dt(label), rx.el.dd(value))


def _records(heading: str, items) -> rx.Component:
    """The Betriebe or Personen the account is unlocked for (nothing when there are none)."""
    return rx.cond(
        items.length() > 0,
        rx.el.section(
            rx.heading(heading, **styles.section_heading),
            rx.el.ul(rx.foreach(items, lambda item: rx.el.li(item))),
        ),
    )


def _teams() -> rx.Component:
    """A link to the team page of each of the account's Betriebe (routes.TEAM, pages/team.py)."""
    return rx.cond(
        AccountState.teams.length() > 0,
        rx.el.nav(
            rx.heading(texts.ACCOUNT_TEAMS, **styles.section_heading),
            rx.el.ul(
                rx.foreach(
                    AccountState.teams,
                    lambda row: rx.el.li(
                        rx.link(row["label"], href=row["href"]),
                        rx.cond(row["role"] != "", rx.text(" (", row["role"], ")", as_="span")),
                    ),
                ),
                class_name="link-list",
            ),
            aria_label=texts.ACCOUNT_TEAMS,
        ),
    )


def _link_group(heading: str, group: str) -> rx.Component:
    """One group of links to the pages that registered for it (components/page.py)."""
    return rx.el.nav(
        rx.heading(heading, **styles.section_heading),
        rx.el.ul(
            *[rx.el.li(rx.link(p.account_link, href=p.route)) for p in account_entries(group)],
            class_name="link-list",
        ),
        aria_label=heading,
    )


@page(routes.ACCOUNT, texts.ACCOUNT_TITLE, protected=True, on_load=[AccountState.load])
def account() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.ACCOUNT_TITLE, **styles.page_heading),
        rx.el.dl(
            _fact(texts.FIELD_EMAIL, AccountState.account_email),
            _fact(texts.ACCOUNT_SINCE, AccountState.registered_on),
            _fact(
                texts.ACCOUNT_UNLOCK_STATUS,
                rx.cond(AccountState.unlocked, texts.ACCOUNT_UNLOCKED, texts.ACCOUNT_NOT_UNLOCKED),
            ),
            aria_label=texts.ACCOUNT_DETAILS_LABEL,
            class_name="facts",
        ),
        _records(texts.ACCOUNT_BETRIEBE, AccountState.betriebe),
        _teams(),
        _records(texts.ACCOUNT_PERSONEN, AccountState.personen),
        _link_group(texts.ACCOUNT_SERVICES, SERVICES),
        rx.cond(
            AccountState.unlocked, _link_group(texts.ACCOUNT_UNLOCKED_SERVICES, UNLOCKED_SERVICES)
        ),
        rx.box(
            link_button(
                rx.cond(AccountState.unlocked, texts.UNLOCK_ANOTHER, texts.ACCOUNT_UNLOCK_NOW),
                routes.UNLOCK,
                variant="outline",
            ),
            margin_top="1.5rem",
        ),
        _link_group(texts.ACCOUNT_MANAGE_TITLE, MANAGE),
    )
