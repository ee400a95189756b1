from django.urls import reverse

from organizations.models import Membership, Organization
from organizations.tests.factories import AssociationFactory
from taxonomy.models import Cause

URL = reverse("organizations:create")


def association_data(**overrides) -> dict:
    data = {
        "name": "Les Amis du Canal",
        "association_type": "citizen",
        "causes": [Cause.objects.get(slug="environment").pk, Cause.objects.get(slug="social").pk],
        "commune": "Lyon",
        "size": "11-50",
        "description": "Nous nettoyons les berges du canal chaque mois.",
        "website": "www.amis-du-canal.fr",
        "links": "https://www.facebook.com/amisducanal\n\n  instagram.com/amisducanal  ",
        "rna": "w 691 234 567",
        "siren": "732 829 320",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_asked_to_log_in_first(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_association_is_created_with_its_creator_as_admin(client, lea):
    client.force_login(lea)

    response = client.post(URL, association_data(), follow=True)

    organization = Organization.objects.get(name="Les Amis du Canal")
    # Straight on to the first need: the choice of a template, for this association.
    assert response.redirect_chain[-1][0] == (
        reverse("missions:new") + "?organization=les-amis-du-canal"
    )
    assert "est inscrite" in response.text
    assert "décrivez votre premier besoin" in response.text
    assert "Choisir ce modèle" in response.text
    assert organization.kind == Organization.Kind.ASSOCIATION
    assert organization.verification == Organization.Verification.PENDING
    assert organization.rna == "W691234567"
    assert organization.siren == "732829320"
    assert organization.commune_id == "69123"
    assert (organization.departement_code, organization.region_code) == ("69", "84")
    assert organization.website == "https://www.amis-du-canal.fr"
    assert organization.link_list == [
        "https://www.facebook.com/amisducanal",
        "https://instagram.com/amisducanal",
    ]
    assert sorted(c.slug for c in organization.causes.all()) == ["environment", "social"]
    assert Membership.objects.get(organization=organization).user == lea
    assert Membership.objects.get(organization=organization).role == "admin"


def test_the_name_the_commune_and_a_cause_are_enough(client, lea):
    client.force_login(lea)
    causes = [Cause.objects.get(slug="environment").pk]

    response = client.post(URL, {"name": "Les Amis du Canal", "commune": "Lyon", "causes": causes})

    assert response.status_code == 302
    organization = Organization.objects.get(name="Les Amis du Canal")
    assert (organization.association_type, organization.size) == ("", "")


def test_every_question_that_can_wait_says_facultatif_and_the_others_do_not(client, lea):
    client.force_login(lea)

    text = client.get(URL).text

    for optional in [
        "Comment fonctionne votre association ?",
        "Combien de personnes y participent ?",
        "Présentation",
        "Numéro de déclaration en préfecture (numéro RNA)",
    ]:
        assert f'{optional} <span class="optional">(facultatif)</span>' in text, optional
    for required in ["Nom de l’association", "Pour quelles causes agissez-vous ?"]:
        assert f"{required}</" in text, required
    assert "le nom, la commune et au moins une cause" in text


def test_registry_numbers_are_not_required(client, lea):
    client.force_login(lea)

    client.post(URL, association_data(rna="", siren=""))

    assert Organization.objects.get(name="Les Amis du Canal").rna == ""


def test_the_form_explains_that_people_check_the_numbers(client, lea):
    client.force_login(lea)

    response = client.get(URL)

    assert "A-lasso vérifie seulement qu’ils sont bien écrits" in response.text
    assert 'list="id_commune-suggestions"' in response.text


def test_errors_are_explained_and_what_was_typed_is_kept(client, lea):
    client.force_login(lea)

    response = client.post(
        URL, association_data(siren="732 829 321", commune="Saint-Denis", association_type="")
    )

    assert response.status_code == 200
    assert not Organization.objects.filter(name="Les Amis du Canal").exists()
    text = response.text
    assert "un chiffre est sans doute mal recopié" in text
    assert "Plusieurs communes correspondent à « Saint-Denis »" in text
    assert "Choisissez comment fonctionne votre association." not in text  # it can wait
    assert 'value="Les Amis du Canal"' in text
    assert 'value="732 829 321"' in text
    assert 'value="Saint-Denis"' in text
    assert "Nous nettoyons les berges du canal chaque mois." in text
    environment = Cause.objects.get(slug="environment").pk
    assert f'value="{environment}" id="id_causes_' in text
    assert "checked" in text


def test_an_association_already_registered_with_the_number_is_pointed_out(client, lea):
    AssociationFactory(name="Canal Propre", rna="W691234567")
    client.force_login(lea)

    response = client.post(URL, association_data())

    assert "« Canal Propre » est déjà inscrite avec ce numéro" in response.text


def test_a_school_is_registered_without_the_association_fields(client, lea):
    client.force_login(lea)
    url = f"{URL}?kind=school"

    page = client.get(url)
    response = client.post(
        url, {"name": "École de design de Nantes", "commune": "44000", "uai": "0441234 c"}
    )

    assert "Numéro RNA" not in page.text
    assert "Nom de l’école" in page.text
    school = Organization.objects.get(name="École de design de Nantes")
    assert response.status_code == 302
    assert school.kind == Organization.Kind.SCHOOL
    assert school.association_type == ""
    assert school.commune.name == "Nantes"
    assert school.uai == "0441234C"


def test_an_unknown_kind_falls_back_to_an_association(client, lea):
    client.force_login(lea)

    response = client.get(f"{URL}?kind=spaceship")

    assert "Inscrire mon association" in response.text


def test_one_person_may_run_several_organisations(client, martine, association):
    client.force_login(martine)

    client.post(URL, association_data())

    assert martine.memberships.count() == 2


def test_slugs_never_take_the_app_s_own_words(client, lea):
    client.force_login(lea)

    client.post(URL, association_data(name="New", rna="", siren=""))

    assert Organization.objects.get(name="New").slug == "new-2"
