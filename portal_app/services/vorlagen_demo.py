"""Demo Vorlagen, written with fpdf2: real forms a member can print and fill in."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fpdf import FPDF

from portal_app import texts
from portal_app.services import vorlagen

DEMO_VORLAGEN = (
    (
        "Ausbildung",
        "Ausbildungsnachweis (wöchentlich)",
        "Vordruck für den schriftlichen Ausbildungsnachweis (Berichtsheft) nach § 13 BBiG.",
        "Ausbildungsnachweis.pdf",
        ("Name des Auszubildenden", "Ausbildungsberuf", "Ausbildungswoche vom ... bis ...",
         "Betriebliche Tätigkeiten", "Unterweisungen, betrieblicher Unterricht",
         "Themen des Berufsschulunterrichts", "Unterschrift Auszubildende/r",
         "Unterschrift Ausbildende/r"),
    ),
    (
        "Handwerksrolle",
        "Antrag auf Eintragung in die Handwerksrolle",
        "Antrag für Betriebe eines zulassungspflichtigen Handwerks (Anlage A HwO).",
        "Antrag-Eintragung-Handwerksrolle.pdf",
        ("Name des Betriebs", "Rechtsform", "Anschrift der Betriebsstätte", "Handwerk",
         "Betriebsleiter/in und Qualifikation", "Beginn der Tätigkeit", "Ort, Datum",
         "Unterschrift"),
    ),
    (
        "Prüfungswesen",
        "Anmeldung zur Gesellenprüfung",
        "Anmeldung zur Gesellen- bzw. Abschlussprüfung Teil 1 und Teil 2.",
        "Anmeldung-Gesellenpruefung.pdf",
        ("Name, Vorname", "Geburtsdatum", "Ausbildungsberuf", "Ausbildungsbetrieb",
         "Ende der Ausbildungszeit", "Prüfungsteil", "Unterschrift"),
    ),
)  # fmt: skip


def form_pdf(title: str, description: str, fields: tuple[str, ...]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.cell(0, 5, f"{texts.CHAMBER} · {texts.CHAMBER_ADDRESS[0]} · {texts.CHAMBER_ADDRESS[1]}")
    pdf.ln(10)
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, description, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for field in fields:
        pdf.set_font("Helvetica", style="B", size=10)
        pdf.cell(0, 6, field, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 10, "", border="B", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def load() -> int:
    """Add the demo Vorlagen if the library is empty; return how many were added."""
    if vorlagen.all_vorlagen():
        return 0
    with tempfile.TemporaryDirectory() as work:
        for thema, titel, beschreibung, name, fields in DEMO_VORLAGEN:
            path = Path(work) / name
            path.write_bytes(form_pdf(titel, beschreibung, fields))
            vorlagen.add(thema, titel, beschreibung, path)
    return len(DEMO_VORLAGEN)
