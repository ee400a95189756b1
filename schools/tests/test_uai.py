"""A school registers with its UAI (7 digits and a check letter) or its SIRET."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organizations.models import Organization
from organizations.validators import validate_siret, validate_uai

URL = reverse("organizations:create") + "?kind=school"


@pytest.mark.parametrize("uai", ["0753268V", "0021593W", "0441234C", " 0441234c ", "044 1234 C"])
def test_a_uai_with_the_right_check_letter_is_accepted(uai):
    validate_uai(uai)


def test_a_uai_with_a_wrong_check_letter_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_uai("0740003A")  # 740003 = 23 × 32174 + 1: the letter is B

    assert error.value.code == "invalid_uai_key"
    assert "mal recopié" in error.value.messages[0]


@pytest.mark.parametrize("uai", ["075326V", "07532689", "V0753268", "0753268VV", "075326IV"])
def test_a_uai_of_the_wrong_shape_is_refused(uai):
    with pytest.raises(ValidationError) as error:
        validate_uai(uai)

    assert error.value.code == "invalid_uai"


def test_a_siret_is_checked_with_its_luhn_key():
    validate_siret("197 534 712 00017")
    with pytest.raises(ValidationError) as error:
        validate_siret("197 534 712 00018")
    assert error.value.code == "invalid_siret_key"
    with pytest.raises(ValidationError) as error:
        validate_siret("19753471200")
    assert error.value.code == "invalid_siret"


def school_data(**overrides) -> dict:
    data = {"name": "Lycée Victor-Hugo", "commune": "44000", "uai": "", "siret": ""}
    data.update(overrides)
    return data


def test_a_school_registers_with_its_uai_and_the_moderators_see_it(client, lea, staff):
    client.force_login(lea)

    page = client.get(URL)
    response = client.post(URL, school_data(uai="0441234c"))

    assert "Numéro UAI de l’établissement" in page.text
    assert "Numéro SIREN" not in page.text
    assert response.status_code == 302
    school = Organization.objects.get(name="Lycée Victor-Hugo")
    assert (school.kind, school.uai, school.verification) == ("school", "0441234C", "pending")
    client.force_login(staff)
    queue = client.get(reverse("moderation:queue")).text
    assert "Lycée Victor-Hugo" in queue
    detail = client.get(reverse("moderation:organization", args=[school.slug])).text
    assert "0441234C" in detail
    assert "format correct" in detail


def test_a_school_may_give_a_siret_instead(client, lea):
    client.force_login(lea)

    response = client.post(URL, school_data(siret="197 534 712 00017"))

    assert response.status_code == 302
    assert Organization.objects.get(name="Lycée Victor-Hugo").siret == "19753471200017"


def test_a_school_without_any_number_or_with_a_wrong_key_is_told_what_to_fix(client, lea):
    client.force_login(lea)

    without = client.post(URL, school_data())
    wrong = client.post(URL, school_data(uai="0441234D"))

    assert "Indiquez le numéro UAI de l’établissement, ou à défaut son numéro SIRET." in (
        without.text
    )
    assert "Ce numéro UAI n’existe pas" in wrong.text
    assert not Organization.objects.filter(name="Lycée Victor-Hugo").exists()


def test_a_moderator_verifies_a_school_as_an_association(client, staff, school):
    Organization.objects.filter(pk=school.pk).update(verification="pending")
    client.force_login(staff)

    response = client.post(
        reverse("moderation:organization", args=[school.slug]), {"decision": "verify"}
    )

    assert response.status_code == 302
    school.refresh_from_db()
    assert school.is_verified


def test_a_verified_school_with_a_siren_only_keeps_its_badge_until_a_number_changes(
    client, sophie, school
):
    # Registered before schools gave a UAI: a SIREN and nothing else.
    Organization.objects.filter(pk=school.pk).update(uai="", siren="197534712")
    client.force_login(sophie)
    url = reverse("organizations:edit", args=[school.slug])
    data = {"name": school.name, "commune": "44000", "siren": "197534712", "uai": "", "siret": ""}

    page = client.get(url)
    described = client.post(url, {**data, "description": "Une école de design."})
    school.refresh_from_db()
    assert "Numéro SIREN" in page.text
    assert described.status_code == 302
    assert (school.description, school.verification) == ("Une école de design.", "verified")

    client.post(url, {**data, "uai": "0441234C"})
    school.refresh_from_db()
    assert (school.uai, school.verification) == ("0441234C", "verified")

    client.post(url, {**data, "uai": "0753268V"})
    school.refresh_from_db()
    assert (school.uai, school.verification) == ("0753268V", "pending")
