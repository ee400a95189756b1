from django.urls import reverse


def test_suggestions_are_options_named_with_their_postal_code(client, db):
    response = client.get(reverse("geo:communes"), {"q": "lyo"})

    assert response.status_code == 200
    assert '<option value="Lyon (69001)">Rhône</option>' in response.text


def test_a_postal_code_suggests_the_communes_that_have_it(client, db):
    response = client.get(reverse("geo:communes"), {"q": "93200"})

    assert '<option value="Saint-Denis (93200)">' in response.text


def test_there_are_at_most_ten_suggestions(client, db):
    response = client.get(reverse("geo:communes"), {"q": "saint"})

    assert response.text.count("<option") == 10


def test_htmx_sends_the_box_under_its_own_name(client, db):
    response = client.get(
        reverse("geo:communes"),
        {"commune": "marseil"},
        headers={"HX-Request": "true", "HX-Trigger-Name": "commune"},
    )

    assert 'value="Marseille (13001)"' in response.text


def test_nothing_typed_suggests_nothing(client, db):
    response = client.get(reverse("geo:communes"))

    assert response.status_code == 200
    assert "<option" not in response.text


def test_suggestions_take_one_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("geo:communes"), {"q": "saint"})
