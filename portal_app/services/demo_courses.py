"""About forty realistic courses for the demo, dated from today on (2026/2027)."""

from __future__ import annotations

from datetime import date, timedelta

from portal_app.services.course_import import CourseData

# title, category, description, duration in days, schedule, price in euros, seats
TEMPLATES = (
    ("Meistervorbereitung Teil III (Betriebswirtschaft)", "Meisterschule",
     "Betriebswirtschaftliche, kaufmännische und rechtliche Kenntnisse für alle Gewerke. "
     "Abschluss mit der Prüfung vor dem Meisterprüfungsausschuss.", 120,
     "Mo und Mi 18:00–21:15 Uhr, Sa 8:00–13:00 Uhr", 2450, 24),
    ("Meistervorbereitung Teil IV (Berufs- und Arbeitspädagogik)", "Meisterschule",
     "Ausbilden im Handwerk: planen, durchführen, abschließen. Entspricht der AEVO-Prüfung.",
     40, "Mo–Fr 8:00–16:00 Uhr", 890, 20),
    ("Meisterschule Tischler Teil I und II, Vollzeit", "Meisterschule",
     "Fachpraxis und Fachtheorie im Tischlerhandwerk mit Meisterprüfungsprojekt.", 200,
     "Mo–Fr 7:30–15:45 Uhr", 9800, 16),
    ("Meisterschule Elektrotechnik Teil I und II, Teilzeit", "Meisterschule",
     "Energie- und Gebäudetechnik, Kommunikations- und Sicherheitstechnik, Systemelektronik.",
     540, "Fr 16:00–21:00 Uhr, Sa 8:00–15:00 Uhr", 11200, 18),
    ("Meisterschule Kfz-Technik Teil I und II", "Meisterschule",
     "Diagnose, Hochvolttechnik und Werkstattführung für angehende Kfz-Meister.", 180,
     "Mo–Fr 8:00–16:00 Uhr", 10400, 16),
    ("Ausbildung der Ausbilder (AEVO), Kompaktkurs", "Ausbildereignung",
     "Vorbereitung auf die Ausbildereignungsprüfung nach AEVO in vier Wochen.", 26,
     "Mo–Do 8:00–15:30 Uhr", 690, 20),
    ("Ausbildung der Ausbilder (AEVO), berufsbegleitend", "Ausbildereignung",
     "Abends und samstags zur Ausbildereignung, mit Prüfungssimulation.", 70,
     "Di und Do 18:00–21:15 Uhr", 720, 20),
    ("MAG-Schweißen nach DIN EN ISO 9606-1", "Sachkunde/Schweißen",
     "Metall-Aktivgasschweißen an Blech und Rohr mit Prüfung vor der Prüfstelle.", 10,
     "Mo–Fr 7:30–15:30 Uhr", 1350, 8),
    ("WIG-Schweißen Edelstahl", "Sachkunde/Schweißen",
     "Wolfram-Inertgasschweißen an CrNi-Stählen; Schweißerprüfung optional.", 10,
     "Mo–Fr 7:30–15:30 Uhr", 1490, 8),
    ("Sachkunde Kältemittel nach ChemKlimaschutzV, Kategorie I", "Sachkunde/Schweißen",
     "Zertifizierung für Arbeiten an Kälte- und Klimaanlagen mit fluorierten Gasen.", 4,
     "Mo–Do 8:00–16:30 Uhr", 980, 12),
    ("Elektrofachkraft für festgelegte Tätigkeiten", "Sachkunde/Schweißen",
     "Für Anlagenmechaniker SHK: Elektroarbeiten an Heizungs- und Sanitäranlagen.", 12,
     "Mo–Fr 8:00–16:00 Uhr", 1290, 12),
    ("Asbest-Sachkunde nach TRGS 519, Anlage 4C", "Sachkunde/Schweißen",
     "Sachkunde für Arbeiten mit geringer Exposition an asbesthaltigen Materialien.", 1,
     "8:00–17:00 Uhr", 320, 20),
    ("Gebäudeenergieberater (HWK)", "Weiterbildung",
     "Energieberatung für Wohngebäude nach GEG, mit BAFA-Anerkennung.", 60,
     "Fr 14:00–20:00 Uhr, Sa 8:00–15:00 Uhr", 3850, 18),
    ("Restaurator im Handwerk – Tischler", "Weiterbildung",
     "Denkmalpflege, historische Techniken und Dokumentation.", 150,
     "Blockwochen, Mo–Fr 8:00–16:00 Uhr", 5900, 12),
    ("Fachkraft für Photovoltaik und Speicher", "Weiterbildung",
     "Planung, Montage und Inbetriebnahme von PV-Anlagen mit Batteriespeicher.", 5,
     "Mo–Fr 8:00–16:00 Uhr", 1190, 14),
    ("Wärmepumpen-Praxis für SHK-Betriebe", "Weiterbildung",
     "Auslegung, hydraulischer Abgleich und Inbetriebnahme von Wärmepumpen.", 3,
     "Mi–Fr 8:00–16:00 Uhr", 690, 14),
    ("Geprüfter Betriebswirt (HwO)", "Betriebswirtschaft",
     "Die höchste betriebswirtschaftliche Qualifikation im Handwerk.", 330,
     "Fr 17:00–21:00 Uhr, Sa 8:00–15:00 Uhr", 4980, 22),
    ("Kaufmännische Fachwirtin / Kaufmännischer Fachwirt (HwO)", "Betriebswirtschaft",
     "Für die rechte Hand der Chefin oder des Chefs: Buchführung, Personal, Marketing.", 260,
     "Di und Do 18:00–21:15 Uhr", 3690, 22),
    ("Kalkulation im Handwerk", "Betriebswirtschaft",
     "Stundenverrechnungssatz, Angebot und Nachkalkulation an Beispielen aus der Praxis.", 2,
     "Sa 8:30–15:30 Uhr", 290, 20),
    ("Digitale Auftragsabwicklung und E-Rechnung", "Digitalisierung",
     "Vom Aufmaß bis zur E-Rechnung (XRechnung, ZUGFeRD) ohne Medienbruch.", 1,
     "9:00–16:00 Uhr", 190, 20),
)  # fmt: skip
LOCATIONS = (
    "Bildungszentrum Musterstadt",
    "Technologiezentrum Nordhafen",
    "Bildungszentrum Talheim",
)


def demo_courses(today: date) -> list[CourseData]:
    """Two runs of every template, spread over the next fifteen months."""
    courses = []
    for run in range(2):
        for number, (title, category, text, days, schedule, euros, seats) in enumerate(TEMPLATES):
            starts_on = today + timedelta(days=21 + number * 9 + run * 200)
            courses.append(
                CourseData(
                    code=f"K-{starts_on.year}-{number + 1:02d}{run + 1}",
                    title=title,
                    category=category,
                    description=text,
                    location=LOCATIONS[(number + run) % len(LOCATIONS)],
                    starts_on=starts_on,
                    ends_on=starts_on + timedelta(days=days - 1),
                    schedule=schedule,
                    price_cents=euros * 100,
                    capacity=seats,
                    booking_deadline=starts_on - timedelta(days=7),
                )
            )
    return courses
