"""Dates as people type them into the date fields (TT.MM.JJJJ, the hint every field shows)."""

from datetime import date

import pytest

from portal_app import texts
from portal_app.services.dates import DateInvalid, german_date, optional_date, parse_date


@pytest.mark.parametrize("typed", ["17.05.1990", "17.5.1990", " 17. 05. 1990 ", "1990-05-17"])
def test_the_usual_spellings_of_a_date_are_read(typed):
    assert parse_date(typed) == date(1990, 5, 17)


@pytest.mark.parametrize(
    "typed", ["", "17.05.90", "17/05/1990", "1990-5-17", "31.02.2027", "00.01.2027", "morgen"]
)
def test_anything_else_is_refused_with_the_format_in_the_message(typed):
    with pytest.raises(DateInvalid, match=texts.DATE_FORMAT_INVALID):
        parse_date(typed)


def test_an_optional_date_is_none_when_empty_or_unreadable():
    assert optional_date("") is None
    assert optional_date("irgendwann") is None
    assert optional_date("01.03.2027") == date(2027, 3, 1)


def test_a_date_is_written_back_the_way_it_is_typed():
    assert german_date(date(2027, 3, 1)) == "01.03.2027"
