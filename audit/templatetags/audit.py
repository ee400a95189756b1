from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.http import urlencode

from audit.services import target_key

register = template.Library()


@register.simple_tag
def journal_url(obj) -> str:
    """The staff journal of one object: `{% journal_url mission %}`."""
    key = target_key(ContentType.objects.get_for_model(obj), obj.pk)
    return f"{reverse('audit:journal')}?{urlencode({'target': key})}"
