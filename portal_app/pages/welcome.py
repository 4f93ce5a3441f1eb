"""Willkommen: the way in as a wizard — Registrieren → Anmelden → Freischalten.

The steps reuse the forms of their own pages; which step shows is decided on the server.
"""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.links import link_button, question_link
from portal_app.components.loading import until_loaded
from portal_app.components.page import page
from portal_app.components.stepper import stepper
from portal_app.pages.login import login_form
from portal_app.pages.register import register_form, sent_notice
from portal_app.pages.unlock import unlock_forms
from portal_app.state.register import RegisterState
from portal_app.state.unlock import UnlockState
from portal_app.state.welcome import FINISHED, LOGIN, REGISTER, UNLOCK, WelcomeState


def _step_heading(number: int) -> rx.Component:
    return rx.heading(f"{number}. {texts.WELCOME_STEP_NAMES[number - 1]}", **styles.section_heading)


def _register_step() -> rx.Component:
    return rx.fragment(
        _step_heading(REGISTER),
        rx.cond(
            RegisterState.sent_to != "",
            rx.fragment(
                sent_notice(),
                rx.text(texts.WELCOME_REGISTERED_NEXT, as_="p", margin_top="1rem"),
            ),
            rx.fragment(
                rx.text(texts.REGISTER_INTRO, as_="p", margin_bottom="1rem"),
                register_form(),
                question_link(
                    texts.WELCOME_HAVE_ACCOUNT, texts.WELCOME_TO_LOGIN, routes.WELCOME_LOGIN
                ),
            ),
        ),
    )


def _login_step() -> rx.Component:
    return rx.fragment(
        _step_heading(LOGIN),
        rx.text(texts.LOGIN_INTRO, as_="p", margin_bottom="1rem"),
        login_form(),
        question_link(texts.LOGIN_NO_ACCOUNT, texts.WELCOME_TO_REGISTER, routes.WELCOME),
    )


def _unlock_step() -> rx.Component:
    return rx.fragment(
        _step_heading(UNLOCK),
        rx.text(texts.UNLOCK_INTRO, as_="p", margin_bottom="1rem"),
        unlock_forms(),
        rx.cond(
            UnlockState.done_label == "",
            rx.box(rx.link(texts.WELCOME_SKIP_UNLOCK, href=routes.ACCOUNT), margin_top="1rem"),
        ),
    )


def _finished() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.WELCOME_FINISHED_TITLE, **styles.section_heading),
        rx.text(texts.WELCOME_FINISHED, as_="p", margin_bottom="1rem"),
        link_button(texts.ACCOUNT_TITLE, routes.ACCOUNT),
    )


@page(routes.WELCOME, texts.WELCOME_TITLE, on_load=[WelcomeState.load])
def welcome() -> rx.Component:
    current = rx.cond(UnlockState.done_label != "", FINISHED, WelcomeState.step)
    return rx.fragment(
        rx.heading(texts.WELCOME_TITLE, **styles.page_heading),
        until_loaded(
            rx.fragment(
                stepper(texts.WELCOME_STEP_NAMES, current, texts.WELCOME_STEPS_LABEL),
                rx.match(
                    WelcomeState.step,
                    (REGISTER, _register_step()),
                    (LOGIN, _login_step()),
                    (UNLOCK, _unlock_step()),
                    _finished(),
                ),
            )
        ),
    )
