from django import forms

from geo.forms import CommuneField


class PlaceForm(forms.Form):
    commune = CommuneField()


class OptionalPlaceForm(forms.Form):
    commune = CommuneField(required=False)


def test_a_city_name_gives_the_commune(db):
    form = PlaceForm({"commune": "lyon"})

    assert form.is_valid()
    assert form.cleaned_data["commune"].insee == "69123"


def test_a_postal_code_gives_the_commune(db):
    form = PlaceForm({"commune": "69003"})

    assert form.is_valid()
    assert form.cleaned_data["commune"].name == "Lyon"


def test_a_suggestion_label_gives_back_the_same_commune(db):
    form = PlaceForm({"commune": "Saint-Denis (93200)"})

    assert form.is_valid()
    assert form.cleaned_data["commune"].insee == "93066"


def test_an_ambiguous_name_lists_the_candidates_to_retype(db):
    form = PlaceForm({"commune": "Saint-Denis"})

    assert not form.is_valid()
    error = form.errors["commune"][0]
    assert "Plusieurs communes correspondent à « Saint-Denis »" in error
    assert "Saint-Denis (93200)" in error
    assert "Saint-Denis (97400)" in error


def test_after_an_ambiguous_answer_the_candidates_are_offered_without_javascript(db):
    form = PlaceForm({"commune": "saint-denis"})
    form.is_valid()

    html = str(form["commune"])

    # What was typed stays in the box, and the suggestions list holds the candidates.
    assert 'value="saint-denis"' in html
    assert '<option value="Saint-Denis (93200)">Seine-Saint-Denis</option>' in html


def test_an_unknown_commune_says_so_in_plain_words(db):
    form = PlaceForm({"commune": "Trifouilly-les-Oies"})

    assert not form.is_valid()
    assert "Nous ne trouvons pas la commune « Trifouilly-les-Oies »" in form.errors["commune"][0]


def test_an_empty_box_is_refused_only_when_required(db):
    assert "Indiquez la commune" in PlaceForm({"commune": "  "}).errors["commune"][0]
    optional = OptionalPlaceForm({"commune": ""})
    assert optional.is_valid()
    assert optional.cleaned_data["commune"] is None


def test_the_box_suggests_communes_through_htmx_and_works_without_it(db):
    html = str(PlaceForm(auto_id="id_%s")["commune"])

    assert 'type="text"' in html
    assert 'name="commune"' in html
    assert 'list="id_commune-suggestions"' in html
    assert 'hx-get="/geo/communes/"' in html
    assert 'hx-trigger="input changed delay:300ms"' in html
    assert 'hx-target="#id_commune-suggestions"' in html
    assert '<datalist id="id_commune-suggestions">' in html
    assert 'autocomplete="off"' in html


def test_an_initial_commune_code_is_shown_as_its_name(db):
    form = PlaceForm(initial={"commune": "69123"})

    assert 'value="Lyon (69001)"' in str(form["commune"])


def test_the_commune_is_unchanged_when_the_same_one_is_typed_again(db):
    form = PlaceForm({"commune": "Lyon"}, initial={"commune": "69123"})

    assert not form.has_changed()
    assert PlaceForm({"commune": "Marseille"}, initial={"commune": "69123"}).has_changed()


def test_a_disabled_field_keeps_its_initial_commune(db):
    class LockedForm(forms.Form):
        commune = CommuneField(disabled=True)

    form = LockedForm({"commune": "Marseille"}, initial={"commune": "69123"})

    assert form.is_valid()
    assert form.cleaned_data["commune"].name == "Lyon"
    assert 'value="Lyon (69001)"' in str(form["commune"])


def test_it_fits_a_model_form(db):
    from organizations.models import Organization

    class CommuneOnly(forms.ModelForm):
        commune = CommuneField()

        class Meta:
            model = Organization
            fields = ["commune"]

    organization = Organization(name="Test", slug="test", commune_id="69123")
    assert 'value="Lyon (69001)"' in str(CommuneOnly(instance=organization)["commune"])

    form = CommuneOnly({"commune": "13001"}, instance=organization)
    assert form.is_valid()
    assert form.save(commit=False).commune.name == "Marseille"


def test_a_huge_text_is_refused_with_a_plain_sentence_before_any_search(
    db, django_assert_max_num_queries
):
    # 50 000 characters once made SQLite fail ("LIKE or GLOB pattern too complex").
    form = PlaceForm({"commune": "Lyon " * 10_000})

    with django_assert_max_num_queries(0):
        assert not form.is_valid()
    assert "Le nom d’une commune tient en 200 caractères au plus" in form.errors["commune"][0]


def test_a_long_text_on_its_own_finds_nothing_without_failing(db):
    from geo.selectors import resolve_commune

    assert resolve_commune("x" * 50_000) == (None, [])


def test_a_name_and_a_postal_code_side_by_side_give_the_commune(db):
    for text in ["Lyon 69007", "69007 Lyon", "lyon, 69007", "Saint Denis 97400"]:
        form = PlaceForm({"commune": text})
        assert form.is_valid(), text
    reunion = PlaceForm({"commune": "Saint Denis 97400"})
    assert reunion.is_valid() and reunion.cleaned_data["commune"].insee == "97411"
    # A name without accents or hyphens is found as well, on every form alike.
    assert PlaceForm({"commune": "amberieux en dombes"}).is_valid()


def test_a_shared_postal_code_offers_its_communes_as_choices_to_tick(db):
    form = PlaceForm({"commune": "01330"})
    assert not form.is_valid()
    assert "Cochez la bonne juste en dessous" in form.errors["commune"][0]

    html = str(form["commune"])

    assert html.count('type="radio" name="commune_pick"') == 8
    assert 'value="Ambérieux-en-Dombes (01005)"' in html
    assert "<legend>Laquelle est la bonne ?</legend>" in html
    assert '<input type="hidden" name="commune_asked" value="01330">' in html


def test_the_ticked_choice_gives_its_commune(db):
    form = PlaceForm(
        {
            "commune": "01330",
            "commune_asked": "01330",
            "commune_pick": "Ambérieux-en-Dombes (01005)",
        }
    )

    assert form.is_valid()
    assert form.cleaned_data["commune"].insee == "01005"


def test_a_new_text_in_the_box_wins_over_an_old_ticked_choice(db):
    form = PlaceForm(
        {"commune": "Lyon", "commune_asked": "01330", "commune_pick": "Ambérieux-en-Dombes (01005)"}
    )

    assert form.is_valid()
    assert form.cleaned_data["commune"].name == "Lyon"
