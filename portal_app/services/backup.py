"""Backups that restore: the database and the private file store in one archive (`tar.gz`).

Members of the archive, in this order:
  datenbank.sqlite | datenbank.pgdump   the database (SQLite: the online backup API;
                                        PostgreSQL: `pg_dump --format=custom`)
  dateien/<name>                        every stored file (the server-made 40-hex names)
  manifest.json                         format, database kind, migration, rows per table,
                                        size and SHA-256 of every other member

Consistent: the database is copied as one snapshot (SQLite's backup copies within one read
transaction; `pg_dump` runs in a snapshot exported from a transaction that stays open until
the files are read). Stored files never change once in place (new ones get new names), so
copying the files the snapshot names after the snapshot gives exactly the files it refers to.
A file deleted in between (a Vorlage removed meanwhile) makes the backup start again.

Restore goes into an empty installation only (no rows, no stored files) unless forced, checks
every member against the manifest before it touches anything, and compares the rows per table
afterwards.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, column, create_engine, func, inspect, select, table, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import portal_app.models  # noqa: F401  (registers the tables with SQLModel.metadata)
from portal_app import texts
from portal_app.services import clock, dates, db, file_rows
from portal_app.settings import settings

FORMAT = "kundenportal-sicherung"
VERSION = 1
MANIFEST = "manifest.json"
FILES_PREFIX = "dateien/"
DATABASE_MEMBER = {"sqlite": "datenbank.sqlite", "postgresql": "datenbank.pgdump"}
KIND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
STORED_NAME = re.compile(r"[0-9a-f]{40}")
MIGRATIONS_TABLE = "alembic_version"
ATTEMPTS = 3
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore could not be done; the message says why, in German."""


class RestoreRefused(BackupError):
    """The installation is not empty (and the restore was not forced)."""


@dataclass(frozen=True)
class Summary:
    """What an archive holds (also what a restore put in place)."""

    path: Path
    kind: str
    created_at: str
    rows: dict[str, int]
    files: int
    file_bytes: int
    missing_files: tuple[str, ...] = ()

    def german(self, template: str) -> str:
        return template.format(
            path=self.path,
            kind=KIND_NAMES[self.kind],
            created=self.created_at,
            tables=len(self.rows),
            rows=sum(self.rows.values()),
            files=self.files,
            size=_size(self.file_bytes),
        )


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB".replace(".", ",")
    return f"{count / 1024 / 1024:.1f} MB".replace(".", ",")


def _kind(url: str) -> str:
    kind = make_url(url).get_backend_name()
    if kind not in DATABASE_MEMBER:
        raise BackupError(f"Nicht unterstützte Datenbank: {kind}")
    return kind


def _table_names() -> list[str]:
    return [*sorted(SQLModel.metadata.tables), MIGRATIONS_TABLE]


def _row_counts(connection: Connection) -> dict[str, int]:
    """Rows per portal table that exists in the database behind `connection`."""
    present = set(inspect(connection).get_table_names())
    return {
        name: connection.execute(select(func.count()).select_from(table(name))).scalar_one()
        for name in _table_names()
        if name in present
    }


def _migration(connection: Connection) -> str | None:
    if MIGRATIONS_TABLE not in inspect(connection).get_table_names():
        return None
    version = column("version_num")
    return connection.execute(select(version).select_from(table(MIGRATIONS_TABLE))).scalar()


def stored_files(files_dir: Path) -> list[Path]:
    """The files of the store (server-made names; temp files and probes are left out)."""
    if not files_dir.is_dir():
        return []
    return sorted(p for p in files_dir.iterdir() if STORED_NAME.fullmatch(p.name) and p.is_file())


# --- PostgreSQL tools ------------------------------------------------------------------------


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The URL as the PostgreSQL tools take it, and their environment (password kept out of
    the command line, where every user of the machine could read it)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _major(version_text: str) -> int:
    found = re.search(r"(\d+)(?:\.\d+)?", version_text)
    if not found:
        raise BackupError(f"Unbekannte Version: {version_text!r}")
    return int(found.group(1))


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            texts.BACKUP_TOOL_FAILED.format(
                tool=name, error="nicht installiert (Debian-Paket postgresql-client)"
            )
        )
    return found


def _tool_major(name: str) -> int:
    done = subprocess.run(  # noqa: S603 (a PostgreSQL tool from PATH, our own arguments)
        [_tool(name), "--version"], capture_output=True, text=True, check=True
    )
    return _major(done.stdout.partition("(PostgreSQL)")[2] or done.stdout)


