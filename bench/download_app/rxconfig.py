"""The baseline of `bench.downloads`: a file handed out as the portal did before tickets."""

import reflex as rx

config = rx.Config(app_name="download_app", telemetry_enabled=False, show_built_with_reflex=False)
