"""Operator commands (`portal --help`): demo data, mail outbox, registry import, PINs,
course import, documents and Vorlagen, health check, backup and restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _settings():
    """The portal's settings, read by the first command that needs them (`--help` needs none)."""
    from portal_app.settings import settings

    return settings


def _demo_load(_args) -> int:
    from portal_app.services import demo

    if not _settings().demo:
        print("Demo-Daten werden nur mit PORTAL_DEMO=1 geladen.", file=sys.stderr)
        return 2
    added = demo.load_demo_data()
    state = "angelegt" if added else "bereits vorhanden"
    print(f"Demo-Konto {demo.DEMO_EMAIL} ({state}), Passwort: {demo.DEMO_PASSWORD}")
    courses = demo.load_demo_courses()
    print(f"Demo-Kurse: {courses} angelegt" if courses else "Demo-Kurse: bereits vorhanden")
    return 0


def _mail_send(_args) -> int:
    from portal_app.services import mail

    if not _settings().smtp_enabled:
        print("PORTAL_SMTP_HOST ist nicht gesetzt: kein Versand möglich.", file=sys.stderr)
        return 2
    print(f"{mail.deliver_due()} Mail(s) zugestellt.")
    return 0


def _mail_status(_args) -> int:
    from portal_app.services import mail

    counts = mail.outbox_counts()
    print(
        f"im Postausgang: {counts.queued}, zugestellt: {counts.sent}, "
        f"endgültig fehlgeschlagen: {counts.failed}"
    )
    return 0


def _registry_import(args) -> int:
    from portal_app.services import registry

    try:
        result = registry.import_csv(args.kind, Path(args.file).read_bytes())
    except registry.ImportFailed as error:
        print(f"{args.file}: {error}. Nichts wurde importiert.", file=sys.stderr)
        return 1
    except (OSError, registry.ImportUnreadable):
        print(f"{args.file}: keine lesbare CSV-Datei in UTF-8.", file=sys.stderr)
        return 2
    print(f"{args.kind}: {result.added} neu, {result.updated} aktualisiert.")
    return 0


def _pin_issue(args) -> int:
    from portal_app.services import dates, pin_letter, pins, registry

    try:
        if args.betrieb:
            issued = pins.issue_for_betrieb(args.betrieb)
        else:
            issued = pins.issue_for_person(args.person)
    except registry.NumberRejected as error:
        print(str(error), file=sys.stderr)
        return 2
    except pins.RecordNotFound as error:
        print(f"Nicht im Verzeichnis: {error}", file=sys.stderr)
        return 1
    print(f"Neue PIN für {issued.target}, gültig bis {dates.format_date(issued.expires_at)}.")
    if args.brief:
        pin_letter.write_letter(issued, Path(args.brief), _settings().base_url)
        print(f"PIN-Brief: {args.brief}")
    print(issued.pin)
    return 0


def _pin_requests(_args) -> int:
    from portal_app.services import dates, pins

    requests = pins.open_requests()
    if not requests:
        print("Keine offenen Anforderungen.")
    for request in requests:
        print(
            f"{dates.format_datetime(request.created_at)}  {request.art:<8} {request.nummer:<14} "
            f"{request.account_email}"
        )
    return 0


def _courses_import(args) -> int:
    from portal_app.services import course_import

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"Datei nicht lesbar: {error}", file=sys.stderr)
        return 2
    try:
        result = course_import.import_csv(text)
    except course_import.ImportFailed as error:
        print("Nichts importiert. Fehler:", *error.errors, sep="\n  ", file=sys.stderr)
        return 1
    print(f"{result.added} Kurs(e) neu, {result.updated} aktualisiert.")
    return 0


# --- documents and Vorlagen -----------------------------------------------------------


def _documents_provide(args) -> int:
    from portal_app.services import documents, registry

    try:
        view = documents.provide(args.betrieb, args.person, args.titel, Path(args.file))
    except (documents.ProvideFailed, registry.NumberRejected) as error:
        print(f"Nicht bereitgestellt: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Datei nicht lesbar: {error}", file=sys.stderr)
        return 2
    except documents.files.FileTooLarge:
        print("Nicht bereitgestellt: Datei größer als erlaubt", file=sys.stderr)
        return 2
    print(f"Dokument {view.id} bereitgestellt für {view.owner_label}: {view.name}")
    return 0


