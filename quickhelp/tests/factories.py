"""Factories and a small scene for quick help's tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from organizations.tests.factories import AssociationFactory
from taxonomy.models import SkillDomain

from ..models import Answer, PublicAnswer, Question, Slot


class QuestionFactory(factory.django.DjangoModelFactory):
    """A written question about a spreadsheet, open."""

    class Meta:
        model = Question

    organization = factory.SubFactory(AssociationFactory, verified=True)
    title = "Comment additionner une colonne dans notre tableur ?"
    body = "Notre trésorière tient les cotisations dans un tableur et voudrait le total du mois."
    domain = factory.LazyFunction(lambda: SkillDomain.objects.get(slug="data-office"))
    mode = Question.Mode.WRITTEN


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    question = factory.SubFactory(QuestionFactory)
    body = "Cliquez sous la colonne, puis sur le symbole Somme (Σ) et validez avec Entrée."


def slot_in(days: int = 3, hour: int = 14) -> timezone.datetime:
    local = timezone.localtime() + timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def call_question(organization, asked_by, **fields) -> Question:
    question = QuestionFactory(
        organization=organization, asked_by=asked_by, mode=Question.Mode.CALL, **fields
    )
    Slot.objects.create(question=question, starts_at=slot_in(3))
    Slot.objects.create(question=question, starts_at=slot_in(4, 10))
    return question


class PublicAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicAnswer

    question = factory.SubFactory(QuestionFactory, status=Question.Status.SOLVED)
    slug = factory.Sequence(lambda n: f"additionner-une-colonne-{n}")
    domain = factory.LazyAttribute(lambda o: o.question.domain)
    title = "Comment additionner une colonne dans un tableur ?"
    situation = "Une association veut le total des cotisations du mois."
    answer = "Sélectionnez la cellule sous la colonne, cliquez sur Somme (Σ), puis Entrée."
    status = PublicAnswer.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
