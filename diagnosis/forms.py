"""One screen of the questionnaire: the questions of an axis, each a group of radio buttons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Axis, Choice, Question


class AxisForm(forms.Form):
    """The questions of `axis`. With `require_all=False` ("save and continue later"), a
    question left blank is simply not recorded."""

    def __init__(self, *args, axis: Axis, require_all: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions: dict[str, Question] = {}
        self.choices: dict[int, Choice] = {}
        for question in axis.active_questions:
            self.questions[question.slug] = question
            self.choices.update({choice.pk: choice for choice in question.all_choices})
            self.fields[question.slug] = forms.TypedChoiceField(
                label=question.text,
                help_text=question.help,
                choices=[(choice.pk, choice.label) for choice in question.all_choices],
                coerce=int,
                widget=forms.RadioSelect,
                required=require_all,
                error_messages={
                    "required": _("Choisissez une réponse, même approximative."),
                    "invalid_choice": _("Choisissez une des réponses proposées."),
                },
            )

    def answers(self) -> dict[Question, Choice]:
        """The answers given and valid, even when others are missing."""
        cleaned = getattr(self, "cleaned_data", {})
        return {
            self.questions[slug]: self.choices[value]
            for slug, value in cleaned.items()
            if value not in (None, "") and value in self.choices
        }
