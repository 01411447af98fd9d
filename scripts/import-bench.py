#!/usr/bin/env python3
"""Writes the inputs of the import benchmark (docs/performance.md, "Import"):
a 10,000-moment log (base.ron) and a running doc of 100 meetings with 8 wins and
2 action items each, 1,000 items in all (notes.md), into the directory given."""
import datetime
import pathlib
import sys

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
out.mkdir(parents=True, exist_ok=True)
parts = [
    'Log(\n    version: 1,\n    owner: Person(name: "Mara Chen", level: "L5"),\n'
    '    manager: "Tess Obi",\n    target: Target(level: "L6", submission: "2027-03-01"),\n'
    '    projects: {"search": Project(name: "Search")},\n    moments: [\n'
]
start = datetime.date(2020, 1, 1)
for i in range(10000):
    day = start + datetime.timedelta(days=i % 2000)
    parts.append(
        f'        Moment(\n            id: "m{i + 1:05}",\n            date: "{day}",\n'
        f'            tag: Decision,\n            project: "search",\n'
        f'            what: "Decided thing number {i} for the search team",\n'
        f'            reach: Team,\n            impact: "saved {i} hours",\n        ),\n'
    )
parts.append("    ],\n)\n")
(out / "base.ron").write_text("".join(parts))
notes = []
for week in range(100):
    day = datetime.date(2026, 1, 1) + datetime.timedelta(days=week)
    notes.append(f"## {day}\n\n### Wins\n")
    notes += [f"- Killed legacy job {week}-{j} after the review → saved {j} hours a week\n" for j in range(8)]
    notes.append("\n### Action items\n")
    notes += [f"- [Me] Send the note {week}-{j} by Friday\n" for j in range(2)]
(out / "notes.md").write_text("".join(notes))
