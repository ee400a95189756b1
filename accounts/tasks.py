"""Background work of the accounts app."""

from django.tasks import task

from .models import DataExport


@task
def build_data_export(export_id: int) -> int:
    from .archive import export_build

    export = DataExport.objects.select_related("user").get(pk=export_id)
    if export.ready_at is None:
        export_build(export)
    return export.file.size if export.file else 0
