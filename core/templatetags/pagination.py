"""Links between the pages of a list that keep the list's filters."""

from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, param: str, number) -> str:
    """The current query string with only `param` set to `number`: `?q=jardin&page=2`.

    The other parameters (a search, the filters, another list's page) stay as they are.
    """
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query[param] = number
    return f"?{query.urlencode()}"
