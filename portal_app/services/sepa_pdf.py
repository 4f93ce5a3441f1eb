"""The member's copy of a SEPA mandate as a PDF (fpdf2)."""

from __future__ import annotations

from fpdf import FPDF

from portal_app import texts
from portal_app.services import dates, sepa


def _grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _latin1(text: str) -> str:
    """The PDF's core font knows Latin-1 only (umlauts and ß included)."""
    return text.replace("–", "-").encode("latin-1", "replace").decode("latin-1")


def mandate_pdf(account_id: int, mandate_id: int) -> tuple[str, bytes]:
    """File name and bytes of the mandate; raises sepa.MandateNotFound for foreign ids."""
    view, iban, bic = sepa.mandate_for_pdf(account_id, mandate_id)
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.cell(0, 5, f"{texts.CHAMBER} · {texts.CHAMBER_ADDRESS[0]} · {texts.CHAMBER_ADDRESS[1]}")
    pdf.ln(12)
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.multi_cell(0, 8, texts.SEPA_PDF_TITLE)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    rows = [
        (texts.SEPA_CREDITOR_ID, view.creditor_id),
        (texts.SEPA_REFERENCE, view.reference),
        (texts.BETRIEB, view.betrieb_label),
        (texts.FIELD_KONTOINHABER, view.holder),
        (texts.FIELD_IBAN, _grouped(iban)),
        ("BIC", bic or "-"),
        ("Kreditinstitut", view.bank_name or "-"),
        (texts.SEPA_SINCE, dates.format_datetime(view.granted_at)),
    ]
    if view.ended_at:
        ended = dates.format_date(view.ended_at)
        reason = sepa.END_REASONS.get(view.end_reason, view.end_reason)
        rows.append(("Status", texts.SEPA_ENDED.format(date=ended, reason=reason)))
    for label, value in rows:
        pdf.set_font("Helvetica", style="B", size=11)
        pdf.cell(55, 7, label)
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 7, _latin1(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.multi_cell(0, 6, _latin1(sepa.mandate_text(view.betrieb_label)))
    return f"SEPA-Mandat-{view.reference}.pdf", bytes(pdf.output())
