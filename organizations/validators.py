"""Format checks for French registry numbers: RNA (associations), SIREN and SIRET (any
body), UAI (schools)."""

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


def normalize_siret(value: str) -> str:
    return normalize_siren(value)


def validate_siret(value: str) -> None:
    siret = normalize_siret(value)
    if not re.fullmatch(r"\d{14}", siret):
        raise ValidationError(
            _("Un numéro SIRET compte 14 chiffres, par exemple 197 534 712 00017."),
            code="invalid_siret",
        )
    if not luhn_ok(siret):
        raise ValidationError(
            _("Ce numéro SIRET n’existe pas : un chiffre est sans doute mal recopié."),
            code="invalid_siret_key",
        )


# The UAI (formerly RNE) of a school: 7 digits and a check letter, the remainder of the
# number by 23 read in this alphabet (no I, O or Q, too easily taken for digits).
UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def normalize_uai(value: str) -> str:
    return re.sub(r"[\s.-]+", "", value or "").upper()


def uai_letter(digits: str) -> str:
    return UAI_LETTERS[int(digits) % 23]


def validate_uai(value: str) -> None:
    uai = normalize_uai(value)
    if not re.fullmatch(r"\d{7}[A-Z]", uai):
        raise ValidationError(
            _("Un numéro UAI compte 7 chiffres suivis d’une lettre, par exemple 0753268V."),
            code="invalid_uai",
        )
    if uai[-1] != uai_letter(uai[:7]):
        raise ValidationError(
            _("Ce numéro UAI n’existe pas : un chiffre ou la lettre est sans doute mal recopié."),
            code="invalid_uai_key",
        )
