"""CSV for a German spreadsheet: BOM, `;`, CRLF, and no cell a spreadsheet reads as a formula."""

from portal_app.services import spreadsheet


def test_formula_starts_are_neutralised_and_other_text_stays():
    assert [spreadsheet.neutralise(v) for v in ("=1+1", "+49 711", "-5", "@SUM(A1)")] == [
        "'=1+1",
        "'+49 711",
        "'-5",
        "'@SUM(A1)",
    ]
    assert spreadsheet.neutralise("\tx") == "'\tx"
    assert [spreadsheet.neutralise(v) for v in ("Müller", "a=b", "", None, 7)] == [
        "Müller",
        "a=b",
        "",
        "",
        "7",
    ]


def test_the_file_has_a_bom_semicolons_and_quotes_where_needed():
    data = spreadsheet.csv_bytes(["Name", "Ort"], [["Öztürk; Ayşe", '=cmd|"/c calc"!A1']])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == 'Name;Ort\r\n"Öztürk; Ayşe";"\'=cmd|""/c calc""!A1"\r\n'
