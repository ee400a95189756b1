from accounts import demo as accounts_demo
from challenges import demo
from core.demo import DemoContext
from organizations import demo as organizations_demo
from schools import demo as schools_demo
from volunteers import demo as volunteers_demo


def test_the_demo_night_is_open_with_two_accepted_challenges_and_leas_team(db, client):
    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (accounts_demo, organizations_demo, volunteers_demo, schools_demo):
        module.build(ctx)

    demo.build(ctx)

    event = ctx.objects["challenge_events"]["night"]
    assert event.status == "published"
    assert event.challenges.filter(status="accepted").count() == 2
    team = event.teams.get()
    assert team.leader == ctx.objects["users"]["lea"]
    assert team.members.count() == 3 and team.challenge is not None
    page = client.get(f"/challenges/{event.pk}/").content.decode()
    assert "Donner envie de jardiner avec nous" in page
    assert "Un planning des cours lisible sur téléphone" in page


def test_the_demo_autumn_night_has_two_answers_handed_in_before_its_deadline(db, client):
    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (accounts_demo, organizations_demo, volunteers_demo, schools_demo):
        module.build(ctx)

    demo.build(ctx)

    event = ctx.objects["challenge_events"]["autumn"]
    assert event.status == "results"
    teams = list(event.teams.select_related("submission"))
    assert len(teams) == 2
    for team in teams:
        assert team.submission.updated_at < event.submission_deadline
        assert team.submission.files.get().name == "reponse.pdf"
    client.force_login(ctx.objects["users"]["sophie"])
    page = client.get(f"/challenges/{event.pk}/submissions/").content.decode()
    assert page.count("Réponse remise, 1 fichier") == 2


def test_the_demo_autumn_night_has_a_jury_and_published_results(db, client):
    from challenges.models import Assignment, Score

    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (accounts_demo, organizations_demo, volunteers_demo, schools_demo):
        module.build(ctx)

    demo.build(ctx)

    event = ctx.objects["challenge_events"]["autumn"]
    assert event.criteria.count() == 3 and event.jurors.count() == 3
    martine = ctx.objects["users"]["martine"]
    # Martine never scores the answer to her association's challenge.
    assert Assignment.objects.filter(juror__event=event, juror__user=martine).count() == 1
    assert Score.objects.filter(assignment__juror__event=event).count() == 15
    ranked = list(event.teams.order_by("rank"))
    assert [t.rank for t in ranked] == [1, 2]
    assert ranked[0].prize == "Prix du jury"
    page = client.get(f"/challenges/{event.pk}/results/").content.decode()
    assert "Prix du jury" in page and "Le besoin est bien compris" in page
    assert "Karim" not in page
