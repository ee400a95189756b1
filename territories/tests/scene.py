"""The territories' scene, shared by the app's tests and the permission walk.

The Rhône département (verified) declared its whole département; Claire administers it and
appointed Marc, an agent, moderator of the territory. The Ville de Vénissieux (verified)
declared its commune and designated two mediators: Nora, to whom Odette's association of
Vénissieux gave its consent, and Sami, to whom nobody did. Odette's association waits for
its verification and has a mission waiting for approval.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.tests.factories import UserFactory
from geo.models import Commune, Departement
from missions.models import Status
from missions.tests.factories import MissionFactory
from organizations.tests.factories import AssociationFactory, MembershipFactory
from territories import services
from territories.models import Territory

from .factories import AuthorityFactory


def build() -> dict:
    claire = UserFactory(full_name="Claire Rhône", email="claire@example.org")
    marc = UserFactory(full_name="Marc Modérateur", email="marc@example.org")
    rhone = AuthorityFactory(name="Département du Rhône", verified=True)
    MembershipFactory(organization=rhone, user=claire, role="admin")
    MembershipFactory(organization=rhone, user=marc)
    rhone_territory = services.territory_declare(
        authority=rhone,
        by=claire,
        level=Territory.Level.DEPARTEMENT,
        departement=Departement.objects.get(pk="69"),
    )
    services.moderator_appoint(territory=rhone_territory, user=marc, by=claire)

    hugo = UserFactory(full_name="Hugo Maire", email="hugo@example.org")
    nora = UserFactory(full_name="Nora Aidante", email="nora@example.org")
    sami = UserFactory(full_name="Sami Conseiller", email="sami@example.org")
    venissieux = AuthorityFactory(name="Ville de Vénissieux", verified=True, commune_id="69259")
    MembershipFactory(organization=venissieux, user=hugo, role="admin")
    MembershipFactory(organization=venissieux, user=nora)
    MembershipFactory(organization=venissieux, user=sami)
    city = services.territory_declare(
        authority=venissieux,
        by=hugo,
        level=Territory.Level.COMMUNE,
        communes=[Commune.objects.get(pk="69259")],
    )
    nora_mediator = services.mediator_designate(territory=city, user=nora, by=hugo)
    services.mediator_designate(territory=city, user=sami, by=hugo)

    odette = UserFactory(full_name="Odette Trésorière", email="odette@example.org")
    garden = AssociationFactory(
        name="Jardins des Minguettes",
        commune_id="69259",
        departement_code="69",
        region_code="84",
    )
    MembershipFactory(organization=garden, user=odette, role="admin")
    consent = services.consent_give(
        association=garden,
        mediator=nora_mediator,
        by=odette,
        purpose="Publier notre affiche de la fête des jardins",
        until=timezone.localdate() + timedelta(days=60),
    )
    submitted = MissionFactory(
        organization=garden, created_by=odette, status=Status.SUBMITTED, title="Affiche"
    )
    draft = MissionFactory(organization=garden, created_by=odette, status=Status.DRAFT)
    return {
        "users": {
            "claire": claire,
            "marc": marc,
            "hugo": hugo,
            "nora": nora,
            "sami": sami,
            "odette": odette,
        },
        "rhone": rhone,
        "venissieux": venissieux,
        "garden": garden,
        "consent": consent,
        "submitted": submitted,
        "draft": draft,
        "nora_mediator": nora_mediator,
    }
