"""Build `static/css/bundle.css`, the one stylesheet every page loads, from the sources in
`static/css/`: `alasso.css` (the shared rules) then each app's `app-<app>.css`, in the order
of SOURCES (later rules win over earlier ones, as when base.html linked them one by one).

Edit the sources, never the bundle, then run `manage.py build_css` and commit both: the
bundle is committed so that running the site needs no build step, and a test fails when it
is not the sources' concatenation.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

CSS_DIR = Path(settings.BASE_DIR) / "static" / "css"
BUNDLE = CSS_DIR / "bundle.css"
SOURCES = [
    "alasso.css",
    "app-organizations.css",
    "app-volunteers.css",
    "app-missions.css",
    "app-engagements.css",
    "app-messaging.css",
    "app-notifications.css",
    "app-moderation.css",
    "app-matching.css",
    "app-completion.css",
    "app-credentials.css",
    "app-portfolio.css",
    "app-diagnosis.css",
    "app-schools.css",
    "app-teaching.css",
    "app-territories.css",
    "app-jury.css",
    "app-impact.css",
]
HEADER = (
    "/* Built by `manage.py build_css` from static/css/alasso.css and app-*.css: edit those. */\n"
)


def bundle() -> str:
    """The bundle's text: the header, then each source under a comment naming it."""
    parts = [HEADER]
    for name in SOURCES:
        text = (CSS_DIR / name).read_text(encoding="utf-8")
        parts.append(f"\n/* ---- {name} ---- */\n{text.rstrip()}\n")
    return "".join(parts)


class Command(BaseCommand):
    help = "Concatenate static/css/alasso.css and the app-*.css files into static/css/bundle.css."

    def handle(self, *args, **options):
        BUNDLE.write_text(bundle(), encoding="utf-8")
        self.stdout.write(f"{BUNDLE.relative_to(settings.BASE_DIR)}: {len(SOURCES)} sources.")
