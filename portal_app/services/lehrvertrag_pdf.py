"""The PDFs of a Lehrvertrag (fpdf2, in the house style of the PIN letter and the SEPA
mandate): the Berufsausbildungsvertrag as entered — the parties, then §§ with the values —
with the application for registration in the Lehrlingsrolle on its own page; and the
Eintragungsbestätigung once the chamber has registered it."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fpdf import FPDF

from portal_app import texts
from portal_app.services import dates
from portal_app.services import lehrvertrag_rules as rules

LABEL_WIDTH = 82  # mm: the longest label ("Regelmäßige Ausbildungszeit …") fits


@dataclass(frozen=True)
class Printable:
    """What the PDFs show: the contract's values with the Betrieb and the registration."""

    id: int
    values: dict[str, str]
    beruf: str
    betrieb_label: str
    betrieb_name: str
    betrieb_address: str
    submitted_at: datetime | None
    lehrlingsrolle_nr: str
    registered_at: datetime | None
    kundennummer: str


def _latin1(text: str) -> str:
    """The PDF's core font knows Latin-1 only (umlauts and ß included)."""
    return (
        text.replace("–", "-")
        .replace("€", "EUR")
        .replace("„", '"')
        .replace("“", '"')
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def end_date(start: date, months: int) -> date:
    """The last day of a training of `months` from `start`."""
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


def _start_and_end(values: dict[str, str]) -> tuple[str, str]:
    try:
        start = dates.parse_date(values.get("beginn", ""))
        months = int(values.get("dauer", ""))
    except (dates.DateInvalid, ValueError):
        return values.get("beginn", ""), ""
    return dates.format_date(start), dates.format_date(end_date(start, months))


def _document() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def _head(pdf: FPDF, title: str) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    street, town = texts.CHAMBER_ADDRESS[0], texts.CHAMBER_ADDRESS[1]
    pdf.cell(0, 5, _latin1(f"{texts.CHAMBER} · {street} · {town}"))
    pdf.ln(10)
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.multi_cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _rows(pdf: FPDF, rows: list[tuple[str, str]]) -> None:
    for label, value in rows:
        pdf.set_font("Helvetica", style="B", size=10)
        pdf.cell(LABEL_WIDTH, 6, _latin1(label))
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 6, _latin1(value or "-"), new_x="LMARGIN", new_y="NEXT")


def _section(pdf: FPDF, heading: str, rows: list[tuple[str, str]]) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", style="B", size=11)
    pdf.multi_cell(0, 7, _latin1(heading), new_x="LMARGIN", new_y="NEXT")
    _rows(pdf, rows)


def _apprentice(values: dict[str, str]) -> str:
    return f"{values.get('vorname', '')} {values.get('nachname', '')}".strip()


def _address(values: dict[str, str]) -> str:
    return f"{values.get('strasse', '')}, {values.get('plz', '')} {values.get('ort', '')}"


def _pay_rows(values: dict[str, str]) -> list[tuple[str, str]]:
    rows = []
    for year in range(1, rules.pay_years(values) + 1):
        amount = rules.euros(values.get(f"verguetung_{year}", ""))
        shown = rules.format_euros(amount) if amount is not None else ""
        rows.append((texts.LEHRVERTRAG_PDF_PAY_YEAR.format(year=year), shown))
    return rows


def _parties(pdf: FPDF, contract: Printable) -> None:
    values = contract.values
    _section(
        pdf,
        texts.LEHRVERTRAG_PDF_EMPLOYER,
        [
            (texts.BETRIEB, contract.betrieb_label),
            (texts.VERZEICHNIS_COLUMN_ADDRESS, contract.betrieb_address),
        ],
    )
    guardian = values.get("vertreter", "")
    _section(
        pdf,
        texts.LEHRVERTRAG_COL_APPRENTICE,
        [
            (texts.FIELD_STAFF_NAME, _apprentice(values)),
            (texts.LEHRVERTRAG_FIELDS["geburtsdatum"], values.get("geburtsdatum", "")),
            (texts.VERZEICHNIS_COLUMN_ADDRESS, _address(values)),
            (texts.LEHRVERTRAG_FIELDS["schulabschluss"], values.get("schulabschluss", "")),
            *([(texts.LEHRVERTRAG_FIELDS["vertreter"], guardian)] if guardian else []),
        ],
    )


