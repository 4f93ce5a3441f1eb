"""A Betrieb's team: its people and roles; the administrator invites, sets roles, removes,
adds or hands over administration. And the page behind the invitation mail's link."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.forms import (
    alert,
    form,
    question,
    submit_button,
    success_panel,
    text_field,
)
from portal_app.components.link_token import LINK_TOKEN, checked_link_page
from portal_app.components.links import back_to_account, link_button
from portal_app.components.page import page
from portal_app.components.totp import second_factor_first
from portal_app.state.session import SessionState
from portal_app.state.team import ROLE_CHOICES, ROLE_FIELD, TeamInvitationState, TeamState


def _manages():
    """The administrator's controls: only with a second factor (services/team.py checks, too)."""
    return TeamState.i_am_admin & ~TeamState.needs_second_factor


def _role_boxes(id_prefix: str, legend, checked=None) -> rx.Component:
    """A checkbox per role in a fieldset; `checked(key)`: ticked at first."""
    boxes = []
    for key, label in ROLE_CHOICES:
        box_id = id_prefix + key
        boxes.append(
            rx.el.div(
                rx.el.input(
                    type="checkbox",
                    id=box_id,
                    name=ROLE_FIELD + key,
                    **({"default_checked": checked(key)} if checked else {}),
                ),
                rx.el.label(label, html_for=box_id),
                class_name="check",
            )
        )
    return rx.el.fieldset(
        rx.el.legend(legend, class_name="field__label"),
        rx.el.div(*boxes, class_name="department-choices"),
        class_name="field",
    )


def _admin_actions(row) -> rx.Component:
    """What the administrator may do with another person of the team."""
    return rx.cond(
        TeamState.confirm_remove == row["id"],
        question(
            row["remove_question"],
            rx.button(
                texts.STAFF_VORLAGE_REMOVE_YES,
                type="button",
                color_scheme="red",
                on_click=TeamState.remove(row["id"]),
            ),
            rx.button(
                texts.UPLOAD_CANCEL, type="button", variant="outline", on_click=TeamState.cancel
            ),
        ),
        rx.fragment(
            rx.cond(
                row["admin"] != "1",
                form(
                    rx.el.input(type="hidden", name="member_id", value=row["id"]),
                    _role_boxes(
                        "rolle-" + row["id"] + "-",
                        row["roles_label"],
                        lambda key: row["keys"].contains("," + key + ","),
                    ),
                    rx.button(
                        texts.TEAM_SAVE_ROLES, type="submit", variant="soft", width="fit-content"
                    ),
                    on_submit=TeamState.save_roles,
                    label=row["roles_label"],
                    key=row["keys"],
                ),
            ),
            rx.flex(
                rx.cond(
                    row["admin"] != "1",
                    rx.button(
                        texts.TEAM_MAKE_ADMIN,
                        type="button",
                        variant="outline",
                        aria_label=row["admin_label"],
                        on_click=TeamState.make_admin(row["id"]),
                    ),
                ),
                rx.button(
                    texts.TEAM_REMOVE,
                    type="button",
                    color_scheme="red",
                    variant="outline",
                    aria_label=row["remove_label"],
                    on_click=TeamState.ask_remove(row["id"]),
                ),
                gap="1rem",
                wrap="wrap",
                margin_top="0.75rem",
            ),
        ),
    )


def _member_card(row) -> rx.Component:
    return rx.el.article(
        rx.heading(row["name"], as_="h3", size="4"),
        rx.text(texts.TEAM_INVITE_ROLES, ": ", row["roles"], as_="p"),
        rx.cond(_manages() & (row["me"] != "1"), _admin_actions(row)),
        class_name="staff-card",
        aria_label=row["email"],
    )


def _invite_form() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.TEAM_INVITE_HEADING, **styles.section_heading),
        form(
            text_field(
                "email",
                texts.TEAM_INVITE_EMAIL,
                TeamState.errors.get("email", ""),
                kind="email",
                autocomplete="off",
            ),
            _role_boxes("einladung-rolle-", texts.TEAM_INVITE_ROLES),
            rx.cond(
                TeamState.errors.contains("rollen"),
                rx.el.p(TeamState.errors["rollen"], role="alert", class_name="field__error"),
            ),
            submit_button(texts.TEAM_INVITE_SEND),
            on_submit=TeamState.invite,
            label=texts.TEAM_INVITE_HEADING,
            key=TeamState.invite_form_key,
        ),
    )


