"""Demo quick help: ten questions of associations answered by volunteers and published as
plain answers (reviewed by Nadia), two questions still waiting, and one call booked for
next week with its invitation."""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from organizations.models import Organization
from taxonomy.models import Skill, SkillDomain
from volunteers.models import VolunteerProfile, VolunteerSkill

from . import services
from .attestations import attest_due
from .models import Question, Slot

# (association key, domain, question, situation, answer) — the answers as published.
ANSWERED = [
    (
        "belleville",
        "data-office",
        "Comment faire le total d’une colonne dans notre tableur ?",
        "La trésorière note les cotisations dans un tableur et veut le total du mois.",
        "Cliquez dans la case juste sous la colonne. Cliquez ensuite sur le bouton Somme "
        "(le signe Σ, en haut), puis appuyez sur Entrée. Le total se met à jour tout seul "
        "quand vous ajoutez une ligne au-dessus.",
    ),
    (
        "chorale_lyon",
        "data-office",
        "Comment partager notre fichier d’adhérents sans l’envoyer par e-mail ?",
        "Trois membres du bureau tiennent le même fichier et s’envoient des copies.",
        "Mettez le fichier dans un espace partagé (par exemple un dossier en ligne de votre "
        "messagerie). Donnez l’accès aux trois personnes seulement, en modification. Chacun "
        "ouvre alors la même version : plus de copies qui se contredisent.",
    ),
    (
        "velo_rennes",
        "web",
        "Comment ajouter un bouton de don sur notre site ?",
        "Une association veut recevoir des dons en ligne depuis son petit site.",
        "Créez d’abord une page de don gratuite chez un service de paiement pour associations. "
        "Copiez son adresse. Sur votre site, ajoutez un bouton « Faire un don » qui mène à "
        "cette adresse. Testez avec un don de 1 € avant d’en parler.",
    ),
    (
        "theatre_nantes",
        "communication",
        "Quand publier sur les réseaux sociaux pour être vu ?",
        "Une compagnie publie au hasard et touche peu de monde.",
        "Publiez deux fois par semaine, toujours les mêmes jours, en fin de journée. Une photo "
        "de vos membres marche mieux qu’une affiche. Annoncez un spectacle trois fois : trois "
        "semaines avant, une semaine avant, et la veille.",
    ),
    (
        "refuge_marseille",
        "graphic-design",
        "Quelle taille pour une affiche lisible de loin ?",
        "Un refuge prépare une affiche pour une journée portes ouvertes.",
        "Le format A3 suffit pour une vitrine. Gardez trois informations : quoi, quand, où. "
        "Le titre doit se lire à trois mètres : écrivez-le en très gros, foncé sur clair, et "
        "laissez de la place autour.",
    ),
    (
        "sciences_toulouse",
        "audiovisual",
        "Comment filmer une petite vidéo correcte avec un téléphone ?",
        "Une association veut présenter son festival en une minute de vidéo.",
        "Tenez le téléphone à l’horizontale, face à la lumière d’une fenêtre. Posez-le sur un "
        "appui plutôt qu’à la main. Parlez près du téléphone, dans une pièce calme. Une minute "
        "suffit : dites qui vous êtes, ce que vous faites, et comment venir.",
    ),
    (
        "accueil_lille",
        "ux-accessibility",
        "Comment rendre notre lettre d’information lisible par tous ?",
        "Des bénévoles âgés ou malvoyants ont du mal à lire la lettre de l’association.",
        "Écrivez en assez gros (au moins 14 points), en noir sur blanc. Une idée par "
        "paragraphe, des phrases courtes. Mettez un texte à chaque image pour dire ce qu’elle "
        "montre. Évitez d’écrire une information seulement dans une image.",
    ),
    (
        "handisport_bordeaux",
        "training",
        "Comment aider nos bénévoles à utiliser la messagerie du club ?",
        "Plusieurs bénévoles n’osent pas se servir de la messagerie partagée.",
        "Organisez un petit atelier d’une heure, à deux ou trois personnes. Faites-les "
        "pratiquer sur leur propre téléphone, une seule tâche à la fois : lire, répondre, "
        "joindre une photo. Laissez une fiche d’une page avec les trois gestes.",
    ),
    (
        "dons_millau",
        "data-office",
        "Comment protéger les données de nos donneurs ?",
        "Une amicale garde la liste des donneurs avec leurs téléphones.",
        "Ne gardez que ce qui sert (nom, téléphone, date du dernier don). Mettez un mot de "
        "passe sur le fichier, et ne l’envoyez jamais en pièce jointe. Supprimez les personnes "
        "qui ne donnent plus depuis plusieurs années, après les avoir prévenues.",
    ),
    (
        "patrimoine_strasbourg",
        "web",
        "Notre site affiche « non sécurisé » : que faire ?",
        "Le navigateur affiche un avertissement sur le site de l’association.",
        "Cela veut dire que le site n’a pas de certificat (le cadenas). Chez la plupart des "
        "hébergeurs, il s’active gratuitement en un clic dans l’espace client, rubrique "
        "« SSL » ou « HTTPS ». Attendez une heure, puis vérifiez que le cadenas apparaît.",
    ),
]
OPEN = [
    (
        "belleville",
        "graphic-design",
        "Comment mettre notre logo sur une photo sans la déformer ?",
        "Nous voulons signer les photos de nos ateliers de jardinage.",
    ),
    (
        "velo_rennes",
        "communication",
        "Comment écrire un communiqué pour le journal local ?",
        "Nous organisons une bourse aux vélos et voudrions qu’on en parle.",
    ),
]
# Volunteers of the topics nobody in the cast covers, with their skills.
HELPERS = [
    ("camille", "Camille Roy", {"spreadsheets": 3, "gdpr": 2, "collaborative-tools": 3}),
    ("theo", "Théo Garnier", {"social-media": 3, "copywriting": 2, "video-editing": 2}),
    ("ines_ux", "Inès Charpentier", {"accessibility": 3, "digital-workshops": 3}),
    ("malo", "Malo Fournier", {"wordpress": 3, "online-payments": 2, "print-layout": 2}),
]


