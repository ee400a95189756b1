"""Companies' forms: each field says what it is for, with an example."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Domaine des adresses e-mail de l’entreprise"),
        max_length=253,
        help_text=_(
            "Ce qui suit le @ dans les adresses de vos collègues. Par exemple : "
            "imprimerie-martin.fr. Votre propre adresse doit en faire partie."
        ),
    )


class CostForm(forms.Form):
    hourly_cost = forms.DecimalField(
        label=_("Coût horaire (en euros)"),
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("9999"),
        decimal_places=2,
        localize=True,
        help_text=_(
            "Salaire et charges pour une heure de travail : sert à valoriser ses heures dans "
            "le relevé annuel. Personne d’autre que les responsables ne le voit. Par exemple : "
            "42,50"
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class VisibilityForm(forms.Form):
    shown = forms.BooleanField(
        label=_("Montrer le nom de mon entreprise sur mon profil public"), required=False
    )
