"""The API v1: django-ninja, OpenAPI 3.1 at /api/v1/openapi.json, docs at /api/v1/docs/."""

from ninja import NinjaAPI

from . import me, problems, public
from .auth import Limit


class Api(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        # Errors are problem details (RFC 9457): say so in the description.
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {problems.MEDIA_TYPE: content["application/json"]}
        return schema


api = Api(
    title="A-lasso API",
    version="1",
    description=(
        "Les missions ouvertes, les associations, les modèles de mission, les compétences et "
        "les causes, en lecture libre ; avec un jeton personnel, votre profil et vos "
        "candidatures. Erreurs au format RFC 9457 (application/problem+json)."
    ),
    docs_url=None,
    openapi_url="/openapi.json",
    throttle=[Limit()],
    urls_namespace="api-v1",
)
problems.install(api)
api.add_router("/", public.router)
api.add_router("/", me.router)
api.add_router("/", "api.members.router")
api.add_router("/", "api.conversations.router")
