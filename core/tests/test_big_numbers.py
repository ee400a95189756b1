"""Numbers too big for the database, in addresses and forms: a 404 or a form error, never a 500."""

import pytest
from django.test import Client

from core.fields import ModelMultipleChoiceField
from taxonomy.models import Cause

pytestmark = pytest.mark.django_db

TOO_BIG = [str(2**63), "9" * 30]


@pytest.fixture
def browser(staff):
    # Staff may open every address, so that nothing stops the request before the lookup.
    client = Client(raise_request_exception=False)
    client.force_login(staff)
    return client


@pytest.mark.parametrize("number", TOO_BIG)
@pytest.mark.parametrize(
    "address",
    [
        "/missions/{n}/",
        "/missions/{n}/edit/{n}/",
        "/missions/{n}/apply/",
        "/missions/{n}/invite/{n}/",
        "/missions/{n}/volunteers/",
        "/applications/{n}/",
        "/applications/{n}/delivery/",
        "/applications/{n}/review/",
        "/deliverables/{n}/",
        "/volunteers/{n}/",
        "/messages/{n}/",
        "/messages/attachments/{n}/",
        "/messages/application/{n}/",
        "/notifications/{n}/open/",
        "/moderation/missions/{n}/",
        "/moderation/reports/{n}/",
        "/credentials/status/{n}",
        "/organizations/{slug}/members/{n}/role/",
        "/book/nobody/images/{n}/",
    ],
)
def test_an_address_with_a_number_too_big_is_not_found(browser, association, address, number):
    response = browser.get(address.format(n=number, slug=association.slug))

    assert response.status_code == 404


def test_the_biggest_number_the_database_holds_is_simply_not_found(browser):
    assert browser.get(f"/volunteers/{2**63 - 1}/").status_code == 404


@pytest.mark.parametrize("value", [*TOO_BIG, "-1", "1.5", "١"])
def test_a_choice_of_several_refuses_a_number_no_row_can_have(value):
    field = ModelMultipleChoiceField(queryset=Cause.objects.all())

    with pytest.raises(Exception) as refused:
        field.clean([value])

    assert refused.type.__name__ == "ValidationError"
    assert refused.value.code == "invalid_choice"
