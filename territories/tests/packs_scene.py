"""The packs' scene, on top of the territories' one (scene.py), shared by the packs' tests
and the permission walk.

Hugo, admin of the Ville de Vénissieux, proposes a pack for its citizen associations (a logo,
a showcase site, online memberships; two places) and prepares another one. Odette
administers the Jardins des Minguettes (citizen, in Vénissieux: eligible), where Gaston is
a plain member; Paula administers a professional association of Vénissieux and Louis a
citizen one of Lyon: the pack is not for either. Nora is an agent of the city, not an admin;
Claire administers another authority (the Rhône).
"""

from datetime import timedelta

from django.utils import timezone

from accounts.tests.factories import UserFactory
from missions.models import MissionTemplate
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory, MembershipFactory
from territories import packs

from .scene import build as build_territories

TEMPLATES = ("logo-visual-identity", "showcase-website", "online-memberships-donations")


def pack_data(**changes) -> dict:
    today = timezone.localdate()
    data = {
        "title": "Pack numérique des Minguettes",
        "presentation": "La Ville offre un logo, un petit site et les adhésions en ligne.",
        "templates": list(MissionTemplate.objects.filter(slug__in=TEMPLATES)),
        "association_type": Organization.AssociationType.CITIZEN,
        "causes": [],
        "sizes": [],
        "places": 2,
        "opens_on": today - timedelta(days=1),
        "closes_on": today + timedelta(days=60),
        "budget_note": "Hébergement du site payé pendant un an",
    }
    data.update(changes)
    return data


def build() -> dict:
    scene = build_territories()
    users = scene["users"]
    hugo, venissieux = users["hugo"], scene["venissieux"]
    gaston = UserFactory(full_name="Gaston Jardinier", email="gaston@example.org")
    MembershipFactory(organization=scene["garden"], user=gaston)
    paula = UserFactory(full_name="Paula Directrice", email="paula@example.org")
    pro = AssociationFactory(
        name="Insertion Pro Vénissieux",
        association_type=Organization.AssociationType.PROFESSIONAL,
        commune_id="69259",
        departement_code="69",
        region_code="84",
    )
    MembershipFactory(organization=pro, user=paula, role="admin")
    louis = UserFactory(full_name="Louis Lyonnais", email="louis@example.org")
    theatre = AssociationFactory(
        name="Théâtre des Pentes", commune_id="69123", departement_code="69", region_code="84"
    )
    MembershipFactory(organization=theatre, user=louis, role="admin")

    pack = packs.pack_compose(authority=venissieux, by=hugo, **pack_data())
    packs.pack_publish(pack=pack, by=hugo)
    draft = packs.pack_compose(
        authority=venissieux, by=hugo, **pack_data(title="Pack ateliers (en préparation)")
    )
    return {
        **scene,
        "users": {**users, "gaston": gaston, "paula": paula, "louis": louis},
        "pro": pro,
        "theatre": theatre,
        "pack": pack,
        "draft_pack": draft,
    }
