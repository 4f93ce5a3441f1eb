"""`portal kurse import`: a good file adds or updates courses; a bad row stops the whole file
with its line number; the demo catalogue is loaded once."""

import pytest
from sqlmodel import func, select

from portal_app.models import Course
from portal_app.services import course_import, demo
from portal_app.services.course_import import ImportFailed, import_csv
from portal_app.services.db import unit_of_work

HEADER = "kurs_nr;titel;kategorie;beschreibung;ort;beginn;ende;termine;preis;plaetze;anmeldeschluss"
GOOD = (
    "K-1;WIG-Schweißen;Sachkunde/Schweißen;Edelstahl;Talheim;01.03.2027;05.03.2027;Mo–Fr;"
    "1.490,00;8;20.02.2027"
)
OTHER = "K-2;Kalkulation;Betriebswirtschaft;;Musterstadt;2027-04-10;2027-04-10;Sa;290;20;"


def course_count() -> int:
    with unit_of_work() as session:
        return session.exec(select(func.count()).select_from(Course)).one()


def test_a_good_file_adds_its_courses_with_german_prices_and_dates():
    assert import_csv("\n".join([HEADER, GOOD, OTHER])) == course_import.ImportResult(2, 0)
    with unit_of_work() as session:
        course = session.exec(select(Course).where(Course.code == "K-1")).one()
    assert (course.price_cents, course.capacity, str(course.starts_on)) == (149000, 8, "2027-03-01")
    assert "schweißen".casefold() in course.search_text


def test_a_known_course_number_updates_the_course():
    import_csv("\n".join([HEADER, GOOD]))
    assert import_csv("\n".join([HEADER, GOOD.replace("WIG-Schweißen", "WIG-Schweißen II")])) == (
        course_import.ImportResult(0, 1)
    )
    assert course_count() == 1


def test_bad_rows_are_reported_with_their_line_and_nothing_is_imported():
    bad_category = OTHER.replace("Betriebswirtschaft", "Kochkurs").replace("K-2", "K-3")
    bad_date = GOOD.replace("01.03.2027", "32.03.2027").replace("K-1", "K-4")
    with pytest.raises(ImportFailed) as raised:
        import_csv("\n".join([HEADER, GOOD, bad_category, bad_date, GOOD]))

    assert [error.split(":")[0] for error in raised.value.errors] == [
        "Zeile 3",
        "Zeile 4",
        "Zeile 5",
    ]
    assert "Kochkurs" in raised.value.errors[0]
    assert "steht schon in Zeile 2" in raised.value.errors[2]
    assert course_count() == 0


def test_a_file_without_the_needed_columns_is_refused():
    with pytest.raises(ImportFailed, match="Spalten fehlen: kurs_nr"):
        import_csv("titel,ort\nA,B")


def test_comma_separated_files_work_too():
    line = "K-9,Kalkulation,Betriebswirtschaft,,Musterstadt,2027-04-10,2027-04-11,Sa,290.50,20,"
    import_csv(HEADER.replace(";", ",") + "\n" + line)
    assert course_count() == 1


def test_the_demo_catalogue_brings_about_forty_courses_once():
    assert demo.load_demo_courses() == 40
    assert demo.load_demo_courses() == 0
    assert course_count() == 40


def test_the_command_reports_bad_lines_and_exits_with_1(tmp_path, capsys):
    from portal_app import cli

    path = tmp_path / "kurse.csv"
    path.write_text("\n".join([HEADER, GOOD.replace(";8;", ";acht;")]), encoding="utf-8")
    assert cli.main(["kurse", "import", str(path)]) == 1
    assert "Zeile 2: plaetze" in capsys.readouterr().err
    assert course_count() == 0

    path.write_text("\n".join([HEADER, GOOD, OTHER]), encoding="utf-8")
    assert cli.main(["kurse", "import", str(path)]) == 0
    assert "2 Kurs(e) neu, 0 aktualisiert." in capsys.readouterr().out
    assert cli.main(["kurse", "import", str(tmp_path / "fehlt.csv")]) == 2
