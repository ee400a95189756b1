"""A local authority composes a pack numérique and proposes it; the associations it is for
see it on their dashboard and their diagnosis's plan and take it in one click, which makes
their missions, sponsored; the authority follows them. The others never see it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from missions.models import Mission, Status
from notifications.models import Notification
from organizations.models import Organization
from organizations.tests.factories import MembershipFactory
from taxonomy.models import Cause
from territories import packs
from territories.lifecycle import PACK, claim_refusal, eligibility_refusal
from territories.models import Pack, PackClaim

from .packs_scene import TEMPLATES, pack_data


def _claim(client, user, pack, association):
    client.force_login(user)
    return client.post(
        reverse("territories:pack_claim", args=[pack.pk]), {"association": association.slug}
    )


def _form(**changes) -> dict:
    data = pack_data(**changes)
    return {
        **data,
        "templates": [t.pk for t in data["templates"]],
        "causes": [c.pk for c in data["causes"]],
        "opens_on": data["opens_on"].isoformat(),
        "closes_on": data["closes_on"].isoformat(),
    }


# --- The authority composes and proposes ---------------------------------------------------
def test_the_authoritys_admin_composes_a_pack_that_stays_in_preparation(client, pack_scene):
    hugo, venissieux = pack_scene["users"]["hugo"], pack_scene["venissieux"]
    client.force_login(hugo)
    url = reverse("territories:pack_new", args=[venissieux.slug])
    assert client.get(url).status_code == 200

    response = client.post(url, _form(title="Pack atelier numérique", sizes=["1-10", "11-50"]))

    pack = Pack.objects.get(title="Pack atelier numérique")
    assert response.url == reverse("territories:pack_follow", args=[venissieux.slug, pack.pk])
    assert pack.is_draft and pack.authority == venissieux and pack.created_by == hugo
    assert sorted(pack.templates.values_list("slug", flat=True)) == sorted(TEMPLATES)
    assert pack.sizes == ["1-10", "11-50"]
    assert pack.budget_note == "Hébergement du site payé pendant un an"
    assert AuditEvent.objects.filter(verb="pack.composed", object_id=pack.pk, actor=hugo).exists()
    # In preparation: the associations do not see it.
    odette = pack_scene["users"]["odette"]
    client.force_login(odette)
    assert "Pack atelier numérique" not in client.get("/").content.decode()
    assert client.get(reverse("territories:pack", args=[pack.pk])).status_code == 404


def test_the_form_says_what_is_wrong(client, pack_scene):
    client.force_login(pack_scene["users"]["hugo"])
    url = reverse("territories:pack_new", args=[pack_scene["venissieux"].slug])
    today = timezone.localdate()
    response = client.post(
        url,
        _form(
            templates=[],
            places=0,
            opens_on=today,
            closes_on=today - timedelta(days=1),
        ),
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Cochez au moins une mission." in text
    assert "Choisissez une date après celle du début." in text
    assert not Pack.objects.filter(opens_on=today, closes_on__lt=today).exists()


def test_publishing_needs_a_verified_authority_with_a_territory(pack_scene):
    hugo, venissieux = pack_scene["users"]["hugo"], pack_scene["venissieux"]
    draft = pack_scene["draft_pack"]
    venissieux.verification = Organization.Verification.PENDING
    venissieux.save(update_fields=["verification"])
    draft.authority.refresh_from_db()
    assert "vérifier votre collectivité" in PACK.refusal(draft, "publish", hugo)
    venissieux.verification = Organization.Verification.VERIFIED
    venissieux.save(update_fields=["verification"])
    draft.authority.refresh_from_db()
    assert PACK.refusal(draft, "publish", hugo) == ""
    # Nora is an agent of the city but not an admin.
    assert "administrateurs de la collectivité" in PACK.refusal(
        draft, "publish", pack_scene["users"]["nora"]
    )


def test_the_admin_publishes_and_closes_from_the_follow_page(client, pack_scene):
    hugo, venissieux, draft = (
        pack_scene["users"]["hugo"],
        pack_scene["venissieux"],
        pack_scene["draft_pack"],
    )
    client.force_login(hugo)
    follow = reverse("territories:pack_follow", args=[venissieux.slug, draft.pk])
    assert "Proposer le pack aux associations" in client.get(follow).content.decode()

    client.post(reverse("territories:pack_publish", args=[venissieux.slug, draft.pk]))
    draft.refresh_from_db()
    assert draft.is_published and draft.published_at is not None
    assert AuditEvent.objects.filter(verb="pack.published", object_id=draft.pk).exists()

    client.post(reverse("territories:pack_close", args=[venissieux.slug, draft.pk]))
    draft.refresh_from_db()
    assert draft.is_closed
    assert AuditEvent.objects.filter(verb="pack.closed", object_id=draft.pk).exists()
    # Closed, it can no longer change.
    response = client.get(reverse("territories:pack_edit", args=[venissieux.slug, draft.pk]))
    assert response.url == follow


def test_an_edit_never_takes_back_places_already_taken(client, pack_scene):
    pack, hugo, venissieux = (
        pack_scene["pack"],
        pack_scene["users"]["hugo"],
        pack_scene["venissieux"],
    )
    packs.pack_claim(pack=pack, association=pack_scene["garden"], by=pack_scene["users"]["odette"])
    client.force_login(hugo)
    url = reverse("territories:pack_edit", args=[venissieux.slug, pack.pk])
    response = client.post(url, _form(places=0))
    assert response.status_code == 200
    response = client.post(url, _form(places=5, title="Pack numérique 2026"))
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.places == 5 and pack.title == "Pack numérique 2026"
    assert AuditEvent.objects.filter(verb="pack.edited", object_id=pack.pk).exists()
    with pytest.raises(packs.TooFewPlaces):
        packs.pack_update(pack=pack, by=hugo, **pack_data(places=0))


# --- Who sees it ---------------------------------------------------------------------------
def test_the_eligible_association_sees_the_pack_on_its_dashboard_with_the_button(
    client, pack_scene
):
    client.force_login(pack_scene["users"]["odette"])
    text = client.get("/").content.decode()
    assert "Pack numérique des Minguettes" in text
    assert "Offert par Ville de Vénissieux" in text
    assert "Hébergement du site payé pendant un an" in text
    assert reverse("territories:pack_claim", args=[pack_scene["pack"].pk]) in text
    assert "Il reste 2 places" in text


def test_a_plain_member_sees_it_but_is_told_to_ask_an_admin(client, pack_scene):
    client.force_login(pack_scene["users"]["gaston"])
    text = client.get("/").content.decode()
    assert "Pack numérique des Minguettes" in text
    assert reverse("territories:pack_claim", args=[pack_scene["pack"].pk]) not in text
    assert "Seuls les administrateurs de l’association peuvent demander ce pack." in text


@pytest.mark.parametrize("who", ["paula", "louis"])
def test_an_association_the_pack_is_not_for_never_sees_it(client, pack_scene, who):
    client.force_login(pack_scene["users"][who])
    assert "Pack numérique des Minguettes" not in client.get("/").content.decode()
    assert client.get(reverse("territories:pack", args=[pack_scene["pack"].pk])).status_code == 404


def test_a_pack_out_of_its_dates_or_closed_is_no_longer_shown(client, pack_scene):
    pack = pack_scene["pack"]
    client.force_login(pack_scene["users"]["odette"])
    Pack.objects.filter(pk=pack.pk).update(opens_on=timezone.localdate() + timedelta(days=3))
    assert "Pack numérique des Minguettes" not in client.get("/").content.decode()
    Pack.objects.filter(pk=pack.pk).update(
        opens_on=timezone.localdate() - timedelta(days=3), status=Pack.Status.CLOSED
    )
    assert "Pack numérique des Minguettes" not in client.get("/").content.decode()


def test_the_pack_is_offered_under_the_plan_of_the_diagnosis(client, pack_scene):
    from diagnosis.tests.helpers import answer_all

    odette, garden = pack_scene["users"]["odette"], pack_scene["garden"]
    diagnosis = answer_all(garden, odette)
    client.force_login(odette)
    text = client.get(reverse("diagnosis:results", args=[garden.slug, diagnosis.pk])).content
    text = text.decode()
    assert "Un coup de pouce de votre collectivité" in text
    assert reverse("territories:pack_claim", args=[pack_scene["pack"].pk]) in text
    # Paula's association took the diagnosis too: nothing of the pack.
    paula, pro = pack_scene["users"]["paula"], pack_scene["pro"]
    theirs = answer_all(pro, paula)
    client.force_login(paula)
    text = client.get(reverse("diagnosis:results", args=[pro.slug, theirs.pk])).content.decode()
    assert "Un coup de pouce de votre collectivité" not in text


# --- Claiming ------------------------------------------------------------------------------
def test_one_click_makes_the_sponsored_missions_and_tells_the_authoritys_admins(client, pack_scene):
    odette, garden, pack = pack_scene["users"]["odette"], pack_scene["garden"], pack_scene["pack"]
    response = _claim(client, odette, pack, garden)

    assert response.url == reverse("territories:pack", args=[pack.pk])
    claim = PackClaim.objects.get(pack=pack, association=garden)
    assert claim.claimed_by == odette
    missions = list(claim.missions.order_by("pk"))
    assert sorted(m.template.slug for m in missions) == sorted(TEMPLATES)
    assert all(m.organization == garden and m.status == Status.DRAFT for m in missions)
    assert all(m.sponsor == pack_scene["venissieux"] for m in missions)
    event = AuditEvent.objects.get(verb="pack.claimed", object_id=pack.pk)
    assert event.actor == odette and event.data == {"association": garden.pk, "missions": 3}
    # Hugo (admin) is told, Nora (a plain agent) is not.
    told = Notification.objects.filter(kind="pack_claimed")
    assert [n.user for n in told] == [pack_scene["users"]["hugo"]]
    assert "Jardins des Minguettes" in told.get().title
    # The pack's page lists her missions, each to describe.
    text = client.get(response.url).content.decode()
    for mission in missions:
        assert reverse("missions:wizard", args=[mission.pk, mission.resume_step]) in text
    # The dashboard says it is taken, without the button.
    text = client.get("/").content.decode()
    assert "Votre association a pris ce pack" in text
    assert reverse("territories:pack_claim", args=[pack.pk]) not in text


def test_a_second_click_changes_nothing(client, pack_scene):
    odette, garden, pack = pack_scene["users"]["odette"], pack_scene["garden"], pack_scene["pack"]
    _claim(client, odette, pack, garden)
    response = _claim(client, odette, pack, garden)
    assert response.status_code == 302
    assert PackClaim.objects.count() == 1
    assert Mission.objects.filter(organization=garden, sponsor__isnull=False).count() == 3
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages[-1] == "Votre association a déjà demandé ce pack."


@pytest.mark.parametrize(
    ("who", "association", "words"),
    [
        ("paula", "pro", "réservé aux associations de ce type"),
        ("louis", "theatre", "réservé aux associations du territoire de Ville de Vénissieux"),
        ("gaston", "garden", "Seuls les administrateurs de l’association"),
    ],
)
def test_a_direct_post_is_refused_with_the_reason(client, pack_scene, who, association, words):
    response = _claim(client, pack_scene["users"][who], pack_scene["pack"], pack_scene[association])
    assert response.status_code == 403
    assert words in response.content.decode()
    assert not PackClaim.objects.exists()
    assert not Mission.objects.filter(sponsor__isnull=False).exists()


def test_nobody_claims_for_an_association_she_does_not_belong_to(client, pack_scene):
    response = _claim(
        client, pack_scene["users"]["louis"], pack_scene["pack"], pack_scene["garden"]
    )
    assert response.status_code == 404
    assert not PackClaim.objects.exists()


def test_when_the_places_are_taken_the_next_association_is_told(client, pack_scene):
    pack = pack_scene["pack"]
    Pack.objects.filter(pk=pack.pk).update(places=1)
    other = Organization.objects.create(
        kind="association",
        name="Les Voisins",
        slug="les-voisins",
        association_type="citizen",
        commune_id="69259",
        departement_code="69",
        region_code="84",
    )
    voisin = MembershipFactory(organization=other, role="admin").user
    packs.pack_claim(pack=pack, association=other, by=voisin)
    odette, garden = pack_scene["users"]["odette"], pack_scene["garden"]
    client.force_login(odette)
    assert "Toutes les places de ce pack sont prises." in client.get("/").content.decode()
    response = _claim(client, odette, pack, garden)
    assert response.status_code == 302
    assert not PackClaim.objects.filter(association=garden).exists()


def test_the_guard_says_closed_and_not_yet_open(pack_scene):
    pack, garden, odette = pack_scene["pack"], pack_scene["garden"], pack_scene["users"]["odette"]
    assert claim_refusal(pack, garden, odette) == ""
    later = timezone.now() + timedelta(days=61)
    assert "n’est plus proposé" in claim_refusal(pack, garden, odette, later)
    earlier = timezone.now() - timedelta(days=2)
    assert "sera proposé à partir du" in claim_refusal(pack, garden, odette, earlier)
    packs.pack_close(pack=pack, by=pack_scene["users"]["hugo"])
    assert "n’est plus proposé" in claim_refusal(pack, garden, odette)


def test_eligibility_follows_kind_causes_and_size(pack_scene):
    pack, garden = pack_scene["pack"], pack_scene["garden"]
    assert eligibility_refusal(pack, garden) == ""
    sport, culture = Cause.objects.order_by("pk")[:2]
    pack.causes.set([sport])
    assert "d’autres causes" in eligibility_refusal(pack, garden)
    garden.causes.set([culture, sport])
    assert eligibility_refusal(pack, garden) == ""
    pack.sizes = ["1-10"]
    # An association that did not say its size is not counted as a small one.
    assert "de cette taille : 1 à 10 personnes actives" in eligibility_refusal(pack, garden)
    garden.size = "1-10"
    assert eligibility_refusal(pack, garden) == ""
    garden.association_type = Organization.AssociationType.PROFESSIONAL
    assert "de ce type" in eligibility_refusal(pack, garden)
    pack.association_type = ""
    assert eligibility_refusal(pack, garden) == ""
    garden.verification = Organization.Verification.REJECTED
    assert eligibility_refusal(pack, garden) != ""


# --- The authority follows -----------------------------------------------------------------
def test_the_authority_follows_each_mission_with_public_facts_only(client, pack_scene):
    odette, garden, pack = pack_scene["users"]["odette"], pack_scene["garden"], pack_scene["pack"]
    claim = packs.pack_claim(pack=pack, association=garden, by=odette)
    published = claim.missions.order_by("pk").first()
    Mission.objects.filter(pk=published.pk).update(status=Status.OPEN, title="Notre logo")
    drafted = claim.missions.order_by("pk").last()
    Mission.objects.filter(pk=drafted.pk).update(need="Nos mots privés du brouillon")

    client.force_login(pack_scene["users"]["nora"])  # an agent, not an admin: she follows too
    text = client.get(
        reverse("territories:pack_follow", args=[pack_scene["venissieux"].slug, pack.pk])
    ).content.decode()

    assert "Jardins des Minguettes" in text
    assert "ouverte aux candidatures" in text and "brouillon" in text
    assert reverse("missions:detail", args=[published.pk]) in text
    assert reverse("missions:detail", args=[drafted.pk]) not in text
    assert "Nos mots privés" not in text
    assert odette.full_name not in text and odette.email not in text
    assert "1 prise sur 2" in text


def test_the_list_of_packs_counts_places_taken(client, pack_scene):
    packs.pack_claim(
        pack=pack_scene["pack"], association=pack_scene["garden"], by=pack_scene["users"]["odette"]
    )
    client.force_login(pack_scene["users"]["hugo"])
    text = client.get(reverse("territories:packs", args=[pack_scene["venissieux"].slug]))
    text = text.content.decode()
    assert "1 place prise sur 2" in text
    assert "Pack ateliers (en préparation)" in text
    assert "Préparer un pack" in text


# --- Sponsored missions, wherever they are shown --------------------------------------------
def test_a_sponsored_mission_says_who_supports_it(client, pack_scene):
    odette, garden, pack = pack_scene["users"]["odette"], pack_scene["garden"], pack_scene["pack"]
    claim = packs.pack_claim(pack=pack, association=garden, by=odette)
    mission = claim.missions.order_by("pk").first()
    Mission.objects.filter(pk=mission.pk).update(
        status=Status.OPEN, published_at=timezone.now(), need="Un logo pour nos jardins"
    )
    detail = client.get(reverse("missions:detail", args=[mission.pk])).content.decode()
    assert "Soutenue par :" in detail and "Ville de Vénissieux" in detail
    search = client.get(reverse("missions:list")).content.decode()
    assert "Soutenue par : Ville de Vénissieux" in search


def test_the_sponsor_is_shown_in_the_missions_for_you(client, pack_scene):
    from accounts.tests.factories import UserFactory
    from taxonomy.models import Level
    from volunteers.models import WorkMode as VolunteerWorkMode
    from volunteers.tests.factories import VolunteerProfileFactory

    odette, garden, pack = pack_scene["users"]["odette"], pack_scene["garden"], pack_scene["pack"]
    claim = packs.pack_claim(pack=pack, association=garden, by=odette)
    mission = claim.missions.get(template__slug="logo-visual-identity")
    Mission.objects.filter(pk=mission.pk).update(status=Status.OPEN, published_at=timezone.now())
    designer = UserFactory(intent="volunteer")
    VolunteerProfileFactory(
        user=designer,
        commune_id="69123",
        departement_code="69",
        region_code="84",
        hours_per_week=5,
        work_mode=VolunteerWorkMode.BOTH,
        skills={skill.slug: Level.EXPERT for skill in mission.template.skills.all()},
    )
    client.force_login(designer)
    text = client.get(reverse("matching:missions_for_you")).content.decode()
    assert mission.title in text
    assert "Soutenue par : Ville de Vénissieux" in text


def test_the_dashboard_asks_a_fixed_number_of_queries_whatever_the_packs(
    client, pack_scene, django_assert_max_num_queries
):
    odette = pack_scene["users"]["odette"]
    packs.pack_claim(pack=pack_scene["pack"], association=pack_scene["garden"], by=odette)
    client.force_login(odette)
    client.get("/")
    with django_assert_max_num_queries(60) as few:
        client.get("/")
    for n in range(3):
        pack = packs.pack_compose(
            authority=pack_scene["venissieux"],
            by=pack_scene["users"]["hugo"],
            **pack_data(title=f"Encore un pack {n}"),
        )
        packs.pack_publish(pack=pack, by=pack_scene["users"]["hugo"])
    packs.pack_claim(pack=pack, association=pack_scene["garden"], by=odette)
    with django_assert_max_num_queries(len(few.captured_queries)):
        text = client.get("/").content.decode()
    assert "Encore un pack 2" in text


# --- Personal data -------------------------------------------------------------------------
def test_her_claim_is_in_her_export_and_her_name_leaves_it_when_she_goes(pack_scene):
    from django.apps import apps

    odette, garden, pack = pack_scene["users"]["odette"], pack_scene["garden"], pack_scene["pack"]
    claim = packs.pack_claim(pack=pack, association=garden, by=odette)
    config = apps.get_app_config("territories")
    assert config.personal_data(odette)["packs_claimed"] == [
        {
            "pack": pack.title,
            "association": garden.name,
            "claimed_at": claim.claimed_at.isoformat(),
        }
    ]
    config.erase_personal_data(odette)
    config.erase_personal_data(pack_scene["users"]["hugo"])
    claim.refresh_from_db()
    pack.refresh_from_db()
    # The association keeps its place and its missions; the authority keeps its pack.
    assert claim.claimed_by is None and claim.missions.count() == 3
    assert pack.created_by is None and pack.is_published
