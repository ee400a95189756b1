"""Rebuild geo/data/*.csv.gz from the npm package @etalab/decoupage-administratif.

    npm pack @etalab/decoupage-administratif && tar xzf etalab-*.tgz
    uv run python manage.py build_communes package/data

Only needed when INSEE publishes a new geography; the result is committed.
"""

import csv
import gzip
import json
from pathlib import Path

from django.core.management.base import BaseCommand

DATA = Path(__file__).resolve().parents[2] / "data"


class Command(BaseCommand):
    help = "Rebuild the shipped commune, département and région files from Etalab's data set."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the data/ folder of @etalab/decoupage-administratif")

    def handle(self, *args, source: str, **options):
        source = Path(source)
        regions = json.loads((source / "regions.json").read_text())
        departements = json.loads((source / "departements.json").read_text())
        communes = json.loads((source / "communes.json").read_text())
        self._write("regions", ["code", "name"], [(r["code"], r["nom"]) for r in regions])
        self._write(
            "departements",
            ["code", "name", "region"],
            [(d["code"], d["nom"], d["region"]) for d in departements],
        )
        # Current communes only: delegated and associated communes, and the arrondissements
        # of Paris, Lyon and Marseille, would make one postal code point at two places.
        kept = [c for c in communes if c["type"] == "commune-actuelle" and "departement" in c]
        self._write(
            "communes",
            ["code", "name", "departement", "region", "postal_codes", "population"],
            [
                (
                    c["code"],
                    c["nom"],
                    c["departement"],
                    c["region"],
                    " ".join(c.get("codesPostaux", [])),
                    c.get("population") or 0,
                )
                for c in kept
            ],
        )
        self.stdout.write(
            f"{len(regions)} régions, {len(departements)} départements, {len(kept)} communes"
        )

    def _write(self, name: str, header: list[str], rows: list) -> None:
        with gzip.open(DATA / f"{name}.csv.gz", "wt", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
