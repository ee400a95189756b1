"""A paginator that stops counting: exact up to a limit, "more than the limit" beyond it.

Counting every match of a broad search costs as much as reading them all; nobody reads past
the fiftieth page. `CappedPaginator` counts at most `limit + 1` rows (`COUNT(*)` over a
`LIMIT`), says whether there are more (`capped`), and pages through the first `limit` only —
as the big search engines do.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, limit: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = settings.EXACT_COUNT_UP_TO if limit is None else limit

    @cached_property
    def found(self) -> int:
        """How many there are, counted up to `limit + 1`."""
        if hasattr(self.object_list, "count_up_to"):  # e.g. missions.search.RankedFirst
            return self.object_list.count_up_to(self.limit + 1)
        if isinstance(self.object_list, QuerySet):
            # Neither the order nor the annotations change the count: computing a
            # relevance to count the rows would cost what counting saves.
            return self.object_list.order_by().values("pk")[: self.limit + 1].count()
        return min(super().count, self.limit + 1)

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        return min(self.found, self.limit)

    @property
    def capped(self) -> bool:
        """More than `limit`: the count shown is « plus de `limit` »."""
        return self.found > self.limit

    @property
    def shown_limit(self) -> str:
        """`limit` as the language writes it: « 1 000 », "1,000"."""
        return number_format(self.limit, force_grouping=True)
