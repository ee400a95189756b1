"""The jury's forms: an invitation, a criterion, a juror's scores, a conflict, the prizes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Criterion

VALUES = [(str(n), str(n)) for n in range(1, 6)]


class InviteJurorForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail de la ou du juré·e"),
        help_text=_("Elle ou il reçoit un lien pour accepter, avec ou sans compte A-lasso."),
    )


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "description", "weight"]
        labels = {
            "name": _("Critère"),
            "description": _("Ce que le jury regarde"),
            "weight": _("Poids (de 1 à 10)"),
        }
        help_texts = {
            "name": _("Par exemple : Utilité pour l’association"),
            "weight": _("Un critère de poids 2 compte deux fois plus qu’un critère de poids 1."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ScoreForm(forms.Form):
    """One 1–5 choice and one comment per criterion of the rubric."""

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = scores or {}
        for criterion in self.criteria:
            existing = scores.get(criterion.pk)
            self.fields[f"value_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.name,
                help_text=criterion.description,
                choices=VALUES,
                widget=forms.RadioSelect(attrs={"class": "jury-scale"}),
                initial=str(existing.value) if existing else None,
                error_messages={"required": _("Choisissez une note de 1 à 5.")},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Commentaire sur « %(name)s » (lu par l’équipe)")
                % {"name": criterion.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=existing.comment if existing else "",
            )

    def rows(self):
        return [
            (criterion, self[f"value_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def values(self) -> dict[int, int]:
        return {c.pk: int(self.cleaned_data[f"value_{c.pk}"]) for c in self.criteria}

    def comments(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"comment_{c.pk}"] for c in self.criteria}


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi ne devriez-vous pas noter cette équipe ?"),
        help_text=_("Par exemple : je connais personnellement un membre de l’équipe."),
        max_length=300,
        error_messages={"required": _("Dites en quelques mots d’où vient le conflit.")},
    )


class PrizesForm(forms.Form):
    """A label for each of the first ranks (left empty: no prize)."""

    def __init__(self, *args, count=3, **kwargs):
        super().__init__(*args, **kwargs)
        for rank in range(1, count + 1):
            self.fields[f"prize_{rank}"] = forms.CharField(
                label=_("Prix de l’équipe classée n°%(rank)s") % {"rank": rank},
                required=False,
                max_length=120,
            )

    def prizes(self) -> dict[int, str]:
        return {
            int(name.removeprefix("prize_")): value
            for name, value in self.cleaned_data.items()
            if value
        }


class AssignForm(forms.Form):
    """One answer given to one juror (the organiser's pick, instead of « all to all »)."""

    juror = forms.ModelChoiceField(label=_("Juré·e"), queryset=None, empty_label=None)
    team = forms.ModelChoiceField(label=_("Équipe"), queryset=None, empty_label=None)

    def __init__(self, *args, jurors, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["juror"].queryset = jurors
        self.fields["juror"].label_from_instance = lambda juror: juror.user.full_name
        self.fields["team"].queryset = teams
