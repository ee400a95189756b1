"""Account pages: sign-up, the three ways to log in, and 'my account'."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core import ratelimit
from core.pagecache import csrf_for_members
from core.ratelimit import allow, client_ip
from core.redirects import is_safe_url, safe_next

from . import services, tokens
from .forms import (
    ConfirmWithPasswordForm,
    DeleteAccountForm,
    EmailChangeForm,
    EmailOnlyForm,
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    SetPasswordForm,
    SignUpForm,
)
from .models import User


def _too_many(request, template: str, form, status: int = 429):
    form.add_error(
        None,
        _("Trop d’essais en peu de temps. Patientez quelques minutes, puis réessayez."),
    )
    return render(request, template, {"form": form}, status=status)


# Wrong passwords: ten per account from one address, thirty per address whatever the account,
# in a quarter of an hour. Someone guessing a password blocks their own connection only:
# the owner, from home or from a phone, still gets in.
LOGIN_WINDOW = 15 * 60
LOGIN_FAILURES_PER_ACCOUNT = 10
LOGIN_FAILURES_PER_ADDRESS = 30


def _account_protected(request, context: dict):
    form = context["form"]
    minutes = LOGIN_WINDOW // 60
    form.add_error(
        None,
        ngettext(
            "Après plusieurs mots de passe erronés, ce compte est protégé pendant "
            "%(minutes)d minute depuis cette connexion. Recevez un lien de connexion par "
            "e-mail (ci-dessous), ou revenez plus tard.",
            "Après plusieurs mots de passe erronés, ce compte est protégé pendant "
            "%(minutes)d minutes depuis cette connexion. Recevez un lien de connexion par "
            "e-mail (ci-dessous), ou revenez plus tard.",
            minutes,
        )
        % {"minutes": minutes},
    )
    return render(request, "accounts/login.html", context, status=429)


# Session key: the account created in this browser, until its address is confirmed here.
SIGNED_UP_HERE = "signed_up_user"


def _first_screen(user: User) -> str:
    """Where someone who has just confirmed their address goes first: a person who came
    for an association and has none yet registers it, everyone else reaches the home page."""
    if user.intent == User.Intent.ASSOCIATION and not user.memberships.exists():
        return reverse("organizations:create")
    return reverse("core:home")


def _log_in(request, user: User) -> None:
    chosen = request.session.pop(services.LANGUAGE_CHOSEN, None)
    auth_login(request, user, backend="accounts.backends.EmailBackend")
    # The language picked just before logging in wins over the one saved on the account.
    if chosen in dict(settings.LANGUAGES):
        services.user_set_language(user=user, language=chosen)
    translation.activate(user.language)


def signup(request):
    if request.user.is_authenticated:
        return redirect(safe_next(request) or "core:home")
    intent = request.GET.get("intent")
    initial = {"intent": intent} if intent in User.Intent.values else {}
    if request.GET.get("email"):  # an invitation sends people with the invited address
        initial["email"] = request.GET["email"]
    form = SignUpForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not allow("signup", client_ip(request), limit=10, window=3600):
            return _too_many(request, "accounts/signup.html", form)
        if form.is_valid():
            user = services.user_sign_up(
                **form.cleaned_data,
                language=translation.get_language() or "fr",
                next_url=safe_next(request) or "",
            )
            request.session["signup_email"] = user.email
            # Who signed up in this browser: their confirmation link, opened here, logs in.
            request.session[SIGNED_UP_HERE] = user.pk
            return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form, "next": safe_next(request)})


def signup_done(request):
    email = request.session.get("signup_email")
    if request.method == "POST" and email:
        if allow("resend", email, limit=3, window=3600):
            user = User.objects.filter(email=email, email_verified_at__isnull=True).first()
            if user:
                services.verification_email_send(user=user)
            messages.success(
                request, _("Nous avons renvoyé le lien à %(email)s.") % {"email": email}
            )
        else:
            messages.error(
                request, _("Le lien a déjà été renvoyé plusieurs fois. Patientez un peu.")
            )
        return redirect("accounts:signup_done")
    return render(request, "accounts/signup_done.html", {"email": email})


def verify_email(request, token: str):
    """The link in the confirmation e-mail. Opened in the browser that signed up, it confirms
    the address and logs in: that session typed the password a moment ago, the link proves
    it reads the mailbox. Anywhere else opening it confirms nothing yet (mail scanners open
    links, and the person who signed up may not own the mailbox): the address is confirmed
    once the password chosen at sign-up is typed here, or replaced."""
    try:
        user, _extra = tokens.read_token(tokens.VERIFY_EMAIL, token)
    except tokens.InvalidToken:
        return _verification_link_used(request, token)
    next_url = safe_next(request)
    if not request.user.is_authenticated and request.session.get(SIGNED_UP_HERE) == user.pk:
        user = services.email_verify(token=token)
        del request.session[SIGNED_UP_HERE]
        _log_in(request, user)
        messages.success(
            request,
            _("Merci %(name)s, votre adresse e-mail est confirmée et vous êtes connecté·e.")
            % {"name": user.first_name},
        )
        return redirect(next_url or _first_screen(user))
    form = ConfirmWithPasswordForm(user, request.POST or None)
    context = {"form": form, "next": next_url, "choose_url": _choose_url(token, next_url)}
    if request.method == "POST":
        # The same counters as the login form: the link does not make guessing cheaper.
        address = client_ip(request)
        account = f"{address} {user.email}"
        if ratelimit.reached(
            "login-ip", address, limit=LOGIN_FAILURES_PER_ADDRESS
        ) or ratelimit.reached("login", account, limit=LOGIN_FAILURES_PER_ACCOUNT):
            # The way below (a new password, from the mailbox's link) stays open.
            form.add_error(
                None,
                _("Trop d’essais en peu de temps. Patientez quelques minutes, puis réessayez."),
            )
            return render(request, "accounts/verify_email.html", context, status=429)
        if not form.is_valid():
            ratelimit.record("login-ip", address, window=LOGIN_WINDOW)
            ratelimit.record("login", account, window=LOGIN_WINDOW)
    if request.method == "POST" and form.is_valid():
        user = services.email_verify(token=token)
        _log_in(request, user)
        messages.success(
            request,
            _("Votre adresse e-mail est confirmée. Bonjour %(name)s, vous êtes connecté·e.")
            % {"name": user.first_name},
        )
        return redirect(next_url or _first_screen(user))
    return render(request, "accounts/verify_email.html", context)


def _choose_url(token: str, next_url: str) -> str:
    """The confirmation link's way for the owner who does not know the password."""
    url = reverse("accounts:verify_email_password", kwargs={"token": token})
    return url + "?" + urlencode({"next": next_url}) if next_url else url


