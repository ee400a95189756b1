"""The scene of quick help's rows in the permission walk and the axe sweep: Martine's
association asked two questions — one solved by Nina (a volunteer of spreadsheets), whose
answer waits to be made public, one with a call Nina took — and another, solved, whose
answer is published. Bruno's association and Léa (a designer) have nothing to do with them."""

from accounts.tests.factories import UserFactory
from quickhelp import services
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import QuestionFactory, call_question


def build(association, martine, staff) -> dict:
    nina = UserFactory(full_name="Nina Roux", email="nina@example.org", intent="volunteer")
    VolunteerProfileFactory(user=nina, skills={"spreadsheets": 3})
    solved = QuestionFactory(organization=association, asked_by=martine)
    services.answer_write(question=solved, by=nina, body="Cliquez sur Somme (Σ), puis Entrée.")
    services.question_solve(question=solved, by=martine, thanked=nina, thanks="Merci !")
    draft = services.publication_consent(question=solved, by=martine)
    other = QuestionFactory(
        organization=association, asked_by=martine, title="Trier les adhérents par commune ?"
    )
    services.answer_write(question=other, by=nina, body="Menu Données, puis Trier.")
    services.question_solve(question=other, by=martine, thanked=nina)
    published = services.publication_consent(question=other, by=martine)
    services.public_answer_edit(
        public=published,
        by=nina,
        title="Trier une liste par commune",
        situation="Une association veut ranger ses adhérents par commune.",
        answer="Sélectionnez le tableau, menu Données, puis Trier, colonne Commune.",
        submit=True,
    )
    services.public_answer_review(public=published, by=staff, approve=True)
    call = call_question(association, martine, title="Un appel pour notre tableau")
    services.call_take(
        question=call, by=nina, slot=call.slots.first(), video_link="https://meet.jit.si/x"
    )
    open_question = QuestionFactory(
        organization=association, asked_by=martine, title="Une question qui attend"
    )
    return {
        "nina": nina,
        "question": solved.pk,
        "open_question": open_question.pk,
        "call_question": call.pk,
        "draft": draft.pk,
        "draft_slug": draft.slug,
        "published": published.pk,
        "published_slug": published.slug,
    }
