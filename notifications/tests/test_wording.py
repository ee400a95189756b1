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
