"""Empties an upload zone's list of chosen files when a state counter changes.

Reflex's `rx.clear_selected_files` sent from the server runs as a script the browser must
evaluate, which the portal's Content-Security-Policy forbids (no eval): the list stayed and
"Hochladen" would send the same files again. This hook is compiled into the page bundle and
calls the same function of Reflex's upload provider, without eval.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex.vars.base import VarData


class UploadReset(rx.Fragment):
    upload_id: str = ""
    trigger: rx.Var[int]

    def add_hooks(self) -> list:
        trigger = self.trigger
        code = (
            f"useEffect(() => {{ if ({trigger!s} > 0) "
            f"refs['__clear_selected_files']?.({json.dumps(self.upload_id)}); }}, [{trigger!s}]);"
        )
        return [
            rx.Var(
                code,
                _var_data=VarData.merge(
                    trigger._get_all_var_data(),
                    VarData(imports={"react": ["useEffect"], "$/utils/state": ["refs"]}),
                ),
            )
        ]


def upload_reset(upload_id: str, trigger: rx.Var[int]) -> rx.Component:
    return UploadReset.create(upload_id=upload_id, trigger=trigger)
