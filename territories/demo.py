"""Demo territories: the Rhône département with its territorial moderator (and an
association of Saint-Priest waiting for him), the city of Vénissieux with a mediator (a
conseillère numérique), and the judo club of Vénissieux, which gave her its consent to post
and follow its missions (she has started one). Vénissieux proposes a pack numérique to its
citizen associations; the judo club took it and already sent its logo mission, « soutenue
par la Ville »."""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from geo.models import Commune, Departement
from missions.models import MissionTemplate
from missions.services import mission_create, mission_save_step, mission_submit
from organizations.models import Membership, Organization
from organizations.services import organization_create

from . import packs, services
from .models import Territory


def _person(ctx: DemoContext, key: str, name: str, who: str) -> User:
    user = User.objects.create(
        email=f"{key}@{DEMO_DOMAIN}",
        password=make_password(DEMO_PASSWORD),
        full_name=name,
        intent=User.Intent.OTHER,
        email_verified_at=timezone.now(),
    )
    ctx.add_login(who, user.email)
    ctx.objects["users"][key] = user
    return user


def _verified(organization: Organization, by: User | None) -> None:
    # A moderator's past decision, recorded without notifying anyone.
    organization.verification = Organization.Verification.VERIFIED
    organization.verified_at = timezone.now() - datetime.timedelta(days=120)
    organization.verified_by = by
    organization.save(update_fields=["verification", "verified_at", "verified_by"])


def build(ctx: DemoContext) -> None:
    users = ctx.objects["users"]
    moderator = users.get("nadia")
    claire = _person(ctx, "claire", "Claire Dubois", "Agente du Département du Rhône (admin)")
    marc = _person(ctx, "marc", "Marc Lefort", "Modérateur du territoire du Rhône")
    rhone = organization_create(
        by=claire,
        kind=Organization.Kind.LOCAL_AUTHORITY,
        name="Département du Rhône",
        commune_id="69123",
        description="Le Département accompagne les associations de ses communes.",
        siren="226900017",
    )
    _verified(rhone, moderator)
    Membership.objects.create(organization=rhone, user=marc, role=Membership.Role.MEMBER)
    territory = services.territory_declare(
        authority=rhone,
        by=claire,
        level=Territory.Level.DEPARTEMENT,
        departement=Departement.objects.get(pk="69"),
    )
    services.moderator_appoint(territory=territory, user=marc, by=claire)

    hugo = _person(ctx, "hugo", "Hugo Garcia", "Agent de la Ville de Vénissieux (admin)")
    nora = _person(ctx, "nora", "Nora Haddad", "Médiatrice numérique à Vénissieux")
    venissieux = organization_create(
        by=hugo,
        kind=Organization.Kind.LOCAL_AUTHORITY,
        name="Ville de Vénissieux",
        commune_id="69259",
        description="La Ville et son espace France Services aident les associations.",
        siren="216902593",
    )
    _verified(venissieux, moderator)
    Membership.objects.create(organization=venissieux, user=nora, role=Membership.Role.MEMBER)
    city = services.territory_declare(
        authority=venissieux,
        by=hugo,
        level=Territory.Level.COMMUNE,
        communes=[Commune.objects.get(pk="69259")],
    )
    mediator = services.mediator_designate(territory=city, user=nora, by=hugo)

    admin = None
    judo = ctx.objects.get("organizations", {}).get("judo_venissieux") or (
        Organization.objects.filter(kind=Organization.Kind.ASSOCIATION, commune_id="69259")
        .order_by("pk")
        .first()
    )
    if judo is not None:
        admin = (
            Membership.objects.filter(organization=judo, role=Membership.Role.ADMIN)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if admin is not None:
            consent = services.consent_give(
                association=judo,
                mediator=mediator,
                by=admin.user,
                purpose="Publier l’affiche du tournoi de printemps et suivre les candidatures",
                until=timezone.localdate() + datetime.timedelta(days=90),
            )
            # Nora already started the poster's mission for the club: its « fait pour
            # vous » page shows it.
            poster = MissionTemplate.objects.filter(is_active=True).order_by("pk").first()
            mission_create(organization=judo, template=poster, by=nora)
            ctx.objects.setdefault("consents", []).append(consent)

    pack = _pack(ctx, venissieux, hugo)
    if judo is not None and admin is not None:
        claim = packs.pack_claim(pack=pack, association=judo, by=admin.user)
        # The club described its logo at once and sent it: online, « soutenue par la Ville ».
        logo = claim.missions.get(template__slug="logo-visual-identity")
        mission_save_step(
            mission=logo,
            step=1,
            data={
                "need": "Notre club a 40 ans et toujours le même logo photocopié : nous "
                "voudrions un logo simple, lisible sur les kimonos et les affiches du tournoi."
            },
            by=admin.user,
        )
        mission_submit(mission=logo, by=admin.user)

    # An association of the Rhône waiting for its verification: Marc's queue.
    odile = _person(ctx, "odile", "Odile Perrin", "Association de Saint-Priest (en attente)")
    organization_create(
        by=odile,
        kind=Organization.Kind.ASSOCIATION,
        association_type=Organization.AssociationType.CITIZEN,
        name="Les Amis de la Médiathèque de Saint-Priest",
        commune_id="69290",
        description="Lectures, ateliers d’écriture et une grainothèque, tenus par des bénévoles.",
        rna="W691234567",
    )
    ctx.objects.setdefault("organizations", {}).update(rhone=rhone, venissieux=venissieux)


# The pack of the Ville de Vénissieux: three first steps for its citizen associations.
PACK_TEMPLATES = ("logo-visual-identity", "showcase-website", "online-memberships-donations")


def _pack(ctx: DemoContext, venissieux: Organization, hugo: User):
    today = timezone.localdate()
    pack = packs.pack_compose(
        authority=venissieux,
        by=hugo,
        title="Pack numérique 2026 de la Ville de Vénissieux",
        presentation=(
            "La Ville offre à ses associations de bénévoles un premier pas numérique : un "
            "logo, un petit site pour se présenter et les adhésions en ligne, réalisés par "
            "des étudiant·es bénévoles. L’espace France Services vous aide si besoin."
        ),
        templates=list(MissionTemplate.objects.filter(slug__in=PACK_TEMPLATES)),
        association_type=Organization.AssociationType.CITIZEN,
        places=10,
        opens_on=today - datetime.timedelta(days=20),
        closes_on=today + datetime.timedelta(days=100),
        budget_note="L’hébergement du site est payé par la Ville pendant un an.",
    )
    packs.pack_publish(pack=pack, by=hugo)
    ctx.objects.setdefault("packs", {})["venissieux"] = pack
    return pack