def _verification_link_used(request, token: str):
    # A second click on a link that already worked is not an error for the person.
    user = tokens.user_of_spent_token(tokens.VERIFY_EMAIL, token)
    if user is None or not user.is_email_verified:
        return render(request, "accounts/link_invalid.html", {"kind": "verify"}, status=400)
    next_url = safe_next(request)
    if request.user.is_authenticated and request.user.pk == user.pk:
        messages.success(request, _("Votre adresse e-mail est confirmée."))
        return redirect(next_url or "core:home")
    form = LoginForm(initial={"email": user.email})
    return render(
        request,
        "accounts/verified.html",
        {"form": form, "verified_user": user, "next": next_url or _first_screen(user)},
    )


def verify_email_password(request, token: str):
    """From the confirmation link, for the owner of the mailbox who does not know the
    password given at sign-up: hers replaces it, and she is logged in."""
    try:
        user, _extra = tokens.read_token(tokens.VERIFY_EMAIL, token)
    except tokens.InvalidToken:
        return render(request, "accounts/link_invalid.html", {"kind": "verify"}, status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.email_verify(token=token, new_password=form.cleaned_data["new_password1"])
        _log_in(request, user)
        messages.success(
            request, _("Votre adresse e-mail est confirmée et votre mot de passe enregistré.")
        )
        return redirect(safe_next(request) or _first_screen(user))
    return render(
        request,
        "accounts/verify_email_password.html",
        {"form": form, "email": user.email, "next": safe_next(request)},
    )


def login(request):
    if request.user.is_authenticated:
        return redirect(safe_next(request) or "core:home")
    form = LoginForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    context = {"form": form, "next": safe_next(request)}
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        address = client_ip(request)
        account = f"{address} {email}"
        if ratelimit.reached("login-ip", address, limit=LOGIN_FAILURES_PER_ADDRESS):
            return _too_many(request, "accounts/login.html", form)
        if ratelimit.reached("login", account, limit=LOGIN_FAILURES_PER_ACCOUNT):
            return _account_protected(request, context)
        from django.contrib.auth import authenticate

        user = authenticate(request, email=email, password=form.cleaned_data["password"])
        if user is None:
            ratelimit.record("login-ip", address, window=LOGIN_WINDOW)
            ratelimit.record("login", account, window=LOGIN_WINDOW)
            form.add_error(
                None,
                _(
                    "Adresse e-mail ou mot de passe incorrect. Vérifiez les deux, ou recevez "
                    "un lien de connexion par e-mail."
                ),
            )
        elif not user.is_email_verified:
            if allow("resend", email, limit=3, window=3600):
                services.verification_email_send(user=user)
            form.add_error(
                None,
                _(
                    "Confirmez d’abord votre adresse e-mail : nous venons de vous renvoyer "
                    "le lien à %(email)s."
                )
                % {"email": email},
            )
        else:
            _log_in(request, user)
            messages.success(
                request, _("Bonjour %(name)s, vous êtes connecté·e.") % {"name": user.first_name}
            )
            return redirect(context["next"] or "core:home")
    return render(request, "accounts/login.html", context)


@require_POST
def logout(request):
    auth_logout(request)
    messages.info(request, _("Vous êtes déconnecté·e. À bientôt !"))
    # e.g. an invitation for another address: log out, then log in with that one.
    return redirect(safe_next(request) or "core:home")


def magic_link(request):
    form = EmailOnlyForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        address = client_ip(request)
        # Five links an hour for one address from one place, twenty from everywhere: a
        # stranger asking in her name does not use up the owner's, and her mailbox is
        # not flooded.
        if not (
            allow("magic-ip", address, limit=20, window=3600)
            and allow("magic-email", f"{address} {email}", limit=5, window=3600)
            and allow("magic-email-all", email, limit=20, window=3600)
        ):
            return _too_many(request, "accounts/magic_link.html", form)
        services.magic_link_send(email=email)
        return render(request, "accounts/link_sent.html", {"email": email, "kind": "magic"})
    return render(request, "accounts/magic_link.html", {"form": form})


def magic_login(request, token: str):
    # A GET only shows a button: mail scanners open links, and must not use them up.
    try:
        user, _extra = tokens.read_token(tokens.MAGIC_LOGIN, token)
    except tokens.InvalidToken:
        return render(request, "accounts/link_invalid.html", {"kind": "magic"}, status=400)
    if request.method == "POST":
        first_proof = not user.is_email_verified  # the sign-up password is dropped now
        user = services.magic_link_use(token=token)
        _log_in(request, user)
        if first_proof:
            messages.success(
                request,
                _(
                    "Bonjour %(name)s, vous êtes connecté·e et votre adresse e-mail est "
                    "confirmée. Pour votre sécurité, le mot de passe donné à l’inscription ne "
                    "sert plus : choisissez un mot de passe pour vos prochaines visites, ou "
                    "demandez un nouveau lien à chaque fois."
                )
                % {"name": user.first_name},
            )
            return redirect("accounts:password_change")
        messages.success(
            request, _("Bonjour %(name)s, vous êtes connecté·e.") % {"name": user.first_name}
        )
        return redirect("core:home")
    return render(request, "accounts/magic_login.html")


def password_reset(request):
    form = EmailOnlyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not allow("reset-email", email, limit=5, window=3600):
            return _too_many(request, "accounts/password_reset.html", form)
        services.password_reset_send(email=email)
        return render(request, "accounts/link_sent.html", {"email": email, "kind": "reset"})
    return render(request, "accounts/password_reset.html", {"form": form})


def password_reset_confirm(request, token: str):
    try:
        user, _extra = tokens.read_token(tokens.RESET_PASSWORD, token)
    except tokens.InvalidToken:
        return render(request, "accounts/link_invalid.html", {"kind": "reset"}, status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_set(
            request=request, user=user, password=form.cleaned_data["new_password1"]
        )
        _log_in(request, user)
        messages.success(request, _("Votre nouveau mot de passe est enregistré."))
        return redirect("core:home")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


@login_required
def account(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=request.user, **form.cleaned_data)
        translation.activate(request.user.language)
        messages.success(request, _("Vos informations sont enregistrées."))
        return redirect("accounts:account")
    return render(request, "accounts/account.html", {"form": form})


@login_required
def password_change(request):
    # Someone who came in by a login link may have no password yet: nothing old to type.
    first = not request.user.has_usable_password()
    form = (SetPasswordForm if first else PasswordChangeForm)(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_set(
            request=request, user=request.user, password=form.cleaned_data["new_password1"]
        )
        messages.success(
            request,
            _("Votre mot de passe est enregistré.")
            if first
            else _("Votre mot de passe est changé."),
        )
        return redirect("accounts:account")
    return render(request, "accounts/password_change.html", {"form": form, "first": first})


def _password_first(request):
    """Pages that ask for the password to be sure it is you, for someone who has none yet."""
    messages.info(
        request, _("Choisissez d’abord un mot de passe : il sert à vérifier que c’est bien vous.")
    )
    return redirect("accounts:password_change")


@login_required
def email_change(request):
    if not request.user.has_usable_password():
        return _password_first(request)
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.email_change_request(user=request.user, new_email=form.cleaned_data["new_email"])
        return render(
            request,
            "accounts/link_sent.html",
            {"email": form.cleaned_data["new_email"], "kind": "email_change"},
        )
    return render(request, "accounts/email_change.html", {"form": form})


def email_change_confirm(request, token: str):
    try:
        tokens.read_token(tokens.CHANGE_EMAIL, token)
    except tokens.InvalidToken:
        return render(request, "accounts/link_invalid.html", {"kind": "email_change"}, status=400)
    if request.method == "POST":
        try:
            user = services.email_change_confirm(token=token)
        except tokens.InvalidToken:
            return render(
                request, "accounts/link_invalid.html", {"kind": "email_change"}, status=400
            )
        messages.success(
            request, _("Votre adresse e-mail est maintenant %(email)s.") % {"email": user.email}
        )
        return redirect("accounts:account" if request.user.is_authenticated else "accounts:login")
    return render(request, "accounts/email_change_confirm.html")


@login_required
def export(request):
    data = services.user_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="a-lasso-mes-donnees.json"'
    return response


@login_required
def delete(request):
    if not request.user.has_usable_password():
        return _password_first(request)
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_delete(user=request.user)
        auth_logout(request)
        messages.info(request, _("Votre compte est supprimé. Merci d’être passé·e par A-lasso."))
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


@require_POST
@csrf_for_members
def set_language(request):
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    target = request.POST.get("next", "/")
    if not is_safe_url(request, target):
        target = "/"
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    else:
        # Kept through the login that may follow: the account then takes this choice.
        request.session[services.LANGUAGE_CHOSEN] = language
    translation.activate(language)
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@login_required
def terms(request):
    """The terms changed since the person last accepted them: she reads what changed and
    accepts, or leaves (her data and the deletion of her account stay open)."""
    next_url = safe_next(request)
    if request.method == "POST":
        if services.terms_to_accept(request.user):
            services.terms_accept(user=request.user)
        messages.success(request, _("Merci, vos choix sont enregistrés."))
        return redirect(next_url or "core:home")
    return render(
        request,
        "accounts/terms.html",
        {"next": next_url, "version": settings.TERMS_VERSION},
    )


@login_required
def archive(request):
    """« Télécharger mes données »: the archive is prepared in the background and the
    person receives a link by e-mail."""
    from .archive import export_request

    if request.method == "POST":
        export_request(user=request.user)
        messages.success(
            request,
            _("C’est parti : vous recevrez un e-mail à %(email)s dès que l’archive est prête.")
            % {"email": request.user.email},
        )
        return redirect("accounts:archive")
    return render(request, "accounts/archive.html")


@login_required
def archive_download(request, token: str):
    from .archive import export_for

    export = export_for(token, request.user)
    if export is None:
        return render(request, "accounts/link_invalid.html", {"kind": "export"}, status=404)
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename="a-lasso-mes-donnees.zip",
        content_type="application/zip",
    )
