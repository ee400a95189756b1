"""`CommuneField`: one text box where people type a town's name or postal code.

Other apps put it in their forms (`commune = CommuneField()`); it returns a `Commune`. The box
suggests communes as one types (a `<datalist>` filled by htmx), and without JavaScript the
server resolves what was typed, or lists the candidates in the error so the person can retype.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Commune
from .selectors import MAX_TEXT, resolve_commune


def commune_label(commune: Commune) -> str:
    """How a commune is shown in the box: "Saint-Denis (93200)". `resolve_commune` reads it
    back to the same commune, which is what makes a suggestion safe to pick."""
    return f"{commune.name} ({commune.postal_code or commune.insee})"


def suggestion_options(communes: list[Commune]) -> list[tuple[str, str]]:
    """(value, hint) pairs for a `<datalist>`: the hint, the département, tells apart
    Saint-Denis (93200) in Seine-Saint-Denis from Saint-Denis (97400) at La Réunion."""
    return [(commune_label(c), c.departement.name) for c in communes]


# Names of the companions of a commune box, after the box's own name: the candidate ticked
# after an ambiguous answer, and that answer.
PICK, ASKED = "_pick", "_asked"


def pick_value(commune: Commune) -> str:
    """A candidate's value: its name and INSEE code, which `resolve_commune` reads back to
    this commune alone (two communes may share a name and a postal code)."""
    return f"{commune.name} ({commune.insee})"


class CommuneInput(forms.TextInput):
    template_name = "geo/widgets/commune_input.html"

    def __init__(self, attrs=None):
        # The browser's own memory of past entries would hide our suggestions.
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        # Filled by the field when what was typed is ambiguous: offered without JavaScript.
        self.candidates: list[Commune] = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        suggestions_id = f"{widget['attrs'].get('id') or name}-suggestions"
        widget["suggestions_id"] = suggestions_id
        widget["attrs"].update(
            {
                "list": suggestions_id,
                "hx-get": reverse("geo:communes"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": f"#{suggestions_id}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
            }
        )
        widget["options"] = suggestion_options(self.candidates)
        # The same candidates as choices to tick: without JavaScript nobody retypes one.
        widget["picks"] = [
            {
                "value": pick_value(c),
                "label": commune_label(c),
                "hint": c.departement.name,
                "id": f"{widget['attrs'].get('id') or name}-pick-{c.insee}",
            }
            for c in self.candidates
        ]
        return context

    def value_from_datadict(self, data, files, name):
        typed = data.get(name)
        picked = data.get(f"{name}{PICK}")
        # A ticked candidate counts while the box still holds the text it answered.
        if picked and " ".join(str(typed or "").split()) == " ".join(
            str(data.get(f"{name}{ASKED}") or "").split()
        ):
            return picked
        return typed

    def _render(self, template_name, context, renderer=None):
        # Rendered by the project's template engine so that the template lives with the
        # others in templates/geo/, whatever form renderer the project uses.
        return mark_safe(render_to_string(template_name, context))


class CommuneBoundField(BoundField):
    def value(self):
        if self.form.is_bound and not self.field.disabled:
            # Exactly what was typed, even when it did not resolve.
            return self.data or ""
        initial = self.initial
        if initial and not isinstance(initial, Commune):
            # A model form's initial value is the commune's INSEE code.
            initial = Commune.objects.filter(pk=initial).first()
        return commune_label(initial) if initial else ""


class CommuneField(forms.Field):
    widget = CommuneInput
    default_error_messages = {
        "not_found": _(
            "Nous ne trouvons pas la commune « %(text)s ». Vérifiez l’orthographe, ou tapez "
            "son code postal, par exemple 69003."
        ),
        "too_long": _(
            "Le nom d’une commune tient en %(max)s caractères au plus : tapez seulement son "
            "nom ou son code postal, par exemple Lyon ou 69003."
        ),
        "ambiguous": _(
            "Plusieurs communes correspondent à « %(text)s » : %(candidates)s. Cochez la "
            "bonne juste en dessous, puis validez à nouveau."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Commune"))
        kwargs.setdefault(
            "help_text",
            _("Son nom ou son code postal. Par exemple : Lyon, 69003 ou Saint-Denis (93200)"),
        )
        kwargs.setdefault(
            "error_messages",
            {"required": _("Indiquez la commune, par exemple : Lyon ou 69003.")},
        )
        super().__init__(**kwargs)

    def get_bound_field(self, form, field_name):
        return CommuneBoundField(form, self, field_name)

    def clean(self, value):
        if self.disabled and value and not isinstance(value, Commune):
            # A disabled field is cleaned from its initial value: a code, not typed text.
            value = Commune.objects.filter(pk=value).first()
        return super().clean(value)

    def to_python(self, value):
        if isinstance(value, Commune):
            return value
        text = " ".join(str(value or "").split())
        if not text:
            return None
        if len(text) > MAX_TEXT:
            raise forms.ValidationError(
                self.error_messages["too_long"], code="too_long", params={"max": MAX_TEXT}
            )
        commune, candidates = resolve_commune(text)
        if commune is not None:
            return commune
        # Again with their départements, for the suggestions shown under the box.
        found = Commune.objects.select_related("departement").in_bulk([c.pk for c in candidates])
        candidates = [found[c.pk] for c in candidates]
        self.widget.candidates = candidates
        if not candidates:
            raise forms.ValidationError(
                self.error_messages["not_found"], code="not_found", params={"text": text}
            )
        raise forms.ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"text": text, "candidates": ", ".join(commune_label(c) for c in candidates)},
        )

    def has_changed(self, initial, data):
        initial_pk = initial.pk if isinstance(initial, Commune) else (initial or None)
        try:
            commune = self.to_python(data)
        except forms.ValidationError:
            return True
        return (commune.pk if commune else None) != initial_pk
