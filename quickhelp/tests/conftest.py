import pytest

from volunteers.tests.factories import VolunteerProfileFactory


@pytest.fixture
def nina(db):
    """A volunteer at ease with spreadsheets: the data-office topic."""
    from accounts.tests.factories import UserFactory

    user = UserFactory(full_name="Nina Roux", email="nina@example.org", intent="volunteer")
    VolunteerProfileFactory(user=user, skills={"spreadsheets": 3})
    return user


@pytest.fixture
def lea_designer(lea):
    """Léa, a graphic designer: not the spreadsheets' topic."""
    VolunteerProfileFactory(user=lea, skills={"logo": 3})
    return lea
