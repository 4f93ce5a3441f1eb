"""A Lehrvertrag entered step by step through the service, as the wizard does (unit tests and
the backup's populated portal)."""

from datetime import timedelta

from portal_app.services import clock, dates, lehrvertrag


def step_values(start: str) -> list[dict[str, str]]:
    return [
        {},  # the Betrieb: filled in by the test
        {"vorname": "Lena", "nachname": "Brandl", "geburtsdatum": "14.03.2004",
         "strasse": "Bergweg 2", "plz": "83278", "ort": "Traunstein",
         "schulabschluss": "Mittlerer Schulabschluss", "vertreter": ""},
        {"beruf": "tischler", "beginn": start, "dauer": "36", "dauer_grund": ""},
        {"probezeit": "4", "wochenstunden": "40", "urlaubstage": "30"},
        {"verguetung_1": "900", "verguetung_2": "1000", "verguetung_3": "1100"},
        {"ausbilder_name": "Josef Eder", "ausbilder_qualifikation": "Tischlermeister",
         "ausbildungsstaette": "Werkstattweg 3, 83278 Traunstein"},
    ]  # fmt: skip


def fill_in(account_id: int) -> int:
    """A whole contract entered step by step; returns its id."""
    start = dates.format_date(clock.today() + timedelta(days=20))
    [choice] = [b for b in lehrvertrag.betriebe(account_id) if "1234567-0" in b.label]
    contract_id = None
    for number, values in enumerate(step_values(start), start=1):
        if number == 1:
            values = {"betrieb": str(choice.id)}
        saved = lehrvertrag.save_step(account_id, contract_id, number, values)
        assert saved.errors == {}, saved.errors
        assert saved.step == number + 1
        contract_id = saved.id
    return contract_id