def _invitations() -> rx.Component:
    return rx.el.section(
        rx.heading(texts.TEAM_INVITATIONS, **styles.section_heading),
        rx.cond(
            TeamState.invitations.length() > 0,
            rx.el.ul(
                rx.foreach(
                    TeamState.invitations,
                    lambda row: rx.el.li(
                        rx.text(row["line"], as_="span"),
                        " ",
                        rx.button(
                            texts.TEAM_WITHDRAW,
                            type="button",
                            variant="outline",
                            size="1",
                            aria_label=row["withdraw_label"],
                            on_click=TeamState.withdraw(row["id"]),
                        ),
                    ),
                ),
                class_name="link-list",
            ),
            rx.text(texts.TEAM_NO_INVITATIONS, as_="p"),
        ),
    )


def _own_actions() -> rx.Component:
    return rx.cond(
        TeamState.confirm_leave,
        question(
            texts.TEAM_LEAVE_CONFIRM,
            rx.button(
                texts.TEAM_LEAVE_YES, type="button", color_scheme="red", on_click=TeamState.leave
            ),
            rx.button(
                texts.UPLOAD_CANCEL, type="button", variant="outline", on_click=TeamState.cancel
            ),
        ),
        rx.flex(
            rx.cond(
                TeamState.i_am_admin,
                rx.button(
                    texts.TEAM_STEP_DOWN,
                    type="button",
                    variant="outline",
                    on_click=TeamState.step_down,
                ),
            ),
            rx.button(
                texts.TEAM_LEAVE,
                type="button",
                variant="outline",
                color_scheme="red",
                on_click=TeamState.ask_leave,
            ),
            gap="1rem",
            wrap="wrap",
            margin_top="1.5rem",
        ),
    )


@page(
    routes.TEAM,
    texts.TEAM_TITLE,
    unlocked=True,
    on_load=[TeamState.load],
    live_title=TeamState.heading + " – " + texts.SITE_TITLE,
)
def team_page() -> rx.Component:
    return rx.fragment(
        rx.heading(TeamState.heading, **styles.page_heading),
        rx.cond(TeamState.betrieb_name != "", rx.text(TeamState.betrieb_name, as_="p")),
        rx.cond(TeamState.done != "", success_panel(None, TeamState.done)),
        alert(TeamState.problem),
        rx.cond(
            TeamState.found,
            rx.fragment(
                rx.text(texts.TEAM_INTRO, as_="p", margin_top="0.5rem"),
                rx.text(texts.TEAM_ROLES_HELP, as_="p", margin_top="0.5rem"),
                rx.el.section(
                    rx.heading(texts.TEAM_PEOPLE, **styles.section_heading),
                    rx.foreach(TeamState.members, _member_card),
                ),
                rx.cond(_manages(), rx.fragment(_invite_form(), _invitations())),
                rx.cond(
                    TeamState.i_am_admin & TeamState.needs_second_factor,
                    second_factor_first(
                        texts.TEAM_SECOND_FACTOR_TEXT, TeamState.second_factor_href
                    ),
                ),
                _own_actions(),
            ),
        ),
        back_to_account(),
    )


def _invitation_body() -> rx.Component:
    return rx.cond(
        TeamInvitationState.accepted != "",
        success_panel(
            None,
            TeamInvitationState.accepted,
            actions=(link_button(texts.HOME_START_ACCOUNT, routes.ACCOUNT),),
        ),
        rx.fragment(
            alert(TeamInvitationState.problem),
            rx.cond(
                TeamInvitationState.betrieb != "",
                rx.fragment(
                    rx.text(TeamInvitationState.betrieb, as_="p"),
                    rx.text(TeamInvitationState.invited_email, as_="p", margin_top="0.5rem"),
                    rx.cond(
                        SessionState.logged_in,
                        rx.button(
                            texts.TEAM_INVITATION_ACCEPT,
                            type="button",
                            size="3",
                            margin_top="1rem",
                            on_click=TeamInvitationState.accept(LINK_TOKEN),
                        ),
                        rx.fragment(
                            rx.text(texts.TEAM_INVITATION_LOGIN_FIRST, as_="p", margin_top="1rem"),
                            rx.flex(
                                link_button(
                                    texts.LOGIN_TITLE, routes.login(routes.TEAM_INVITATION)
                                ),
                                link_button(
                                    texts.REGISTER_TITLE, routes.REGISTER, variant="outline"
                                ),
                                gap="1rem",
                                wrap="wrap",
                                margin_top="1rem",
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )


@page(
    routes.TEAM_INVITATION,
    texts.TEAM_INVITATION_TITLE,
    on_load=[TeamInvitationState.load],
    linked=False,  # the link in the invitation mail
)
def team_invitation() -> rx.Component:
    checking = rx.text(texts.LINK_CHECKING, role="status")
    return rx.fragment(
        rx.heading(texts.TEAM_INVITATION_TITLE, **styles.page_heading),
        checked_link_page(
            rx.cond(TeamInvitationState.checked, _invitation_body(), checking),
            TeamInvitationState.check_link,
            checking,
        ),
    )
