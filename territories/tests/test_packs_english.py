"""The packs' pages are complete in English: an authority's agent or an association's
admin who chose English meets no French sentence (names, titles and the pack's own words
apart: they are data)."""

from django.urls import reverse

from core.tests.test_english import french_left, main_text
from territories import packs
from territories.models import Pack


def test_the_packs_pages_have_no_french_left_in_english(client, pack_scene):
    users = pack_scene["users"]
    hugo, odette, gaston = users["hugo"], users["odette"], users["gaston"]
    for person in (hugo, odette, gaston):
        person.language = "en"
        person.save(update_fields=["language"])
    pack, draft, venissieux = pack_scene["pack"], pack_scene["draft_pack"], pack_scene["venissieux"]
    Pack.objects.filter(pk=pack.pk).update(
        title="The town's digital pack",
        presentation="A logo, a website and online memberships.",
        budget_note="Hosting paid for a year",
    )
    Pack.objects.filter(pk=draft.pk).update(
        title="Workshops pack", presentation="A workshop.", budget_note="Coffee paid"
    )
    data = [
        venissieux.name,
        pack_scene["garden"].name,
        *[t.title_en for t in pack.templates.all()],
    ]
    before = [
        (odette, "/"),
        (gaston, "/"),
        (odette, reverse("territories:pack", args=[pack.pk])),
        (gaston, reverse("territories:pack", args=[pack.pk])),
        (hugo, reverse("territories:packs", args=[venissieux.slug])),
        (hugo, reverse("territories:pack_new", args=[venissieux.slug])),
        (hugo, reverse("territories:pack_edit", args=[venissieux.slug, pack.pk])),
        (hugo, reverse("territories:pack_follow", args=[venissieux.slug, draft.pk])),
    ]
    problems = _french_in(client, before, data)
    claim = packs.pack_claim(pack=pack, association=pack_scene["garden"], by=odette)
    data += [m.title for m in claim.missions.all()]
    after = [
        (odette, "/"),
        (odette, reverse("territories:pack", args=[pack.pk])),
        (hugo, reverse("territories:pack_follow", args=[venissieux.slug, pack.pk])),
    ]
    problems += _french_in(client, after, data)
    client.force_login(gaston)
    refused = client.post(
        reverse("territories:pack_claim", args=[pack.pk]),
        {"association": pack_scene["garden"].slug},
    )
    assert refused.status_code == 403
    problems += [f"refusal: {find}" for find in french_left(main_text(refused.text), data)]
    assert not problems, "\n".join(problems)


def _french_in(client, pages, data) -> list[str]:
    problems = []
    for person, url in pages:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="en"' in response.text, url
        problems += [f"{url}: {find}" for find in french_left(main_text(response.text), data)]
    return problems
