import pytest
from django.core.exceptions import ValidationError

from organizations.validators import luhn_ok, validate_rna, validate_siren


@pytest.mark.parametrize("siren", ["732829320", "552100554", "732 829 320", "552.100.554"])
def test_real_siren_numbers_are_accepted_with_or_without_spaces(siren):
    validate_siren(siren)


def test_a_siren_with_one_wrong_digit_is_refused_as_mistyped():
    with pytest.raises(ValidationError) as error:
        validate_siren("732829321")

    assert error.value.code == "invalid_siren_key"
    assert not luhn_ok("732829321")


@pytest.mark.parametrize("siren", ["73282932", "7328293200", "73282932A", ""])
def test_a_siren_must_have_nine_digits(siren):
    with pytest.raises(ValidationError) as error:
        validate_siren(siren)

    assert error.value.code == "invalid_siren"


@pytest.mark.parametrize("rna", ["W751234567", "w751234567", "W 751 234 567"])
def test_rna_numbers_are_w_and_nine_digits_whatever_the_case_and_spaces(rna):
    validate_rna(rna)


@pytest.mark.parametrize("rna", ["751234567", "W75123456", "X751234567", "W7512345678"])
def test_other_rna_numbers_are_refused(rna):
    with pytest.raises(ValidationError) as error:
        validate_rna(rna)

    assert error.value.code == "invalid_rna"
