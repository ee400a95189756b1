import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organizations.models import Organization
from organizations.tests.test_create import association_data

URL = reverse("organizations:create")


def picture(fmt: str = "PNG", size=(2000, 1000), mode="RGB", **save_options) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (200, 80, 20) if mode == "RGB" else (200, 80, 20, 128)).save(
        out, format=fmt, **save_options
    )
    return out.getvalue()


def created_logo() -> Image.Image:
    organization = Organization.objects.get(name="Les Amis du Canal")
    organization.logo.open()
    return Image.open(io.BytesIO(organization.logo.read()))


def test_a_photo_logo_is_reduced_to_512_pixels_and_loses_its_metadata(client, lea):
    exif = Image.Exif()
    exif[0x010F] = "Appareil de Martine"  # camera maker
    exif[0x8825] = {2: (48.0, 51.0, 24.0)}  # GPS position
    photo = picture("JPEG", exif=exif.tobytes())
    client.force_login(lea)

    client.post(
        URL,
        association_data(logo=SimpleUploadedFile("photo.jpg", photo, "image/jpeg")),
    )

    logo = created_logo()
    assert logo.format == "JPEG"
    assert logo.size == (512, 256)
    assert not logo.getexif()
    assert b"Appareil de Martine" not in Organization.objects.get().logo.read()


def test_a_transparent_logo_stays_a_png(client, lea):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Martine")
    client.force_login(lea)

    client.post(
        URL,
        association_data(
            logo=SimpleUploadedFile(
                "logo.png", picture(size=(300, 600), mode="RGBA", pnginfo=info), "image/png"
            )
        ),
    )

    logo = created_logo()
    assert logo.format == "PNG"
    assert logo.mode == "RGBA"
    assert logo.size == (256, 512)
    assert "Author" not in logo.info


def test_a_text_file_named_like_an_image_is_refused(client, lea):
    client.force_login(lea)

    response = client.post(
        URL,
        association_data(
            logo=SimpleUploadedFile("logo.png", b"Ceci n'est pas une image.", "image/png")
        ),
    )

    assert response.status_code == 200
    assert not Organization.objects.exists()
    assert "logo" in response.context["form"].errors


def test_a_logo_heavier_than_two_megabytes_is_refused(client, lea):
    # Random pixels do not compress: a heavy but real PNG.
    import os

    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
    heavy = io.BytesIO()
    noise.save(heavy, format="PNG")
    assert heavy.tell() > 2 * 1024 * 1024
    client.force_login(lea)

    response = client.post(
        URL, association_data(logo=SimpleUploadedFile("logo.png", heavy.getvalue(), "image/png"))
    )

    assert "plus de 2 Mo" in response.text
    assert not Organization.objects.exists()


def test_the_logo_can_be_replaced_then_removed(client, commit, martine, association):
    client.force_login(martine)
    url = reverse("organizations:edit", args=[association.slug])
    data = association_data(name=association.name, rna=association.rna, siren="")

    client.post(url, {**data, "logo": SimpleUploadedFile("a.png", picture(), "image/png")})
    association.refresh_from_db()
    first = association.logo.name
    # The old file is deleted once the change is committed.
    commit(client.post, url, {**data, "logo": SimpleUploadedFile("b.png", picture(), "image/png")})
    association.refresh_from_db()
    second = association.logo.name

    assert first and second and first != second
    assert not association.logo.storage.exists(first)

    client.post(url, {**data, "remove_logo": "on"})
    association.refresh_from_db()
    assert not association.logo
