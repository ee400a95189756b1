"""`core.roles` asks, in one query, the facts the apps holding the rows registered."""

import pytest

from core.roles import register_fact, roles_of
from volunteers.tests.factories import VolunteerProfileFactory


def test_every_registered_fact_is_asked_in_one_query(
    martine, association, django_assert_num_queries
):
    VolunteerProfileFactory(user=martine)  # an association's admin who volunteers too

    with django_assert_num_queries(1):
        roles = roles_of(martine)

    assert (roles.organization, roles.association, roles.has_profile, roles.volunteer) == (
        True,
        True,
        True,
        True,
    )


def test_a_fact_roles_do_not_hold_is_refused():
    with pytest.raises(ValueError, match="Unknown role fact"):
        register_fact("astronaut", sql=lambda: "TRUE", params=lambda user: [])
