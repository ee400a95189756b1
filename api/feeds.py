"""Atom feeds of new missions: the whole site, a département, a skill domain, a search."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from geo.models import Departement
from missions import selectors
from missions.forms import MissionFilterForm, Sort
from taxonomy.models import SkillDomain

SIZE = 30


class NewMissions(Feed):
    feed_type = Atom1Feed
    link = "/missions/"

    def title(self, obj=None) -> str:
        return _("A-lasso : nouvelles missions")

    def subtitle(self, obj=None) -> str:
        return _("Les dernières missions bénévoles ouvertes aux étudiant·es du numérique.")

    def filters(self, obj) -> dict:
        return {}

    def items(self, obj=None):
        found = selectors.public_missions(self.filters(obj))
        return list(found.order_by("-published_at", "-pk")[:SIZE])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.need

    def item_link(self, item) -> str:
        return f"/missions/{item.pk}/"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_author_name(self, item) -> str:
        return item.organization.name


class DepartementMissions(NewMissions):
    def get_object(self, request, code: str):
        return get_object_or_404(Departement, code=code)

    def title(self, obj=None) -> str:
        return _("A-lasso : nouvelles missions, %(name)s (%(code)s)") % {
            "name": obj.name,
            "code": obj.code,
        }

    def link(self, obj) -> str:
        return f"/missions/?departement={obj.code}"

    def filters(self, obj) -> dict:
        return {"departement": obj.code}


class DomainMissions(NewMissions):
    def get_object(self, request, slug: str):
        return get_object_or_404(SkillDomain, slug=slug)

    def title(self, obj=None) -> str:
        return _("A-lasso : nouvelles missions, %(name)s") % {"name": obj.name}

    def link(self, obj) -> str:
        return f"/missions/?domain={obj.slug}"

    def filters(self, obj) -> dict:
        return {"domain": obj.slug}


class SearchMissions(NewMissions):
    """A saved search: the search page's query string, followed as a feed."""

    def get_object(self, request) -> dict:
        form = MissionFilterForm(request.GET or None)
        filters = dict(form.filters) if form.is_bound else {}
        filters["sort"] = Sort.DATE  # newest first, whatever the page's order
        query = [(key, value) for key, value in request.GET.items() if key not in ("page", "sort")]
        return {"filters": filters, "query": urlencode(query)}

    def title(self, obj=None) -> str:
        if obj and obj["filters"].get("q"):
            return _("A-lasso : nouvelles missions, « %(q)s »") % {"q": obj["filters"]["q"]}
        return _("A-lasso : nouvelles missions de votre recherche")

    def link(self, obj) -> str:
        return "/missions/" + (f"?{obj['query']}" if obj["query"] else "")

    def filters(self, obj) -> dict:
        return obj["filters"]