def contract_pdf(contract: Printable) -> bytes:
    """The Berufsausbildungsvertrag and, on the second page, the application for
    registration in the Lehrlingsrolle."""
    values = contract.values
    start, end = _start_and_end(values)
    regular = rules.berufe().get(values.get("beruf", ""))
    pdf = _document()
    _head(pdf, texts.LEHRVERTRAG_PDF_TITLE)
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, _latin1(texts.LEHRVERTRAG_PDF_PREAMBLE.format(beruf=contract.beruf)))
    _parties(pdf, contract)
    reason = values.get("dauer_grund", "")
    sections = [
        (
            texts.LEHRVERTRAG_PDF_S1,
            [
                (texts.LEHRVERTRAG_PDF_REGULAR, f"{regular.months} Monate" if regular else ""),
                (texts.LEHRVERTRAG_FIELDS["dauer"], f"{values.get('dauer', '')} Monate"),
                *([(texts.LEHRVERTRAG_FIELDS["dauer_grund"], reason)] if reason else []),
                (texts.LEHRVERTRAG_FIELDS["beginn"], start),
                (texts.LEHRVERTRAG_PDF_END, end),
            ],
        ),
        (
            texts.LEHRVERTRAG_PDF_S2,
            [(texts.LEHRVERTRAG_FIELDS["probezeit"], f"{values.get('probezeit', '')} Monate")],
        ),
        (
            texts.LEHRVERTRAG_PDF_S3,
            [(texts.LEHRVERTRAG_FIELDS["ausbildungsstaette"], values.get("ausbildungsstaette"))],
        ),
        (
            texts.LEHRVERTRAG_PDF_S4,
            [
                (texts.LEHRVERTRAG_FIELDS["ausbilder_name"], values.get("ausbilder_name", "")),
                (
                    texts.LEHRVERTRAG_FIELDS["ausbilder_qualifikation"],
                    values.get("ausbilder_qualifikation", ""),
                ),
            ],
        ),
        (texts.LEHRVERTRAG_PDF_S5, _pay_rows(values)),
        (
            texts.LEHRVERTRAG_PDF_S6,
            [(texts.LEHRVERTRAG_FIELDS["wochenstunden"], values.get("wochenstunden", ""))],
        ),
        (
            texts.LEHRVERTRAG_PDF_S7,
            [(texts.LEHRVERTRAG_FIELDS["urlaubstage"], values.get("urlaubstage", ""))],
        ),
    ]
    for heading, rows in sections:
        _section(pdf, heading, rows)
    pdf.ln(8)
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(0, 5, _latin1(texts.LEHRVERTRAG_PDF_SIGNATURES))
    _application(pdf, contract, start)
    return bytes(pdf.output())


def _application(pdf: FPDF, contract: Printable, start: str) -> None:
    _head(pdf, texts.LEHRVERTRAG_PDF_APPLICATION)
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, _latin1(texts.LEHRVERTRAG_PDF_APPLICATION_TEXT), new_x="LMARGIN",
                   new_y="NEXT")  # fmt: skip
    submitted = dates.format_datetime(contract.submitted_at) if contract.submitted_at else ""
    _rows(
        pdf,
        [
            (texts.BETRIEB, contract.betrieb_label),
            (texts.FIELD_STAFF_NAME, _apprentice(contract.values)),
            (texts.LEHRVERTRAG_FIELDS["beruf"], contract.beruf),
            (texts.LEHRVERTRAG_FIELDS["beginn"], start),
            (texts.LEHRVERTRAG_PDF_SUBMITTED, submitted),
        ],
    )


def confirmation_pdf(contract: Printable) -> bytes:
    """The Eintragungsbestätigung: the contract is in the Lehrlingsrolle under its number."""
    values = contract.values
    start, end = _start_and_end(values)
    pdf = _document()
    _head(pdf, texts.LEHRVERTRAG_PDF_CONFIRMATION)
    pdf.set_font("Helvetica", size=11)
    for line in (contract.betrieb_name, *contract.betrieb_address.split(", ")):
        pdf.cell(0, 6, _latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", size=10)
    registered = dates.format_date(contract.registered_at) if contract.registered_at else ""
    pdf.multi_cell(
        0, 6,
        _latin1(texts.LEHRVERTRAG_PDF_CONFIRMATION_TEXT.format(date=registered)),
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    pdf.ln(2)
    _rows(
        pdf,
        [
            (texts.LEHRVERTRAG_NUMBER, contract.lehrlingsrolle_nr),
            (texts.FIELD_STAFF_NAME, _apprentice(values)),
            (texts.LEHRVERTRAG_FIELDS["geburtsdatum"], values.get("geburtsdatum", "")),
            (texts.FIELD_KUNDENNUMMER, contract.kundennummer),
            (texts.LEHRVERTRAG_FIELDS["beruf"], contract.beruf),
            (texts.LEHRVERTRAG_FIELDS["beginn"], start),
            (texts.LEHRVERTRAG_PDF_END, end),
        ],
    )
    pdf.ln(6)
    pdf.multi_cell(0, 6, _latin1(texts.LETTER_SIGNATURE))
    return bytes(pdf.output())


def file_name(contract: Printable, confirmation: bool = False) -> str:
    name = f"{contract.values.get('nachname', '')}-{contract.id}".replace(" ", "-")
    kind = texts.LEHRVERTRAG_PDF_FILE_CONFIRMATION if confirmation else texts.LEHRVERTRAG_PDF_FILE
    return kind.format(name=name)
