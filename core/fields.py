"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .converters import is_id
from .uploads import ACCEPT


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


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (message attachments, deliverables, submissions)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]
