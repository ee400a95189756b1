"""The one pagination partial: its links change only their own page number."""

from django.core.paginator import Paginator
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory


def render(template: str, url: str, **context) -> str:
    request = RequestFactory().get(url)
    return Template("{% load pagination %}" + template).render(
        Context({"request": request, **context})
    )


def test_page_url_keeps_the_filters_and_replaces_only_the_page():
    url = "/missions/?q=jardin+partag%C3%A9&remote=on&cause=1&cause=2&page=1"
    assert render("{% page_url 'page' 3 %}", url) == (
        "?q=jardin+partag%C3%A9&amp;remote=on&amp;cause=1&amp;cause=2&amp;page=3"
    )


def test_page_url_sets_its_own_parameter_and_leaves_another_list_s_page():
    url = "/moderation/?organizations_page=2"
    assert render("{% page_url 'missions_page' 2 %}", url) == (
        "?organizations_page=2&amp;missions_page=2"
    )


def test_page_url_without_a_request_gives_the_page_alone():
    assert Template("{% load pagination %}{% page_url 'page' 2 %}").render(Context()) == "?page=2"


def test_the_partial_links_keep_the_search_under_its_own_parameter_name():
    page = Paginator(range(60), 20).get_page(2)
    request = RequestFactory().get("/staff/audit/", {"verb": "mission.open", "reports_page": 2})
    html = render_to_string(
        "_pagination.html",
        {"page": page, "param": "reports_page", "label": "Pages"},
        request=request,
    )
    assert 'href="?verb=mission.open&amp;reports_page=1"' in html
    assert 'href="?verb=mission.open&amp;reports_page=3"' in html
    assert "Page 2 sur 3" in html
    assert 'aria-label="Pages"' in html
