"""The courses the e2e portal starts with, loaded through `portal kurse import` like an
operator would: a few named ones the tests look for, and enough others for three pages."""

from __future__ import annotations

from datetime import date, timedelta

HEADER = "kurs_nr;titel;kategorie;beschreibung;ort;beginn;ende;termine;preis;plaetze;anmeldeschluss"
WELDING = "WIG-Schweißen Edelstahl (E2E)"
WELDING_PLACE = "Technologiezentrum Nordhafen"
WAITLIST = "Asbest-Sachkunde nach TRGS 519 (ein Platz)"
BOOK_AND_CANCEL = "Kalkulation im Handwerk (E2E)"
DELETED_SEAT = "Gerüstbau-Unterweisung (ein Platz, E2E)"  # freed by an account's deletion
FILLERS = 24


def _row(code: str, title: str, category: str, place: str, starts: date, seats: int) -> str:
    deadline = starts - timedelta(days=3)
    return ";".join(
        [
            code,
            title,
            category,
            f"{title}: Kurs für die Tests.",
            place,
            starts.isoformat(),
            (starts + timedelta(days=2)).isoformat(),
            "Mo–Mi 8–16 Uhr",
            "1.490,00",
            str(seats),
            deadline.isoformat(),
        ]
    )


def csv_text(today: date) -> str:
    soon = today + timedelta(days=40)
    rows = [
        HEADER,
        _row("E2E-1", WELDING, "Sachkunde/Schweißen", WELDING_PLACE, soon, 8),
        _row("E2E-2", WELDING.replace("WIG", "MAG"), "Sachkunde/Schweißen", "Talheim", soon, 8),
        _row("E2E-3", BOOK_AND_CANCEL, "Betriebswirtschaft", "Musterstadt", soon, 50),
        _row("E2E-4", WAITLIST, "Sachkunde/Schweißen", "Musterstadt", soon, 1),
        _row("E2E-5", DELETED_SEAT, "Weiterbildung", "Musterstadt", soon, 1),
    ]
    rows += [
        _row(
            f"E2E-F{n}",
            f"Weiterbildung Nummer {n}",
            "Weiterbildung",
            "Musterstadt",
            today + timedelta(days=60 + n),
            20,
        )
        for n in range(FILLERS)
    ]
    return "\n".join(rows) + "\n"
