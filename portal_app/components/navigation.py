"""Whole-page navigation driven by the state, without eval (the CSP forbids it).

`rx.redirect` moves inside the single-page app; the session cookie endpoints need a real page
load. This component compiles a hook into the page bundle: when `SessionState.navigate_to`
gets a URL, the browser loads it. The URL is remembered in sessionStorage, so a stale value
coming back with the state after the reload does not navigate twice.
"""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import VarData

from portal_app.state.session import SessionState

_SEEN = "kp_navigated"


class PageLoad(rx.Fragment):
    def add_hooks(self) -> list:
        target = SessionState.navigate_to
        code = (
            f"useEffect(() => {{ const to = {target!s}; "
            f"if (to && window.sessionStorage.getItem('{_SEEN}') !== to) {{ "
            f"window.sessionStorage.setItem('{_SEEN}', to); window.location.replace(to); }} "
            f"}}, [{target!s}]);"
        )
        return [
            rx.Var(
                code,
                _var_data=VarData.merge(
                    target._get_all_var_data(), VarData(imports={"react": ["useEffect"]})
                ),
            )
        ]


def page_load() -> rx.Component:
    return PageLoad.create()
