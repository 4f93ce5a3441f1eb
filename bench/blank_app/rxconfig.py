"""A blank Reflex counter app: the baseline the portal's numbers are compared against."""

import reflex as rx

config = rx.Config(app_name="blank_app", telemetry_enabled=False, show_built_with_reflex=False)
