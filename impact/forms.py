from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AdoptionCheck, HourlyRate


class RateForm(forms.ModelForm):
    """One domain's rate, on the staff page (one form per domain, told apart by prefix)."""

    class Meta:
        model = HourlyRate
        fields = ["rate", "source"]
        widgets = {"source": forms.Textarea(attrs={"rows": 3})}


class AnswerForm(forms.Form):
    """The one question's answer: three buttons named `answer`, one per choice."""

    answer = forms.ChoiceField(
        label=_("Utilisez-vous encore ce que vous avez reçu ?"),
        choices=AdoptionCheck.Answer.choices,
        error_messages={"required": _("Choisissez une des trois réponses.")},
    )
