from accounts import demo as accounts_demo
from core.demo import DemoContext
from organizations import demo
from organizations.models import Organization
from organizations.validators import validate_rna, validate_siren


def test_the_demo_has_associations_across_france_and_the_named_cast(db):
    ctx = DemoContext(seed=2026, options={"volunteers": 1}, quiet=True)
    accounts_demo.build(ctx)

    demo.build(ctx)

    associations = ctx.objects["associations"]
    assert len(associations) >= 30
    assert len({a.departement_code for a in associations}) >= 20
    assert {a.association_type for a in associations} == {"citizen", "professional"}
    assert 0 < sum(not a.is_verified for a in associations) < 8
    users = ctx.objects["users"]
    belleville = ctx.objects["organizations"]["belleville"]
    assert belleville.name == "Les Jardins Partagés de Belleville"
    assert belleville.is_verified
    assert belleville.memberships.get(user=users["martine"]).role == "admin"
    assert belleville.memberships.get(user=users["yacine"]).role == "member"
    assert users["yacine"].memberships.get(role="admin").organization.association_type == (
        "professional"
    )
    school = ctx.objects["organizations"]["design_nantes"]
    assert school.kind == Organization.Kind.SCHOOL
    assert school.memberships.get().user == users["sophie"]
    metropole = ctx.objects["organizations"]["metropole_lyon"]
    assert metropole.kind == Organization.Kind.LOCAL_AUTHORITY
    assert metropole.memberships.get().user == users["paul"]
    for organization in Organization.objects.all():
        if organization.rna:
            validate_rna(organization.rna)
        if organization.siren:
            validate_siren(organization.siren)
