"""Open the FAQ entry (<details>) a deep link names, such as /hilfe#pin.

A hook compiled into the page bundle (no eval: the Content-Security-Policy forbids it). It
runs when the page mounts and whenever the address' #anchor changes.
"""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import VarData

_OPEN_ANCHORED_ENTRY = """useEffect(() => {
  const open = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const entry = id && document.getElementById(id);
    if (entry && entry.tagName === 'DETAILS') {
      entry.open = true;
      entry.scrollIntoView();
      entry.querySelector('summary').focus();
    }
  };
  open();
  window.addEventListener('hashchange', open);
  return () => window.removeEventListener('hashchange', open);
}, []);"""


class OpenAnchoredEntry(rx.Fragment):
    def add_hooks(self) -> list:
        return [rx.Var(_OPEN_ANCHORED_ENTRY, _var_data=VarData(imports={"react": ["useEffect"]}))]


def open_anchored_entry() -> rx.Component:
    return OpenAnchoredEntry.create()
