"""The notification area (sonner's Toaster, which Reflex puts around every page): a German
name for its landmark instead of sonner's English "Notifications"."""

from __future__ import annotations

import reflex as rx

from portal_app import texts


def toaster() -> rx.Component:
    # sonner names the region "<containerAriaLabel> <hotkey>"; Reflex has no field for the
    # label, so it goes in as a plain prop of the React component.
    return rx.toast.provider(custom_attrs={"containerAriaLabel": texts.TOASTS_LABEL})
