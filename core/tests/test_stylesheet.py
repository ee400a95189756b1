"""Every page loads one stylesheet, static/css/bundle.css, built from the per-app sources."""

import re

from django.core.management import call_command

from core.management.commands import build_css

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def test_the_committed_bundle_is_built_from_the_current_sources():
    committed = build_css.BUNDLE.read_text(encoding="utf-8")
    assert committed == build_css.bundle(), (
        "static/css/bundle.css is out of date: run `python manage.py build_css` and commit it."
    )


def test_every_stylesheet_in_static_css_goes_into_the_bundle():
    sheets = {path.name for path in build_css.CSS_DIR.glob("*.css")} - {build_css.BUNDLE.name}
    assert sheets == set(build_css.SOURCES)


def test_a_page_asks_for_the_bundle_alone(client, lea):
    client.force_login(lea)
    for url in ["/", "/missions/", "/notifications/"]:
        assert STYLESHEET.findall(client.get(url).text) == ["/static/css/bundle.css"], url


def test_collectstatic_ships_the_bundle_under_a_hashed_name(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)

    (link,) = STYLESHEET.findall(client.get("/").text)
    assert re.fullmatch(r"/static/css/bundle\.[0-9a-f]{12}\.css", link)
    shipped = (tmp_path / link.removeprefix("/static/")).read_text(encoding="utf-8")
    assert shipped == build_css.bundle()
