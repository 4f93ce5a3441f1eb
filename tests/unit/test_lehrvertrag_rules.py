"""The rules of a Berufsausbildungsvertrag at their edges: minimum pay, Probezeit, leave of
minors, guardians, duration and its reason, the start date, the occupations' data file."""

from datetime import date

import pytest

from portal_app import texts
from portal_app.services import lehrvertrag_rules as rules

TODAY = date(2026, 7, 1)


def contract(**changes) -> dict[str, str]:
    """A contract that keeps every rule: an adult starting 1 August 2026 as Tischler/in."""
    values = {
        "vorname": "Lena", "nachname": "Brandl", "geburtsdatum": "14.03.2004",
        "strasse": "Bergweg 2", "plz": "83278", "ort": "Traunstein",
        "schulabschluss": "Mittlerer Schulabschluss", "vertreter": "",
        "beruf": "tischler", "beginn": "01.08.2026", "dauer": "36", "dauer_grund": "",
        "probezeit": "4", "wochenstunden": "40", "urlaubstage": "30",
        "verguetung_1": "724", "verguetung_2": "854", "verguetung_3": "977",
        "ausbilder_name": "Josef Eder", "ausbilder_qualifikation": "Tischlermeister",
        "ausbildungsstaette": "Werkstattweg 3, 83278 Traunstein",
    }  # fmt: skip
    values.update(changes)
    return values


def errors(**changes) -> dict[str, str]:
    return rules.check(contract(**changes), TODAY, 30).errors


def test_a_complete_contract_keeps_every_rule():
    assert errors() == {}


def test_pay_one_euro_below_the_minimum_of_a_year_is_refused_at_its_field():
    assert errors(verguetung_1="723")["verguetung_1"] == texts.LEHRVERTRAG_PAY_TOO_LOW.format(
        year=1, minimum="724,00 €", start=2026
    )
    assert "verguetung_3" in errors(verguetung_3="976,99")
    assert errors(verguetung_1="724,00", verguetung_3="977") == {}


def test_the_minimum_follows_the_year_training_starts():
    found = rules.check(contract(beginn="01.09.2025", verguetung_1="681"), date(2025, 8, 1), 30)
    assert "verguetung_1" in found.errors
    found = rules.check(contract(beginn="01.09.2025", verguetung_1="682"), date(2025, 8, 1), 30)
    assert found.errors == {}


def test_a_start_year_not_in_the_table_is_checked_with_the_latest_and_warns_the_staff():
    found = rules.check(contract(beginn="01.08.2027", verguetung_1="723"), TODAY, 30)
    assert "verguetung_1" in found.errors
    assert found.warnings == [texts.LEHRVERTRAG_PAY_TABLE_MISSING.format(year=2027, used=2026)]
    assert rules.check(contract(), TODAY, 30).warnings == []


@pytest.mark.parametrize("months", ["0", "5"])
def test_a_probezeit_outside_one_to_four_months_is_refused(months):
    assert errors(probezeit=months)["probezeit"] == texts.LEHRVERTRAG_PROBATION


@pytest.mark.parametrize("months", ["1", "4"])
def test_a_probezeit_of_one_or_four_months_is_fine(months):
    assert "probezeit" not in errors(probezeit=months)


@pytest.mark.parametrize(
    ("born", "least"),
    [("01.01.2011", 30), ("01.01.2010", 27), ("01.01.2009", 25)],  # 15, 16, 17 on 1.1.2026
)
def test_a_minors_leave_follows_the_age_at_the_start_of_the_year(born, least):
    guardian = "Maria Brandl, Bergweg 2, 83278 Traunstein"
    wrong = errors(geburtsdatum=born, vertreter=guardian, urlaubstage=str(least - 1))
    age = 2026 - int(born[-4:])
    assert wrong["urlaubstage"] == texts.LEHRVERTRAG_MINOR_LEAVE.format(
        age=age, year=2026, days=least
    )
    assert errors(geburtsdatum=born, vertreter=guardian, urlaubstage=str(least)) == {}


def test_an_adult_at_the_start_of_the_year_has_no_minors_minimum():
    assert "urlaubstage" not in errors(geburtsdatum="01.01.2008", urlaubstage="24")


def test_a_minor_without_guardian_is_refused_at_the_guardian_field():
    assert errors(geburtsdatum="02.08.2008")["vertreter"] == texts.LEHRVERTRAG_GUARDIAN_MISSING
    assert "vertreter" not in errors(geburtsdatum="01.08.2008")  # 18 on the first day


def test_a_longer_duration_needs_a_reason_and_a_shorter_one_too():
    assert errors(dauer="42")["dauer_grund"] == texts.LEHRVERTRAG_LONGER_NEEDS_REASON.format(
        months=36
    )
    assert errors(dauer="24")["dauer_grund"] == texts.LEHRVERTRAG_SHORTER_NEEDS_REASON.format(
        months=36
    )
    assert errors(dauer="42", dauer_grund="Teilzeitausbildung", verguetung_4="1014") == {}
    assert errors(dauer="24", dauer_grund="Abitur") == {}


def test_the_start_may_lie_in_the_past_only_as_far_as_the_setting_allows():
    assert "beginn" not in rules.check(contract(beginn="01.06.2026"), TODAY, 30).errors
    too_early = rules.check(contract(beginn="31.05.2026"), TODAY, 30).errors
    assert too_early["beginn"] == texts.LEHRVERTRAG_START_TOO_EARLY.format(
        days=30, date="01.06.2026"
    )


def test_a_minor_works_at_most_forty_hours_a_week():
    guardian = "Maria Brandl"
    assert "wochenstunden" in errors(geburtsdatum="02.01.2010", vertreter=guardian,
                                     wochenstunden="41")  # fmt: skip
    assert "wochenstunden" not in errors(wochenstunden="41")


def test_pay_is_asked_for_each_training_year_of_the_duration():
    assert "verguetung_4" in errors(beruf="elektroniker", dauer="42")
    assert rules.pay_years(contract(dauer="24", dauer_grund="Abitur")) == 2


def test_missing_values_are_named_at_their_fields():
    found = errors(vorname="", plz="8327", beruf="", schulabschluss="")
    assert found["vorname"] == texts.FORM_REQUIRED.format(label="Vorname")
    assert found["plz"] == texts.LEHRVERTRAG_PLZ_INVALID
    assert found["beruf"] == texts.FORM_OPTION_INVALID


def test_the_data_file_has_at_least_forty_occupations_and_names_its_source():
    found = rules.berufe()
    assert len(found) >= 40
    assert found["tischler"].months == 36 and found["kfz-mechatroniker"].months == 42
    assert "BIBB" in rules.source()
