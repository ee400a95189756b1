"""Errors as RFC 9457 problem details (`application/problem+json`), in the caller's language.

Each kind of problem has a `type`, an address on the API's documentation page that explains
it; `title` names the kind, `detail` this occurrence; validation errors list the fields.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from core.errors import ActionRefused

MEDIA_TYPE = "application/problem+json"
DOCS = "/api/v1/docs/#problem-"

# slug: status, title
KINDS = {
    "invalid": (422, _("Valeurs invalides")),
    "unauthenticated": (401, _("Jeton manquant ou invalide")),
    "forbidden": (403, _("Accès refusé")),
    "not-found": (404, _("Introuvable")),
    "refused": (409, _("Action refusée")),
    "too-many-requests": (429, _("Trop de requêtes")),
    "bad-request": (400, _("Requête incorrecte")),
}
BY_STATUS = {status: slug for slug, (status, _title) in KINDS.items()}

# What a pydantic error type means, in words the caller reads.
FIELD_MESSAGES = {
    "missing": _("Ce champ est obligatoire."),
    "int_parsing": _("Écrivez un nombre entier."),
    "int_type": _("Écrivez un nombre entier."),
    "greater_than_equal": _("Cette valeur est trop petite."),
    "greater_than": _("Cette valeur est trop petite."),
    "less_than_equal": _("Cette valeur est trop grande."),
    "less_than": _("Cette valeur est trop grande."),
    "string_too_long": _("Ce texte est trop long."),
    "string_too_short": _("Ce texte est trop court."),
    "string_type": _("Écrivez un texte."),
    "bool_parsing": _("Écrivez true ou false."),
    "date_from_datetime_parsing": _("Écrivez une date, par exemple 2027-01-05."),
    "date_parsing": _("Écrivez une date, par exemple 2027-01-05."),
    "json_invalid": _("Le corps de la requête n’est pas du JSON valide."),
    "model_attributes_type": _("Le corps de la requête doit être un objet JSON."),
    "dict_type": _("Le corps de la requête doit être un objet JSON."),
}


class FieldError(Schema):
    field: str
    detail: str


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] = []


def problem(status: int, detail: str = "", errors: list[dict] | None = None) -> HttpResponse:
    slug = BY_STATUS.get(status, "bad-request")
    _status, title = KINDS[slug]
    body = {
        "type": DOCS + slug,
        "title": str(title),
        "status": status,
        "detail": detail or str(title),
        "errors": errors or [],
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=MEDIA_TYPE
    )


def _field(error: dict) -> str:
    location = [str(part) for part in error.get("loc", ())]
    # ["query", "limit"], ["body", "payload", "message"]: the part the caller wrote.
    if location and location[0] in {"query", "path", "body", "header", "cookie", "form"}:
        location = location[1:]
    if location and location[0] == "payload":
        location = location[1:]
    return ".".join(location) or "body"


def validation_errors(exc: ValidationError) -> list[dict]:
    errors = []
    for error in exc.errors:
        if error.get("type") == "form":  # a Django form's message, already in words
            detail = str(error["msg"])
        else:
            message = FIELD_MESSAGES.get(error.get("type", ""))
            detail = str(message) if message else gettext("Valeur invalide.")
        errors.append({"field": _field(error), "detail": detail})
    return errors


def form_errors(form) -> list[dict]:
    return [
        {"field": name, "detail": " ".join(str(message) for message in messages)}
        for name, messages in form.errors.items()
    ]


def not_found() -> HttpResponse:
    return problem(404, gettext("Rien à cette adresse, ou rien que vous puissiez voir."))


def install(api) -> None:
    """Every error of `api` as a problem."""

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        errors = validation_errors(exc)
        fields = ", ".join(error["field"] for error in errors)
        return problem(422, gettext("Vérifiez : %(fields)s.") % {"fields": fields}, errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = problem(
            401,
            gettext(
                "Envoyez un jeton personnel valide dans l’en-tête Authorization: Bearer. "
                "Vous les créez sur la page « Mon compte »."
            ),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return problem(
            429, gettext("Trop de requêtes en une minute. Patientez un peu, puis réessayez.")
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return problem(exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def on_404(request, exc):
        return not_found()

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        # A refusal worded for people (a lazy translation), not a note for developers.
        text = str(exc.args[0]) if exc.args and isinstance(exc.args[0], Promise) else ""
        return problem(403, text or gettext("Vous n’avez pas le droit de faire ceci."))

    @api.exception_handler(ActionRefused)
    def refused(request, exc):
        return problem(409, str(exc))


def responses(*statuses: int) -> dict:
    return dict.fromkeys(statuses, Problem)
