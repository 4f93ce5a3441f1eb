"""The texts package: one module per feature, each name once, every text used, no text twice."""

import ast
import importlib
import pkgutil
import textwrap
from collections import defaultdict
from pathlib import Path

import pytest

from portal_app import texts

ROOT = Path(__file__).resolve().parents[2]
PORTAL = ROOT / "portal_app"
TEXTS = PORTAL / "texts"

# Two texts may read the same only when they are different things that happen to share words
# today (and may part tomorrow). Keep this list short; otherwise reuse one name.
SAME_WORDS_DIFFERENT_THINGS = {
    # the frame's button logs out here; the session list's ends a login on another device
    frozenset({"NAV_LOGOUT", "SESSIONS_END"}),
}


def text_modules() -> list:
    return [
        importlib.import_module(f"portal_app.texts.{info.name}")
        for info in pkgutil.iter_modules(texts.__path__)
    ]


def all_texts() -> dict[str, object]:
    return {name: value for m in text_modules() for name, value in texts.public_names(m).items()}


def names_used_in(paths) -> set[str]:
    """Every `texts.NAME` (also under another alias of the package) and every NAME imported
    from `portal_app.texts…`, read from the syntax tree (f-strings and tuples included)."""
    used = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        aliases = {"texts"}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "portal_app":
                    aliases |= {a.asname or a.name for a in node.names if a.name == "texts"}
                elif node.module.startswith("portal_app.texts"):
                    used |= {a.name for a in node.names}
        for node in ast.walk(tree):
            is_name = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            if is_name and node.value.id in aliases:
                used.add(node.attr)
    return used


def code_outside_texts() -> list[Path]:
    return [p for p in PORTAL.rglob("*.py") if TEXTS not in p.parents]


# --- the package -------------------------------------------------------------------------------


def test_every_text_module_says_in_one_line_what_it_holds():
    for module in text_modules():
        doc = (module.__doc__ or "").strip()
        assert doc and "\n" not in doc, f"{module.__name__}: a one-line docstring, please"


def test_the_package_offers_every_public_name_of_every_module():
    for name, value in all_texts().items():
        assert getattr(texts, name) is value, name


def test_a_module_only_shares_texts_of_others_by_importing_the_module():
    for module in text_modules():
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name.isupper()
        ]
        assert imported == [], f"{module.__name__} imports {imported}; import the module instead"


def make_package(tmp_path, monkeypatch, name: str, modules: dict[str, str]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    for module, source in modules.items():
        (folder / f"{module}.py").write_text(textwrap.dedent(source))
    monkeypatch.syspath_prepend(str(tmp_path))
    return folder


def test_a_module_added_by_someone_else_is_found_without_editing_a_list(tmp_path, monkeypatch):
    folder = make_package(
        tmp_path,
        monkeypatch,
        "texte_neu",
        {
            "frame": '"""Frame."""\nCHAMBER = "HWK"\n',
            "accessibility": '"""Barrierefreiheit."""\nfrom texte_neu import frame\n'
            'A11Y_TITLE = f"Barrierefreiheit der {frame.CHAMBER}"\n_PRIVATE = "x"\n',
        },
    )
    found = texts.collect("texte_neu", [str(folder)])
    assert found == {"CHAMBER": "HWK", "A11Y_TITLE": "Barrierefreiheit der HWK"}


def test_a_name_defined_in_two_modules_stops_the_import(tmp_path, monkeypatch):
    folder = make_package(
        tmp_path,
        monkeypatch,
        "texte_doppelt",
        {"login": 'LOGIN_TITLE = "Anmelden"\n', "welcome": 'LOGIN_TITLE = "Anmeldung"\n'},
    )
    with pytest.raises(ImportError, match=r"LOGIN_TITLE is defined in login\.py and in welcome"):
        texts.collect("texte_doppelt", [str(folder)])


# --- every text used, none twice, none missing -------------------------------------------------


def test_every_text_is_used_by_the_portal():
    unused = sorted(all_texts().keys() - names_used_in(code_outside_texts()))
    assert unused == [], f"texts nobody shows or mails: {unused}"


def test_the_use_finder_sees_f_strings_tuples_and_imported_names(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from portal_app import texts as t\n"
        "from portal_app.texts import PORTAL\n"
        "from portal_app.texts.frame import CHAMBER\n"
        "LABEL = f'{t.BETRIEB} {x}'\n"
        "PAIRS = ((t.NAV_HOME, '/'),)\n"
        "TEXT = 'texts.NAV_HELP in a string is no use'\n"
    )
    assert names_used_in([sample]) == {"PORTAL", "CHAMBER", "BETRIEB", "NAV_HOME"}


def test_no_two_texts_read_the_same():
    by_value = defaultdict(set)
    for name, value in all_texts().items():
        by_value[repr(value)].add(name)
    twice = [
        sorted(names)
        for names in by_value.values()
        if len(names) > 1 and frozenset(names) not in SAME_WORDS_DIFFERENT_THINGS
    ]
    assert twice == [], f"the same words under several names (reuse one): {twice}"


def test_the_allowed_pairs_still_exist_and_still_read_the_same():
    known = all_texts()
    for names in SAME_WORDS_DIFFERENT_THINGS:
        values = {repr(known[name]) for name in names}
        assert len(values) == 1, f"{sorted(names)} differ now: remove them from the list"


def test_every_text_the_code_and_the_tests_ask_for_exists():
    everywhere = [
        *PORTAL.rglob("*.py"),
        *(ROOT / "tests").rglob("*.py"),
        *(ROOT / "bench").rglob("*.py"),
    ]
    asked = {name for name in names_used_in(everywhere) if name.isupper()}
    missing = sorted(asked - all_texts().keys())
    assert missing == [], f"no such text: {missing}"
