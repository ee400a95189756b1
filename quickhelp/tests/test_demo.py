"""The demo: ten answered and published questions (their helpers' attestations signed),
two waiting, one call booked."""

from core.demo import DemoContext
from organizations.tests.factories import AssociationFactory, MembershipFactory
from quickhelp import demo
from quickhelp.models import Call, Credit, PublicAnswer, Question


def test_the_demo_answers_and_publishes_ten_questions_and_books_a_call(db, staff):
    organizations = {}
    keys = {row[0] for row in demo.ANSWERED} | {row[0] for row in demo.OPEN}
    for key in sorted(keys):
        organization = AssociationFactory(name=key)
        MembershipFactory(organization=organization, role="admin")
        organizations[key] = organization
    ctx = DemoContext(seed=1, quiet=True)
    ctx.objects["users"] = {"nadia": staff}
    ctx.objects["organizations"] = organizations

    demo.build(ctx)

    published = PublicAnswer.objects.filter(status=PublicAnswer.Status.PUBLISHED)
    assert published.count() == 10
    assert Question.objects.filter(status=Question.Status.SOLVED).count() == 10
    assert Question.objects.filter(status=Question.Status.OPEN).count() == 2
    call = Call.objects.get()
    assert call.is_booked and call.question.organization == organizations["belleville"]
    # Each helper of a solved question holds its signed attestation.
    credits = Credit.objects.filter(question__status=Question.Status.SOLVED)
    assert credits.count() == 10
    assert not credits.filter(credential__isnull=True).exists()
    assert {c.credential.holder_id for c in credits} == {c.helper_id for c in credits}


def test_the_home_page_makes_the_slogan_true_with_an_entry(client, db):
    page = client.get("/").content.decode()
    assert "Un coup de main numérique pour votre association" in page
    assert 'href="/coup-de-main/demander/"' in page and 'href="/coup-de-main/"' in page
