"""Benchmarks against baselines; results in bench/RESULTS.md.

Importing the package gives every benchmark the environment of `scripts/env.sh` (bun and
`.venv/bin` on PATH, no telemetry or update checks, bun as installed, the npm registry), so
`.venv/bin/python -m bench.X` works from a plain shell as well as after
`source scripts/env.sh`. Without bun on PATH, Reflex falls back to npm, which needs a newer
Node than Debian's ("Reflex requires node version 22"); the benchmarks' servers, started as
subprocesses, inherit this environment.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bash's own bookkeeping, not the environment scripts/env.sh sets
_SHELL_VARIABLES = {"_", "PWD", "OLDPWD", "SHLVL"}


def project_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """`base` (the current environment) as it is after `source scripts/env.sh`."""
    base = dict(os.environ if base is None else base)
    shown = subprocess.run(
        ["bash", "-c", "source scripts/env.sh && env -0"],  # noqa: S607 (bash from PATH)
        cwd=ROOT,
        env=base,
        capture_output=True,
        check=True,
    ).stdout.decode()
    sourced = dict(entry.split("=", 1) for entry in shown.split("\0") if "=" in entry)
    return base | {
        name: value
        for name, value in sourced.items()
        if name not in _SHELL_VARIABLES and base.get(name) != value
    }


os.environ.update(project_environment())
