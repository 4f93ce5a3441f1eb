"""One event that reads a file and sends it to the browser base64-encoded over the websocket
(`rx.download(data=…)`), the way the portal handed out documents before streamed downloads.
The file is named by BENCH_DOWNLOAD_FILE."""

import asyncio
import os
from pathlib import Path

import reflex as rx


class DownloadState(rx.State):
    @rx.event
    async def download(self):
        path = Path(os.environ["BENCH_DOWNLOAD_FILE"])
        data = await asyncio.to_thread(path.read_bytes)
        return rx.download(data=data, filename=path.name, mime_type="application/pdf")


def index() -> rx.Component:
    return rx.button("Herunterladen", on_click=DownloadState.download)


app = rx.App()
app.add_page(index, route="/")
