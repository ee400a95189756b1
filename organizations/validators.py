"""Format checks for French registry numbers: RNA (associations) and SIREN (any body)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalize_rna(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def normalize_siren(value: str) -> str:
    return re.sub(r"[\s.]+", "", value or "")


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        n = int(char)
        if index % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def validate_rna(value: str) -> None:
    if not re.fullmatch(r"W\d{9}", normalize_rna(value)):
        raise ValidationError(
            _("Un numéro RNA commence par W suivi de 9 chiffres, par exemple W751234567."),
            code="invalid_rna",
        )


def validate_siren(value: str) -> None:
    siren = normalize_siren(value)
    if not re.fullmatch(r"\d{9}", siren):
        raise ValidationError(
            _("Un numéro SIREN compte 9 chiffres, par exemple 732 829 320."), code="invalid_siren"
        )
    if not luhn_ok(siren):
        raise ValidationError(
            _("Ce numéro SIREN n’existe pas : un chiffre est sans doute mal recopié."),
            code="invalid_siren_key",
        )
