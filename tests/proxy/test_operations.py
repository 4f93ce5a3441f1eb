"""The operator's side of deploy/, against the running portal: the nightly backup unit's
commands (a dated archive, old ones removed) and `deploy/kundenportal` with the environment
file (check, backup, and restore into an empty installation, which then refuses a second)."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import tarfile
import time
from datetime import date
from pathlib import Path

from tests.proxy.conftest import DEPLOY, ROOT, read_unit

BACKUPS = "/var/backups/kundenportal"
WRAPPER = DEPLOY / "kundenportal"


def unit_command(line: str, backups: Path) -> list[str]:
    """A unit's command line as systemd runs it (%% → %, $$ → $), backups going elsewhere."""
    return shlex.split(line.replace("%%", "%").replace("$$", "$").replace(BACKUPS, str(backups)))


def write_env_file(path: Path, env: dict[str, str], **changes: str) -> Path:
    """The portal's settings as /etc/kundenportal/portal.env holds them."""
    settings = {k: v for k, v in env.items() if k.startswith(("PORTAL_", "REFLEX_"))}
    settings.update(changes)
    path.write_text("".join(f"{k}={v}\n" for k, v in sorted(settings.items())), "utf-8")
    return path


def operator(*args: str, env_file: Path) -> subprocess.CompletedProcess:
    """`kundenportal …` from a shell that knows nothing of the portal but its env file."""
    shell = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/root")}
    return subprocess.run(
        [WRAPPER, *args], env={**shell, "PORTAL_ENV_FILE": str(env_file)},
        capture_output=True, text=True, cwd="/",
    )  # fmt: skip


def test_the_nightly_backup_writes_a_dated_archive_and_drops_old_ones(
    portal_url, portal_env, tmp_path
):
    service = read_unit(DEPLOY / "kundenportal-backup.service")["Service"]
    old = tmp_path / "sicherung-2020-01-01.tar.gz"
    old.write_bytes(b"alt")
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(old, (month_ago, month_ago))

    for key in ("ExecStart", "ExecStartPost"):
        subprocess.run(unit_command(service[key], tmp_path), cwd=ROOT, env=portal_env, check=True)

    made = tmp_path / f"sicherung-{date.today().isoformat()}.tar.gz"
    assert [p.name for p in tmp_path.iterdir()] == [made.name]
    with tarfile.open(made, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    assert manifest["database"] == "sqlite"
    assert manifest["migration"]  # the migrated schema's revision travels along
    assert manifest["rows"]["account"] >= 0


def test_the_operator_command_checks_backs_up_and_restores(portal_url, portal_env, tmp_path):
    env_file = write_env_file(tmp_path / "portal.env", portal_env)
    checked = operator("check", env_file=env_file)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[-1] == "Alles in Ordnung."

    archive = tmp_path / "sicherung.tar.gz"
    saved = operator("backup", str(archive), env_file=env_file)
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith(f"Sicherung geschrieben: {archive}")

    new = tmp_path / "neu"
    empty = write_env_file(
        tmp_path / "neu.env", portal_env,
        REFLEX_DB_URL=f"sqlite:///{new}/portal.db", PORTAL_FILES_DIR=str(new / "dateien"),
    )  # fmt: skip
    restored = operator("restore", str(archive), env_file=empty)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"Wiederhergestellt aus {archive}")
    again = operator("restore", str(archive), env_file=empty)
    assert again.returncode == 1
    assert again.stderr.startswith("Die Installation ist nicht leer")