def _vorlagen_add(args) -> int:
    from portal_app.services import files, vorlagen

    try:
        view = vorlagen.add(args.thema, args.titel, args.beschreibung, Path(args.file))
    except vorlagen.VorlageRejected as error:
        print(f"Nicht eingestellt: {error}", file=sys.stderr)
        return 2
    except files.FileTooLarge:
        print("Nicht eingestellt: Datei größer als erlaubt", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Datei nicht lesbar: {error}", file=sys.stderr)
        return 2
    print(f"Vorlage {view.id} eingestellt: {view.thema} / {view.titel} ({view.name})")
    return 0


def _vorlagen_remove(args) -> int:
    from portal_app.services import vorlagen

    try:
        view = vorlagen.remove(args.id)
    except vorlagen.VorlageNotFound:
        print(f"Keine Vorlage mit der Nummer {args.id}.", file=sys.stderr)
        return 1
    print(f"Vorlage {view.id} entfernt: {view.titel}")
    return 0


def _vorlagen_list(_args) -> int:
    from portal_app.services import vorlagen

    found = vorlagen.all_vorlagen()
    if not found:
        print("Keine Vorlagen eingestellt.")
    for view in found:
        print(f"{view.id:>4}  {view.thema:<20} {view.titel}  ({view.kind}, {view.name})")
    return 0


def _add_document_commands(groups) -> None:
    dokumente = groups.add_parser("dokumente", help="Dokumente für Betriebe und Personen")
    actions = dokumente.add_subparsers(dest="action", required=True)
    provide = actions.add_parser(
        "bereitstellen", help="Dokument bereitstellen (PDF, JPEG, PNG); Mitglieder erhalten Mail"
    )
    target = provide.add_mutually_exclusive_group(required=True)
    target.add_argument("--betrieb", metavar="NUMMER")
    target.add_argument("--person", metavar="KUNDENNUMMER")
    provide.add_argument("--titel", required=True, help="z. B. Beitragsbescheid 2026")
    provide.add_argument("file", metavar="FILE")
    provide.set_defaults(run=_documents_provide)

    vorlagen = groups.add_parser("vorlagen", help="Bibliothek der Vorlagen und Formulare")
    actions = vorlagen.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="Vorlage einstellen (PDF, DOCX, XLSX)")
    add.add_argument("--thema", required=True, help="Gruppe, z. B. Ausbildung")
    add.add_argument("--titel", required=True)
    add.add_argument("--beschreibung", default="", help="ein kurzer Satz")
    add.add_argument("file", metavar="FILE")
    add.set_defaults(run=_vorlagen_add)
    remove = actions.add_parser("remove", help="Vorlage entfernen")
    remove.add_argument("id", type=int, help="Nummer aus `portal vorlagen list`")
    remove.set_defaults(run=_vorlagen_remove)
    actions.add_parser("list", help="Vorlagen auflisten").set_defaults(run=_vorlagen_list)


# --- the chamber's staff -----------------------------------------------------------------


def _staff_create(args) -> int:
    from portal_app.services import staff
    from portal_app.services.emails import EmailRejected

    try:
        staff_id, token = staff.create(
            args.email, args.name, is_admin=args.admin, department_keys=args.abteilung or ()
        )
    except (staff.StaffRefused, EmailRejected) as error:
        print(error.message, file=sys.stderr)
        return 2
    role = "Administration" if args.admin else "Sachbearbeitung"
    print(f"Zugang {staff_id} für {args.name} <{args.email}> angelegt ({role}).")
    print("Einrichtungslink (24 Stunden gültig, nur einmal verwendbar):")
    print(staff.setup_link(token))
    return 0


def _staff_list(_args) -> int:
    from portal_app.services import departments, staff

    rows = staff.listing()
    if not rows:
        print("Keine Mitarbeitenden.")
    for row in rows:
        labels = ", ".join(departments.label(key) for key in row.departments) or "-"
        print(
            f"{row.name} <{row.email}>  admin: {'ja' if row.is_admin else 'nein'}  "
            f"Abteilungen: {labels}  aktiv: {'ja' if row.active else 'nein'}  "
            f"2FA eingerichtet: {'ja' if row.second_factor else 'nein'}"
        )
    return 0


def _add_staff_commands(groups) -> None:
    from portal_app.services import departments

    staff = groups.add_parser("mitarbeiter", help="Zugänge der Mitarbeitenden (Verwaltung)")
    actions = staff.add_subparsers(dest="action", required=True)
    create = actions.add_parser(
        "anlegen", help="Zugang anlegen; der Einrichtungslink steht in der letzten Zeile"
    )
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--admin", action="store_true", help="darf Mitarbeitende verwalten")
    create.add_argument(
        "--abteilung", action="append", choices=list(departments.ALL), help="mehrfach möglich"
    )
    create.set_defaults(run=_staff_create)
    actions.add_parser("list", help="Mitarbeitende auflisten").set_defaults(run=_staff_list)


# --- operations: health, backup, restore -------------------------------------------------


def _check_line(check) -> str:
    from portal_app import texts
    from portal_app.services import health

    facts = dict(check.facts)
    if "oldest_seconds" in facts:
        facts["oldest_minutes"] = facts["oldest_seconds"] // 60
        facts["limit_minutes"] = facts["limit_seconds"] // 60
    outcome = check.problem
    if check.ok and facts.get("configured") is False:
        outcome = "unconfigured"
    elif check.ok and facts.get("smtp") is False:
        outcome = "no_smtp"
    line = texts.CHECK_LINES.get((check.name, outcome)) or texts.CHECK_LINES[("*", outcome)]
    line = line.format(**facts, seconds=int(health.TIMEOUT_SECONDS))
    detail = f" ({check.detail})" if check.detail else ""
    return f"{texts.CHECK_LABELS[check.name]}: {line}{detail}"


