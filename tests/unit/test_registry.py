"""Registry: the spellings of Betriebsnummer and Kundennummer, and the all-or-nothing CSV import."""

import pytest
from sqlmodel import select

from portal_app import texts
from portal_app.models import Betrieb, Person
from portal_app.services import registry
from portal_app.services.db import unit_of_work
from portal_app.services.registry import ImportFailed, NumberRejected

BETRIEBE = """kreis;betriebsnummer;filiale;name;strasse;plz;ort;eintragung
TS;1234567;0;Schreinerei Eder GmbH;Werkstattweg 3;83278;Traunstein;handwerksrolle
TS;1234567;1;Schreinerei Eder, Filiale;Hauptstraße 12;83313;Siegsdorf;handwerksrolle
"""


def all_of(model):
    with unit_of_work() as session:
        return list(session.exec(select(model)))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234567", (None, "1234567", None)),
        ("TS-1234567-0", ("TS", "1234567", "0")),
        ("ts-1234567-0", ("TS", "1234567", "0")),
        (" TS 1234567 0 ", ("TS", "1234567", "0")),
        ("TS1234567", ("TS", "1234567", None)),
        ("1234567-2", (None, "1234567", "2")),
        ("bgl-7654321-0", ("BGL", "7654321", "0")),
    ],
)
def test_a_betriebsnummer_is_accepted_in_every_usual_spelling(raw, expected):
    parsed = registry.parse_betriebsnummer(raw)
    assert (parsed.kreis, parsed.nummer, parsed.filiale) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", texts.BETRIEBSNUMMER_EMPTY),
        ("   ", texts.BETRIEBSNUMMER_EMPTY),
        ("123456", texts.BETRIEBSNUMMER_INVALID),
        ("123456789", texts.BETRIEBSNUMMER_INVALID),
        ("ABCD-1234567-0", texts.BETRIEBSNUMMER_INVALID),
        ("TS-1234567-01", texts.BETRIEBSNUMMER_INVALID),
        ("<script>1234567</script>", texts.BETRIEBSNUMMER_INVALID),
        ("1234567; DROP TABLE betrieb", texts.BETRIEBSNUMMER_INVALID),
    ],
)
def test_anything_else_is_refused_with_a_message(raw, message):
    with pytest.raises(NumberRejected, match=message):
        registry.parse_betriebsnummer(raw)


def test_a_kundennummer_has_eight_digits_and_may_contain_spaces():
    assert registry.parse_kundennummer(" 1234 5678 ") == "12345678"
    for bad in ("1234567", "123456789", "1234567a"):
        with pytest.raises(NumberRejected, match=texts.KUNDENNUMMER_INVALID):
            registry.parse_kundennummer(bad)
    with pytest.raises(NumberRejected, match=texts.KUNDENNUMMER_EMPTY):
        registry.parse_kundennummer("")


def test_betriebe_are_imported_and_a_reimport_updates_instead_of_duplicating():
    assert registry.import_betriebe(BETRIEBE) == registry.ImportResult(added=2, updated=0)

    renamed = BETRIEBE.replace("Schreinerei Eder GmbH", "Schreinerei Eder & Sohn GmbH")
    assert registry.import_betriebe(renamed) == registry.ImportResult(added=0, updated=2)

    names = sorted(b.name for b in all_of(Betrieb))
    assert names == ["Schreinerei Eder & Sohn GmbH", "Schreinerei Eder, Filiale"]


def test_the_seven_digits_alone_find_every_branch_and_the_full_number_one():
    registry.import_betriebe(BETRIEBE)
    with unit_of_work() as session:
        assert len(registry.find_betriebe(session, registry.parse_betriebsnummer("1234567"))) == 2
        one = registry.find_betriebe(session, registry.parse_betriebsnummer("TS-1234567-1"))
        assert [b.ort for b in one] == ["Siegsdorf"]


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("TS;123;0;Kurz;Weg 1;83278;Traunstein;handwerksrolle", "betriebsnummer"),
        ("TS;7777777;0;Ohne Art;Weg 1;83278;Traunstein;irgendwas", "eintragung"),
        ("TS;7777777;0;;Weg 1;83278;Traunstein;handwerksrolle", "name fehlt"),
        ("TS;7777777;0;Plz;Weg 1;8327;Traunstein;handwerksrolle", "plz"),
        ("TS;1234567;0;Doppelt;Weg 1;83278;Traunstein;handwerksrolle", "doppelt"),
    ],
)
def test_a_bad_row_names_its_line_and_nothing_of_the_file_is_imported(bad_line, problem):
    text = BETRIEBE + bad_line + "\n"
    with pytest.raises(ImportFailed, match=problem) as failure:
        registry.import_betriebe(text)
    assert failure.value.line == 4
    assert all_of(Betrieb) == []


def test_a_file_without_the_required_columns_is_refused():
    with pytest.raises(ImportFailed, match="Spalten fehlen"):
        registry.import_betriebe("name;ort\nEder;Traunstein\n")


def test_personen_import_accepts_german_and_iso_dates_and_comma_separated_files():
    text = (
        "kundennummer,art,name,geburtsdatum,strasse,plz,ort\n"
        "12345678,lehrling,Lena Bauer,14.03.2008,Schulgasse 2,83278,Traunstein\n"
        "23456789,bildungskunde,Jonas Weber,1994-11-02,Bergstraße 17,83209,Prien\n"
    )
    assert registry.import_personen(text).added == 2
    births = sorted(str(p.geburtsdatum) for p in all_of(Person))
    assert births == ["1994-11-02", "2008-03-14"]


def test_a_person_with_an_unknown_kind_or_a_bad_date_is_refused():
    header = "kundennummer;art;name;geburtsdatum;strasse;plz;ort\n"
    with pytest.raises(ImportFailed, match="art"):
        registry.import_personen(header + "12345678;meister;X;01.01.2000;W 1;83278;T\n")
    with pytest.raises(ImportFailed, match="geburtsdatum"):
        registry.import_personen(header + "12345678;lehrling;X;31.02.2000;W 1;83278;T\n")
