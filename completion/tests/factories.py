"""Engagements at their end: in progress with a confirmed agreement, delivered, completed."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from accounts.tests.factories import UserFactory
from completion.models import Completion, Deliverable, Review
from engagements.models import Application
from engagements.tests.factories import AgreementFactory
from missions.models import Status
from missions.tests.factories import MissionFactory


def png_bytes(size=(64, 48), colour=(122, 46, 14)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def png_upload(name: str = "logo.png", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(**kwargs), content_type="image/png")


def pdf_bytes(pages: int = 2) -> bytes:
    """A tiny but well-formed PDF with `pages` blank pages."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_upload(name: str = "charte.pdf", pages: int = 2) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(pages), content_type="application/pdf")


def engagement(*, mission=None, volunteer=None, hours: int = 15, **mission_fields) -> Application:
    """An accepted application whose agreement both sides confirmed, mission in progress."""
    now = timezone.now()
    if mission is None:
        mission = MissionFactory(status=Status.IN_PROGRESS, **mission_fields)
    agreement = AgreementFactory(
        application__mission=mission,
        application__volunteer=volunteer or UserFactory(),
        application__status=Application.Status.ACCEPTED,
        application__answered_at=now,
        hours=hours,
        association_confirmed_at=now,
        volunteer_confirmed_at=now,
    )
    return agreement.application


class CompletionFactory(factory.django.DjangoModelFactory):
    """A completed engagement (pass status="delivered" for one waiting for an answer)."""

    class Meta:
        model = Completion

    application = factory.LazyFunction(engagement)
    status = Completion.Status.COMPLETED
    proposed_hours = 14
    confirmed_hours = factory.LazyAttribute(
        lambda o: 14 if o.status == Completion.Status.COMPLETED else None
    )
    delivered_at = factory.LazyFunction(timezone.now)
    completed_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == Completion.Status.COMPLETED else None
    )


class DeliverableLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    completion = factory.SubFactory(CompletionFactory)
    kind = Deliverable.Kind.LINK
    url = factory.Sequence(lambda n: f"https://exemple.fr/travail-{n}")
    name = factory.LazyAttribute(lambda o: o.url)


class ImageDeliverableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    completion = factory.SubFactory(CompletionFactory)
    kind = Deliverable.Kind.FILE
    file = factory.LazyFunction(lambda: png_upload("affiche.png"))
    preview = factory.LazyFunction(lambda: png_upload("preview.png"))
    preview_width = 64
    preview_height = 48
    name = "affiche.png"
    size = 200
    content_type = "image/png"


class ReviewFactory(factory.django.DjangoModelFactory):
    """The association's review of the volunteer (direction="volunteer" for the other)."""

    class Meta:
        model = Review

    application = factory.LazyFunction(lambda: CompletionFactory().application)
    direction = Review.Direction.ASSOCIATION
    written_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyFunction(timezone.now)
    quality = factory.LazyAttribute(lambda o: 5 if o.direction == "association" else None)
    communication = factory.LazyAttribute(lambda o: 4 if o.direction == "association" else None)
    deadlines = factory.LazyAttribute(lambda o: 5 if o.direction == "association" else None)
    testimonial = factory.LazyAttribute(
        lambda o: "Un travail soigné et joyeux." if o.direction == "association" else ""
    )
    clarity = factory.LazyAttribute(lambda o: 4 if o.direction == "volunteer" else None)
    availability = factory.LazyAttribute(lambda o: 3 if o.direction == "volunteer" else None)
    respect = factory.LazyAttribute(lambda o: 5 if o.direction == "volunteer" else None)
