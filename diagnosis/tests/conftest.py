import pytest

from diagnosis.tests.helpers import answer_all


@pytest.fixture
def loaded(db):
    """The shipped rows (communes, taxonomy, mission templates, questionnaire), put back
    when an earlier transactional test emptied the tables."""
    from django.apps import apps

    from diagnosis.models import Question
    from diagnosis.questionnaire import load as load_questionnaire
    from geo.loader import load as load_geography
    from geo.models import Commune
    from missions.models import MissionTemplate
    from missions.template_data import load as load_templates
    from taxonomy.data import load as load_taxonomy
    from taxonomy.models import Skill

    if not Commune.objects.exists():
        load_geography()
    if not Skill.objects.exists():
        load_taxonomy(apps)
    if not MissionTemplate.objects.exists():
        load_templates(apps)
    if not Question.objects.exists():
        load_questionnaire(apps)


@pytest.fixture
def done(loaded, association, martine):
    """A completed diagnosis of Martine's association: no website, no social media, the
    rest middling."""
    return answer_all(association, martine, {"website": "none", "social-media": "none"})
