"""Issuing, signing, revoking and erasing attestations."""

import secrets
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

import audit
from accounts.models import User
from completion.models import Completion, Review
from completion.services import REVIEW_DELAY
from engagements.models import Application

from . import document as documents
from . import facts as engagement_facts
from . import status
from .keys import key_file, load_private_key, platform_did
from .lifecycle import CREDENTIAL, not_issued
from .models import STATUS_LIST_LENGTH, Credential, SigningKey, StatusList, new_public_id
from .signing import sign

# A list is closed when three quarters are taken, so that a random free slot is quick to find.
STATUS_LIST_FILL = STATUS_LIST_LENGTH * 3 // 4


@transaction.atomic
def signing_key_register(public_key_multibase: str) -> SigningKey:
    """Publish a new current key; the previous ones stay published, marked as replaced."""
    existing = SigningKey.objects.filter(public_key_multibase=public_key_multibase).first()
    if existing is not None:
        return existing
    now = timezone.now()
    SigningKey.objects.filter(retired_at__isnull=True).update(retired_at=now)
    last = SigningKey.objects.aggregate(last=Max("number"))["last"] or 0
    return SigningKey.objects.create(number=last + 1, public_key_multibase=public_key_multibase)


def current_key_publish() -> None:
    """Make sure the key in the key file is in did.json (a key made by hand, or in DEBUG)."""
    if key_file().exists() or settings.DEBUG or settings.TESTING:
        signing_key_register(load_private_key().public_key_multibase)


def sign_with_platform_key(document: dict, *, created=None) -> dict:
    loaded = load_private_key()
    key = signing_key_register(loaded.public_key_multibase)
    if key.withdrawn_at is not None:
        raise ImproperlyConfigured(
            f"The signing key #{key.fragment} was withdrawn: run "
            "`manage.py credentials_keygen --rotate` (docs/credentials.md)."
        )
    return sign(
        document,
        private_key=loaded.private_key,
        verification_method=f"{platform_did()}#{key.fragment}",
        created=created or timezone.now(),
    )


def _status_list_sign(status_list: StatusList) -> None:
    unsigned = documents.status_list_credential(
        number=status_list.number,
        encoded_list=status.encode(bytes(status_list.bits)),
        valid_from=timezone.now(),
    )
    status_list.document = sign_with_platform_key(unsigned)


