"""The forms of quick help: asking, answering, taking a call, closing, the public answer."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import IMAGE_TYPES, check_attachments, human_size, max_size
from taxonomy.models import SkillDomain

from .models import Question

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
SLOTS = 3


class AskForm(forms.Form):
    organization = forms.ChoiceField(label=_("Pour quelle association ?"))
    title = forms.CharField(
        label=_("Votre question en une phrase"),
        max_length=200,
        help_text=_("Par exemple : Comment additionner une colonne dans notre tableur ?"),
    )
    body = forms.CharField(
        label=_("Quelques lignes pour expliquer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Ce que vous voulez faire, ce que vous avez essayé. Par exemple : notre trésorière "
            "tient les cotisations dans un tableur et voudrait le total du mois."
        ),
    )
    screenshot = forms.FileField(
        label=_("Une capture d’écran"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}
        ),
    )
    domain = forms.ModelChoiceField(
        label=_("Le sujet"),
        queryset=SkillDomain.objects.all(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_(
            "Laissez vide : nous le choisissons d’après vos mots, et vous pourrez le changer."
        ),
    )
    mode = forms.ChoiceField(
        label=_("Comment voulez-vous être aidé·e ?"),
        choices=Question.Mode.choices,
        initial=Question.Mode.WRITTEN,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organizations = {str(o.pk): o for o in organizations}
        self.fields["organization"].choices = [(str(o.pk), o.name) for o in organizations]
        if len(organizations) == 1:
            # Her only association: nothing to choose.
            self.fields["organization"].widget = forms.HiddenInput()
            self.fields["organization"].initial = str(organizations[0].pk)
            self.fields["organization"].required = False
        self.fields["screenshot"].help_text = _(
            "Une image (PNG, JPEG, GIF ou WebP), %(max)s au plus. Elle reste privée : seuls "
            "votre association et les bénévoles qui vous aident la voient."
        ) % {"max": human_size(max_size())}
        for n in range(1, SLOTS + 1):
            self.fields[f"slot_{n}"] = forms.DateTimeField(
                label=_("Créneau %(n)s (date et heure)") % {"n": n},
                required=False,
                widget=DATETIME_INPUT,
                help_text=_("Pour un appel : par exemple mardi prochain à 14 h.") if n == 1 else "",
            )

    def clean_screenshot(self):
        file = self.cleaned_data.get("screenshot")
        if not file:
            return None
        checked = check_attachments([file])[0]
        if checked.content_type not in IMAGE_TYPES:
            raise ValidationError(
                _("La capture d’écran doit être une image (PNG, JPEG, GIF ou WebP).")
            )
        return checked

    def clean(self):
        data = super().clean()
        chosen = data.get("organization") or ""
        if not chosen and len(self.organizations) == 1:
            chosen = next(iter(self.organizations))
        data["organization"] = self.organizations.get(chosen)
        slots = [data.get(f"slot_{n}") for n in range(1, SLOTS + 1)]
        slots = [s for s in slots if s]
        now = timezone.now()
        if any(s <= now for s in slots):
            self.add_error("slot_1", _("Proposez des créneaux à venir."))
        if data.get("mode") == Question.Mode.CALL and not slots:
            self.add_error("slot_1", _("Pour un appel, proposez au moins un créneau."))
        data["slots"] = slots if data.get("mode") == Question.Mode.CALL else []
        return data


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Votre réponse"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Des mots simples, étape par étape. Pas d’adresse ni de numéro personnel."),
    )


class CallForm(forms.Form):
    slot = forms.ModelChoiceField(
        label=_("Le créneau qui vous convient"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
    )
    video_link = forms.URLField(
        label=_("Le lien de votre appel vidéo"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Celui de l’outil que vous préférez. Par exemple : https://meet.jit.si/coup-de-main-jardins"
        ),
    )

    def __init__(self, *args, slots, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
        self.fields["slot"].label_from_instance = lambda slot: date_label(slot.starts_at)


def date_label(moment) -> str:
    from django.utils.formats import date_format

    local = timezone.localtime(moment)
    return date_format(local, "l j F Y, H\\hi")


class SolveForm(forms.Form):
    thanked = forms.ChoiceField(label=_("Qui voulez-vous remercier ?"), widget=forms.RadioSelect)
    thanks = forms.CharField(
        label=_("Un mot de remerciement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : Merci, le total du mois s’affiche enfin !"),
    )

    def __init__(self, *args, helpers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helpers = {str(user.pk): user for user, _kind in helpers.values()}
        self.fields["thanked"].choices = [(pk, u.full_name) for pk, u in self.helpers.items()]
        if len(self.helpers) == 1:
            self.fields["thanked"].initial = next(iter(self.helpers))

    def clean_thanked(self):
        return self.helpers.get(self.cleaned_data["thanked"])


class PublicAnswerForm(forms.Form):
    title = forms.CharField(label=_("La question"), max_length=200)
    situation = forms.CharField(
        label=_("La situation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sans nom de personne, d’association, d’adresse ni de montant précis."),
    )
    answer = forms.CharField(
        label=_("La réponse"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("En mots simples, étape par étape, pour une association qui lira seule."),
    )


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Un mot pour la personne qui relit (si vous renvoyez la réponse)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
