"""Demo organisations: about thirty associations across France, a school, a local authority."""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from taxonomy.models import Cause

from .models import Membership, Organization
from .services import organization_create
from .validators import luhn_ok

C, P = Organization.AssociationType.CITIZEN, Organization.AssociationType.PROFESSIONAL
PENDING = "pending"

# (key, name, type, causes, INSEE code, size, description, website, pending?)
# fmt: off
ASSOCIATIONS = [
    ("belleville", "Les Jardins Partagés de Belleville", C, ["environment", "citizenship"],
     "75056", "11-50",
     "Un jardin partagé au cœur de Belleville : potager collectif, compost de quartier et "
     "ateliers pour les enfants le mercredi après-midi.",
     "", False),
    ("venissieux", "Solidarité Emploi Vénissieux", P, ["social", "social-economy"], "69259",
     "51-200",
     "Nous accompagnons vers l’emploi les habitants des Minguettes : ateliers CV, "
     "permanences numériques et chantiers d’insertion.",
     "https://www.solidarite-emploi-venissieux.fr", False),
    ("judo_venissieux", "Club de Judo de Vénissieux", C, ["sport", "education-youth"], "69259",
     "51-200",
     "Judo et jujitsu dès 4 ans, cours adaptés pour les seniors, et une équipe de bénévoles "
     "qui organise le tournoi de printemps.",
     "", False),
    ("chorale_lyon", "Chorale À Travers Chants", C, ["culture", "leisure"], "69123", "11-50",
     "Quarante choristes amateurs, deux concerts par an au profit d’associations "
     "lyonnaises. Pas besoin de savoir lire la musique !",
     "", False),
    ("dons_millau", "Amicale des Donneurs de Sang de Millau", C, ["health-disability"],
     "12145", "11-50",
     "Nous faisons connaître le don du sang et accueillons les donneurs lors des collectes "
     "mobiles dans le sud de l’Aveyron.",
     "", False),
    ("refuge_marseille", "Refuge des Quatre Pattes", P, ["animals"], "13055", "51-200",
     "Un refuge pour chiens et chats abandonnés dans les quartiers nord de Marseille : "
     "soins, adoptions responsables et familles d’accueil.",
     "https://www.refuge-quatre-pattes.fr", False),
    ("sciences_toulouse", "Sciences en Fête Toulouse", P, ["education-youth", "culture"],
     "31555", "11-50",
     "Ateliers scientifiques pour les 8-14 ans dans les écoles et les centres sociaux, et "
     "un grand village des sciences chaque automne.",
     "https://www.sciences-en-fete-toulouse.fr", False),
    ("accueil_lille", "Lille Accueil Exilés", C, ["humanitarian", "social"], "59350",
     "51-200",
     "Cours de français, accompagnement dans les démarches et repas partagés avec les "
     "personnes exilées de la métropole lilloise.",
     "", False),
    ("velo_rennes", "Vélo Solidaire Rennes", C, ["environment", "social-economy"], "35238",
     "11-50",
     "Un atelier de réparation de vélos participatif : on apprend à réparer soi-même, on "
     "récupère des vélos et on les remet en circulation.",
     "", False),
    ("theatre_nantes", "Compagnie du Théâtre du Quai", P, ["culture"], "44109", "1-10",
     "Une compagnie de théâtre qui joue dans les quartiers, les maisons de retraite et les "
     "écoles, et anime des ateliers d’écriture.",
     "https://www.theatre-du-quai.fr", False),
    ("patrimoine_strasbourg", "Strasbourg Patrimoine Vivant", C, ["heritage", "culture"],
     "67482", "11-50",
     "Visites guidées par des bénévoles passionnés, restauration de petit patrimoine et "
     "collecte de souvenirs des anciens du quartier.",
     "", False),
    ("handisport_bordeaux", "Bordeaux Handi-Sport", P, ["sport", "health-disability"],
     "33063", "51-200",
     "Basket fauteuil, natation et tennis de table pour les personnes en situation de "
     "handicap, en loisir comme en compétition.",
     "https://www.bordeaux-handisport.fr", False),
    ("epicerie_montpellier", "Épicerie Solidaire de la Paillade", P, ["social", "social-economy"],
     "34172", "11-50",
     "Des produits à petit prix pour les familles du quartier, et un lieu d’échange autour "
     "de la cuisine et du budget.",
     "", False),
    ("figeac", "Les Amis du Vieux Figeac", C, ["heritage"], "46102", "11-50",
     "Nous faisons découvrir et protégeons le patrimoine médiéval de Figeac : conférences, "
     "journées du patrimoine et petit bulletin trimestriel.",
     "", False),
    ("dieulefit", "Foyer Rural de Dieulefit", C, ["leisure", "culture"], "26114", "51-200",
     "Yoga, peinture, randonnée, club de lecture : le foyer rural fait vivre le village toute "
     "l’année grâce à ses bénévoles.",
     "", False),
    ("saint_flour", "Comité des Fêtes de Saint-Flour", C, ["leisure", "citizenship"], "15187",
     "11-50",
     "Fête de la musique, marché de Noël et feu de la Saint-Jean : nous organisons les "
     "grands rendez-vous de la ville haute.",
     "", False),
    ("guingamp", "Entraide Alimentaire du Trégor", C, ["social", "humanitarian"], "22070",
     "51-200",
     "Distribution de colis alimentaires chaque semaine et vestiaire solidaire, tenus "
     "entièrement par des bénévoles retraités.",
     "", False),
    ("cluny", "Association Sportive de Cluny", C, ["sport"], "71137", "51-200",
     "Le club de football du pays clunisois : huit équipes, de l’école de foot aux vétérans, "
     "et un tournoi d’été très attendu.",
     "", False),
    ("ludotheque_grenoble", "Ludothèque Le Dé Rouge", C, ["leisure", "education-youth"],
     "38185", "11-50",
     "Plus de deux mille jeux à emprunter, des soirées jeux pour tous les âges et des "
     "animations dans les écoles du quartier.",
     "", False),
    ("cinema_autun", "Cinéma Associatif Le Méliès", P, ["culture"], "71014", "11-50",
     "Un cinéma d’art et d’essai associatif : programmation, ciné-débats et séances pour les "
     "écoles du Morvan.",
     "https://www.cinema-melies-autun.fr", False),
    ("poitiers", "Maison de Quartier des Trois Cités", P, ["citizenship", "social"], "86194",
     "200+",
     "Accueil de loisirs, accompagnement scolaire, permanences d’écrivain public et fêtes de "
     "quartier aux Trois Cités.",
     "https://www.mq-trois-cites.fr", False),
    ("montreuil", "Alphabétisation Pour Tous", C, ["education-youth", "social"], "93048",
     "11-50",
     "Des cours de français et d’écriture pour adultes, en petits groupes, animés par des "
     "bénévoles formés.",
     "", False),
    ("limoges", "Entraide Seniors Limousin", C, ["social", "health-disability"], "87085",
     "51-200",
     "Visites de convivialité aux personnes âgées isolées, accompagnement aux courses et "
     "ateliers pour se servir d’une tablette.",
     "", False),
    ("die", "Les Randonneurs du Diois", C, ["sport", "leisure"], "26113", "51-200",
     "Randonnées chaque dimanche dans le Diois et le Vercors, entretien des sentiers et "
     "sorties adaptées aux débutants.",
     "", False),
    ("chats_brest", "Protection des Chats Libres de Brest", C, ["animals"], "29019", "1-10",
     "Nous trappons, soignons et faisons stériliser les chats errants de Brest, avec l’aide "
     "de familles d’accueil.",
     "", False),
    ("zero_dechet_annecy", "Collectif Zéro Déchet Annecy", C, ["environment", "citizenship"],
     "74010", "11-50",
     "Ateliers pour réduire ses déchets, cartographie des commerces vrac et défis familles "
     "zéro déchet.",
     "", True),
    ("musique_dijon", "Musique en Herbe", P, ["culture", "education-youth"], "21231", "11-50",
     "Une école de musique associative : éveil musical dès 3 ans, orchestre d’enfants et "
     "interventions dans les écoles de Dijon.",
     "https://www.musique-en-herbe-dijon.fr", False),
    ("reunion", "Réussite Jeunesse Réunion", P, ["education-youth", "social"], "97411",
     "51-200",
     "Soutien scolaire, mentorat et ateliers d’orientation pour les lycéens de Saint-Denis "
     "de La Réunion.",
     "", True),
    ("ajaccio", "A Lingua Viva", C, ["culture", "heritage"], "2A004", "11-50",
     "Cours de langue corse pour adultes, veillées de chants traditionnels et collecte de "
     "contes auprès des anciens.",
     "", False),
    ("roubaix", "Coup de Pouce Devoirs Roubaix", C, ["education-youth"], "59512", "11-50",
     "Aide aux devoirs quatre soirs par semaine pour les écoliers et collégiens du quartier "
     "de l’Alma.",
     "", True),
    ("clermont", "Santé Mentale Ensemble", P, ["health-disability", "social"], "63113",
     "11-50",
     "Groupes d’entraide mutuelle, sensibilisation dans les entreprises et soutien aux "
     "familles de personnes concernées.",
     "https://www.sante-mentale-ensemble.fr", False),
    ("tours", "La Recyclerie Créative de Tours", P, ["environment", "social-economy"], "37261",
     "11-50",
     "Nous collectons, réparons et revendons objets et meubles, et animons des ateliers de "
     "couture et de bricolage.",
     "", True),
]

