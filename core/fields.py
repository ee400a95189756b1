"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .converters import is_id


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing a value no primary key can have before it reaches the database.

    A number over 2^63 crashed SQLite (OverflowError) instead of being an invalid choice.
    """

    def _check_values(self, value):
        if self.to_field_name is None and isinstance(value, (list, tuple)):
            for pk in value:
                if not isinstance(pk, models.Model) and not is_id(pk):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": pk},
                    )
        return super()._check_values(value)
