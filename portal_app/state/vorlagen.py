"""Events of /vorlagen: the library by topic, downloads for unlocked members."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import documents, vorlagen
from portal_app.services.sessions import AccountView
from portal_app.state.downloads import hand_out
from portal_app.state.session import UNLOCKED, SessionState, guard, parse_id


class VorlagenState(SessionState):
    topics: list[str] = []
    entries: list[dict[str, str]] = []

    @guard(UNLOCKED)
    async def load(self, _account: AccountView):
        found = await asyncio.to_thread(vorlagen.grouped)
        self.topics = [thema for thema, _items in found]
        self.entries = [
            {
                "id": str(v.id),
                "thema": thema,
                "titel": v.titel,
                "beschreibung": v.beschreibung,
                "facts": f"{v.kind}, {documents.format_size(v.size)}",
                "download_label": texts.DOWNLOAD_LABEL.format(name=v.titel),
            }
            for thema, items in found
            for v in items
        ]

    @guard(UNLOCKED)
    async def download(self, account: AccountView, vorlage_id: int):
        try:
            found = await asyncio.to_thread(vorlagen.fetch, account.id, parse_id(vorlage_id))
        except vorlagen.VorlageNotFound:
            return rx.toast.error(texts.VORLAGE_NOT_FOUND)
        return await hand_out(self._session_token(), account.id, found)
