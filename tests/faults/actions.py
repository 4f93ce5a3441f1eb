"""What the members of the fault suite do, each as one or two websocket events of the portal,
and how an answer is told apart from a refusal."""

from __future__ import annotations

import json
import random

import httpx

from portal_app import texts
from tests.faults.load import Member, answer
from tests.reflex_wire import SESSION_STATE, ReflexWire
from tests.sample_files import PDF

DETAIL_STATE = f"{SESSION_STATE}.portal_app___state___course_detail____course_detail_state"
DOCUMENTS_STATE = f"{SESSION_STATE}.portal_app___state___documents____documents_state"
LOGIN_STATE = f"{SESSION_STATE}.portal_app___state___login____login_state"
REGISTER_STATE = f"{SESSION_STATE}.portal_app___state___register____register_state"
CHECK_SESSION = f"{SESSION_STATE}.check_session"
BOOKED, FULL = "booked", "full"
UPLOADED, UPLOAD_REFUSED = "uploaded", "refused: store unavailable"


def _shown(updates: list[dict]) -> str:
    return json.dumps(updates, ensure_ascii=False)


def check_session(wire: ReflexWire, _member: Member):
    seconds, updates = answer(wire, CHECK_SESSION)
    return seconds, updates, "read"


def either(*acts):
    """One of the actions after the other."""
    turns = {}

    def act(wire: ReflexWire, member: Member):
        turn = turns.get(member.number, 0)
        turns[member.number] = turn + 1
        return acts[turn % len(acts)](wire, member)

    return act


def course_page(course_ids: list[int]):
    """Open a course's page (a read of the catalogue)."""

    def act(wire: ReflexWire, member: Member):
        course_id = random.choice(course_ids)
        seconds, updates = answer(wire, f"{DETAIL_STATE}.load", path=f"/kurse/{course_id}")
        return seconds, updates, "read"

    return act


def booking(course_ids: list[int]):
    """Open a course's page and book it for oneself; what the page said."""

    def act(wire: ReflexWire, member: Member):
        course_id = random.choice(course_ids)
        path = f"/kurse/{course_id}"
        first, loaded = answer(wire, f"{DETAIL_STATE}.load", path=path)
        form = {"participant_name": f"Mitglied {member.number}", "birth_date": "1990-05-17",
                "terms": "on"}  # fmt: skip
        seconds, updates = answer(wire, f"{DETAIL_STATE}.book", {"form_data": form}, path=path)
        shown = _shown(updates)
        what = (
            BOOKED if texts.BOOKING_DONE in shown or texts.BOOKING_WAITING_DONE in shown else FULL
        )
        return first + seconds, loaded + updates, what

    return act


def login(password: str):
    """Log in from a fresh tab (the login page's form)."""

    def act(wire: ReflexWire, member: Member):
        payload = {"form_data": {"email": member.email, "password": password}}
        seconds, updates = answer(wire, f"{LOGIN_STATE}.submit", payload, path="/anmelden")
        return seconds, updates, "login"

    return act


def register(prefix: str):
    """Register a new address (its confirmation mail goes into the outbox)."""

    def act(wire: ReflexWire, member: Member):
        number = random.randrange(10**9)
        email = f"{prefix}-{member.number}-{number}@betrieb-test.example"
        payload = {"form_data": {"email": email, "consent": "on"}}
        seconds, updates = answer(wire, f"{REGISTER_STATE}.submit", payload, path="/registrieren")
        return seconds, updates, "registered"

    return act


def upload_pdf(base_url: str, size: int = 0):
    """Choose the Betrieb and department, then upload one PDF (padded to `size` bytes) over
    HTTP as the browser does, naming the tab's client token; what the page said after it."""

    def act(wire: ReflexWire, member: Member):
        first, _ = answer(wire, f"{DOCUMENTS_STATE}.load", path="/dokumente")
        answer(wire, f"{DOCUMENTS_STATE}.set_department", {"value": "beitrag"}, path="/dokumente")
        data = PDF + b" " * max(0, size - len(PDF))
        name = f"scan-{member.number}-{random.randrange(10**6)}.pdf"
        seconds, updates = _upload(wire, base_url, name, data)
        shown = _shown(updates)
        if texts.UPLOAD_DONE.split("}", 1)[1].split(".")[0] in shown:  # " Datei(en) gesendet"
            what = UPLOADED
        elif texts.DOCUMENT_STORE_UNAVAILABLE in shown:
            what = UPLOAD_REFUSED
        else:
            what = "upload refused otherwise"
        return first + seconds, updates, what

    return act


def _upload(wire: ReflexWire, base_url: str, name: str, data: bytes):
    import time

    from tests.faults.load import ANSWER_BOUND, Disconnected, wait_for

    started = time.perf_counter()
    try:
        response = httpx.post(
            f"{base_url}/_upload",
            headers={"reflex-client-token": wire.token,
                     "reflex-event-handler": f"{DOCUMENTS_STATE}.upload"},
            files=[("files", (name, data, "application/pdf"))],
            timeout=ANSWER_BOUND,
        )  # fmt: skip
    except httpx.TransportError as error:
        raise Disconnected from error
    updates = [{"http_status": response.status_code, "body": response.text[:500]}]
    # the page is done when the background handler's last update says "not uploading"
    done = wait_for(wire, '"uploading_rx_state_": false', started + ANSWER_BOUND)
    return time.perf_counter() - started, updates + done
