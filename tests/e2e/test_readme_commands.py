"""Every `sh` block of README.md works as written, in a second, plain shell while the portal serves.

A plain shell: `env -i` with HOME, LANG and the system's PATH, no `source scripts/env.sh`, no
PORTAL_DEMO. The blocks run one after another, as a developer types them, in a temporary
copy of the project: its top-level entries are links to the real ones, except `data/`, which
is a fresh demo installation made as `make run` makes it (migrated, `portal demo load`), so
what the blocks write (a PIN letter, a backup, a restored installation) never touches the
developer's data. The demo portal that serves meanwhile is the e2e suite's; a block's
`http://127.0.0.1:3000` becomes its address (port 3000 may belong to someone's `make run`).

A block whose first line is `# not run by the README test: REASON` is not run (it needs
root on a production server, or it is `make run` itself); in one whose first line is
`# the README test only imports these: REASON` (the benchmarks, minutes each) every
`.venv/bin/python -m bench.X` is imported in the plain shell, which also checks that
Reflex finds bun there (without it Reflex takes npm and stops: "Reflex requires node 22").
"""

from __future__ import annotations

import re
import shlex
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
SKIP = "# not run by the README test: "
IMPORT_ONLY = "# the README test only imports these: "
README_PORTAL = "http://127.0.0.1:3000"
PLAIN_PATH = "/usr/local/bin:/usr/bin:/bin"
# what a checkout holds besides its tracked files, and what a copy needs of it (and the
# frontends of the suite's other workers, `.web-<worker>`)
NOT_LINKED = {"data", ".git", ".web", "artifacts", "__pycache__", "uploaded_files"}
FENCE = re.compile(r"^```(\S*)")
SHELL_LANGUAGES = {"sh", "bash", "shell", "console", "zsh"}


@dataclass(frozen=True)
class Block:
    line: int  # README line of the opening fence
    text: str

    @property
    def first(self) -> str:
        return self.text.splitlines()[0] if self.text else ""

    @property
    def skipped(self) -> bool:
        return self.first.startswith(SKIP)

    @property
    def import_only(self) -> bool:
        return self.first.startswith(IMPORT_ONLY)


def readme_blocks(text: str) -> list[tuple[int, str, str]]:
    """(line, language, text) of every fenced block."""
    blocks, language, start, body = [], None, 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        if language is None:
            opening = FENCE.match(line)
            if opening:
                language, start, body = opening.group(1), number, []
        elif line.startswith("```"):
            blocks.append((start, language, "\n".join(body)))
            language = None
        else:
            body.append(line)
    assert language is None, f"README.md: the block of line {start} is not closed"
    return blocks


BLOCKS = [Block(n, body) for n, lang, body in readme_blocks(README.read_text()) if lang == "sh"]
RUN = [b for b in BLOCKS if not b.skipped and not b.import_only]
IMPORTED = [b for b in BLOCKS if b.import_only]


