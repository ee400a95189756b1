"""« Télécharger mes données »: the archive of the demo student, built in the background,
holds each kind of her data and the files themselves, nobody else's; the link is hers and
lasts 48 hours."""

import json
import zipfile
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.archive import archive_bytes, export_request, export_token
from accounts.models import DataExport, User
from accounts.tests.factories import UserFactory
from core.demo import DEMO_DOMAIN


@pytest.fixture
def demo_lea(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", verbosity=0)
    return User.objects.get(email=f"lea@{DEMO_DOMAIN}")


def test_the_archive_of_the_demo_student_holds_each_kind_of_her_data_and_no_one_elses(demo_lea):
    from completion.models import Deliverable
    from credentials.models import Credential
    from messaging.models import Attachment, Message

    archive = zipfile.ZipFile(BytesIO(archive_bytes(demo_lea)))
    names = archive.namelist()
    data = {
        name.removeprefix("donnees/").removesuffix(".json"): json.loads(archive.read(name))
        for name in names
        if name.startswith("donnees/")
    }
    # Each kind of data has its file, and the README explains each of them.
    for kind in [
        "account",  # profile
        "volunteers",
        "organizations",  # organisations and roles
        "missions",
        "engagements",  # applications (and the missions she worked on)
        "messaging",  # messages she wrote
        "completion",  # deliveries, reviews
        "credentials",  # attestations
        "diagnosis",  # diagnostics
        "notifications",
    ]:
        assert kind in data, kind
        assert f"donnees/{kind}.json" in archive.read("LISEZMOI.txt").decode()
    assert data["account"]["email"] == demo_lea.email
    assert data["volunteers"]
    assert data["engagements"] and data["messaging"]["messages"]
    assert data["completion"]["completions"] and data["completion"]["reviews_received"]
    assert data["notifications"]
    # Every message in it is hers.
    hers = set(Message.objects.filter(author=demo_lea).values_list("body", flat=True))
    assert {m["body"] for m in data["messaging"]["messages"]} == hers
    # The files themselves: what she delivered, what she attached, her attestations.
    delivered = Deliverable.objects.filter(
        completion__application__volunteer=demo_lea, kind="file"
    ).exclude(file="")
    assert delivered.exists()
    for deliverable in delivered:
        name = f"fichiers/livrables/{deliverable.pk}-{deliverable.name}"
        with deliverable.file.open("rb") as stored:
            assert archive.read(name) == stored.read()
    attached = Attachment.objects.filter(message__author=demo_lea).exclude(file="")
    for attachment in attached:
        assert f"fichiers/pieces-jointes/{attachment.pk}-{attachment.name}" in names
    credentials = Credential.objects.filter(application__volunteer=demo_lea)
    assert credentials.exists()
    for credential in credentials:
        signed = json.loads(archive.read(f"attestations/{credential.public_id}.json"))
        assert signed == credential.document and "proof" in signed
        assert archive.read(f"attestations/{credential.public_id}.pdf").startswith(b"%PDF")
    # Nobody else's: no other person's files, attestations or address.
    others = Deliverable.objects.exclude(completion__application__volunteer=demo_lea)
    assert not {f"fichiers/livrables/{d.pk}-{d.name}" for d in others} & set(names)
    other_credentials = Credential.objects.exclude(application__volunteer=demo_lea).exclude(
        holder=demo_lea
    )
    assert not any(c.public_id in name for c in other_credentials for name in names)
    everything = b"".join(archive.read(name) for name in names if not name.endswith(".pdf"))
    for other in User.objects.exclude(pk=demo_lea.pk).filter(email__endswith=DEMO_DOMAIN)[:60]:
        assert other.email.encode() not in everything, other.email


def test_the_archive_is_built_in_the_background_and_the_link_is_hers_for_48_hours(
    db, client, settings, tmp_path, last_link, django_capture_on_commit_callbacks
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    lea = UserFactory(email="lea@example.org", full_name="Léa Martin")
    client.force_login(lea)
    assert client.get("/account/archive/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/archive/", follow=True)
    assert "vous recevrez un e-mail" in response.text
    export = DataExport.objects.get(user=lea)
    assert export.ready_at is not None and export.file
    link = last_link("lea@example.org")
    assert "/account/archive/" in link
    path = link.removeprefix(settings.SITE_URL)
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert (
        "LISEZMOI.txt" in zipfile.ZipFile(BytesIO(b"".join(response.streaming_content))).namelist()
    )
    # Not for anybody else, even with the link.
    client.force_login(UserFactory())
    assert client.get(path).status_code == 404
    client.logout()
    assert client.get(path).status_code == 302  # to the login page
    # Not after 48 hours.
    client.force_login(lea)
    DataExport.objects.filter(pk=export.pk).update(ready_at=timezone.now() - timedelta(hours=49))
    assert client.get(f"/account/archive/{export_token(export)}/").status_code == 404


def test_a_second_request_while_the_first_is_prepared_queues_nothing(db):
    lea = UserFactory()
    first = export_request(user=lea)
    assert export_request(user=lea) == first
    assert DataExport.objects.count() == 1


def test_deleting_the_account_deletes_her_archives_and_their_files(
    db, settings, tmp_path, django_capture_on_commit_callbacks
):
    from accounts.archive import export_build
    from accounts.services import user_delete

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    lea = UserFactory()
    export = DataExport.objects.create(user=lea)
    with django_capture_on_commit_callbacks(execute=True):
        export_build(export)
    path = export.file.path
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=lea)
    assert not DataExport.objects.exists()
    assert not Path(path).exists()
