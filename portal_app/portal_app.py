"""The Reflex app: every registered page inside the frame, and the mail delivery loop."""

import logging

import reflex as rx

from portal_app import pages, styles  # noqa: F401  (importing pages registers them)
from portal_app.components.layout import frame
from portal_app.components.page import pages_for
from portal_app.services import mail
from portal_app.settings import settings
from portal_app.state.session import SessionState

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

app = rx.App(stylesheets=styles.STYLESHEETS, html_lang="de")

for spec in pages_for(demo=settings.demo):
    if spec.unlocked:
        session_check = SessionState.require_unlocked
    elif spec.protected:
        session_check = SessionState.require_login
    else:
        session_check = SessionState.check_session
    app.add_page(
        lambda spec=spec: frame(spec),
        route=spec.route,
        title=spec.full_title,
        on_load=[session_check, *spec.on_load],
    )

app.register_lifespan_task(mail.delivery_loop)
