"""Data that staff edit in both languages: a `<field>_fr` and a `<field>_en` column."""

from django.utils import translation


def localized(obj, field: str) -> str:
    """The value of `field` in the active language, falling back to French."""
    language = (translation.get_language() or "fr")[:2]
    value = getattr(obj, f"{field}_{language}", "") if language != "fr" else ""
    return value or getattr(obj, f"{field}_fr")


class LocalizedName:
    """Adds `.name` to a model with `name_fr` and `name_en`."""

    @property
    def name(self) -> str:
        return localized(self, "name")

    def __str__(self) -> str:
        return self.name
