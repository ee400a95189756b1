"""Load the shipped geography files (geo/data/*.csv.gz) into the database."""

import csv
import gzip
from pathlib import Path

from .text import searchable

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str):
    with gzip.open(DATA / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as source:
        yield from csv.DictReader(source)


def load(apps=None) -> int:
    """Insert every région, département and commune; return the number of communes."""
    if apps is None:
        from django.apps import apps
    Region = apps.get_model("geo", "Region")
    Departement = apps.get_model("geo", "Departement")
    Commune = apps.get_model("geo", "Commune")
    Region.objects.bulk_create(
        [Region(code=r["code"], name=r["name"]) for r in _rows("regions")],
        ignore_conflicts=True,
    )
    Departement.objects.bulk_create(
        [
            Departement(code=d["code"], name=d["name"], region_id=d["region"])
            for d in _rows("departements")
        ],
        ignore_conflicts=True,
    )
    communes = [
        Commune(
            insee=c["code"],
            name=c["name"],
            search_name=searchable(c["name"]),
            departement_id=c["departement"],
            region_id=c["region"],
            postal_codes=c["postal_codes"],
            population=int(c["population"] or 0),
        )
        for c in _rows("communes")
    ]
    Commune.objects.bulk_create(communes, batch_size=2000, ignore_conflicts=True)
    return len(communes)
