"""The README's settings table against the declarations in settings.py: no row missing, none
undeclared, the same defaults, allowed values and meanings."""

import re
from pathlib import Path

from portal_app import settings

README = Path(__file__).resolve().parents[2] / "README.md"
HOW_TO_FIX = (
    "Paste the table printed by\n  PORTAL_DEMO=1 .venv/bin/python -c "
    "'from portal_app.settings import markdown_table; print(markdown_table())'\n"
    'into the README\'s section "Settings" (or change the declaration in settings.py).'
)


def readme_table(text: str) -> dict[str, tuple[str, ...]]:
    """The rows of the first table under the heading "## Settings", by variable."""
    section = text.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    assert lines[0] == "| variable | default | allowed | meaning |", lines[0]
    rows = {}
    for line in lines[2:]:
        cells = tuple(cell.strip() for cell in line.strip().strip("|").split(" | "))
        assert len(cells) == 4, f"a row needs four cells: {line}"
        assert cells[0] not in rows, f"listed twice: {cells[0]}"
        rows[cells[0]] = cells[1:]
    return rows


def declared_table() -> dict[str, tuple[str, ...]]:
    return {row[0]: row[1:] for row in settings.documented()}


def test_every_declared_setting_is_in_the_readme():
    missing = declared_table().keys() - readme_table(README.read_text(encoding="utf-8")).keys()
    assert not missing, f"missing in the README: {sorted(missing)}\n{HOW_TO_FIX}"


def test_the_readme_lists_no_setting_that_is_not_declared():
    extra = readme_table(README.read_text(encoding="utf-8")).keys() - declared_table().keys()
    assert not extra, f"not declared in settings.py: {sorted(extra)}\n{HOW_TO_FIX}"


def test_the_readme_shows_the_declared_defaults_allowed_values_and_meanings():
    readme = readme_table(README.read_text(encoding="utf-8"))
    differ = [
        f"{variable}: README {readme[variable]} – declared {cells}"
        for variable, cells in declared_table().items()
        if variable in readme and readme[variable] != cells
    ]
    assert not differ, "\n".join(differ) + "\n" + HOW_TO_FIX


def test_the_check_finds_a_missing_row_a_stranger_and_a_wrong_default():
    table = settings.markdown_table()
    broken = (
        table.replace("| `PORTAL_QUOTA_MB` | `500` |", "| `PORTAL_QUOTA_MB` | `50` |")
        .replace(re.search(r"\| `PORTAL_SMTP_PORT`.*\n", table).group(0), "")
        .replace("| `PORTAL_DEMO` |", "| `PORTAL_DEMO_MODE` |")
    )
    readme = readme_table(f"# x\n\n## Settings\n\n{broken}\n\n## Next\n")
    declared = declared_table()
    assert declared.keys() - readme.keys() == {"`PORTAL_SMTP_PORT`", "`PORTAL_DEMO`"}
    assert readme.keys() - declared.keys() == {"`PORTAL_DEMO_MODE`"}
    assert readme["`PORTAL_QUOTA_MB`"] != declared["`PORTAL_QUOTA_MB`"]


def test_the_printed_table_is_the_one_the_readme_holds():
    assert readme_table(f"\n## Settings\n\n{settings.markdown_table()}\n") == declared_table()
