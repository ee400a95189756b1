"""Helpers of the jury's tests: a team that has handed its answer in, a juror who accepted."""

import itertools

from django.utils import timezone

from challenges.models import Juror, Registration, Submission, Team

CODES = itertools.count(1)


def make_team(event, name, members, challenge):
    team = Team.objects.create(
        event=event, name=name, code=f"J{next(CODES):05d}", leader=members[0], challenge=challenge
    )
    for member in members:
        Registration.objects.create(
            event=event, student=member, team=team, registered_at=timezone.now()
        )
    now = timezone.now()
    Submission.objects.create(
        team=team, description="Notre réponse", submitted_at=now, updated_at=now
    )
    return team


def seat(event, user, by):
    juror = Juror.objects.create(
        event=event, email=user.email, user=user, invited_by=by, accepted_at=timezone.now()
    )
    return juror