# Association volunteers who run the associations above, beside Martine and Yacine.
PEOPLE = [
    "Jeanne Morin", "Gérard Fabre", "Monique Lambert", "Alain Chevalier", "Fatima Bensaïd",
    "Christian Roux", "Françoise Girard", "Mamadou Diallo", "Sylvie Bonnet", "Jean-Pierre Caron",
    "Nathalie Perrin", "Bernard Meunier", "Claire Vasseur", "Thierry Colin",
]
# fmt: on


def _siren(ctx: DemoContext) -> str:
    """A made-up SIREN that passes the Luhn check, like a real one."""
    while True:
        number = "".join(str(ctx.rng.randrange(10)) for _ in range(9))
        if number[0] != "0" and luhn_ok(number):
            return number


def _rna(ctx: DemoContext, insee: str) -> str:
    departement = insee[:2].replace("A", "0").replace("B", "0")
    return f"W{departement}{ctx.rng.randrange(10**7):07d}"


def build(ctx: DemoContext) -> None:
    users = ctx.objects["users"]
    now = timezone.now()
    password = make_password(DEMO_PASSWORD)
    people = [
        User.objects.create(
            email=f"asso{index:02d}@{DEMO_DOMAIN}",
            full_name=name,
            intent=User.Intent.ASSOCIATION,
            email_verified_at=now,
            password=password,
        )
        for index, name in enumerate(PEOPLE, start=1)
    ]
    causes = {cause.slug: cause for cause in Cause.objects.all()}
    moderator = users.get("nadia")
    organizations, associations = {}, []

    def verify(organization: Organization, days_ago: int) -> None:
        # A moderator's past decision, recorded without notifying anyone.
        organization.verification = Organization.Verification.VERIFIED
        organization.verified_at = now - datetime.timedelta(days=days_ago)
        organization.verified_by = moderator
        organization.save(update_fields=["verification", "verified_at", "verified_by"])

    for index, row in enumerate(ctx.progress(ASSOCIATIONS, desc="Associations")):
        key, name, kind_of, cause_slugs, insee, size, description, website, pending = row
        if key == "belleville":
            admin = users["martine"]
        elif key == "venissieux":
            admin = users["yacine"]
        else:
            admin = people[index % len(people)]
        organization = organization_create(
            by=admin,
            causes=[causes[slug] for slug in cause_slugs],
            kind=Organization.Kind.ASSOCIATION,
            name=name,
            association_type=kind_of,
            commune_id=insee,
            size=size,
            description=description,
            website=website,
            rna=_rna(ctx, insee) if ctx.rng.random() < 0.8 else "",
            siren=_siren(ctx) if kind_of == P else "",
        )
        if not pending:
            verify(organization, days_ago=ctx.rng.randint(5, 300))
        organizations[key] = organization
        associations.append(organization)

    # A few more hands in some associations; Yacine also helps at Belleville.
    Membership.objects.create(organization=organizations["belleville"], user=users["yacine"])
    for organization in ctx.rng.sample(associations[2:], 10):
        helper = ctx.rng.choice(people)
        Membership.objects.get_or_create(organization=organization, user=helper)

    school = organization_create(
        by=users["sophie"],
        kind=Organization.Kind.SCHOOL,
        name="École de design de Nantes",
        commune_id="44109",
        description=(
            "Une école de design (graphisme, design numérique, UX) dont les étudiant·es "
            "réalisent chaque année des projets pour des associations."
        ),
        website="https://www.ecole-design-nantes.fr",
        siren=_siren(ctx),
    )
    verify(school, days_ago=200)
    metropole = organization_create(
        by=users["paul"],
        kind=Organization.Kind.LOCAL_AUTHORITY,
        name="Métropole de Lyon",
        commune_id="69123",
        description=(
            "La Métropole accompagne les associations de ses 58 communes, notamment dans "
            "leurs premiers pas numériques."
        ),
        website="https://www.grandlyon.com",
        siren="200046977",
    )
    verify(metropole, days_ago=250)
    organizations.update(design_nantes=school, metropole_lyon=metropole)

    ctx.objects["associations"] = associations
    ctx.objects["organizations"] = organizations
    ctx.objects["association_people"] = people
