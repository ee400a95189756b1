"""Léa hands her work over: files with previews, links, hours; the mission follows its team."""

import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from weasyprint import HTML

from completion.models import Completion, Deliverable
from missions.models import MissionEvent, Status
from notifications.models import Notification

from .factories import engagement as make_engagement
from .factories import pdf_upload, png_upload


def deliver_url(application) -> str:
    return reverse("completion:deliver", args=[application.pk])


def test_the_volunteer_hands_over_a_picture_a_pdf_and_a_link(
    client, commit, engagement, lea, martine, yacine
):
    client.force_login(lea)

    response = commit(
        client.post,
        deliver_url(engagement),
        {
            "files": [png_upload("logo.png"), pdf_upload("charte.pdf", pages=3)],
            "links": "www.jardins-belleville.fr\n",
            "hours": "12",
            "note": "Voici le logo en couleur.",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("completion:detail", args=[engagement.pk])
    completion = Completion.objects.get(application=engagement)
    assert completion.status == Completion.Status.DELIVERED
    assert completion.proposed_hours == 12
    assert completion.note == "Voici le logo en couleur."
    logo, charter, link = completion.deliverables.order_by("pk")
    assert logo.is_image and logo.preview_width == 64 and logo.content_type == "image/png"
    assert charter.is_pdf and charter.page_count == 3 and not charter.preview
    assert link.url == "https://www.jardins-belleville.fr"
    # The mission, with its only volunteer done, is delivered: recorded as the system's move.
    engagement.mission.refresh_from_db()
    assert engagement.mission.status == Status.DELIVERED
    event = MissionEvent.objects.get(to_status=Status.DELIVERED)
    assert event.by is None and "Léa Martin" in event.reason
    told = Notification.objects.filter(kind="work_delivered")
    assert {n.user for n in told} == {martine, yacine}
    assert "12 heures" in told.first().body
    assert any("Léa Martin a remis son travail" in m.subject for m in mail.outbox)


def test_a_preview_is_a_redrawn_copy_without_the_original_metadata(client, engagement, lea):
    out = io.BytesIO()
    image = Image.new("RGB", (2400, 1200), (10, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "Appareil secret"  # Make
    image.save(out, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")
    client.force_login(lea)

    client.post(deliver_url(engagement), {"files": [upload], "hours": "3"})

    deliverable = Deliverable.objects.get()
    assert (deliverable.preview_width, deliverable.preview_height) == (1200, 600)
    with deliverable.preview.open("rb") as file:
        preview = Image.open(file)
        preview.load()
    assert "Appareil secret" not in str(dict(preview.getexif()))
    assert deliverable.file.read().startswith(b"\xff\xd8")  # the original is kept as sent


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_is_saved(
    client, engagement, lea
):
    client.force_login(lea)
    program = SimpleUploadedFile("logo.png", b"MZ\x90\x00 not an image", content_type="image/png")

    response = client.post(
        deliver_url(engagement), {"files": [program], "hours": "12", "note": "Voici le logo."}
    )

    assert response.status_code == 200
    assert "ne contient pas ce qu’annonce son nom" in response.text
    assert "Voici le logo." in response.text  # what was typed stays
    assert not Completion.objects.exists()


def test_an_empty_delivery_asks_for_something(client, engagement, lea):
    client.force_login(lea)

    response = client.post(deliver_url(engagement), {"hours": "12"})

    assert "Joignez un fichier, donnez un lien ou décrivez" in response.text
    assert not Completion.objects.exists()


def test_bad_hours_and_links_are_explained(client, engagement, lea):
    client.force_login(lea)

    response = client.post(deliver_url(engagement), {"hours": "0", "links": "pas un lien"})

    assert "Indiquez au moins 1 heure." in response.text
    assert "« pas un lien » n’est pas une adresse web" in response.text


def test_hours_default_to_the_agreement(client, engagement, lea):
    client.force_login(lea)

    response = client.get(deliver_url(engagement))

    assert 'name="hours" value="15"' in response.text


def test_nothing_can_be_delivered_before_the_agreement_is_confirmed(client, engagement, lea):
    engagement.agreement.volunteer_confirmed_at = None
    engagement.agreement.save()
    client.force_login(lea)

    response = client.post(deliver_url(engagement), {"note": "Fini !", "hours": "3"})

    assert "L’accord d’engagement doit d’abord être confirmé" in response.text
    assert not Completion.objects.exists()


def test_nothing_can_be_delivered_before_the_mission_starts(client, engagement, lea):
    engagement.mission.status = Status.OPEN
    engagement.mission.save()
    client.force_login(lea)

    response = client.post(deliver_url(engagement), {"note": "Fini !", "hours": "3"})

    assert "La mission n’a pas encore démarré" in response.text
    assert not Completion.objects.exists()


def test_a_team_mission_is_delivered_once_every_volunteer_has_delivered(
    client, mission, lea, lea_profile, karim
):
    mission.team_size = 2
    mission.save()
    first = make_engagement(mission=mission, volunteer=lea)
    second = make_engagement(mission=mission, volunteer=karim)

    client.force_login(lea)
    client.post(deliver_url(first), {"note": "Le logo est prêt.", "hours": "10"})
    mission.refresh_from_db()
    assert mission.status == Status.IN_PROGRESS

    client.force_login(karim)
    client.post(deliver_url(second), {"note": "Les affiches aussi.", "hours": "8"})
    mission.refresh_from_db()
    assert mission.status == Status.DELIVERED


def test_the_volunteer_removes_an_old_version_and_adds_the_new_one(client, commit, engagement, lea):
    client.force_login(lea)
    client.post(deliver_url(engagement), {"files": [png_upload("v1.png")], "hours": "10"})
    old = Deliverable.objects.get()
    stored = old.file.name

    # The files go once the removal is committed.
    commit(client.post, reverse("completion:remove_deliverable", args=[engagement.pk, old.pk]))
    client.post(deliver_url(engagement), {"files": [png_upload("v2.png")], "hours": "11"})

    assert list(Deliverable.objects.values_list("name", flat=True)) == ["v2.png"]
    assert not old.file.storage.exists(stored)
    assert Completion.objects.get().proposed_hours == 11


def test_the_delivery_page_shows_what_is_already_there(client, engagement, lea):
    client.force_login(lea)
    client.post(deliver_url(engagement), {"links": "https://exemple.fr/logo", "hours": "10"})

    response = client.get(deliver_url(engagement))

    assert "Déjà remis" in response.text
    assert "https://exemple.fr/logo" in response.text


def test_the_application_page_leads_the_volunteer_to_hand_the_work_over(
    client, engagement, lea, martine
):
    client.force_login(lea)
    response = client.get(reverse("engagements:detail", args=[engagement.pk]))
    assert "Remettre mon travail" in response.text
    assert deliver_url(engagement) in response.text

    client.post(deliver_url(engagement), {"note": "Fini !", "hours": "3"})
    client.force_login(martine)
    response = client.get(reverse("engagements:detail", args=[engagement.pk]))
    assert "Léa a remis son travail" in response.text


def test_the_pages_of_a_pdf_with_compressed_object_streams_are_counted(client, engagement, lea):
    # WeasyPrint, like most recent tools, packs the page objects into compressed object
    # streams: nothing in the file reads "/Type /Page" in clear.
    html = "<p>Un</p>" + "<p style='break-before: page'>Suite</p>" * 2
    data = HTML(string=html).write_pdf()
    assert b"/ObjStm" in data and b"/Type /Page" not in data
    upload = SimpleUploadedFile("rapport.pdf", data, content_type="application/pdf")
    client.force_login(lea)

    client.post(deliver_url(engagement), {"files": [upload], "hours": "3"})

    assert Deliverable.objects.get().page_count == 3
