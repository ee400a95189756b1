"""The shipped questionnaire, loaded by a data migration (staff edit it in the admin after).

Six axes, 21 questions a retired volunteer answers in five minutes on a phone. Each answer
is worth 0 to 100 points (None: "does not concern us", left out of the score); a weak
answer says what it reveals (the "why" shown beside a proposed mission) and which mission
templates (slugs of missions/template_data.py) would help, with how quick a win each is.
Each axis also names missions to go further, for associations already strong in it.
"""

import re

QUICK, MEDIUM, LONGER = 1, 2, 3


def choice(value, label_fr, label_en, score, finding=("", ""), suggest=()):
    return {
        "value": value,
        "label_fr": label_fr,
        "label_en": label_en,
        "score": score,
        "finding_fr": finding[0],
        "finding_en": finding[1],
        "suggest": list(suggest),
    }


AXES = [
    {
        "slug": "communication",
        "name_fr": "Communication et visibilité",
        "name_en": "Communication and visibility",
        "short_name_fr": "Communication",
        "short_name_en": "Communication",
        "intro_fr": (
            "Comment les personnes qui ne vous connaissent pas encore vous trouvent-elles ?"
        ),
        "intro_en": "How do people who do not know you yet find you?",
        "low_fr": (
            "Les personnes qui vous cherchent ont du mal à vous trouver : une présence en ligne "
            "simple changerait déjà beaucoup de choses."
        ),
        "low_en": (
            "People looking for you struggle to find you: a simple presence online would "
            "already change a lot."
        ),
        "mid_fr": (
            "On vous trouve, mais votre image n’est pas toujours la même ni régulière : "
            "quelques outils bien faits vous feraient gagner du temps."
        ),
        "mid_en": (
            "People find you, but your image is not always consistent or regular: a few "
            "well-made tools would save you time."
        ),
        "high_fr": (
            "Votre communication est solide : vous pouvez viser plus loin et toucher de "
            "nouveaux publics."
        ),
        "high_en": "Your communication is solid: you can aim further and reach new audiences.",
        "next_levels": [
            (
                "web-writing-seo",
                MEDIUM,
                "Votre communication est solide : des textes bien écrits aideront encore plus "
                "de monde à vous trouver sur internet.",
                "Your communication is solid: well-written pages will help even more people "
                "find you online.",
            ),
            (
                "presentation-video",
                LONGER,
                "Votre communication est solide : une courte vidéo montrera en deux minutes ce "
                "que vous faites.",
                "Your communication is solid: a short video will show what you do in two minutes.",
            ),
        ],
        "questions": [
            {
                "slug": "website",
                # Being found comes before anything else: the website and social media
                # weigh most, so that lacking both puts a visibility mission first.
                "weight": 3,
                "text_fr": "Votre association a-t-elle un site internet ?",
                "text_en": "Does your association have a website?",
                "help_fr": (
                    "Même un petit site d’une page compte. Par exemple : une page avec vos "
                    "horaires, vos activités et comment vous joindre."
                ),
                "help_en": (
                    "Even a small one-page site counts. For example: a page with your hours, "
                    "your activities and how to reach you."
                ),
                "choices": [
                    choice("up-to-date", "Oui, et il est à jour", "Yes, and it is up to date", 100),
                    choice(
                        "outdated",
                        "Oui, mais il est ancien ou plus personne ne sait le modifier",
                        "Yes, but it is old or nobody knows how to edit it any more",
                        40,
                        (
                            "Votre site est ancien ou plus personne ne sait le modifier.",
                            "Your website is old or nobody knows how to edit it.",
                        ),
                        [("website-refresh", MEDIUM)],
                    ),
                    choice(
                        "none",
                        "Non",
                        "No",
                        0,
                        (
                            "Votre association n’a pas de site internet.",
                            "Your association has no website.",
                        ),
                        [("showcase-website", MEDIUM)],
                    ),
                ],
            },
            {
                "slug": "social-media",
                "weight": 3,
                "text_fr": "Publiez-vous des nouvelles sur les réseaux sociaux ?",
                "text_en": "Do you post news on social media?",
                "help_fr": (
                    "Par exemple : une page Facebook ou un compte Instagram où vous annoncez "
                    "vos activités."
                ),
                "help_en": (
                    "For example: a Facebook page or an Instagram account where you announce "
                    "your activities."
                ),
                "choices": [
                    choice(
                        "regularly",
                        "Oui, au moins une fois par mois",
                        "Yes, at least once a month",
                        100,
                    ),
                    choice(
                        "rarely",
                        "Nous avons une page, mais nous publions rarement",
                        "We have a page, but we rarely post",
                        40,
                        (
                            "Votre page sur les réseaux sociaux est peu alimentée.",
                            "Your social media page is rarely updated.",
                        ),
                        [("social-media-calendar", QUICK)],
                    ),
                    choice(
                        "none",
                        "Non, nous n’y sommes pas",
                        "No, we are not on social media",
                        0,
                        (
                            "Votre association n’est pas présente sur les réseaux sociaux.",
                            "Your association is not on social media.",
                        ),
                        [("social-media-calendar", QUICK)],
                    ),
                ],
            },
            {
                "slug": "logo",
                "weight": 1,
                "text_fr": "Avez-vous un logo que vous utilisez partout ?",
                "text_en": "Do you have a logo that you use everywhere?",
                "help_fr": (
                    "Sur les affiches, les papiers officiels, les réseaux sociaux, les maillots…"
                ),
                "help_en": "On posters, official papers, social media, shirts…",
                "choices": [
                    choice("everywhere", "Oui, le même partout", "Yes, the same everywhere", 100),
                    choice(
                        "old",
                        "Oui, mais il est ancien ou s’imprime mal",
                        "Yes, but it is old or prints badly",
                        50,
                        (
                            "Votre logo est ancien ou s’imprime mal.",
                            "Your logo is old or prints badly.",
                        ),
                        [("logo-visual-identity", MEDIUM)],
                    ),
                    choice(
                        "none",
                        "Non, pas vraiment",
                        "Not really",
                        0,
                        (
                            "Votre association n’a pas de logo bien à elle.",
                            "Your association has no logo of its own.",
                        ),
                        [("logo-visual-identity", MEDIUM)],
                    ),
                ],
            },
            {
                "slug": "event-promotion",
                "weight": 1,
                "text_fr": "Quand vous organisez un événement, comment le faites-vous connaître ?",
                "text_en": "When you hold an event, how do you let people know?",
                "help_fr": "Par exemple : un loto, une fête de quartier, un concert, une collecte.",
                "help_en": "For example: a bingo night, a street party, a concert, a collection.",
                "choices": [
                    choice(
                        "poster-online",
                        "Avec une belle affiche et une annonce en ligne",
                        "With a good poster and an announcement online",
                        100,
                    ),
                    choice(
                        "homemade",
                        "Avec une affiche faite maison, au traitement de texte",
                        "With a home-made poster, done in a word processor",
                        50,
                        (
                            "Vos affiches sont faites maison et ne donnent pas toujours envie de "
                            "venir.",
                            "Your posters are home-made and do not always make people want to "
                            "come.",
                        ),
                        [("event-poster", QUICK)],
                    ),
                    choice(
                        "word-of-mouth",
                        "Surtout par le bouche-à-oreille",
                        "Mostly by word of mouth",
                        20,
                        (
                            "Vos événements se font connaître surtout par le bouche-à-oreille.",
                            "Your events are known mostly by word of mouth.",
                        ),
                        [("event-poster", QUICK), ("social-media-calendar", QUICK)],
                    ),
                    choice(
                        "no-events",
                        "Nous n’organisons pas d’événements",
                        "We do not hold events",
                        None,
                    ),
                ],
            },
        ],
    },
    {
        "slug": "memberships",
        "name_fr": "Adhésions, dons et événements",
        "name_en": "Memberships, donations and events",
        "short_name_fr": "Adhésions et dons",
        "short_name_en": "Memberships",
        "intro_fr": "Comment on adhère, on donne et on s’inscrit chez vous.",
        "intro_en": "How people join, donate and sign up with you.",
        "low_fr": (
            "Adhérer, donner ou s’inscrire passe encore par le papier : le faire en ligne "
            "soulagerait le trésorier et attirerait de nouveaux soutiens."
        ),
        "low_en": (
            "Joining, donating or signing up still goes through paper: doing it online would "
            "relieve the treasurer and attract new supporters."
        ),
        "mid_fr": "Une partie se fait déjà en ligne : il reste quelques étapes à simplifier.",
        "mid_en": "Part of it is already online: a few steps are left to simplify.",
        "high_fr": (
            "Adhésions, dons et inscriptions se font facilement : vos soutiens ont la vie simple."
        ),
        "high_en": "Memberships, donations and sign-ups are easy: your supporters have it simple.",
        "next_levels": [
            (
                "event-photo-report",
                QUICK,
                "Vos soutiens répondent présent : de belles photos de vos événements donneront "
                "envie à d’autres de vous rejoindre.",
                "Your supporters turn up: good photos of your events will make others want to "
                "join you.",
            ),
            (
                "presentation-video",
                LONGER,
                "Vos soutiens répondent présent : une courte vidéo vous aidera à en convaincre "
                "de nouveaux.",
                "Your supporters turn up: a short video will help you win new ones.",
            ),
        ],
        "questions": [
            {
                "slug": "membership-fees",
                "weight": 2,
                "text_fr": "Comment vos adhérents paient-ils leur cotisation ?",
                "text_en": "How do your members pay their membership fee?",
                "help_fr": "La cotisation, c’est la somme que chaque membre verse pour l’année.",
                "help_en": "The membership fee is what each member pays for the year.",
                "choices": [
                    choice("online", "Ils peuvent payer en ligne", "They can pay online", 100),
                    choice(
                        "paper",
                        "Par chèque ou en espèces seulement",
                        "By cheque or cash only",
                        20,
                        (
                            "Les cotisations se paient seulement par chèque ou en espèces.",
                            "Membership fees are paid by cheque or cash only.",
                        ),
                        [("online-memberships-donations", QUICK)],
                    ),
                    choice("no-fee", "Il n’y a pas de cotisation", "There is no fee", None),
                ],
            },
            {
                "slug": "donations",
                "weight": 2,
                "text_fr": "Peut-on faire un don à votre association sur internet ?",
                "text_en": "Can people donate to your association online?",
                "help_fr": (
                    "Par exemple : un bouton « Faire un don » sur votre site ou votre page "
                    "Facebook."
                ),
                "help_en": 'For example: a "Donate" button on your website or Facebook page.',
                "choices": [
                    choice("yes", "Oui, en quelques clics", "Yes, in a few clicks", 100),
                    choice(
                        "no-but",
                        "Non, mais cela nous aiderait",
                        "No, but it would help us",
                        0,
                        (
                            "On ne peut pas encore vous faire un don sur internet.",
                            "People cannot donate to you online yet.",
                        ),
                        [("online-memberships-donations", QUICK)],
                    ),
                    choice(
                        "not-needed",
                        "Non, et nous n’en avons pas besoin",
                        "No, and we do not need it",
                        None,
                    ),
                ],
            },
            {
                "slug": "registrations",
                "weight": 1,
                "text_fr": (
                    "Pour vos sorties, repas ou spectacles, comment les gens s’inscrivent-ils ?"
                ),
                "text_en": "For your outings, meals or shows, how do people sign up?",
                "help_fr": "Réserver une place, acheter un billet, s’inscrire à une activité.",
                "help_en": "Booking a seat, buying a ticket, signing up for an activity.",
                "choices": [
                    choice(
                        "online",
                        "En ligne, avec un formulaire ou une billetterie",
                        "Online, with a form or a ticket office",
                        100,
                    ),
                    choice(
                        "by-hand",
                        "Par téléphone, par e-mail ou sur une feuille",
                        "By phone, by e-mail or on a sheet of paper",
                        30,
                        (
                            "Les inscriptions se font par téléphone, par e-mail ou sur une "
                            "feuille.",
                            "Sign-ups are taken by phone, by e-mail or on a sheet of paper.",
                        ),
                        [("online-memberships-donations", QUICK)],
                    ),
                    choice(
                        "none",
                        "Il n’y a pas d’inscription chez nous",
                        "We have nothing to sign up for",
                        None,
                    ),
                ],
            },
            {
                "slug": "news",
                "weight": 1,
                "text_fr": (
                    "Comment donnez-vous des nouvelles à vos adhérents et à ceux qui vous "
                    "soutiennent ?"
                ),
                "text_en": "How do you send news to your members and supporters?",
                "help_fr": (
                    "Par exemple : le programme du trimestre, le compte-rendu de l’assemblée "
                    "générale."
                ),
                "help_en": "For example: the programme for the term, the minutes of the AGM.",
                "choices": [
                    choice(
                        "newsletter",
                        "Une lettre d’information par e-mail, régulière",
                        "A regular e-mail newsletter",
                        100,
                    ),
                    choice(
                        "emails",
                        "Des e-mails de temps en temps, sans mise en forme",
                        "E-mails now and then, without any layout",
                        50,
                        (
                            "Vos nouvelles partent par e-mail, sans mise en forme ni régularité.",
                            "Your news goes out by e-mail, without layout or regularity.",
                        ),
                        [("newsletter", QUICK)],
                    ),
                    choice(
                        "in-person",
                        "Surtout au téléphone ou lors de l’assemblée générale",
                        "Mostly by phone or at the annual general meeting",
                        20,
                        (
                            "Vos adhérents ont surtout de vos nouvelles au téléphone ou à "
                            "l’assemblée générale.",
                            "Your members mostly hear from you by phone or at the AGM.",
                        ),
                        [("newsletter", QUICK)],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "management",
        "name_fr": "Gestion au quotidien",
        "name_en": "Day-to-day management",
        "short_name_fr": "Gestion",
        "short_name_en": "Management",
        "intro_fr": "Les comptes, la liste des adhérents et les papiers de l’année.",
        "intro_en": "The accounts, the list of members and the year’s paperwork.",
        "low_fr": (
            "La gestion repose sur des cahiers ou des fichiers que peu de personnes comprennent "
            ": un outil simple soulagerait le bureau."
        ),
        "low_en": (
            "Management relies on notebooks or files few people understand: a simple tool "
            "would relieve the board."
        ),
        "mid_fr": (
            "Votre gestion tient la route, mais certaines tâches prennent plus de temps qu’il "
            "ne faudrait."
        ),
        "mid_en": "Your management holds up, but some tasks take longer than they should.",
        "high_fr": (
            "Votre gestion est bien organisée : vous pouvez maintenant mieux montrer ce que "
            "vous faites."
        ),
        "high_en": "Your management is well organised: you can now better show what you do.",
        "next_levels": [
            (
                "impact-dashboard",
                MEDIUM,
                "Votre gestion est bien tenue : un tableau de bord montrera votre action aux "
                "financeurs en un coup d’œil.",
                "Your management is well kept: a dashboard will show your work to funders at a "
                "glance.",
            ),
            (
                "custom-automation",
                LONGER,
                "Votre gestion est bien tenue : une petite automatisation vous libérera des "
                "dernières tâches qui se répètent.",
                "Your management is well kept: a small automation will free you from the last "
                "repetitive tasks.",
            ),
        ],
        "questions": [
            {
                "slug": "accounts",
                "weight": 2,
                "text_fr": "Comment tenez-vous les comptes de l’association ?",
                "text_en": "How do you keep the association’s accounts?",
                "help_fr": (
                    "Les recettes et les dépenses de l’année, que le trésorier présente à "
                    "l’assemblée générale."
                ),
                "help_en": (
                    "The year’s income and spending, which the treasurer presents at the AGM."
                ),
                "choices": [
                    choice(
                        "organised",
                        "Avec un logiciel ou un tableau clair que d’autres savent lire",
                        "With software or a clear spreadsheet others can read",
                        100,
                    ),
                    choice(
                        "one-person",
                        "Dans un cahier ou un tableau que seul le trésorier comprend",
                        "In a notebook or spreadsheet only the treasurer understands",
                        30,
                        (
                            "Vos comptes sont dans un cahier ou un tableau que seul le trésorier "
                            "comprend.",
                            "Your accounts are in a notebook or spreadsheet only the treasurer "
                            "understands.",
                        ),
                        [("accounting-spreadsheet", QUICK)],
                    ),
                    choice(
                        "struggling",
                        "C’est compliqué, nous nous y perdons",
                        "It is complicated, we get lost",
                        0,
                        (
                            "Tenir les comptes est devenu compliqué.",
                            "Keeping the accounts has become complicated.",
                        ),
                        [("accounting-spreadsheet", QUICK)],
                    ),
                ],
            },
            {
                "slug": "member-list",
                "weight": 2,
                "text_fr": "Où se trouve la liste de vos adhérents ?",
                "text_en": "Where is your list of members?",
                "help_fr": "Les noms, les coordonnées, la date d’adhésion de chacun…",
                "help_en": "Everyone’s name, contact details, date of joining…",
                "choices": [
                    choice(
                        "single-file",
                        "Dans un seul fichier, à jour, que le bureau partage",
                        "In a single, up-to-date file the board shares",
                        100,
                    ),
                    choice(
                        "scattered",
                        "Dans plusieurs fichiers ou cahiers",
                        "In several files or notebooks",
                        30,
                        (
                            "La liste des adhérents est éparpillée dans plusieurs fichiers ou "
                            "cahiers.",
                            "The list of members is scattered over several files or notebooks.",
                        ),
                        [("member-file-gdpr", MEDIUM)],
                    ),
                    choice(
                        "none",
                        "Nous n’avons pas vraiment de liste",
                        "We do not really have a list",
                        0,
                        (
                            "Vous n’avez pas de liste à jour de vos adhérents.",
                            "You have no up-to-date list of your members.",
                        ),
                        [("member-file-gdpr", MEDIUM)],
                    ),
                ],
            },
            {
                "slug": "activity-report",
                "weight": 1,
                "text_fr": "Préparer le rapport d’activité de l’année, pour vous, c’est…",
                "text_en": "Preparing the annual activity report is, for you…",
                "help_fr": (
                    "Le document présenté à l’assemblée générale, à la mairie ou aux financeurs."
                ),
                "help_en": "The document shown at the AGM, to the town hall or to funders.",
                "choices": [
                    choice(
                        "easy",
                        "Simple : nous avons une mise en page toute prête",
                        "Easy: we have a ready-made layout",
                        100,
                    ),
                    choice(
                        "long",
                        "Long : nous repartons de zéro chaque année",
                        "Long: we start from scratch every year",
                        40,
                        (
                            "Vous refaites la mise en page de votre rapport d’activité chaque "
                            "année.",
                            "You redo the layout of your activity report every year.",
                        ),
                        [("activity-report-layout", MEDIUM)],
                    ),
                    choice(
                        "none",
                        "Nous n’en faisons pas",
                        "We do not write one",
                        20,
                        (
                            "Vous n’avez pas de rapport d’activité à montrer aux financeurs.",
                            "You have no activity report to show funders.",
                        ),
                        [("activity-report-layout", MEDIUM)],
                    ),
                ],
            },
            {
                "slug": "repetitive-tasks",
                "weight": 1,
                "text_fr": "Passez-vous beaucoup de temps sur des tâches qui se répètent ?",
                "text_en": "Do you spend a lot of time on repetitive tasks?",
                "help_fr": (
                    "Par exemple : relancer les cotisations une par une, recopier les mêmes "
                    "informations dans plusieurs tableaux."
                ),
                "help_en": (
                    "For example: chasing fees one by one, copying the same information into "
                    "several spreadsheets."
                ),
                "choices": [
                    choice("rarely", "Non, c’est rare", "No, rarely", 100),
                    choice(
                        "some",
                        "Oui, quelques heures par mois",
                        "Yes, a few hours a month",
                        40,
                        (
                            "Des tâches qui se répètent vous prennent quelques heures chaque mois.",
                            "Repetitive tasks take you a few hours every month.",
                        ),
                        [("custom-automation", LONGER)],
                    ),
                    choice(
                        "lots",
                        "Oui, beaucoup trop",
                        "Yes, far too much",
                        10,
                        (
                            "Des tâches qui se répètent vous prennent beaucoup trop de temps.",
                            "Repetitive tasks take you far too much time.",
                        ),
                        [("custom-automation", LONGER)],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "teamwork",
        "name_fr": "Travailler ensemble",
        "name_en": "Working together",
        "short_name_fr": "Travail en équipe",
        "short_name_en": "Teamwork",
        "intro_fr": "Comment le bureau et les bénévoles partagent les documents et s’organisent.",
        "intro_en": "How the board and the volunteers share documents and get organised.",
        "low_fr": (
            "Les documents et l’organisation reposent sur quelques personnes : si l’une "
            "d’elles s’absente, tout se complique."
        ),
        "low_en": (
            "Documents and organisation rest on a few people: if one of them is away, "
            "everything gets harder."
        ),
        "mid_fr": (
            "Vous partagez déjà une partie des informations ; un espace commun bien rangé "
            "irait plus loin."
        ),
        "mid_en": "You already share some information; a tidy shared space would go further.",
        "high_fr": "Vous travaillez bien ensemble, même à distance.",
        "high_en": "You work well together, even at a distance.",
        "next_levels": [
            (
                "custom-automation",
                LONGER,
                "Vous travaillez déjà bien ensemble : une petite automatisation vous libérera "
                "des tâches qui se répètent.",
                "You already work well together: a small automation will free you from "
                "repetitive tasks.",
            ),
            (
                "impact-dashboard",
                MEDIUM,
                "Vous travaillez déjà bien ensemble : un tableau de bord partagé montrera à "
                "tous ce que vous accomplissez.",
                "You already work well together: a shared dashboard will show everyone what "
                "you achieve.",
            ),
        ],
        "questions": [
            {
                "slug": "documents",
                "weight": 2,
                "text_fr": "Où rangez-vous les documents de l’association ?",
                "text_en": "Where do you keep the association’s documents?",
                "help_fr": "Les statuts, les comptes-rendus de réunion, les photos, les factures.",
                "help_en": "The statutes, meeting minutes, photos, invoices.",
                "choices": [
                    choice(
                        "shared",
                        "Dans un espace en ligne partagé, que tout le bureau retrouve",
                        "In a shared online space the whole board can find",
                        100,
                    ),
                    choice(
                        "personal",
                        "Sur l’ordinateur ou dans la boîte e-mail d’un ou deux bénévoles",
                        "On the computer or in the mailbox of one or two volunteers",
                        30,
                        (
                            "Vos documents sont sur l’ordinateur ou dans la boîte e-mail de "
                            "quelques bénévoles.",
                            "Your documents are on the computers or in the mailboxes of a few "
                            "volunteers.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                    choice(
                        "paper",
                        "Surtout sur papier, dans des classeurs",
                        "Mostly on paper, in binders",
                        20,
                        (
                            "Vos documents sont surtout sur papier, dans des classeurs.",
                            "Your documents are mostly on paper, in binders.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                ],
            },
            {
                "slug": "organising",
                "weight": 1,
                "text_fr": "Comment les bénévoles s’organisent-ils entre eux ?",
                "text_en": "How do volunteers organise themselves?",
                "help_fr": (
                    "Savoir qui tient la buvette samedi, qui ouvre la salle, qui appelle le "
                    "traiteur."
                ),
                "help_en": (
                    "Knowing who runs the refreshment stand on Saturday, who opens the hall, "
                    "who calls the caterer."
                ),
                "choices": [
                    choice(
                        "shared-tool",
                        "Avec un planning ou un agenda en ligne partagé",
                        "With a shared online rota or calendar",
                        100,
                    ),
                    choice(
                        "messages",
                        "Par de longs échanges d’e-mails ou de messages",
                        "Through long threads of e-mails or messages",
                        40,
                        (
                            "Vous vous organisez par de longs échanges d’e-mails ou de messages.",
                            "You get organised through long threads of e-mails or messages.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                    choice(
                        "phone",
                        "Au téléphone ou de vive voix seulement",
                        "Only by phone or face to face",
                        40,
                        (
                            "Vous vous organisez seulement au téléphone ou de vive voix.",
                            "You get organised only by phone or face to face.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                ],
            },
            {
                "slug": "remote-meetings",
                "weight": 1,
                "text_fr": (
                    "Pouvez-vous faire une réunion à distance, en vidéo, quand c’est utile ?"
                ),
                "text_en": "Can you hold a video meeting when it helps?",
                "help_fr": (
                    "Par exemple : une réunion du bureau un soir d’hiver, sans que chacun "
                    "prenne la voiture."
                ),
                "help_en": (
                    "For example: a board meeting on a winter evening, without everyone "
                    "driving over."
                ),
                "choices": [
                    choice("easily", "Oui, facilement", "Yes, easily", 100),
                    choice(
                        "hard",
                        "Oui, mais c’est difficile pour certains",
                        "Yes, but it is hard for some",
                        50,
                        (
                            "Les réunions en vidéo sont difficiles pour certains bénévoles.",
                            "Video meetings are hard for some volunteers.",
                        ),
                        [("digital-workshop", QUICK)],
                    ),
                    choice(
                        "never",
                        "Non, jamais",
                        "No, never",
                        20,
                        (
                            "Vous ne faites jamais de réunion à distance.",
                            "You never meet at a distance.",
                        ),
                        [("collaborative-tools", QUICK), ("digital-workshop", QUICK)],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "skills",
        "name_fr": "Les bénévoles et le numérique",
        "name_en": "Volunteers and digital tools",
        "short_name_fr": "Compétences",
        "short_name_en": "Skills",
        "intro_fr": "Qui, dans l’association, est à l’aise avec l’ordinateur et le téléphone.",
        "intro_en": "Who in the association is at ease with computers and phones.",
        "low_fr": (
            "Le numérique repose sur très peu de personnes : un atelier pratique permettrait à "
            "d’autres bénévoles de s’y mettre sans crainte."
        ),
        "low_en": (
            "Digital work rests on very few people: a hands-on workshop would let other "
            "volunteers get started without fear."
        ),
        "mid_fr": (
            "Quelques bénévoles sont à l’aise ; d’autres pourraient l’être avec un petit coup "
            "de pouce."
        ),
        "mid_en": "A few volunteers are at ease; others could be with a little help.",
        "high_fr": (
            "Vos bénévoles sont à l’aise avec le numérique : c’est un vrai atout pour la suite."
        ),
        "high_en": "Your volunteers are at ease with digital tools: a real asset for what’s next.",
        "next_levels": [
            (
                "impact-dashboard",
                MEDIUM,
                "Vos bénévoles sont à l’aise : ils sauront faire vivre un tableau de bord de "
                "votre action.",
                "Your volunteers are at ease: they will keep a dashboard of your work alive.",
            ),
            (
                "custom-automation",
                LONGER,
                "Vos bénévoles sont à l’aise : ils sauront utiliser un petit outil fait sur "
                "mesure pour vous.",
                "Your volunteers are at ease: they will use a small tool made for you.",
            ),
        ],
        "questions": [
            {
                "slug": "comfortable-volunteers",
                "weight": 2,
                "text_fr": "Combien de bénévoles sont à l’aise avec l’ordinateur ou le téléphone ?",
                "text_en": "How many volunteers are at ease with a computer or a phone?",
                "help_fr": (
                    "Envoyer un e-mail avec une pièce jointe, remplir un formulaire en ligne, "
                    "publier une photo."
                ),
                "help_en": (
                    "Sending an e-mail with an attachment, filling in an online form, posting "
                    "a photo."
                ),
                "choices": [
                    choice("most", "La plupart", "Most of them", 100),
                    choice(
                        "few",
                        "Un ou deux",
                        "One or two",
                        40,
                        (
                            "Seuls un ou deux bénévoles sont à l’aise avec le numérique.",
                            "Only one or two volunteers are at ease with digital tools.",
                        ),
                        [("digital-workshop", QUICK)],
                    ),
                    choice(
                        "nobody",
                        "Personne vraiment",
                        "Nobody really",
                        0,
                        (
                            "Personne n’est vraiment à l’aise avec le numérique dans "
                            "l’association.",
                            "Nobody in the association is really at ease with digital tools.",
                        ),
                        [("digital-workshop", QUICK)],
                    ),
                ],
            },
            {
                "slug": "handover",
                "weight": 2,
                "text_fr": (
                    "Si la personne qui s’occupe du numérique s’arrêtait demain, quelqu’un "
                    "saurait-il prendre le relais ?"
                ),
                "text_en": (
                    "If the person who looks after digital matters stopped tomorrow, could "
                    "someone take over?"
                ),
                "help_fr": (
                    "Mettre à jour le site, publier sur la page Facebook, retrouver les mots "
                    "de passe."
                ),
                "help_en": "Updating the website, posting on Facebook, finding the passwords.",
                "choices": [
                    choice("yes", "Oui, sans difficulté", "Yes, easily", 100),
                    choice(
                        "partly",
                        "En partie",
                        "Partly",
                        50,
                        (
                            "Le numérique repose sur une ou deux personnes seulement.",
                            "Digital matters rest on one or two people only.",
                        ),
                        [("digital-workshop", QUICK)],
                    ),
                    choice(
                        "no",
                        "Non",
                        "No",
                        0,
                        (
                            "Personne ne saurait prendre le relais de la personne qui s’occupe "
                            "du numérique.",
                            "Nobody could take over from the person who looks after digital "
                            "matters.",
                        ),
                        [("digital-workshop", QUICK), ("collaborative-tools", QUICK)],
                    ),
                ],
            },
            {
                "slug": "training",
                "weight": 1,
                "text_fr": "Les bénévoles ont-ils déjà participé à un atelier sur le numérique ?",
                "text_en": "Have the volunteers ever attended a workshop on digital tools?",
                "help_fr": (
                    "Par exemple : apprendre à utiliser un agenda partagé ou à publier sur la "
                    "page de l’association."
                ),
                "help_en": (
                    "For example: learning to use a shared calendar or to post on the "
                    "association’s page."
                ),
                "choices": [
                    choice(
                        "recently",
                        "Oui, cette année ou l’an dernier",
                        "Yes, this year or last year",
                        100,
                    ),
                    choice(
                        "long-ago",
                        "Oui, il y a longtemps",
                        "Yes, a long time ago",
                        50,
                        (
                            "Le dernier atelier sur le numérique date de longtemps.",
                            "The last workshop on digital tools was a long time ago.",
                        ),
                        [("digital-workshop", QUICK)],
                    ),
                    choice(
                        "never",
                        "Jamais",
                        "Never",
                        10,
                        (
                            "Vos bénévoles n’ont jamais eu d’atelier sur le numérique.",
                            "Your volunteers have never had a workshop on digital tools.",
                        ),
                        [("digital-workshop", QUICK)],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "equipment",
        "name_fr": "Matériel et protection des données",
        "name_en": "Equipment and data protection",
        "short_name_fr": "Protection des données",
        "short_name_en": "Data protection",
        "intro_fr": (
            "Les mots de passe, les sauvegardes et les informations personnelles de vos membres."
        ),
        "intro_en": "Passwords, backups and your members’ personal information.",
        "low_fr": (
            "Vos données et vos accès sont fragiles : une panne ou un départ pourrait vous "
            "faire perdre des informations importantes."
        ),
        "low_en": (
            "Your data and access are fragile: a breakdown or someone leaving could make you "
            "lose important information."
        ),
        "mid_fr": (
            "Les bases sont là, mais quelques précautions simples protégeraient mieux vos "
            "données et celles de vos membres."
        ),
        "mid_en": (
            "The basics are there, but a few simple precautions would better protect your data "
            "and your members’."
        ),
        "high_fr": (
            "Vos accès et vos données sont bien protégés : vous respectez l’essentiel de la loi "
            "sur la protection des données (le RGPD)."
        ),
        "high_en": "Your access and data are well protected: you follow the essentials of GDPR.",
        "next_levels": [
            (
                "accessibility-audit",
                MEDIUM,
                "Vos données sont bien protégées : vérifiez maintenant que votre site est "
                "facile à utiliser pour tous, y compris les personnes malvoyantes.",
                "Your data is well protected: now check that your website is easy for everyone "
                "to use, people with poor sight included.",
            ),
        ],
        "questions": [
            {
                "slug": "passwords",
                "weight": 2,
                "text_fr": (
                    "Les mots de passe de l’association sont-ils connus d’au moins deux "
                    "personnes et rangés en lieu sûr ?"
                ),
                "text_en": (
                    "Are the association’s passwords known to at least two people and kept "
                    "somewhere safe?"
                ),
                "help_fr": (
                    "Les mots de passe du site, de la boîte e-mail, de la page Facebook, de la "
                    "banque en ligne."
                ),
                "help_en": (
                    "The passwords of the website, the mailbox, the Facebook page, online banking."
                ),
                "choices": [
                    choice("safe", "Oui", "Yes", 100),
                    choice(
                        "one-person",
                        "Une seule personne les connaît",
                        "Only one person knows them",
                        20,
                        (
                            "Une seule personne connaît les mots de passe de l’association.",
                            "Only one person knows the association’s passwords.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                    choice(
                        "paper",
                        "Ils sont notés sur un papier ou envoyés par e-mail",
                        "They are written on paper or sent by e-mail",
                        30,
                        (
                            "Vos mots de passe sont notés sur un papier ou circulent par e-mail.",
                            "Your passwords are written on paper or go round by e-mail.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                    choice(
                        "dont-know",
                        "Je ne sais pas",
                        "I do not know",
                        0,
                        (
                            "Personne ne sait vraiment où sont les mots de passe de l’association.",
                            "Nobody really knows where the association’s passwords are.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                ],
            },
            {
                "slug": "backups",
                "weight": 1,
                "text_fr": (
                    "Vos fichiers importants sont-ils sauvegardés ailleurs que sur un seul "
                    "ordinateur ?"
                ),
                "text_en": "Are your important files backed up somewhere other than one computer?",
                "help_fr": ("Si l’ordinateur du trésorier tombait en panne, que perdriez-vous ?"),
                "help_en": "If the treasurer’s computer broke down, what would you lose?",
                "choices": [
                    choice("automatic", "Oui, automatiquement", "Yes, automatically", 100),
                    choice(
                        "sometimes",
                        "De temps en temps, sur une clé USB",
                        "Now and then, on a USB stick",
                        40,
                        (
                            "Vos fichiers ne sont sauvegardés que de temps en temps.",
                            "Your files are only backed up now and then.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                    choice(
                        "no",
                        "Non",
                        "No",
                        0,
                        (
                            "Vos fichiers ne sont sauvegardés nulle part ailleurs.",
                            "Your files are not backed up anywhere else.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                    choice(
                        "dont-know",
                        "Je ne sais pas",
                        "I do not know",
                        0,
                        (
                            "Vous ne savez pas si vos fichiers sont sauvegardés.",
                            "You do not know whether your files are backed up.",
                        ),
                        [("collaborative-tools", QUICK)],
                    ),
                ],
            },
            {
                "slug": "gdpr",
                "weight": 2,
                "text_fr": (
                    "Savez-vous quelles informations personnelles vous gardez sur vos membres, "
                    "et pourquoi ?"
                ),
                "text_en": (
                    "Do you know which personal information you keep about your members, and why?"
                ),
                "help_fr": (
                    "C’est ce que demande le RGPD, la loi sur la protection des données. Par "
                    "exemple : noter pourquoi vous gardez la date de naissance."
                ),
                "help_en": (
                    "This is what GDPR, the data protection law, asks. For example: writing "
                    "down why you keep dates of birth."
                ),
                "choices": [
                    choice(
                        "written",
                        "Oui, c’est écrit quelque part",
                        "Yes, it is written down",
                        100,
                    ),
                    choice(
                        "roughly",
                        "À peu près",
                        "Roughly",
                        40,
                        (
                            "Vous ne savez qu’à peu près quelles informations personnelles vous "
                            "gardez.",
                            "You only roughly know which personal information you keep.",
                        ),
                        [("member-file-gdpr", MEDIUM)],
                    ),
                    choice(
                        "no",
                        "Non, ou je ne sais pas",
                        "No, or I do not know",
                        0,
                        (
                            "Vous ne savez pas bien quelles informations personnelles vous "
                            "gardez, ni pourquoi.",
                            "You do not really know which personal information you keep, or why.",
                        ),
                        [("member-file-gdpr", MEDIUM)],
                    ),
                ],
            },
        ],
    },
]

TEXT_FIELDS = {
    "axis": ("name", "short_name", "intro", "low", "mid", "high"),
    "question": ("text", "help"),
    "choice": ("label", "finding"),
}


def _french(text: str) -> str:
    """French typography: no line break before ? ! : ; (a no-break space instead)."""
    return re.sub(r" ([?!:;])", "\u00a0\\1", text)


def _texts(data: dict, kind: str) -> dict:
    texts = {}
    for name in TEXT_FIELDS[kind]:
        texts[f"{name}_fr"] = _french(data[f"{name}_fr"])
        texts[f"{name}_en"] = data[f"{name}_en"]
    return texts


def load(apps) -> None:
    """Create or update the shipped questionnaire (idempotent: staff additions stay)."""
    Axis = apps.get_model("diagnosis", "Axis")
    Question = apps.get_model("diagnosis", "Question")
    Choice = apps.get_model("diagnosis", "Choice")
    Suggestion = apps.get_model("diagnosis", "Suggestion")
    NextLevel = apps.get_model("diagnosis", "NextLevel")
    MissionTemplate = apps.get_model("missions", "MissionTemplate")
    templates = {t.slug: t for t in MissionTemplate.objects.all()}
    for axis_order, axis_data in enumerate(AXES):
        axis, _ = Axis.objects.update_or_create(
            slug=axis_data["slug"], defaults={"order": axis_order, **_texts(axis_data, "axis")}
        )
        NextLevel.objects.filter(axis=axis).delete()
        for order, (slug, ease, why_fr, why_en) in enumerate(axis_data["next_levels"]):
            NextLevel.objects.create(
                axis=axis,
                template=templates[slug],
                order=order,
                ease=ease,
                why_fr=why_fr,
                why_en=why_en,
            )
        for order, question_data in enumerate(axis_data["questions"]):
            question, _ = Question.objects.update_or_create(
                slug=question_data["slug"],
                defaults={
                    "axis": axis,
                    "order": order,
                    "weight": question_data["weight"],
                    **_texts(question_data, "question"),
                },
            )
            for choice_order, choice_data in enumerate(question_data["choices"]):
                answer, _ = Choice.objects.update_or_create(
                    question=question,
                    value=choice_data["value"],
                    defaults={
                        "order": choice_order,
                        "score": choice_data["score"],
                        **_texts(choice_data, "choice"),
                    },
                )
                Suggestion.objects.filter(choice=answer).delete()
                Suggestion.objects.bulk_create(
                    Suggestion(choice=answer, template=templates[slug], ease=ease)
                    for slug, ease in choice_data["suggest"]
                )
