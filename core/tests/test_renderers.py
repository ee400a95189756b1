"""The form renderer writes the common widgets exactly as Django's templates do."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test.html import parse_html

from core.renderers import FormRenderer


class Everything(forms.Form):
    name = forms.CharField(label="Nom", max_length=20, help_text="Votre nom", required=False)
    email = forms.EmailField(required=True)
    count = forms.IntegerField(min_value=0)
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    query = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "data-x": "<&>"}))
    agree = forms.BooleanField(required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    kind = forms.ChoiceField(choices=[("", "Tous"), ("a", "A & B"), (3, "<trois>")])
    grouped = forms.ChoiceField(
        choices=[("Fruits", [("apple", "Pomme"), ("pear", "Poire")]), ("none", "Aucun")],
        required=False,
    )
    many = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)


CASES = [
    None,
    {
        "name": 'Léa "la" <b>',
        "email": "pas-une-adresse",
        "count": "-1",
        "secret": "s3cret",
        "hidden": "h",
        "day": datetime.date(2027, 1, 5).isoformat(),
        "query": "site & web",
        "agree": "on",
        "note": "ligne 1\nligne <2>",
        "kind": "3",
        "grouped": "pear",
        "many": ["x", "y"],
    },
]


@pytest.mark.parametrize("data", CASES)
def test_each_field_is_the_same_html_as_with_djangos_templates(data):
    ours = Everything(data, renderer=FormRenderer())
    django = Everything(data, renderer=DjangoTemplates())

    for name in Everything.base_fields:
        assert parse_html(str(ours[name])) == parse_html(str(django[name])), name
        assert parse_html(ours[name].as_field_group()) == parse_html(
            django[name].as_field_group()
        ), name


def test_the_site_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    get_default_renderer.cache_clear()
    try:
        assert isinstance(get_default_renderer(), FormRenderer)
    finally:
        get_default_renderer.cache_clear()