def _status_slot() -> tuple[StatusList, int]:
    """A random free bit in the open list (random, so an index says nothing about who)."""
    status_list = StatusList.objects.select_for_update().order_by("-number").first()
    if (
        status_list is not None
        and Credential.objects.filter(status_list=status_list).count() >= STATUS_LIST_FILL
    ):
        status_list = None
    if status_list is None:
        last = StatusList.objects.aggregate(last=Max("number"))["last"] or 0
        status_list = StatusList(number=last + 1, bits=bytes(STATUS_LIST_LENGTH // 8))
        _status_list_sign(status_list)
        status_list.save()
    while True:
        index = secrets.randbelow(STATUS_LIST_LENGTH)
        if not Credential.objects.filter(status_list=status_list, status_index=index).exists():
            return status_list, index


def _free_public_id() -> str:
    while True:
        public_id = new_public_id()
        if not Credential.objects.filter(public_id=public_id).exists():
            return public_id


@transaction.atomic
def issue_for(application: Application) -> Credential:
    """The signed attestation of a completed engagement; issued once, then always the same."""
    # The lock makes two simultaneous calls for one engagement issue one credential.
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("mission__organization", "volunteer")
        .get(pk=application.pk)
    )
    existing = Credential.objects.filter(application=application).first()
    if existing is not None:
        return existing
    refusal = CREDENTIAL.refusal(not_issued(application), "issue", None)
    if refusal:
        # Only the system issues, after the engagement's end: a refusal here is a bug.
        raise ValueError(refusal)
    facts = engagement_facts.gather(application)
    return issue_signed(
        build=partial(documents.build, facts),
        verb="credential.issued",
        audit_data={"application": application.pk},
        application=application,
        company_name=facts.company_name,
    )


def issue_signed(*, build, verb: str, audit_data: dict, **fields) -> Credential:
    """Sign and publish a credential: a random slot of the open status list, a free public
    id, the document `build(public_id=, issued_at=, status=)` returns signed with the
    platform's key, the row (`fields`: what it attests — its engagement, or its kind,
    holder and team…) and its audit entry. The engagements' attestations, the challenges'
    badges and the apps above (quickhelp's coups de main) all issue through it. The caller
    locks what it attests, so that it is issued once."""
    status_list, index = _status_slot()
    public_id = _free_public_id()
    now = timezone.now()
    unsigned = build(
        public_id=public_id,
        issued_at=now,
        status=documents.status_entry(list_number=status_list.number, index=index),
    )
    credential = Credential.objects.create(
        public_id=public_id,
        status_list=status_list,
        status_index=index,
        document=sign_with_platform_key(unsigned, created=now),
        issued_at=now,
        **fields,
    )
    audit.log(actor=None, verb=verb, target=credential, data=audit_data)
    return credential


def is_ready(application: Application, *, now=None) -> bool:
    """Issued once all it attests is final: the end and hours confirmed by the association,
    and its review of the volunteer public (or the time to write it over)."""
    completion = getattr(application, "completion", None)
    if completion is None or not completion.is_completed:
        return False
    now = now or timezone.now()
    if completion.completed_at <= now - REVIEW_DELAY:
        return True
    return engagement_facts.association_review(application, now=now) is not None


def issue_if_ready(application: Application) -> Credential | None:
    existing = Credential.objects.filter(application=application).first()
    if existing is not None:
        return existing
    return issue_for(application) if is_ready(application) else None


def due_applications(*, now=None):
    """Completed engagements without an attestation whose attestation is due (is_ready)."""
    now = now or timezone.now()
    published = Review.objects.filter(
        application=OuterRef("pk"),
        direction=Review.Direction.ASSOCIATION,
        published_at__isnull=False,
    )
    return Application.objects.filter(
        completion__status=Completion.Status.COMPLETED, credential__isnull=True
    ).filter(Q(completion__completed_at__lte=now - REVIEW_DELAY) | Exists(published))


def issue_due(*, now=None) -> int:
    """Issue every attestation that became due (the periodic catch-all); returns how many."""
    issued = 0
    for application in due_applications(now=now).order_by("pk"):
        issue_for(application)
        issued += 1
    return issued


@transaction.atomic
def credential_revoke(*, credential: Credential, by: User, reason: str) -> Credential:
    """Set the credential's bit in its status list and re-sign the list."""
    status_list = StatusList.objects.select_for_update().get(pk=credential.status_list_id)
    credential = Credential.objects.select_for_update().get(pk=credential.pk)
    if credential.is_revoked:
        return credential  # revoked twice (a double click): once is enough
    CREDENTIAL.check(credential, "revoke", by)
    status_list.bits = status.set_bit(bytes(status_list.bits), credential.status_index, True)
    _status_list_sign(status_list)
    status_list.save(update_fields=["bits", "document", "updated_at"])
    credential.revoked_at = timezone.now()
    credential.revoked_by = by
    credential.revocation_reason = reason.strip()
    credential.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    data = {"reason": credential.revocation_reason}
    audit.log(actor=by, verb="credential.revoked", target=credential, data=data)
    return credential


@transaction.atomic
def credentials_erase_for(user: User) -> int:
    """The holder deleted their account: keep what the association did, drop who they are.

    The credential is not revoked: the signed file the person downloaded is theirs and still
    proves what they did; only our copy and our page forget their name and the association's
    words about them.
    """
    now = timezone.now()
    credentials = Credential.objects.select_for_update(of=("self",)).filter(
        Q(application__volunteer=user) | Q(holder=user), erased_at__isnull=True
    )
    count = 0
    for credential in credentials:
        credential.document = documents.redact(credential.document)
        credential.company_name = ""
        credential.erased_at = now
        credential.save(update_fields=["document", "company_name", "erased_at"])
        count += 1
    return count
