"""Lists of web addresses typed one per line (a profile's works, an association's sites, the
links of delivered work): the one parser that reads and checks them."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

INVALID = _("« %(line)s » n’est pas une adresse web. Par exemple : https://monsite.fr")

_validate = URLValidator(schemes=["http", "https"])


def lines(text: str | None) -> list[str]:
    """The non-blank lines of `text`, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def parse_links(text: str | None, *, max_length: int | None = None, invalid=INVALID) -> list[str]:
    """The web addresses of `text`, one per line, "https://" added where the scheme is missing.

    Raises ValidationError with `invalid` (given the line as `line`) on the first line that is
    not an http(s) address, and when an address is longer than `max_length`.
    """
    links = []
    for line in lines(text):
        link = line if "://" in line else f"https://{line}"
        try:
            _validate(link)
        except ValidationError:
            raise ValidationError(
                invalid, code="invalid_link", params={"line": line[:80]}
            ) from None
        if max_length is not None and len(link) > max_length:
            raise ValidationError(_("Une des adresses est trop longue."), code="long_link")
        links.append(link)
    return links
