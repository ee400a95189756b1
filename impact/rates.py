"""The shipped hourly rates, one per skill domain: estimates of what the same work would
cost from a French freelancer, loaded by a data migration and editable by staff after.

Each rate is a public day rate (TJM, « taux journalier moyen », before VAT) divided by 7
hours and rounded to the euro. Where a source gives a range, the low end is taken: the
volunteers are students and young professionals, and an estimate that errs low is one an
association can repeat without overstating. docs/impact.md lists the same table.
"""

from decimal import Decimal

HOURS_PER_DAY = 7

# domain slug: (day rate in euros, where it comes from)
DEFAULTS: dict[str, tuple[int, str]] = {
    "graphic-design": (
        320,
        "Graphiste indépendant : environ 320 € par jour (ABC Portage, « TJM Graphiste "
        "Freelance », abcportage.fr).",
    ),
    "web": (
        450,
        "Développeur web indépendant : 450 à 550 € par jour, 472 € pour un profil junior "
        "(Openwork, citant le baromètre Opteamis du 4e trimestre 2022) ; fourchette basse.",
    ),
    "communication": (
        300,
        "Community manager indépendant confirmé : environ 300 € par jour (Beager, « TJM "
        "Community manager », blog.beager.com ; 150 € débutant, 500 € expérimenté).",
    ),
    "audiovisual": (
        300,
        "Vidéaste, monteur : environ 300 € par jour, le minimum de la convention collective "
        "de l’audiovisuel pour un technicien intermittent, avant charges (florentcurk.com, "
        "sso-video.com).",
    ),
    "data-office": (
        350,
        "Consultant indépendant en bureautique et données : environ 357 € par jour "
        "(l-expert-comptable.com, exemple de calcul de TJM pour un cadre à 4 000 € brut "
        "par mois) ; arrondi à 350 €.",
    ),
    "ux-accessibility": (
        400,
        "Ergonome, designer UX indépendant : 400 € par jour, le seuil sous lequel un TJM "
        "n’est pas viable selon un cabinet d’ergonomie (iergo.fr, « Comprendre le TJM d’un "
        "freelance »).",
    ),
    "training": (
        300,
        "Formateur indépendant : 300 à 1 200 € par jour (hellomybusiness.fr, « Comment "
        "calculer le tarif horaire d’un formateur indépendant ») ; fourchette basse.",
    ),
}


def hourly(day_rate: int) -> Decimal:
    return Decimal(round(day_rate / HOURS_PER_DAY))


def load(apps) -> None:
    """Create the rate of every shipped domain that has none (the migration, the tests)."""
    SkillDomain = apps.get_model("taxonomy", "SkillDomain")
    HourlyRate = apps.get_model("impact", "HourlyRate")
    known = set(HourlyRate.objects.values_list("domain__slug", flat=True))
    for domain in SkillDomain.objects.filter(slug__in=DEFAULTS).exclude(slug__in=known):
        day_rate, source = DEFAULTS[domain.slug]
        HourlyRate.objects.create(
            domain=domain,
            rate=hourly(day_rate),
            source=f"{day_rate} € ÷ {HOURS_PER_DAY} h. {source}",
        )
