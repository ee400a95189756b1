"""Files joined to a message: checked by name and by content, with clear French refusals."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from messaging.models import Attachment, Message

from .factories import PDF

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def zipped(entries: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(zipfile.ZipInfo("mimetype"), first)
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def post(client, thread, *files, body="Voici le fichier"):
    return client.post(
        reverse("messaging:thread", args=[thread.pk]), {"body": body, "files": list(files)}
    )


def test_a_real_small_pdf_is_accepted_and_can_be_downloaded(client, martine, application_thread):
    client.force_login(martine)

    response = post(client, application_thread, upload("devis.pdf", PDF))

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.name, attachment.size) == ("devis.pdf", len(PDF))
    assert attachment.content_type == "application/pdf"
    page = client.get(reverse("messaging:thread", args=[application_thread.pk]))
    assert reverse("messaging:attachment", args=[attachment.pk]) in page.text
    assert "/media/" not in page.text


def test_a_program_renamed_as_a_pdf_is_refused(client, martine, application_thread):
    client.force_login(martine)

    response = post(client, application_thread, upload("devis.pdf", EXE))

    assert response.status_code == 200
    assert "ne contient pas ce qu’annonce son nom (.pdf)" in response.text
    assert "Voici le fichier" in response.text  # what was typed is kept
    assert not Message.objects.exists()


def test_a_type_that_is_not_on_the_list_is_refused(client, martine, application_thread):
    client.force_login(martine)

    response = post(client, application_thread, upload("installer.exe", EXE))

    assert "n’est pas d’un type accepté" in response.text
    assert not Message.objects.exists()


def test_a_file_too_big_is_refused(client, settings, martine, application_thread):
    settings.MESSAGING_ATTACHMENT_MAX_SIZE = 1024
    client.force_login(martine)

    response = post(client, application_thread, upload("plan.pdf", PDF + b"0" * 2000))

    assert "est trop lourd" in response.text
    assert "« plan.pdf » est trop lourd (2 Ko) : 1 Ko au plus par fichier." in response.text
    assert not Attachment.objects.exists()


def test_no_more_than_five_files_per_message(client, martine, application_thread):
    client.force_login(martine)

    response = post(client, application_thread, *[upload(f"photo{n}.png", PNG) for n in range(6)])

    assert "5 fichiers au plus" in response.text
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
        ("photo.png", PNG),
        ("anim.gif", b"GIF89a" + b"\x00" * 16),
        ("image.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 "),
        ("notes.txt", "Liste des invités : Jeanne, Marcel".encode()),
        ("lettre.docx", zipped({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"})),
        ("budget.xlsx", zipped({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<w/>"})),
        ("slides.pptx", zipped({"[Content_Types].xml": b"<x/>", "ppt/presentation.xml": b"<p/>"})),
        (
            "lettre.odt",
            zipped({"content.xml": b"<x/>"}, first="application/vnd.oasis.opendocument.text"),
        ),
        (
            "budget.ods",
            zipped(
                {"content.xml": b"<x/>"}, first="application/vnd.oasis.opendocument.spreadsheet"
            ),
        ),
        ("photos.zip", zipped({"photo1.jpg": b"\xff\xd8\xff"})),
    ],
)
def test_every_accepted_type_goes_through(client, martine, application_thread, name, content):
    client.force_login(martine)

    response = post(client, application_thread, upload(name, content))

    assert response.status_code == 302, response.text
    assert Attachment.objects.get().name == name


@pytest.mark.parametrize(
    "name, content",
    [
        ("lettre.docx", zipped({"autre.xml": b"<x/>"})),  # a zip, but not a Word document
        ("budget.xlsx", zipped({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"})),
        ("notes.txt", EXE),
        ("photo.png", b"\xff\xd8\xff\xe0"),  # a JPEG named .png: still refused, be strict
        ("archive.zip", b"PK\x03\x04 not really a zip"),
    ],
)
def test_content_that_does_not_match_its_name_is_refused(
    client, martine, application_thread, name, content
):
    client.force_login(martine)

    response = post(client, application_thread, upload(name, content))

    assert "ne contient pas ce qu’annonce son nom" in response.text
    assert not Attachment.objects.exists()


def test_a_zip_holding_a_program_is_refused(client, martine, application_thread):
    client.force_login(martine)

    response = post(client, application_thread, upload("photos.zip", zipped({"setup.exe": EXE})))

    assert "contient un programme (setup.exe)" in response.text
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param("setup.exe ", id="trailing space"),
        pytest.param("setup.exe.", id="trailing dot"),
        pytest.param("setup.exe. . ", id="trailing dots and spaces"),
        pytest.param("console.msc", id="management console"),
        pytest.param("setup.exe:Zone.Identifier", id="alternate data stream"),
        pytest.param("lisez-moi.txt:setup.exe", id="program in a stream"),
        pytest.param("setup.exe::$DATA", id="default data stream"),
        pytest.param("dossier/SETUP.EXE ", id="in a folder, in capitals"),
    ],
)
def test_a_program_hidden_by_what_windows_does_to_names_is_refused(
    client, martine, application_thread, entry
):
    # Windows drops trailing spaces and dots, and `a:b` writes stream b of file a: each of
    # these names is a program once unpacked.
    client.force_login(martine)

    response = post(client, application_thread, upload("photos.zip", zipped({entry: EXE})))

    assert "contient un programme" in response.text
    assert not Attachment.objects.exists()


def test_a_program_inside_a_zip_inside_the_zip_is_refused(client, martine, application_thread):
    client.force_login(martine)
    inner = zipped({"photo.jpg": b"\xff\xd8\xff", "setup.exe": EXE})

    response = post(client, application_thread, upload("photos.zip", zipped({"encore.zip": inner})))

    assert "contient un programme (setup.exe)" in response.text
    assert not Attachment.objects.exists()


def test_archives_nested_too_deep_to_be_checked_are_refused(client, martine, application_thread):
    client.force_login(martine)
    nested = zipped({"photo.jpg": b"\xff\xd8\xff"})
    for level in range(5):
        nested = zipped({f"niveau{level}.zip": nested})

    response = post(client, application_thread, upload("photos.zip", nested))

    assert "trop d’archives les unes dans les autres" in response.text
    assert not Attachment.objects.exists()


def test_a_zip_holding_an_archive_that_cannot_be_opened_is_refused(
    client, martine, application_thread
):
    client.force_login(martine)
    broken = b"PK\x03\x04" + b"\x00" * 64  # looks like a zip, opens like nothing

    response = post(
        client, application_thread, upload("photos.zip", zipped({"secret.zip": broken}))
    )

    assert "ou une archive illisible" in response.text
    assert not Attachment.objects.exists()


def test_a_zip_of_photos_inside_a_zip_goes_through(client, martine, application_thread):
    client.force_login(martine)
    inner = zipped({"photo.jpg": b"\xff\xd8\xff"})

    response = post(
        client, application_thread, upload("photos.zip", zipped({"vacances.zip": inner}))
    )

    assert response.status_code == 302
    assert Attachment.objects.get().name == "photos.zip"


def test_a_file_alone_is_a_message(client, lea, application_thread):
    client.force_login(lea)

    response = post(client, application_thread, upload("cv.pdf", PDF), body="")

    assert response.status_code == 302
    assert Message.objects.get().body == ""
    assert Attachment.objects.count() == 1


def test_an_empty_message_is_refused(client, lea, application_thread):
    client.force_login(lea)

    response = post(client, application_thread, body="   ")

    assert "Écrivez un message ou joignez un fichier." in response.text
    assert not Message.objects.exists()


def test_images_open_in_the_browser_and_other_files_download(client, martine, application_thread):
    client.force_login(martine)
    post(client, application_thread, upload("photo.png", PNG), upload("devis.pdf", PDF))
    image, pdf = Attachment.objects.order_by("name").reverse()

    image_response = client.get(reverse("messaging:attachment", args=[image.pk]))
    pdf_response = client.get(reverse("messaging:attachment", args=[pdf.pk]))

    assert image_response["Content-Type"] == "image/png"
    assert image_response["Content-Disposition"].startswith("inline")
    assert pdf_response["Content-Disposition"].startswith("attachment")
