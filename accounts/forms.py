"""Account forms: every field says what it is for, errors are plain French."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.contrib.auth.forms import SetPasswordForm as DjangoSetPasswordForm
from django.utils.translation import gettext_lazy as _

from .models import User, normalize_email


class EmailField(forms.EmailField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Adresse e-mail"))
        kwargs.setdefault("help_text", _("Par exemple : martine.dupont@orange.fr"))
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "email", "inputmode": "email"})

    def clean(self, value):
        return normalize_email(super().clean(value))


class SignUpForm(forms.Form):
    full_name = forms.CharField(
        label=_("Prénom et nom"),
        max_length=150,
        help_text=_("Ils apparaîtront sur vos missions. Par exemple : Martine Dupont"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = EmailField()
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        help_text=_("Au moins 8 caractères. Une courte phrase est facile à retenir."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )
    intent = forms.ChoiceField(
        label=_("Vous venez pour…"),
        choices=User.Intent.choices,
        initial=User.Intent.VOLUNTEER,
        widget=forms.RadioSelect,
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(
                _(
                    "Un compte existe déjà avec cette adresse. Connectez-vous, ou demandez "
                    "un lien de connexion si vous avez oublié votre mot de passe."
                ),
                code="email_taken",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class LoginForm(forms.Form):
    email = EmailField(help_text="")
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class ConfirmWithPasswordForm(forms.Form):
    """The last step of a verification link: the password chosen at sign-up.

    Opening the link proves the mailbox; typing the password proves the person who signed
    up is the one reading it. Both together confirm the address (see `email_verify`)."""

    email = EmailField(help_text="", disabled=True)
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, initial={"email": user.email}, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Ce mot de passe n’est pas le bon."))
        return password


class EmailOnlyForm(forms.Form):
    email = EmailField()


class SetPasswordForm(DjangoSetPasswordForm):
    pass


class PasswordChangeForm(DjangoPasswordChangeForm):
    pass


class EmailChangeForm(forms.Form):
    new_email = EmailField(label=_("Nouvelle adresse e-mail"))
    password = forms.CharField(
        label=_("Votre mot de passe actuel"),
        strip=False,
        help_text=_("Pour vérifier que c’est bien vous."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_email(self):
        email = self.cleaned_data["new_email"]
        if email == self.user.email:
            raise forms.ValidationError(_("C’est déjà votre adresse actuelle."))
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(_("Cette adresse est déjà utilisée par un autre compte."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Ce mot de passe n’est pas le bon."))
        return password


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language"]
        help_texts = {
            "full_name": _("Par exemple : Martine Dupont"),
            "language": _("Langue des pages et des e-mails que nous vous envoyons."),
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Ce mot de passe n’est pas le bon."))
        return password