def _run(name: str, *args: str, env: dict[str, str]) -> None:
    done = subprocess.run(  # noqa: S603 (a PostgreSQL tool from PATH, our own arguments)
        [_tool(name), *args], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        error = (done.stderr or done.stdout).strip()[-1000:]
        raise BackupError(texts.BACKUP_TOOL_FAILED.format(tool=name, error=error))


# --- backup ---------------------------------------------------------------------------------


@dataclass
class _Snapshot:
    database_file: Path
    rows: dict[str, int]
    referenced: set[str]
    migration: str | None
    pg_dump_major: int | None = None


@contextmanager
def _sqlite_snapshot(url: str, staging: Path) -> Iterator[_Snapshot]:
    source_path = make_url(url).database
    if not source_path or not Path(source_path).is_file():
        raise BackupError(texts.RESTORE_NO_DATABASE.format(error=f"{source_path} fehlt"))
    copy = staging / DATABASE_MEMBER["sqlite"]
    source = sqlite3.connect(f"file:{Path(source_path).resolve()}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)  # one read transaction: a consistent copy while the portal runs
    finally:
        target.close()
        source.close()
    engine = create_engine(f"sqlite:///{copy}")
    try:
        with engine.connect() as connection:
            found = _Snapshot(
                copy, _row_counts(connection), file_rows.named_files(connection),
                _migration(connection),
            )  # fmt: skip
    finally:
        engine.dispose()
    yield found


@contextmanager
def _postgres_snapshot(url: str, staging: Path) -> Iterator[_Snapshot]:
    dump = staging / DATABASE_MEMBER["postgresql"]
    libpq_url, env = _libpq(url)
    engine = db.engine_for(url)
    with engine.connect() as plain:
        connection = plain.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            server = connection.execute(text("SHOW server_version_num")).scalar_one()
            server_major = int(server) // 10000
            client_major = _tool_major("pg_dump")
            if client_major < server_major:
                raise BackupError(
                    texts.BACKUP_PG_TOO_OLD.format(
                        tool="pg_dump", client=client_major, server=server_major
                    )
                )
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            _run(
                "pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={dump}",
                f"--dbname={libpq_url}", env=env,
            )  # fmt: skip
            # the same snapshot: rows and file names exactly as in the dump
            yield _Snapshot(
                dump, _row_counts(connection), file_rows.named_files(connection),
                _migration(connection), client_major,
            )  # fmt: skip


class _Hashing(io.RawIOBase):
    """Reads a file for tarfile and hashes what passes."""

    def __init__(self, handle):
        self._handle = handle
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._handle.read(len(buffer))
        self.sha256.update(data)
        buffer[: len(data)] = data
        return len(data)


def _add(archive: tarfile.TarFile, name: str, path: Path) -> dict:
    info = tarfile.TarInfo(name)
    info.size = path.stat().st_size
    info.mtime = int(path.stat().st_mtime)
    info.mode = 0o600
    with path.open("rb") as handle:
        reader = _Hashing(handle)
        archive.addfile(info, io.BufferedReader(reader, CHUNK))
    return {"name": name, "size": info.size, "sha256": reader.sha256.hexdigest()}


def _write_archive(
    target: Path, kind: str, snapshot: _Snapshot, files_dir: Path
) -> tuple[Summary, set[str]]:
    """Write the archive from a snapshot; the referenced files it could not find."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.unvollstaendig")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # personal data
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            members = [_add(archive, DATABASE_MEMBER[kind], snapshot.database_file)]
            present = set()
            for path in stored_files(files_dir):
                try:
                    members.append(_add(archive, FILES_PREFIX + path.name, path))
                    present.add(path.name)
                except FileNotFoundError:  # removed this moment: not part of the snapshot
                    continue
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created_at": clock.now().isoformat(timespec="seconds"),
                "database": kind,
                "pg_dump_major": snapshot.pg_dump_major,
                "migration": snapshot.migration,
                "rows": snapshot.rows,
                "members": members,
            }
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(data), 0o600, int(clock.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    file_members = [m for m in members if m["name"].startswith(FILES_PREFIX)]
    missing = snapshot.referenced - present
    summary = Summary(
        target, kind, manifest["created_at"], snapshot.rows, len(file_members),
        sum(m["size"] for m in file_members), tuple(sorted(missing)),
    )  # fmt: skip
    return summary, missing


def backup(target: Path, url: str | None = None, files_dir: Path | None = None) -> Summary:
    """Write one consistent archive of the database and the file store to `target`
    (replaced only once the new archive is complete)."""
    url = url or db._current_url
    files_dir = Path(files_dir or settings.files_dir)
    kind = _kind(url)
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    snapshot_of = _sqlite_snapshot if kind == "sqlite" else _postgres_snapshot
    for _attempt in range(ATTEMPTS):
        with (
            tempfile.TemporaryDirectory(dir=target.parent, prefix=".sicherung-") as staging,
            snapshot_of(url, Path(staging)) as snapshot,
        ):
            summary, missing = _write_archive(target, kind, snapshot, files_dir)
        if not missing:
            return summary
    return summary  # files missing in every attempt: the store lacks them (the caller warns)


# --- restore --------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _allowed(name: str) -> bool:
    if name in (MANIFEST, *DATABASE_MEMBER.values()):
        return True
    return name.startswith(FILES_PREFIX) and bool(
        STORED_NAME.fullmatch(name.removeprefix(FILES_PREFIX))
    )


def _unpack(archive_path: Path, staging: Path) -> dict:
    """Every member into `staging` (flat names), checked against the manifest."""
    try:
        with tarfile.open(archive_path, mode="r:gz") as archive:
            for member in archive:
                if not member.isfile() or not _allowed(member.name):
                    raise BackupError(
                        texts.BACKUP_BROKEN.format(reason=f"unerwarteter Eintrag {member.name!r}")
                    )
                source = archive.extractfile(member)
                with (staging / member.name.replace("/", "_")).open("xb") as out:
                    shutil.copyfileobj(source, out, CHUNK)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(
            texts.BACKUP_UNREADABLE.format(path=archive_path, reason=error.__class__.__name__)
        ) from None
    try:
        manifest = json.loads((staging / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        raise BackupError(
            texts.BACKUP_UNREADABLE.format(path=archive_path, reason="kein Manifest")
        ) from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(
            texts.BACKUP_UNREADABLE.format(path=archive_path, reason="anderes Format")
        )
    listed = {m["name"] for m in manifest["members"]}
    unpacked = {p.name for p in staging.iterdir()} - {MANIFEST}
    if unpacked != {name.replace("/", "_") for name in listed}:
        raise BackupError(texts.BACKUP_BROKEN.format(reason="Einträge fehlen oder sind zu viel"))
    for member in manifest["members"]:
        path = staging / member["name"].replace("/", "_")
        if path.stat().st_size != member["size"] or _sha256(path) != member["sha256"]:
            raise BackupError(texts.BACKUP_BROKEN.format(reason=f"{member['name']} verändert"))
    return manifest


def _live_rows(url: str) -> dict[str, int]:
    engine = db.engine_for(url)
    try:
        with engine.connect() as connection:
            return _row_counts(connection)
    except Exception as error:
        reason = error.__class__.__name__
        raise BackupError(texts.RESTORE_NO_DATABASE.format(error=reason)) from None
    finally:
        engine.dispose()  # no pooled connection stays open on tables the restore replaces


def _restore_sqlite(url: str, staged: Path) -> None:
    target = make_url(url).database
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(staged)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)  # replaces every page of the target database
    finally:
        destination.close()
        source.close()


def _restore_postgres(url: str, staged: Path, dumped_major: int | None) -> None:
    client_major = _tool_major("pg_restore")
    if dumped_major and client_major < dumped_major:
        raise BackupError(
            texts.BACKUP_PG_TOO_OLD.format(
                tool="pg_restore", client=client_major, server=dumped_major
            )
        )
    libpq_url, env = _libpq(url)
    _run(
        "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
        "--single-transaction", "--exit-on-error", f"--dbname={libpq_url}", str(staged),
        env=env,
    )  # fmt: skip


def _put_files_in_place(staging: Path, files_dir: Path, names: set[str]) -> None:
    files_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    for name in names:
        os.replace(staging / (FILES_PREFIX + name).replace("/", "_"), files_dir / name)
    for stale in stored_files(files_dir):
        if stale.name not in names:  # only with --force: the store becomes the archive's
            stale.unlink()


def restore(
    archive_path: Path, url: str | None = None, files_dir: Path | None = None, force: bool = False
) -> Summary:
    """Put database and files of an archive in place; refuse a non-empty installation unless
    `force` (which replaces both)."""
    url = url or db._current_url
    files_dir = Path(files_dir or settings.files_dir)
    kind = _kind(url)
    # a migrated database without data is empty: only the migrations' own row counts not
    rows = sum(count for name, count in _live_rows(url).items() if name != MIGRATIONS_TABLE)
    present = stored_files(files_dir)
    if (rows or present) and not force:
        raise RestoreRefused(texts.RESTORE_NOT_EMPTY.format(rows=rows, files=len(present)))
    files_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=files_dir.parent, prefix=".wiederherstellung-"))
    try:
        manifest = _unpack(Path(archive_path), staging)
        if manifest["database"] != kind:
            raise BackupError(
                texts.BACKUP_KIND_MISMATCH.format(
                    archive=KIND_NAMES[manifest["database"]], target=KIND_NAMES[kind]
                )
            )
        staged_database = staging / DATABASE_MEMBER[kind]
        if kind == "sqlite":
            _restore_sqlite(url, staged_database)
        else:
            _restore_postgres(url, staged_database, manifest.get("pg_dump_major"))
        restored = _live_rows(url)
        differ = sorted(
            name for name, count in manifest["rows"].items() if restored.get(name) != count
        )
        if differ:
            raise BackupError(texts.RESTORE_COUNTS_DIFFER.format(tables=", ".join(differ)))
        file_members = [m for m in manifest["members"] if m["name"].startswith(FILES_PREFIX)]
        _put_files_in_place(
            staging, files_dir, {m["name"].removeprefix(FILES_PREFIX) for m in file_members}
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Summary(
        Path(archive_path), kind, _german_time(manifest["created_at"]), manifest["rows"],
        len(file_members), sum(m["size"] for m in file_members),
    )  # fmt: skip


def _german_time(iso: str) -> str:
    return dates.format_datetime(datetime.fromisoformat(iso))