def _check(_args) -> int:
    from portal_app import texts
    from portal_app.services import health

    report = health.run_checks()
    for check in report.checks:
        print(_check_line(check))
    if report.ok:
        print(texts.CHECK_ALL_OK)
        return 0
    # for cron (`… > /dev/null`): what failed, on the channel cron mails
    names = ", ".join(texts.CHECK_LABELS[name] for name in report.failed)
    print(texts.CHECK_FAILED.format(names=names), file=sys.stderr)
    for check in report.checks:
        if not check.ok:
            print(_check_line(check), file=sys.stderr)
    return 1


def _backup(args) -> int:
    from portal_app import texts
    from portal_app.services import backup

    try:
        summary = backup.backup(args.file)
    except backup.BackupError as error:
        print(f"Keine Sicherung geschrieben: {error}", file=sys.stderr)
        return 2
    print(summary.german(texts.BACKUP_DONE))
    if summary.missing_files:
        missing = summary.missing_files
        print(
            texts.BACKUP_FILES_MISSING.format(count=len(missing), names=", ".join(missing)),
            file=sys.stderr,
        )
        return 3
    return 0


def _restore(args) -> int:
    from portal_app import texts
    from portal_app.services import backup

    try:
        summary = backup.restore(args.file, force=args.force)
    except backup.RestoreRefused as error:
        print(str(error), file=sys.stderr)
        return 1
    except backup.BackupError as error:
        print(f"Nicht wiederhergestellt: {error}", file=sys.stderr)
        return 2
    print(summary.german(texts.RESTORE_DONE))
    return 0


def _add_operations_commands(groups) -> None:
    groups.add_parser(
        "check", help="Betriebsbereit? Datenbank, Redis, Postausgang, Dateiablage (für cron)"
    ).set_defaults(run=_check)
    saving = groups.add_parser(
        "backup", help="Datenbank und Dateiablage in eine Sicherung schreiben (tar.gz)"
    )
    saving.add_argument("file", type=Path, metavar="FILE", help="z. B. sicherung.tar.gz")
    saving.set_defaults(run=_backup)
    restoring = groups.add_parser(
        "restore", help="Sicherung in eine leere Installation zurückspielen"
    )
    restoring.add_argument("file", type=Path, metavar="FILE")
    restoring.add_argument(
        "--force",
        action="store_true",
        help="auch in eine nicht leere Installation: ersetzt Datenbank und Dateiablage",
    )
    restoring.set_defaults(run=_restore)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portal", description="Kundenportal: Betriebsbefehle")
    groups = parser.add_subparsers(dest="group", required=True)

    demo = groups.add_parser("demo", help="Demo-Daten").add_subparsers(dest="action", required=True)
    demo.add_parser("load", help="Demo-Daten einmalig laden").set_defaults(run=_demo_load)

    mail = groups.add_parser("mail", help="Postausgang").add_subparsers(
        dest="action", required=True
    )
    mail.add_parser("send", help="Fällige Mails jetzt zustellen").set_defaults(run=_mail_send)
    mail.add_parser("status", help="Postausgang zählen").set_defaults(run=_mail_status)

    # courses
    kurse = groups.add_parser("kurse", help="Kurskatalog").add_subparsers(
        dest="action", required=True
    )
    importer = kurse.add_parser(
        "import", help="Kurse aus einer CSV-Datei laden (alles oder nichts)"
    )
    importer.add_argument("file", type=Path, help="CSV-Datei (UTF-8, ; oder , getrennt)")
    importer.set_defaults(run=_courses_import)

    registry = groups.add_parser("registry", help="Verzeichnis der Betriebe und Personen")
    registry_actions = registry.add_subparsers(dest="action", required=True)
    importer = registry_actions.add_parser("import", help="CSV-Datei importieren (siehe README)")
    importer.add_argument("kind", choices=["betriebe", "personen"])
    importer.add_argument("file")
    importer.set_defaults(run=_registry_import)

    pin = groups.add_parser("pin", help="Freischalt-PINs").add_subparsers(
        dest="action", required=True
    )
    issue = pin.add_parser("issue", help="Neue PIN ausstellen (die PIN steht in der letzten Zeile)")
    target = issue.add_mutually_exclusive_group(required=True)
    target.add_argument("--betrieb", metavar="NUMMER")
    target.add_argument("--person", metavar="KUNDENNUMMER")
    issue.add_argument("--brief", metavar="FILE.pdf", help="PIN-Brief als PDF schreiben")
    issue.set_defaults(run=_pin_issue)
    pin.add_parser("requests", help="Offene PIN-Anforderungen").set_defaults(run=_pin_requests)
    _add_document_commands(groups)
    _add_staff_commands(groups)
    _add_operations_commands(groups)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _settings()  # a missing or bad setting stops here, with what to do
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
