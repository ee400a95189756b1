"""Every write to a volunteer's book: its address, its title, whether it is public."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from completion.services import portfolio_missions_set

from .models import RESERVED_SLUGS, Portfolio


def default_slug(user: User) -> str:
    """The person's name as an address ("lea-martin"), numbered when it is taken."""
    base = slugify(user.full_name)[:50].strip("-") or "benevole"
    if base in RESERVED_SLUGS:
        base = f"{base}-{user.pk}"
    taken = set(
        Portfolio.objects.filter(slug__startswith=base)
        .exclude(user=user)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def portfolio_save(
    *,
    user: User,
    slug: str,
    headline: str = "",
    is_public: bool,
    shown: Iterable[int] | None = None,
) -> Portfolio:
    """Create or update the book of `user`; `shown` lists the completions it shows."""
    portfolio = Portfolio.objects.select_for_update().filter(user=user).first()
    if portfolio is None:
        portfolio = Portfolio(user=user)
    portfolio.slug = slug
    portfolio.headline = headline.strip()
    if is_public and not portfolio.is_public:
        portfolio.published_at = timezone.now()
    portfolio.is_public = is_public
    portfolio.save()
    if shown is not None:
        portfolio_missions_set(user=user, shown=shown)
    return portfolio
