"""Online forms: the list /formulare, one page per form definition, and "Meine Anfragen"."""

import reflex as rx

from portal_app import routes, styles, texts
from portal_app.components.online_form import online_form
from portal_app.components.page import page
from portal_app.state.forms import FORMS, HONEYPOT, FormSpec, FormState, MyRequestsState


def _href(spec: FormSpec) -> str:
    return spec.route or routes.form(spec.key)


@page(
    routes.FORMS,
    texts.FORMS_TITLE,
    protected=True,
    account_link=texts.FORMS_TITLE,
    account_order=30,
)
def form_list() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.FORMS_TITLE, **styles.page_heading),
        rx.text(texts.FORMS_INTRO, as_="p", margin_bottom="1rem"),
        rx.el.ul(
            *[
                rx.el.li(
                    rx.el.article(
                        rx.heading(rx.link(spec.title, href=_href(spec)), as_="h2", size="4"),
                        rx.text(spec.intro, as_="p"),
                        class_name="course",
                    )
                )
                for spec in FORMS.values()
            ],
            class_name="course-list",
        ),
        rx.text(
            rx.link(texts.MY_REQUESTS_TITLE, href=routes.MY_REQUESTS), as_="p", margin_top="1rem"
        ),
    )


def _form_page(spec: FormSpec):
    def render() -> rx.Component:
        return rx.fragment(
            rx.heading(spec.title, **styles.page_heading),
            rx.text(spec.intro, as_="p", margin_bottom="1rem"),
            online_form(spec, state=FormState, honeypot_name=HONEYPOT),
        )

    render.__name__ = f"form_{spec.key}"
    return render


for _spec in FORMS.values():
    if not _spec.route:  # the public forms live on their own pages (/kontakt, /barrierefreiheit)
        page(routes.form(_spec.key), _spec.title, protected=True, on_load=[FormState.load])(
            _form_page(_spec)
        )


def _request(item) -> rx.Component:
    return rx.el.li(
        rx.el.article(
            rx.heading(item.title, as_="h2", size="4"),
            rx.text(texts.MY_REQUESTS_SENT, " ", item.sent, as_="p", color_scheme="gray", size="2"),
            rx.cond(
                item.status != "",
                rx.text(f"{texts.COLUMN_STATUS}: ", item.status, as_="p", size="2"),
            ),
            rx.el.pre(item.summary, class_name="request__summary"),
            class_name="course",
        )
    )


@page(
    routes.MY_REQUESTS,
    texts.MY_REQUESTS_TITLE,
    protected=True,
    on_load=[MyRequestsState.load],
    account_link=texts.MY_REQUESTS_TITLE,
    account_order=20,
)
def my_requests() -> rx.Component:
    return rx.fragment(
        rx.heading(texts.MY_REQUESTS_TITLE, **styles.page_heading),
        rx.cond(
            MyRequestsState.requests.length() > 0,
            rx.el.ul(rx.foreach(MyRequestsState.requests, _request), class_name="course-list"),
            rx.text(texts.MY_REQUESTS_EMPTY, as_="p"),
        ),
        rx.text(rx.link(texts.FORMS_TITLE, href=routes.FORMS), as_="p", margin_top="1rem"),
    )
