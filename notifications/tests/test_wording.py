"""An association's name reads well in French notifications, whatever article it starts with."""

from django.utils import translation

from notifications.rendering import render


def test_a_name_starting_with_les_contracts_and_is_not_the_subject_of_a_verb():
    context = {"organization": "Les Amis du Lavoir", "mission": "Affiche", "reason": ""}

    with translation.override("fr"):
        title, body = render("application_declined", context)
        _, accepted = render("application_accepted", context)

    assert title == "Réponse des Amis du Lavoir pour « Affiche »"
    assert body.startswith("L’association Les Amis du Lavoir ne donne pas suite")
    assert accepted.startswith("L’association Les Amis du Lavoir a accepté votre aide")
    assert "de Les" not in title + body


def test_a_reminder_says_what_fits_the_state_the_mission_was_in():
    def body(kind, status, **context):
        return render(kind, {"mission": "Un logo", "days": 15, "status": status, **context})[1]

    assert body("mission_silent", "open").startswith("Personne n’a proposé son aide")
    assert body("mission_silent", "in_progress").startswith("Rien ne s’est passé")
    assert body("mission_silent", "delivered").startswith("Le travail de la mission")
    past_end = {"end_date": "30 novembre 2026"}
    assert "Le travail est livré" in body("mission_past_end", "delivered", **past_end)
    assert "Faites le point ensemble" in body("mission_past_end", "in_progress", **past_end)
