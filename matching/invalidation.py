"""Forget the kept suggestion lists (`selectors.forget_suggestions`) when what made them
changes: the volunteer's profile, skills or causes, their applications, their
memberships; a mission, what it asks for, who applied to it."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from engagements.models import Application
from missions.models import Mission, MissionSkill
from organizations.models import Membership
from volunteers.models import VolunteerProfile, VolunteerSkill

from .selectors import forget_suggestions


def _profile(sender, instance, **kwargs) -> None:
    forget_suggestions(user_ids=[instance.user_id])


def _skill(sender, instance, **kwargs) -> None:
    user_ids = VolunteerProfile.objects.filter(pk=instance.profile_id).values_list(
        "user_id", flat=True
    )
    forget_suggestions(user_ids=list(user_ids))


def _causes(sender, instance, **kwargs) -> None:
    if isinstance(instance, VolunteerProfile):
        forget_suggestions(user_ids=[instance.user_id])


def _application(sender, instance, **kwargs) -> None:
    forget_suggestions(user_ids=[instance.volunteer_id], mission_ids=[instance.mission_id])


def _membership(sender, instance, **kwargs) -> None:
    forget_suggestions(user_ids=[instance.user_id])


def _mission(sender, instance, **kwargs) -> None:
    forget_suggestions(mission_ids=[instance.pk])


def _mission_skill(sender, instance, **kwargs) -> None:
    forget_suggestions(mission_ids=[instance.mission_id])


def connect() -> None:
    for model, receiver in (
        (VolunteerProfile, _profile),
        (VolunteerSkill, _skill),
        (Application, _application),
        (Membership, _membership),
        (Mission, _mission),
        (MissionSkill, _mission_skill),
    ):
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"matching-forget-{model.__name__}")
    m2m_changed.connect(
        _causes, sender=VolunteerProfile.causes.through, dispatch_uid="matching-forget-causes"
    )
