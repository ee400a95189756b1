"""Forms of the end of a mission: hand the work over, answer it, review each other."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField, MultipleFileField, MultipleFileInput
from core.links import parse_links
from core.uploads import ACCEPT, ACCEPTED_TEXT, check_attachments, human_size, max_size
from taxonomy.models import Skill

from .services import MAX_DELIVERABLES, MAX_HOURS

RATING_CHOICES = [
    (1, _("1 sur 5 : pas satisfaisant")),
    (2, _("2 sur 5 : moyen")),
    (3, _("3 sur 5 : correct")),
    (4, _("4 sur 5 : bien")),
    (5, _("5 sur 5 : excellent")),
]


def _hours_field(label, help_text) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=1,
        max_value=MAX_HOURS,
        error_messages={
            "required": _("Indiquez un nombre d’heures."),
            "invalid": _("Écrivez un nombre entier, par exemple 12."),
            "min_value": _("Indiquez au moins 1 heure."),
            "max_value": _("Indiquez 1000 heures au plus."),
        },
    )


def _text_area(label, help_text, *, max_length: int, rows: int, required=None) -> forms.CharField:
    """A few lines of text; `required` is the message for an empty answer, None if optional."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        required=required is not None,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required} if required is not None else None,
    )


class DeliveryForm(forms.Form):
    files = MultipleFileField(
        label=_("Vos fichiers"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    links = _text_area(
        _("Vos liens"),
        _(
            "Une adresse par ligne : le site réalisé, un dossier partagé, une vidéo. "
            "Par exemple : https://www.jardins-belleville.fr"
        ),
        max_length=5000,
        rows=3,
    )
    hours = _hours_field(
        _("Heures passées sur la mission"),
        _(
            "Le temps que vous y avez vraiment passé, en heures. L’association le confirmera. "
            "Par exemple : 12"
        ),
    )
    note = _text_area(
        _("Un mot pour l’association"),
        _(
            "Ce que vous remettez et comment l’utiliser. Par exemple : « Voici le logo en "
            "couleur et en noir et blanc. Le fichier PNG s’utilise sur le site. »"
        ),
        max_length=3000,
        rows=4,
    )

    def __init__(self, *args, existing: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.existing = existing
        self.fields["files"].help_text = _(
            "Images, PDF, documents… %(size)s au plus par fichier : %(types)s. "
            "Par exemple : logo.png ou affiche.pdf."
        ) % {"size": human_size(max_size()), "types": ACCEPTED_TEXT}

    def clean_files(self) -> list:
        files = self.cleaned_data.get("files") or []
        errors = []
        for file in files:
            try:
                check_attachments([file])
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return files

    def clean_links(self) -> list[str]:
        return parse_links(self.cleaned_data.get("links"), max_length=500)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        files, links = cleaned.get("files") or [], cleaned.get("links") or []
        note = (cleaned.get("note") or "").strip()
        if not (self.existing or files or links or note):
            raise ValidationError(
                _(
                    "Joignez un fichier, donnez un lien ou décrivez en quelques mots ce que "
                    "vous avez fait."
                )
            )
        if self.existing + len(files) + len(links) > MAX_DELIVERABLES:
            raise ValidationError(
                _("Une mission compte %(max)s fichiers et liens au plus."),
                params={"max": MAX_DELIVERABLES},
            )
        return cleaned


class ConfirmForm(forms.Form):
    hours = _hours_field(
        _("Heures reconnues"),
        _(
            "Le temps passé par le ou la bénévole, qui figurera sur son attestation. "
            "Corrigez-le si besoin. Par exemple : 12"
        ),
    )


class ChangesForm(forms.Form):
    reason = _text_area(
        _("Ce qu’il faudrait changer"),
        _(
            "Soyez précis et bienveillant. Par exemple : « Le logo nous plaît beaucoup ! "
            "Pourriez-vous agrandir le nom de l’association ? »"
        ),
        max_length=3000,
        rows=4,
        required=_("Dites ce qu’il faudrait changer."),
    )


class RatingField(forms.TypedChoiceField):
    """A mark from 1 to 5 (the review page draws these as a row of choices)."""

    is_rating = True


def _rating(label, help_text) -> RatingField:
    return RatingField(
        label=label,
        help_text=help_text,
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une note de 1 à 5.")},
    )


class AssociationReviewForm(forms.Form):
    """The association about the volunteer: three marks, three short answers, the skills."""

    quality = _rating(
        _("La qualité du travail"), _("Le travail remis correspond-il à ce que vous attendiez ?")
    )
    communication = _rating(
        _("La communication"), _("Vous a-t-on tenu au courant ? Les échanges étaient-ils clairs ?")
    )
    deadlines = _rating(_("Le respect des délais"), _("Les dates convenues ont-elles été tenues ?"))
    answer_done = _text_area(
        _("Qu’a réalisé cette personne pour votre association ?"),
        _("Par exemple : « Léa a créé notre nouveau logo et nos affiches de la fête. »"),
        max_length=1000,
        rows=3,
        required=_("Écrivez une phrase sur ce qui a été réalisé."),
    )
    answer_how = _text_area(
        _("Comment s’est passée la collaboration ?"),
        _(
            "Par exemple : « Elle a pris le temps de nous écouter et nous a proposé trois "
            "pistes claires. »"
        ),
        max_length=1000,
        rows=3,
        required=_("Écrivez une phrase sur la collaboration."),
    )
    answer_recommend = _text_area(
        _("Recommanderiez-vous cette personne, et pour quoi ?"),
        _("Par exemple : « Oui, sans hésiter, pour tout travail de graphisme. »"),
        max_length=1000,
        rows=3,
        required=_("Dites en une phrase si vous la recommanderiez."),
    )
    skills = ModelMultipleChoiceField(
        label=_("Les compétences qu’elle a vraiment mises en œuvre"),
        help_text=_(
            "Cochez celles que vous avez vues à l’œuvre : elles apparaîtront, « recommandées "
            "par votre association », sur son book."
        ),
        queryset=Skill.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, skills, volunteer_name: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills
        self.fields["skills"].label_from_instance = lambda skill: skill.name
        if not skills:
            del self.fields["skills"]
        if volunteer_name:
            self.fields["answer_done"].label = _(
                "Qu’a réalisé %(name)s pour votre association ?"
            ) % {"name": volunteer_name}
            self.fields["answer_recommend"].label = _(
                "Recommanderiez-vous %(name)s, et pour quoi ?"
            ) % {"name": volunteer_name}
            if "skills" in self.fields:
                self.fields["skills"].label = _(
                    "Les compétences que %(name)s a vraiment mises en œuvre"
                ) % {"name": volunteer_name}


class VolunteerReviewForm(forms.Form):
    """The volunteer about the association: three marks and a word, if they wish."""

    clarity = _rating(
        _("La clarté du besoin"),
        _("Saviez-vous bien ce que l’association attendait de vous ?"),
    )
    availability = _rating(
        _("La disponibilité"),
        _("L’association répondait-elle à vos questions ? Fournissait-elle ce qu’il fallait ?"),
    )
    respect = _rating(
        _("Le respect"),
        _("L’association a-t-elle respecté votre travail, votre temps et l’accord ?"),
    )
    comment = _text_area(
        _("Un mot pour l’association"),
        _(
            "Seule l’association le lira. Par exemple : « Merci pour votre accueil, "
            "c’était un plaisir de travailler avec vous ! »"
        ),
        max_length=2000,
        rows=3,
    )
