"""The PIN letter the chamber posts: addressed to the registry address, as a PDF (fpdf2)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from portal_app import texts
from portal_app.models import Betrieb
from portal_app.services import dates, registry
from portal_app.services.pins import IssuedPin


def _address_lines(issued: IssuedPin) -> list[str]:
    record = issued.recipient
    return [record.name, record.strasse, f"{record.plz} {record.ort}"]


def _number_line(issued: IssuedPin) -> str:
    record = issued.recipient
    if isinstance(record, Betrieb):
        return f"{texts.FIELD_BETRIEBSNUMMER}: {registry.format_betriebsnummer(record)}"
    return f"{texts.FIELD_KUNDENNUMMER}: {record.kundennummer}"


def new_document() -> FPDF:
    """An empty A4 document for one letter or many (one page each)."""
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def add_letter(pdf: FPDF, issued: IssuedPin, base_url: str) -> None:
    """Add the letter with the PIN, how to use it and until when it is valid, as one page."""
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.cell(0, 5, f"{texts.CHAMBER} · {texts.CHAMBER_ADDRESS[0]} · {texts.CHAMBER_ADDRESS[1]}")
    pdf.ln(8)
    pdf.set_font("Helvetica", size=11)
    for line in _address_lines(issued):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    pdf.set_font("Helvetica", style="B", size=13)
    pdf.cell(0, 8, texts.LETTER_SUBJECT, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.ln(4)
    pdf.multi_cell(0, 6, texts.LETTER_BODY.format(portal=base_url))
    pdf.ln(4)
    pdf.cell(0, 6, _number_line(issued), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", style="B", size=18)
    pdf.cell(0, 12, f"PIN: {issued.pin[:4]} {issued.pin[4:]}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    valid_until = dates.format_date(issued.expires_at)
    pdf.multi_cell(0, 6, texts.LETTER_VALIDITY.format(date=valid_until))
    pdf.ln(8)
    pdf.multi_cell(0, 6, texts.LETTER_SIGNATURE)


def write_letter(issued: IssuedPin, path: Path, base_url: str) -> None:
    """Write the letter with the PIN, how to use it and until when it is valid."""
    pdf = new_document()
    add_letter(pdf, issued, base_url)
    pdf.output(str(path))
