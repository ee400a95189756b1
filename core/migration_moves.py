"""Moving a model to another app without touching its rows (docs/architecture.md, Layers).

The table stays; the old app forgets the model and the new one takes it over in Django's
state only (`SeparateDatabaseAndState`), then the new app renames the table. What points
at the model by app label (its content type, hence its permissions and the admin's log)
follows with `move_content_type`.
"""

from django.db import migrations


def move_content_type(model: str, *, old: str, new: str) -> migrations.RunPython:
    """Relabel the content type of `model` from app `old` to `new` (and back when unapplied)."""

    def relabel(source: str, target: str):
        def run(apps, schema_editor) -> None:
            ContentType = apps.get_model("contenttypes", "ContentType")
            db = schema_editor.connection.alias
            if ContentType.objects.using(db).filter(app_label=target, model=model).exists():
                return  # already there (a database created after the move)
            ContentType.objects.using(db).filter(app_label=source, model=model).update(
                app_label=target
            )

        return run

    return migrations.RunPython(relabel(old, new), relabel(new, old), elidable=True)
