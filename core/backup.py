"""`manage.py backup` and `manage.py restore`: one archive with the database (the online
backup API on SQLite, pg_dump on PostgreSQL), the media and the private files, and a
manifest with each file's SHA-256 and each table's row count. The signing key of the
attestations goes only if asked, and then into a file of its own beside the archive.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_DUMP = "database.sqlite3"
PG_DUMP = "database.pgdump"


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432)]
    args += ["-U", str(db.get("USER") or "postgres")]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def row_counts() -> dict[str, int]:
    """Each table's row count, as the database says now."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _dump_database(target: Path) -> str:
    if _is_sqlite():
        connection.ensure_connection()
        destination = sqlite3.connect(target / SQLITE_DUMP)
        with destination:
            connection.connection.backup(destination)  # consistent even while others write
        destination.close()
        return SQLITE_DUMP
    args, env = _pg_env()
    name = connection.settings_dict["NAME"]
    command = ["pg_dump", "-Fc", "--no-owner", *args, "-d", name, "-f", str(target / PG_DUMP)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return PG_DUMP


def _copy_tree(source: Path, target: Path) -> None:
    if source.exists():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        target.mkdir(parents=True)


def backup(output: Path, *, with_key: bool = False) -> dict:
    """Write the archive `output` (a .tar.gz); return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        counts = row_counts()
        database = _dump_database(root)
        _copy_tree(Path(settings.MEDIA_ROOT), root / "media")
        _copy_tree(Path(settings.PRIVATE_MEDIA_ROOT), root / "private")
        files = {
            str(path.relative_to(root)): _sha256(path)
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }
        manifest = {
            "created_at": timezone.now().isoformat(),
            "engine": connection.vendor,
            "database": database,
            "tables": counts,
            "files": files,
        }
        (root / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        with tarfile.open(output, "w:gz") as archive:
            for entry in [MANIFEST, database, "media", "private"]:
                archive.add(root / entry, arcname=entry)
    if with_key:
        key = Path(settings.CREDENTIALS_KEY_FILE)
        if key.exists():
            copy = Path(f"{output}.key.pem")
            shutil.copyfile(key, copy)
            copy.chmod(0o600)
    return manifest


def _database_is_empty() -> bool:
    """No account yet (the tables a fresh `migrate` fills, like the communes, do not count)."""
    table = settings.AUTH_USER_MODEL.replace(".", "_").lower()
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return True
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        return cursor.fetchone()[0] == 0


def restore(source: Path, *, force: bool = False, sqlite_target: Path | None = None) -> dict:
    """Bring the archive `source` back onto this installation, which must be empty (no
    account) unless `force`. Every file is checked against the manifest first."""
    if not force and sqlite_target is None and not _database_is_empty():
        raise BackupError("This installation already has accounts: restore onto an empty one.")
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(root, filter="data")
        manifest = json.loads((root / MANIFEST).read_text())
        for name, checksum in manifest["files"].items():
            if _sha256(root / name) != checksum:
                raise BackupError(f"{name} does not match its checksum: the archive is damaged.")
        if manifest["engine"] == "sqlite":
            target = sqlite_target or Path(connection.settings_dict["NAME"])
            if sqlite_target is None:
                connection.close()
            source_db = sqlite3.connect(root / manifest["database"])
            destination = sqlite3.connect(target)
            with destination:
                source_db.backup(destination)
            source_db.close()
            destination.close()
        else:
            if _is_sqlite():
                raise BackupError("A PostgreSQL backup restores onto PostgreSQL only.")
            args, env = _pg_env()
            name = connection.settings_dict["NAME"]
            connection.close()
            command = ["pg_restore", "--clean", "--if-exists", "--no-owner", *args, "-d", name]
            subprocess.run(
                [*command, str(root / manifest["database"])],
                env=env,
                check=True,
                capture_output=True,
            )
        for folder, destination_root in [
            ("media", Path(settings.MEDIA_ROOT)),
            ("private", Path(settings.PRIVATE_MEDIA_ROOT)),
        ]:
            _copy_tree(root / folder, destination_root)
        for name, checksum in manifest["files"].items():
            folder, _, rest = name.partition("/")
            base = {"media": settings.MEDIA_ROOT, "private": settings.PRIVATE_MEDIA_ROOT}.get(
                folder
            )
            if base and _sha256(Path(base) / rest) != checksum:
                raise BackupError(f"{name} was not restored intact.")
    return manifest
