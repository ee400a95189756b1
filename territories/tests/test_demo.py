"""The demo: the Rhône with its moderator, Vénissieux with a mediator, a consent given, and
a pack numérique that the judo club took."""

from core.demo import DemoContext
from organizations.tests.factories import AssociationFactory, MembershipFactory
from territories import demo
from territories.models import Consent, Mediator, TerritorialModerator, Territory


def test_the_demo_builds_a_departement_a_commune_inside_and_a_consent(db):
    judo = AssociationFactory(
        name="Club de Judo de Vénissieux",
        commune_id="69259",
        departement_code="69",
        region_code="84",
    )
    MembershipFactory(organization=judo, role="admin")
    ctx = DemoContext(seed=1, quiet=True)
    ctx.objects["users"] = {}
    ctx.objects["organizations"] = {"judo_venissieux": judo}

    demo.build(ctx)

    rhone = Territory.objects.get(level="departement")
    assert rhone.departement_id == "69" and rhone.authority.is_verified
    assert TerritorialModerator.objects.get(territory=rhone).user.full_name == "Marc Lefort"
    city = Territory.objects.get(level="commune")
    assert list(city.communes.values_list("insee", flat=True)) == ["69259"]
    mediator = Mediator.objects.get(territory=city)
    consent = Consent.objects.get()
    assert consent.association == judo and consent.mediator == mediator and consent.is_active
    # The mediator has started a mission for the club, in its name; Marc has work waiting.
    from audit.models import AuditEvent
    from organizations.models import Organization

    assert AuditEvent.objects.filter(verb="mission.created", data__on_behalf=judo.pk).exists()
    pending = Organization.objects.get(name="Les Amis de la Médiathèque de Saint-Priest")
    assert pending.is_pending_verification and pending.departement_code == "69"


def test_the_demo_commune_proposes_a_pack_the_judo_club_took(db):
    from missions.models import Mission, Status
    from territories.models import Pack, PackClaim

    judo = AssociationFactory(
        name="Club de Judo de Vénissieux",
        commune_id="69259",
        departement_code="69",
        region_code="84",
        verified=True,
    )
    MembershipFactory(organization=judo, role="admin")
    ctx = DemoContext(seed=1, quiet=True)
    ctx.objects["users"] = {}
    ctx.objects["organizations"] = {"judo_venissieux": judo}

    demo.build(ctx)

    pack = Pack.objects.get()
    assert pack.is_published and pack.authority.name == "Ville de Vénissieux"
    assert pack.templates.count() == 3 and pack.places == 10 and pack.budget_note
    claim = PackClaim.objects.get()
    assert claim.association == judo and claim.missions.count() == 3
    assert set(Mission.objects.filter(sponsor=pack.authority).values_list("status", flat=True)) == {
        Status.DRAFT,
        Status.OPEN,
    }
