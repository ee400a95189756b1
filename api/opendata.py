"""The « Données ouvertes » page and its files (built daily by missions.opendata)."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from missions import opendata


@require_GET
def page(request):
    context = {
        "licence": opendata.LICENCE,
        "columns": opendata.COLUMNS,
        "built_at": opendata.built_at(),
        "api_url": reverse("api-docs"),
    }
    return render(request, "api/opendata.html", context)


@require_GET
def download(request, extension: str):
    if extension not in opendata.FORMATS:
        raise Http404
    path = opendata.path_of(extension)
    if not default_storage.exists(path):
        opendata.build()  # before the first daily run: build it now
    response = FileResponse(
        default_storage.open(path, "rb"),
        content_type=opendata.FORMATS[extension],
        as_attachment=True,
        filename=f"a-lasso-missions.{extension}",
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response