def _helper(ctx: DemoContext, key: str, name: str, skills: dict[str, int]) -> User:
    user = User.objects.create(
        email=f"{key}@{DEMO_DOMAIN}",
        password=make_password(DEMO_PASSWORD),
        full_name=name,
        intent=User.Intent.VOLUNTEER,
        email_verified_at=timezone.now(),
    )
    profile = VolunteerProfile.objects.create(user=user, hours_per_week=2, bio="")
    found = Skill.objects.in_bulk(list(skills), field_name="slug")
    VolunteerSkill.objects.bulk_create(
        VolunteerSkill(profile=profile, skill=found[slug], level=level)
        for slug, level in skills.items()
    )
    ctx.add_login("Bénévole des coups de main", user.email)
    return user


def _helper_for(domain: SkillDomain, organization: Organization) -> User:
    return (
        User.objects.filter(
            volunteer_profile__skills__skill__domain=domain, is_active=True, is_staff=False
        )
        .exclude(memberships__organization=organization)
        .order_by("-volunteer_profile__skills__level", "pk")
        .first()
    )


def _asker(organization: Organization) -> User:
    return organization.memberships.order_by("role", "pk").first().user


def build(ctx: DemoContext) -> None:
    users = ctx.objects.setdefault("users", {})
    organizations = ctx.objects.get("organizations", {})
    for key, name, skills in HELPERS:
        users[key] = _helper(ctx, key, name, skills)
    moderator = users.get("nadia") or User.objects.filter(is_staff=True).first()
    domains = {d.slug: d for d in SkillDomain.objects.all()}
    made = []
    for key, slug, title, situation, answer in ANSWERED:
        organization = organizations.get(key)
        if organization is None:
            continue
        asker, domain = _asker(organization), domains[slug]
        helper = _helper_for(domain, organization)
        question = services.question_ask(
            organization=organization,
            by=asker,
            title=title,
            body=situation,
            domain=domain,
            mode=Question.Mode.WRITTEN,
        )
        services.answer_write(question=question, by=helper, body=answer)
        services.question_solve(
            question=question, by=asker, thanked=helper, thanks="Merci beaucoup, c’est clair !"
        )
        public = services.publication_consent(question=question, by=asker)
        services.public_answer_edit(
            public=public, by=helper, title=title, situation=situation, answer=answer, submit=True
        )
        if moderator is not None:
            services.public_answer_review(public=public, by=moderator, approve=True)
        public.useful_count = ctx.rng.randint(0, 12)
        public.save(update_fields=["useful_count"])
        made.append(question)
    for key, slug, title, body in OPEN:
        organization = organizations.get(key)
        if organization is not None:
            made.append(
                services.question_ask(
                    organization=organization,
                    by=_asker(organization),
                    title=title,
                    body=body,
                    domain=domains[slug],
                    mode=Question.Mode.WRITTEN,
                )
            )
    # A call booked for next week: Martine's association and a spreadsheet.
    belleville = organizations.get("belleville")
    if belleville is not None:
        asker = _asker(belleville)
        start = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
        slots = [start + datetime.timedelta(days=days) for days in (6, 7)]
        question = services.question_ask(
            organization=belleville,
            by=asker,
            title="Un tableau pour suivre les inscriptions aux ateliers",
            body="Nous aimerions qu’on nous montre, en appel, comment préparer ce tableau.",
            domain=domains["data-office"],
            mode=Question.Mode.CALL,
            slots=slots,
        )
        services.call_take(
            question=question,
            by=_helper_for(domains["data-office"], belleville),
            slot=Slot.objects.filter(question=question).first(),
            video_link="https://meet.jit.si/a-lasso-coup-de-main-belleville",
        )
        made.append(question)
    ctx.objects["questions"] = made
    # The solved questions' signed attestations, at once (the commit's task would sign
    # them in the background; it then finds them issued).
    attest_due()
