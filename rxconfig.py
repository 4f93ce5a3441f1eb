"""Reflex configuration. Every value can be overridden by a REFLEX_<FIELD> environment variable."""

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

from portal_app import styles
from portal_app.settings import settings
from portal_app.web import worker_respawn

worker_respawn.install()  # a killed backend worker is started again (see the module)

config = rx.Config(
    app_name="portal_app",
    db_url=settings.db_url,
    # the websocket and the HTTP API answer pages of these origins only (Socket.IO and CORS)
    cors_allowed_origins=settings.origins,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(**styles.THEME))],
    disable_plugins=[SitemapPlugin],
)
