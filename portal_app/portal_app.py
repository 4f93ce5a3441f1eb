"""The Reflex app: every registered page inside the frame, the mail delivery loop, and the
HTTP layer around it (session cookie endpoints, /healthz, security headers on every response)."""

import logging

import reflex as rx
from reflex.constants import Dirs
from reflex.utils.prerequisites import get_web_dir

from portal_app import pages, styles  # noqa: F401  (importing pages registers them)
from portal_app.components.layout import frame
from portal_app.components.page import pages_for
from portal_app.components.toaster import toaster
from portal_app.services import data_export, inbox_digest, mail, marks, session_cookie
from portal_app.settings import settings
from portal_app.state import redis_lock
from portal_app.state.session import SessionState
from portal_app.state.unexpected import backend_exception_handler, frontend_exception_handler
from portal_app.state.worker import WorkerState
from portal_app.web import downloads, health
from portal_app.web.security_headers import SecurityHeaders
from portal_app.web.session_endpoints import endpoints
from portal_app.web.staff_session_endpoints import endpoints as staff_endpoints
from portal_app.web.upload_limit import UploadLimit

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
# Reflex compares the models with the database at every start; on PostgreSQL alembic then
# reports each sequence it sees. Migrations still log their steps ("Running upgrade …").
for chatty in ("alembic.ddl.postgresql", "alembic.runtime.plugins"):
    logging.getLogger(chatty).setLevel(logging.WARNING)


if settings.redis_url:
    redis_lock.install()  # before Reflex makes its state manager
marks.serve()  # this process answers the members' events (see services/marks.py)


def _with_security_headers(asgi_app):
    return SecurityHeaders(
        asgi_app, html_dir=lambda: get_web_dir() / Dirs.STATIC, https=session_cookie.SECURE
    )


app = rx.App(
    stylesheets=styles.STYLESHEETS,
    head_components=[rx.el.script(src=styles.SCRIPT)],
    html_lang="de",
    backend_exception_handler=backend_exception_handler,
    frontend_exception_handler=frontend_exception_handler,
    toaster=toaster(),
    api_transformer=[
        endpoints(),
        staff_endpoints(),
        health.endpoints(),
        downloads.endpoints(),
        UploadLimit,
        _with_security_headers,
    ],
)

for spec in pages_for(demo=settings.demo):
    if spec.staff:
        if spec.admin:
            session_check = SessionState.require_staff_admin
        elif spec.protected:
            session_check = SessionState.require_staff
        else:
            session_check = SessionState.check_staff_session
    elif spec.unlocked:
        session_check = SessionState.require_unlocked
    elif spec.protected:
        session_check = SessionState.require_login
    else:
        session_check = SessionState.check_session
    app.add_page(
        lambda spec=spec: frame(spec),
        route=spec.route,
        title=spec.document_title,
        on_load=[
            *([WorkerState.note_process] if settings.show_worker else []),
            session_check,
            *spec.on_load,
            SessionState.page_loaded,
        ],
    )

app.register_lifespan_task(mail.delivery_loop)
app.register_lifespan_task(inbox_digest.digest_loop)
app.register_lifespan_task(data_export.export_loop)
