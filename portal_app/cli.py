"""Operator commands: `portal demo load`, `portal mail send`, `portal mail status`,
`portal kurse import FILE.csv`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from portal_app.settings import settings


def _demo_load(_args) -> int:
    from portal_app.services import demo

    if not settings.demo:
        print("Demo-Daten werden nur mit PORTAL_DEMO=1 geladen.", file=sys.stderr)
        return 2
    added = demo.load_demo_data()
    state = "angelegt" if added else "bereits vorhanden"
    print(f"Demo-Konto {demo.DEMO_EMAIL} ({state}), Passwort: {demo.DEMO_PASSWORD}")
    courses = demo.load_demo_courses()  # issue 5
    print(f"Demo-Kurse: {courses} angelegt" if courses else "Demo-Kurse: bereits vorhanden")
    return 0


def _mail_send(_args) -> int:
    from portal_app.services import mail

    if not settings.smtp_enabled:
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

    # issue 5: courses
    kurse = groups.add_parser("kurse", help="Kurskatalog").add_subparsers(
        dest="action", required=True
    )
    importer = kurse.add_parser(
        "import", help="Kurse aus einer CSV-Datei laden (alles oder nichts)"
    )
    importer.add_argument("file", type=Path, help="CSV-Datei (UTF-8, ; oder , getrennt)")
    importer.set_defaults(run=_courses_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
