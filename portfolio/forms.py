"""The book's settings: published or not, its address, its title, the missions it shows."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from completion.models import Completion
from core.fields import ModelMultipleChoiceField

from .models import RESERVED_SLUGS, Portfolio

SLUG_RULE = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _(
        "Utilisez seulement des lettres minuscules sans accent, des chiffres et des tirets. "
        "Par exemple : lea-martin"
    ),
)


class PortfolioForm(forms.Form):
    is_public = forms.BooleanField(
        label=_("Publier mon book"),
        required=False,
        help_text=_(
            "Tout le monde pourra voir cette page, même sans compte. Vous pouvez la retirer "
            "à tout moment en décochant cette case."
        ),
    )
    slug = forms.CharField(
        label=_("Adresse de votre book"),
        min_length=3,
        max_length=60,
        validators=[SLUG_RULE],
        error_messages={
            "required": _("Choisissez une adresse. Par exemple : lea-martin"),
            "min_length": _("Choisissez une adresse de 3 caractères au moins."),
        },
    )
    headline = forms.CharField(
        label=_("Votre titre"),
        required=False,
        max_length=120,
        help_text=_(
            "Une ligne sous votre nom. Par exemple : Graphiste en 2e année à l’École de design "
            "de Nantes"
        ),
    )
    shown = ModelMultipleChoiceField(
        label=_("Les missions que votre book montre"),
        help_text=_("Décochez une mission pour la garder hors de votre book."),
        queryset=Completion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, completions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["slug"].help_text = _(
            "Lettres minuscules, chiffres et tirets : elle forme l’adresse de la page, "
            "%(site)s/book/votre-adresse/. Par exemple : lea-martin"
        ) % {"site": settings.SITE_URL}
        self.fields["shown"].queryset = completions
        self.fields["shown"].label_from_instance = lambda completion: (
            _("%(title)s, pour %(organization)s")
            % {
                "title": completion.application.mission.title,
                "organization": completion.application.mission.organization.name,
            }
        )
        if not completions:
            del self.fields["shown"]

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"].strip().lower()
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("Cette adresse est réservée : choisissez-en une autre."))
        if Portfolio.objects.filter(slug=slug).exclude(user=self.user).exists():
            raise forms.ValidationError(
                _("Cette adresse est déjà prise : ajoutez par exemple votre ville ou un chiffre.")
            )
        return slug


class BookAnswerForm(forms.Form):
    shown = forms.BooleanField(label=_("Montrer cette réponse dans mon book"), required=False)
    show_files = forms.BooleanField(
        label=_("Montrer aussi ses fichiers"),
        help_text=_("Sinon, seuls la description et les liens de l’équipe sont montrés."),
        required=False,
    )