def plain_shell(script: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`script` in bash with only what a fresh login brings; stops at the first failing line."""
    environment = [f"HOME={Path.home()}", f"PATH={PLAIN_PATH}", "LANG=C.UTF-8"]
    return subprocess.run(
        ["env", "-i", *environment, "bash", "-e", "-o", "pipefail", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(autouse=True)
def no_console_errors():
    """No browser here (the e2e suite's check of the browser console does not apply)."""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project as `make run` leaves it, with data of its own."""
    copy = tmp_path_factory.mktemp("projekt")
    for entry in ROOT.iterdir():
        if entry.name not in NOT_LINKED and not entry.name.startswith(".web-"):
            (copy / entry.name).symlink_to(entry)
    (copy / "data").mkdir()
    prepared = plain_shell(
        "source scripts/env.sh && export PORTAL_DEMO=1 && reflex db migrate && portal demo load",
        copy,
    )
    assert prepared.returncode == 0, prepared.stdout + prepared.stderr
    return copy


def test_every_block_is_run_or_says_why_not():
    other_shells = [
        n for n, lang, _ in readme_blocks(README.read_text()) if lang in SHELL_LANGUAGES - {"sh"}
    ]
    assert not other_shells, f"README.md lines {other_shells}: write shell blocks as ```sh"
    for block in BLOCKS:
        assert block.text.strip(), f"README.md line {block.line}: an empty block"
        if block.first.startswith("# not run") or block.first.startswith("# the README test"):
            assert block.skipped or block.import_only, (
                f"README.md line {block.line}: the first line is neither {SKIP!r} nor "
                f"{IMPORT_ONLY!r} followed by the reason"
            )
        if block.skipped or block.import_only:
            reason = block.first.split(": ", 1)[1].strip()
            assert len(reason) > 10, f"README.md line {block.line}: say why the block is not run"
    assert len(RUN) >= 5, "the README's runnable blocks are gone or all marked"
    assert IMPORTED, "the benchmark block is gone"


@pytest.mark.parametrize("block", RUN, ids=[f"README line {b.line}" for b in RUN])
def test_block_runs_as_written(block: Block, project: Path, request):
    script = block.text
    if README_PORTAL in script:
        script = script.replace(README_PORTAL, request.getfixturevalue("portal_url"))
    done = plain_shell(script, project)
    said = f"\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
    assert done.returncode == 0, f"README.md line {block.line} failed ({done.returncode}):{said}"
    assert "Traceback" not in done.stderr, said
    missing = missed(block.text, project, done.stdout)
    assert not missing, f"README.md line {block.line}: not done: {missing}{said}"


def missed(script: str, project: Path, out: str) -> list[str]:
    """Beyond exit code 0: what a block is for has happened; the list of what has not."""
    pdf = project / "pin-brief.pdf"
    archive = project / "data" / "sicherung.tar.gz"
    restored = project / "data" / "probe" / "portal.db"
    checks = {
        "pin issue": [
            ("a PIN as the last line", lambda: re.fullmatch(r"\w{6,}", out.split()[-1])),
            ("pin-brief.pdf, a PDF", lambda: pdf.read_bytes()[:5] == b"%PDF-"),
        ],
        "portal mail status": [("the outbox counted", lambda: "im Postausgang:" in out)],
        "portal demo load": [("the demo account there", lambda: "(bereits vorhanden)" in out)],
        "/healthz": [("/healthz answered ok", lambda: '"status":"ok"' in out)],
        "portal check": [("the portal fit to serve", lambda: "Alles in Ordnung." in out)],
        "portal backup": [("data/sicherung.tar.gz", lambda: archive.stat().st_size > 0)],
        "portal restore": [("data/probe/portal.db", lambda: restored.stat().st_size > 0)],
        "markdown_table": [("the settings table", lambda: "| `PORTAL_DEMO` |" in out)],
        "bench.catalogue": [("the catalogue's table", lambda: "Wiederholungen je" in out)],
    }
    return [
        what
        for command, expectations in checks.items()
        if command in script
        for what, happened in expectations
        if not happened()
    ]


def imported_modules(block: Block) -> list[str]:
    """The benchmark modules of an import-only block; any other line fails."""
    modules = []
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for line in block.text.splitlines()[1:]:
        words = shlex.split(line, comments=True)
        if not words:
            continue
        if words[:2] == [".venv/bin/python", "-m"] and words[2].startswith("bench."):
            assert len(words) == 3, f"README.md: {line!r}: arguments are not checked here"
            modules.append(words[2])
        elif words[:3] == [".venv/bin/pip", "install", "-e"] and len(words) == 4:
            extra = re.fullmatch(r"\.\[(\w+)\]", words[3])
            assert extra and extra.group(1) in extras["optional-dependencies"], line
        else:
            pytest.fail(f"README.md line {block.line}: {line!r} is neither run nor imported")
    return modules


IMPORT_AND_FIND_BUN = """
import importlib, os, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
os.chdir("bench/blank_app")  # a Reflex app without the portal's settings
from reflex.utils import js_runtimes
executor = js_runtimes.get_js_package_executor(raise_on_none=True)[0][0]
assert os.path.basename(executor) == "bun", f"Reflex would run {executor}, not bun"
js_runtimes.validate_frontend_dependencies(init=False)
print("imported", *sys.argv[1:])
"""


@pytest.mark.parametrize("block", IMPORTED, ids=[f"README line {b.line}" for b in IMPORTED])
def test_benchmarks_start_in_a_plain_shell(block: Block, project: Path):
    modules = imported_modules(block)
    assert modules
    done = plain_shell(
        f".venv/bin/python -c {shlex.quote(IMPORT_AND_FIND_BUN)} {' '.join(modules)}", project
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"imported {' '.join(modules)}" in done.stdout
