"""The helpers several apps share: refusals, the `next` check, the link-list parser."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from completion.services import CompletionError
from core.errors import ActionRefused
from core.links import lines, parse_links
from core.redirects import is_safe_url, safe_next
from engagements.services import EngagementError, MissionClosed


def test_engagements_and_completion_refuse_with_the_same_error():
    assert EngagementError is ActionRefused and CompletionError is ActionRefused
    assert str(ActionRefused()) == "Cette action n’est plus possible."
    assert str(ActionRefused("Trop tard.")) == "Trop tard."
    assert isinstance(MissionClosed(), ActionRefused)
    assert str(MissionClosed()) == "Cette mission ne reçoit plus de candidatures."


@pytest.mark.parametrize(
    ("target", "secure", "expected"),
    [
        ("/missions/12/", False, "/missions/12/"),
        ("https://evil.example/", False, None),
        ("//evil.example/", False, None),
        ("http://testserver/missions/", True, None),  # no step down from HTTPS
        ("https://testserver/missions/", True, "https://testserver/missions/"),
        ("", False, None),
    ],
)
def test_next_is_kept_only_when_it_stays_on_the_site(target, secure, expected):
    request = RequestFactory().post("/", {"next": target}, secure=secure)
    assert safe_next(request) == expected
    assert is_safe_url(request, target) is (expected is not None)


def test_next_is_also_read_from_the_query_string():
    assert safe_next(RequestFactory().get("/", {"next": "/a/"})) == "/a/"


def test_link_lists_are_read_one_per_line_with_https_added():
    text = "  monsite.fr \n\nhttp://exemple.org/page\n"
    assert lines(text) == ["monsite.fr", "http://exemple.org/page"]
    assert parse_links(text) == ["https://monsite.fr", "http://exemple.org/page"]
    assert parse_links(None) == []


def test_a_line_that_is_no_address_or_too_long_is_refused():
    with pytest.raises(ValidationError) as error:
        parse_links("monsite.fr\npas une adresse")
    assert error.value.code == "invalid_link"
    assert "« pas une adresse » n’est pas une adresse web" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        parse_links("https://monsite.fr/" + "a" * 300, max_length=300)
    assert error.value.code == "long_link"
