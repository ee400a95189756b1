"""Demo diagnoses: some associations took it, some retook it, one is halfway through."""

import pytest

from core.demo import DemoContext
from diagnosis import demo, selectors
from diagnosis.models import Answer, Diagnosis, Dismissal
from organizations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.usefixtures("loaded")


def test_demo_diagnoses_show_every_situation(db):
    associations = [AssociationFactory() for _ in range(20)]
    for association in associations:
        MembershipFactory(organization=association, role="admin")
    ctx = DemoContext(seed=3, quiet=True)
    ctx.objects["associations"] = associations

    demo.build(ctx)

    questions = len(selectors.questionnaire().questions)
    first, second, third = associations[:3]
    # Martine's association retook it: two results, the progress between them shows.
    done = list(selectors.completed(first))
    assert len(done) == 2
    assert done[0].completed_at > done[1].completed_at
    assert Answer.objects.filter(diagnosis=done[0]).count() == questions
    assert done[0].started_by.memberships.get().organization == first
    # Yacine's is halfway through; the third has not started (its dashboard offers it).
    current = selectors.in_progress(second)
    assert 0 < Answer.objects.filter(diagnosis=current).count() < questions
    assert not Diagnosis.objects.filter(organization=third).exists()
    # About half of the others took it, a few of them several times; some said no.
    taken = Diagnosis.objects.filter(organization__in=associations[3:]).values("organization")
    assert 5 <= taken.distinct().count() <= 10
    assert taken.count() > taken.distinct().count()
    assert Dismissal.objects.exists()
    for diagnosis in Diagnosis.objects.filter(completed_at__isnull=False):
        assert set(diagnosis.scores) == {axis.slug for axis in selectors.questionnaire().axes}
        assert 0 <= diagnosis.overall <= 100
