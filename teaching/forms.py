from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Validation


class ValidationForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Votre avis"),
        choices=Validation.Verdict.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "« Validée » : la mission compte pour le cursus, et figure sur l’attestation. "
            "« À améliorer » : l’élève reprend son travail avant que vous ne le validiez."
        ),
        error_messages={"required": _("Choisissez « validée » ou « à améliorer ».")},
    )
    comment = forms.CharField(
        label=_("Commentaire pour l’élève"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "L’élève le lit. Par exemple : « Charte graphique claire et bien argumentée ; "
            "soignez les déclinaisons pour les réseaux sociaux. »"
        ),
    )

    def clean(self):
        data = super().clean()
        if data.get("verdict") == Validation.Verdict.TO_IMPROVE and not data.get("comment"):
            self.add_error(
                "comment", _("Dites à l’élève ce qu’il faut améliorer : c’est ce qu’elle lira.")
            )
        return data
