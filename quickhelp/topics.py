"""The topic a question is about, suggested from its words: a small table of the words
associations use, for each skill domain. The association can always pick another."""

from geo.text import searchable

# domain slug → words (folded: no accents, lower case) that point to it. A word counts when
# a word of the question starts with it, so "tableur" finds "tableurs".
KEYWORDS: dict[str, tuple[str, ...]] = {
    "data-office": (
        "tableur",
        "excel",
        "calc",
        "libreoffice",
        "formule",
        "colonne",
        "cellule",
        "compta",
        "tresor",
        "budget",
        "fichier",
        "adherent",
        "cotisation",
        "base de donnee",
        "rgpd",
        "donnees",
        "drive",
        "partage",
        "agenda",
        "mot de passe",
        "sauvegarde",
        "imprim",
    ),
    "web": (
        "site",
        "internet",
        "wordpress",
        "page web",
        "domaine",
        "hebergement",
        "helloasso",
        "paiement",
        "don en ligne",
        "formulaire",
        "lien",
        "adresse mail",
        "messagerie",
    ),
    "communication": (
        "facebook",
        "instagram",
        "reseau",
        "publication",
        "newsletter",
        "lettre",
        "presse",
        "journaliste",
        "annonce",
        "texte",
        "communiquer",
        "abonne",
        "visibilite",
    ),
    "graphic-design": (
        "logo",
        "affiche",
        "flyer",
        "tract",
        "couleur",
        "police",
        "canva",
        "image",
        "dessin",
        "mise en page",
        "brochure",
        "carte de visite",
    ),
    "audiovisual": (
        "video",
        "photo",
        "film",
        "montage",
        "youtube",
        "podcast",
        "camera",
    ),
    "ux-accessibility": (
        "accessib",
        "malvoyant",
        "handicap",
        "lisible",
        "ergonom",
        "navigation",
        "facile a utiliser",
    ),
    "training": (
        "former",
        "formation",
        "atelier",
        "apprendre",
        "expliquer",
        "tutoriel",
        "benevoles ages",
        "debutant",
    ),
}


def suggest(text: str) -> str | None:
    """The slug of the domain whose words appear most in `text`, or None."""
    folded = " " + searchable(text) + " "
    scores: dict[str, int] = {}
    for slug, words in KEYWORDS.items():
        score = sum(folded.count(" " + word) for word in words)
        if score:
            scores[slug] = score
    if not scores:
        return None
    order = list(KEYWORDS)
    return max(scores, key=lambda slug: (scores[slug], -order.index(slug)))
