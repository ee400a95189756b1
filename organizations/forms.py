"""Organisation forms: one screen to register an association, members and invitations."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from accounts.forms import EmailField
from core.fields import ModelMultipleChoiceField
from core.links import parse_links
from geo.forms import CommuneField
from taxonomy.models import Cause

from .images import normalize_logo
from .models import Membership, Organization
from .validators import (
    normalize_rna,
    normalize_siren,
    normalize_siret,
    normalize_uai,
    validate_rna,
    validate_siren,
    validate_siret,
    validate_uai,
)

# Labels that name the organisation after its kind ("Nom de l'école").
NAME_LABELS = {
    Organization.Kind.ASSOCIATION: _("Nom de l’association"),
    Organization.Kind.SCHOOL: _("Nom de l’école"),
    Organization.Kind.LOCAL_AUTHORITY: _("Nom de la collectivité"),
    Organization.Kind.COMPANY: _("Nom de l’entreprise"),
}
NAME_EXAMPLES = {
    Organization.Kind.ASSOCIATION: _("Par exemple : Les Jardins Partagés de Belleville"),
    Organization.Kind.SCHOOL: _("Par exemple : École de design de Nantes"),
    Organization.Kind.LOCAL_AUTHORITY: _("Par exemple : Mairie de Villeurbanne"),
    Organization.Kind.COMPANY: _("Par exemple : Imprimerie Martin"),
}
# Fields only an association fills in.
ASSOCIATION_ONLY = ("association_type", "rna", "causes", "size")
# Fields only a school fills in (it gives its UAI or its SIRET instead of a SIREN).
SCHOOL_ONLY = ("uai", "siret")


class OrganizationForm(forms.Form):
    """Create or edit an organisation; the fields an association alone has are left out for
    the other kinds. A plain form: the services do the writing."""

    name = forms.CharField(max_length=200)
    association_type = forms.ChoiceField(
        label=_("Comment fonctionne votre association ?"),
        choices=Organization.AssociationType.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Choisissez « citoyenne » si personne n’y est salarié."),
    )
    rna = forms.CharField(
        label=_("Numéro de déclaration en préfecture (numéro RNA)"),
        max_length=20,
        required=False,
        help_text=_(
            "Il figure sur le récépissé de la préfecture et commence par W, suivi de 9 "
            "chiffres. Par exemple : W751234567"
        ),
    )
    siren = forms.CharField(
        label=_("Numéro d’entreprise de l’association (numéro SIREN)"),
        max_length=20,
        required=False,
        help_text=_(
            "Seulement si votre association en a un, par exemple parce qu’elle emploie "
            "quelqu’un : 9 chiffres, en haut de ses fiches de paie ou de ses factures. Par "
            "exemple : 732 829 320"
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    uai = forms.CharField(
        label=_("Numéro UAI de l’établissement"),
        max_length=20,
        required=False,
        help_text=_(
            "Le numéro de l’établissement au répertoire de l’Éducation nationale : 7 chiffres "
            "et une lettre. Par exemple : 0753268V"
        ),
    )
    siret = forms.CharField(
        label=_("Numéro SIRET"),
        max_length=30,
        required=False,
        help_text=_(
            "Si votre établissement n’a pas de numéro UAI : 14 chiffres. Par exemple : "
            "197 534 712 00017"
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    causes = ModelMultipleChoiceField(
        label=_("Pour quelles causes agissez-vous ?"),
        queryset=Cause.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cochez au moins une case, ou plusieurs. Par exemple : Environnement."),
        error_messages={"required": _("Cochez au moins une cause.")},
    )
    commune = CommuneField(
        label=_("Commune"),
        help_text=_(
            "Là où vous agissez, ou votre siège. Son nom ou son code postal, par exemple : "
            "Lyon, 69003 ou Saint-Denis (93200)"
        ),
    )
    size = forms.ChoiceField(
        label=_("Combien de personnes y participent ?"),
        choices=Organization.Size.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Bénévoles et salarié·es actifs, à peu près."),
    )
    description = forms.CharField(
        label=_("Présentation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Quelques phrases : ce que vous faites, pour qui, où. Par exemple : « Nous "
            "cultivons un jardin partagé et organisons des ateliers pour les enfants du "
            "quartier. »"
        ),
    )
    website = forms.URLField(
        label=_("Site internet"),
        required=False,
        assume_scheme="https",
        help_text=_("Par exemple : https://www.jardins-belleville.fr"),
        widget=forms.URLInput(attrs={"inputmode": "url"}),
    )
    links = forms.CharField(
        label=_("Autres liens"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Un lien par ligne : page Facebook, Instagram, HelloAsso… Par exemple : "
            "https://www.facebook.com/jardinsbelleville"
        ),
    )
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}),
        help_text=_(
            "Une image (une photo ou un dessin enregistré sur votre ordinateur ou votre "
            "téléphone), pas trop lourde : 2 mégaoctets au plus. Nous la mettons à la bonne "
            "taille."
        ),
    )
    remove_logo = forms.BooleanField(label=_("Retirer le logo actuel"), required=False)

    def __init__(self, *args, kind: str, instance: Organization | None = None, **kwargs):
        self.kind = kind
        self.instance = instance
        if instance is not None:
            kwargs.setdefault("initial", initial_from(instance))
        super().__init__(*args, **kwargs)
        self.fields["name"].label = NAME_LABELS[kind]
        self.fields["name"].help_text = NAME_EXAMPLES[kind]
        if kind != Organization.Kind.ASSOCIATION:
            for name in ASSOCIATION_ONLY:
                del self.fields[name]
        if kind == Organization.Kind.SCHOOL:
            # A school registered before schools gave a UAI or a SIRET keeps its SIREN.
            if not (instance and instance.siren):
                del self.fields["siren"]
            else:
                self.fields["siren"].label = _("Numéro SIREN de l’établissement")
        else:
            for name in SCHOOL_ONLY:
                del self.fields[name]
        if kind == Organization.Kind.LOCAL_AUTHORITY:
            # Moderators check a local authority, and the territory it declares, against
            # the public directory: its SIREN is needed.
            siren = self.fields["siren"]
            siren.label = _("Numéro SIREN de la collectivité")
            siren.help_text = _(
                "9 chiffres, sur vos factures ou dans l’annuaire des entreprises. Par "
                "exemple : 216 902 593 pour la Ville de Vénissieux."
            )
            siren.required = True
            siren.error_messages["required"] = _("Indiquez le numéro SIREN de la collectivité.")
        if kind == Organization.Kind.COMPANY:
            # Moderators check a company against the public directory before its e-mail
            # domain lets employees in, and its statements of hours name it: its SIREN is
            # needed.
            siren = self.fields["siren"]
            siren.label = _("Numéro SIREN de l’entreprise")
            siren.help_text = _(
                "9 chiffres, sur vos factures ou dans l’annuaire des entreprises. Par "
                "exemple : 732 829 320"
            )
            siren.required = True
            siren.error_messages["required"] = _("Indiquez le numéro SIREN de l’entreprise.")
        if not (instance and instance.logo):
            del self.fields["remove_logo"]
        self._new_logo = False

    # The screen in three short parts, for people who fill it in slowly: what is needed to
    # publish a mission first, then what can wait (each field marked « facultatif »).
    SECTIONS = [
        (_("Qui vous êtes"), ["name", "commune", "causes"]),
        (
            _("Pour vous faire connaître"),
            ["association_type", "size", "description", "website", "links", "logo", "remove_logo"],
        ),
        (_("Pour la vérification"), ["rna", "siren", "uai", "siret"]),
    ]

    def sections(self) -> list[tuple[str, list]]:
        return [
            (title, [self[name] for name in names if name in self.fields])
            for title, names in self.SECTIONS
        ]

    def clean_rna(self):
        rna = normalize_rna(self.cleaned_data["rna"])
        if rna:
            validate_rna(rna)
            self._refuse_duplicate("rna", rna)
        return rna

    def clean_siren(self):
        siren = normalize_siren(self.cleaned_data["siren"])
        if siren:
            validate_siren(siren)
            self._refuse_duplicate("siren", siren)
        return siren

    def clean_uai(self):
        uai = normalize_uai(self.cleaned_data["uai"])
        if uai:
            validate_uai(uai)
            self._refuse_duplicate("uai", uai)
        return uai

    def clean_siret(self):
        siret = normalize_siret(self.cleaned_data["siret"])
        if siret:
            validate_siret(siret)
            self._refuse_duplicate("siret", siret)
        return siret

    def clean(self):
        data = super().clean()
        # Moderators check a school against a register: it needs one of its two numbers,
        # unless it already has a SIREN (the field is shown to such a school only).
        if (
            self.kind == Organization.Kind.SCHOOL
            and not self.errors
            and not (data.get("uai") or data.get("siret") or data.get("siren"))
        ):
            raise ValidationError(
                _("Indiquez le numéro UAI de l’établissement, ou à défaut son numéro SIRET."),
                code="school_number",
            )
        return data

    def _refuse_duplicate(self, field: str, value: str) -> None:
        others = Organization.objects.filter(**{field: value})
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        other = others.first()
        if other is not None:
            raise ValidationError(
                _(
                    "« %(name)s » est déjà inscrite avec ce numéro. Si vous en faites partie, "
                    "demandez à ses responsables de vous inviter depuis la page des membres."
                ),
                code="duplicate",
                params={"name": other.name},
            )

    def clean_links(self):
        invalid = _("« %(line)s » n’est pas une adresse internet. Mettez un lien par ligne.")
        return "\n".join(parse_links(self.cleaned_data["links"], invalid=invalid))

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            self._new_logo = True
            return normalize_logo(logo)
        return logo

    def service_fields(self) -> dict:
        """What `organization_create`/`organization_update` take, causes apart."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("causes", "remove_logo")
        }
        if self._new_logo:
            pass
        elif self.cleaned_data.get("remove_logo") or self.instance is None:
            data["logo"] = ""
        else:
            del data["logo"]  # unchanged
        if self.kind != Organization.Kind.ASSOCIATION:
            data.update(association_type="", rna="", size="")
        if self.kind != Organization.Kind.SCHOOL:
            data.update(uai="", siret="")
        return data


def initial_from(organization: Organization) -> dict:
    return {
        "name": organization.name,
        "association_type": organization.association_type,
        "rna": organization.rna,
        "siren": organization.siren,
        "uai": organization.uai,
        "siret": organization.siret,
        # Read from the prefetch cache when the page prefetched them.
        "causes": [cause.pk for cause in organization.causes.all()],
        "commune": organization.commune,
        "size": organization.size,
        "description": organization.description,
        "website": organization.website,
        "links": organization.links,
    }


class InvitationForm(forms.Form):
    email = EmailField(
        label=_("Adresse e-mail de la personne à inviter"),
        help_text=_(
            "Elle recevra un lien pour rejoindre l’association. Par exemple : jean.dupont@orange.fr"
        ),
    )
    role = forms.ChoiceField(
        label=_("Son rôle"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
        help_text=_(
            "Un administrateur ou une administratrice peut modifier la page et gérer les "
            "membres ; un membre peut publier et suivre les missions."
        ),
    )

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_email(self):
        email = self.cleaned_data["email"]
        if Membership.objects.filter(organization=self.organization, user__email=email).exists():
            raise ValidationError(
                _("Cette personne fait déjà partie de l’organisation."), code="already_member"
            )
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rôle"), choices=Membership.Role.choices)
