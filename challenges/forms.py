"""The organiser's event form, an association's challenge, a team's name and choices."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.fields import MultipleFileField, MultipleFileInput
from core.links import parse_links
from core.uploads import ACCEPT, ACCEPTED_TEXT, check_attachments, human_size, max_size
from missions.models import MissionTemplate
from organizations.models import Organization
from schools.models import CODE_LENGTH, normalize_code

from .models import DEFAULT_CONDUCT, DEFAULT_RIGHTS, Event
from .services import EVENT_FIELDS, MAX_SUBMISSION_FILES

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = list(EVENT_FIELDS)  # what `services.event_create` and `event_update` write
        labels = {
            "title": _("Titre de l’événement"),
            "description": _("Présentation"),
            "registration_opens": _("Ouverture des inscriptions"),
            "registration_closes": _("Clôture des inscriptions"),
            "kick_off": _("Lancement (date et heure)"),
            "submission_deadline": _("Date limite de remise des réponses (date et heure)"),
            "judging_on": _("Délibération du jury"),
            "results_on": _("Annonce des résultats"),
            "is_online": _("L’événement a lieu en ligne"),
            "place": _("Lieu"),
            "capacity": _("Nombre de places pour les étudiant·es"),
            "team_min": _("Taille minimum d’une équipe"),
            "team_max": _("Taille maximum d’une équipe"),
            "teams_per_challenge": _("Nombre d’équipes au plus par défi"),
            "rules": _("Règlement"),
            "rights": _("Droits sur les réponses"),
            "code_of_conduct": _("Code de conduite"),
            "tie_break_rule": _("En cas d’égalité au classement du jury"),
            "finalists_count": _("Nombre de finalistes pour un second tour du jury"),
        }
        help_texts = {
            "title": _("Par exemple : Nuit de l’innovation solidaire 2027"),
            "description": _(
                "Ce que les étudiant·es et les associations vont vivre, en deux ou trois phrases."
            ),
            "place": _(
                "L’adresse, ou laissez vide si l’événement a lieu en ligne. "
                "Par exemple : 12 rue de la Paix, Nantes"
            ),
            "capacity": _("Par exemple : 150"),
            "rules": _("Qui peut participer, comment se passe la soirée, comment le jury décide."),
            "rights": _(
                "Dites clairement à qui appartiennent les réponses. Le texte proposé protège "
                "les étudiant·es : pas de travail gratuit."
            ),
            "code_of_conduct": _(
                "Le comportement attendu de toutes et tous. Vous pouvez garder le texte proposé."
            ),
            "tie_break_rule": _("La règle est annoncée aux équipes avant l’événement."),
            "finalists_count": _(
                "Les meilleures équipes du premier tour sont notées une seconde fois, et ce "
                "second tour décide de leur ordre. Laissez vide pour un seul tour."
            ),
        }
        widgets = {
            "registration_opens": DATE_INPUT,
            "registration_closes": DATE_INPUT,
            "judging_on": DATE_INPUT,
            "results_on": DATE_INPUT,
            "kick_off": DATETIME_INPUT,
            "submission_deadline": DATETIME_INPUT,
            "description": forms.Textarea(attrs={"rows": 3}),
            "rules": forms.Textarea(attrs={"rows": 5}),
            "rights": forms.Textarea(attrs={"rows": 4}),
            "code_of_conduct": forms.Textarea(attrs={"rows": 4}),
            "tie_break_rule": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Optional: left out, the rule stays the one already chosen (the first by default).
        self.fields["tie_break_rule"].required = False
        if self.instance.pk is None:
            self.initial.setdefault("rights", str(DEFAULT_RIGHTS))
            self.initial.setdefault("code_of_conduct", str(DEFAULT_CONDUCT))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_online") and not (cleaned.get("place") or "").strip():
            self.add_error("place", _("Indiquez le lieu, ou cochez « en ligne »."))
        low, high = cleaned.get("team_min"), cleaned.get("team_max")
        if low is not None and high is not None and (low < 1 or low > high):
            self.add_error(
                "team_max", _("La taille maximum doit être au moins égale à la taille minimum.")
            )
        return cleaned

    def clean_tie_break_rule(self) -> str:
        return self.cleaned_data.get("tie_break_rule") or (
            self.instance.tie_break_rule or Event.TieBreak.CRITERIA
        )

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class ChallengeForm(forms.Form):
    association = forms.ModelChoiceField(
        label=_("Association qui propose le défi"), queryset=None, empty_label=None
    )
    title = forms.CharField(
        label=_("Titre du défi"),
        max_length=200,
        help_text=_("Par exemple : Faire connaître notre épicerie solidaire aux étudiant·es"),
    )
    context = forms.CharField(
        label=_("Votre besoin, en quelques mots"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Qui vous êtes, ce qui vous manque aujourd’hui, pour qui."),
    )
    good_answer = forms.CharField(
        label=_("À quoi ressemble une bonne réponse"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Par exemple : une affiche et trois messages pour nos réseaux, faciles à reprendre."
        ),
    )

    def __init__(self, *args, associations, template: MissionTemplate | None = None, **kwargs):
        if template is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": template.title,
                    "context": template.need,
                    "good_answer": template.outcome,
                },
            )
        super().__init__(*args, **kwargs)
        field = self.fields["association"]
        field.queryset = Organization.objects.filter(pk__in=[a.pk for a in associations])
        if len(associations) == 1:
            field.widget = forms.HiddenInput()
            field.initial = associations[0].pk


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif, si vous ne retenez pas le défi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "L’association le lira. Par exemple : trop proche d’un autre défi déjà retenu."
        ),
    )


class TeamForm(forms.Form):
    name = forms.CharField(
        label=_("Nom de l’équipe"), max_length=80, help_text=_("Par exemple : Les Colibris")
    )


class ChooseForm(forms.Form):
    challenge = forms.ModelChoiceField(
        label=_("Défi de l’équipe"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, challenges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = challenges


class HandOverForm(forms.Form):
    leader = forms.ChoiceField(
        label=_("Nouveau ou nouvelle chef·fe d’équipe"), widget=forms.RadioSelect
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].choices = [(m.student_id, m.student.full_name) for m in members]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code de l’équipe"),
        max_length=20,
        help_text=_("Les 6 lettres et chiffres donnés par votre équipe. Par exemple : K7MP3X"),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Tapez le code donné par votre équipe.")},
    )

    def clean_code(self):
        code = normalize_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                _(
                    "Ce code n’a pas la bonne forme : il compte 6 lettres et chiffres, "
                    "par exemple K7MP3X."
                )
            )
        return code


class SubmissionForm(forms.Form):
    """A team's answer: what it made, its links, files to add (checked as deliveries are)."""

    description = forms.CharField(
        label=_("Votre réponse"),
        help_text=_(
            "Ce que votre équipe propose et comment l’association peut s’en servir. Par "
            "exemple : « Une affiche A3 et trois messages courts ; les textes se modifient "
            "dans le fichier .odt. »"
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Décrivez votre réponse en quelques phrases.")},
    )
    links = forms.CharField(
        label=_("Liens"),
        help_text=_(
            "Une adresse par ligne : une maquette, une vidéo, un dossier partagé. Par exemple : "
            "https://www.figma.com/file/…"
        ),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    files = MultipleFileField(
        label=_("Ajouter des fichiers"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, existing: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.existing = existing
        self.fields["files"].help_text = _(
            "%(size)s au plus par fichier, %(count)s fichiers au plus par réponse : %(types)s."
        ) % {
            "size": human_size(max_size()),
            "count": MAX_SUBMISSION_FILES,
            "types": ACCEPTED_TEXT,
        }

    def clean_links(self) -> str:
        return "\n".join(parse_links(self.cleaned_data.get("links"), max_length=500))

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
        if self.existing + len(files) > MAX_SUBMISSION_FILES:
            raise ValidationError(
                _("Une réponse compte %(max)s fichiers au plus : retirez-en avant d’en ajouter."),
                params={"max": MAX_SUBMISSION_FILES},
            )
        return files
