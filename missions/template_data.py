"""The shipped catalogue of mission templates, loaded by a data migration (editable after).

Each template says, in plain words and in both languages, what the need usually looks like,
what the association receives at the end (one deliverable per line) and why it helps; plus
a typical effort range in hours, where the work happens and the skills it calls for (slugs
of taxonomy/data.py).
"""

TEMPLATES = [
    {
        "slug": "logo-visual-identity",
        "domain": "graphic-design",
        "skills": ["logo", "illustration", "adobe-suite"],
        "effort": (15, 30),
        "work_mode": "remote",
        "title_fr": "Logo et couleurs de l’association",
        "title_en": "Logo and visual identity",
        "need_fr": (
            "Notre club existe depuis 20 ans mais notre logo a été dessiné à la main et ne "
            "s’imprime pas bien. Nous aimerions un logo simple, reconnaissable, avec nos "
            "couleurs, utilisable sur les affiches, les maillots et Facebook."
        ),
        "need_en": (
            "Our club is 20 years old but our logo was hand-drawn and does not print well. We "
            "would like a simple, recognisable logo in our colours that works on posters, "
            "shirts and Facebook."
        ),
        "deliverables_fr": (
            "Deux ou trois pistes de logo à choisir\n"
            "Le logo final en couleur, en noir et en blanc\n"
            "Les fichiers pour l’imprimeur et pour l’écran\n"
            "Une page qui explique les couleurs et les polices à utiliser"
        ),
        "deliverables_en": (
            "Two or three logo ideas to choose from\n"
            "The final logo in colour, black and white\n"
            "Files for print (PDF, SVG) and for screens (PNG)\n"
            "One page explaining which colours and fonts to use"
        ),
        "outcome_fr": (
            "Votre association aura une image claire et reconnaissable, la même partout : "
            "affiches, site, réseaux sociaux, papiers officiels. Vous garderez tous les "
            "fichiers et pourrez les donner à n’importe quel imprimeur."
        ),
        "outcome_en": (
            "Your association gets a clear, recognisable image, the same everywhere: posters, "
            "website, social media, official papers. You keep every file and can hand it to "
            "any printer."
        ),
    },
    {
        "slug": "showcase-website",
        "domain": "web",
        "skills": ["website-builder", "wordpress", "copywriting"],
        "effort": (30, 60),
        "work_mode": "remote",
        "title_fr": "Site internet vitrine",
        "title_en": "Showcase website",
        "need_fr": (
            "Nous n’avons pas de site internet. Les familles nous demandent toujours les "
            "horaires, les tarifs et comment nous contacter. Nous voudrions un petit site que "
            "nous pourrons mettre à jour nous-mêmes."
        ),
        "need_en": (
            "We have no website. Families keep asking for our opening hours, prices and how to "
            "reach us. We would like a small website that we can update ourselves."
        ),
        "deliverables_fr": (
            "Un site de 4 à 6 pages (accueil, activités, agenda, contact…)\n"
            "Un site lisible sur téléphone\n"
            "Le nom de domaine et l’hébergement mis en place au nom de l’association\n"
            "Une heure de prise en main et un petit guide pour modifier les pages"
        ),
        "deliverables_en": (
            "A 4 to 6 page website (home, activities, calendar, contact…)\n"
            "A site that reads well on phones\n"
            "Domain name and hosting set up in the association’s name\n"
            "A one-hour hand-over and a short guide to edit the pages"
        ),
        "outcome_fr": (
            "Les personnes qui vous cherchent sur internet trouveront enfin les bonnes "
            "informations. Vous répondrez moins souvent aux mêmes questions et vous pourrez "
            "changer vous-mêmes un horaire ou une date."
        ),
        "outcome_en": (
            "People looking for you online finally find the right information. You answer the "
            "same questions less often and can change a time or a date yourselves."
        ),
    },
    {
        "slug": "website-refresh",
        "domain": "web",
        "skills": ["wordpress", "html-css", "ux-design"],
        "effort": (15, 35),
        "work_mode": "remote",
        "title_fr": "Rafraîchir un site existant",
        "title_en": "Refresh an existing website",
        "need_fr": (
            "Notre site a été fait il y a dix ans par un ancien bénévole. Il est lent, "
            "illisible sur téléphone et plus personne ne sait le modifier. Nous voulons le "
            "remettre au goût du jour sans tout recommencer."
        ),
        "need_en": (
            "Our website was built ten years ago by a former volunteer. It is slow, unreadable "
            "on phones and nobody knows how to edit it any more. We want to bring it up to date "
            "without starting over."
        ),
        "deliverables_fr": (
            "Un bilan rapide de ce qui ne va pas\n"
            "Le site mis à jour, lisible sur téléphone\n"
            "Les textes et les images réorganisés\n"
            "Les accès remis à l’association et un guide pour modifier les pages"
        ),
        "deliverables_en": (
            "A short review of what is wrong\n"
            "The site updated and readable on phones\n"
            "Texts and pictures reorganised\n"
            "Access handed back to the association and a guide to edit the pages"
        ),
        "outcome_fr": (
            "Votre site redevient une vitrine dont vous êtes fiers, rapide et lisible partout, "
            "et vous reprenez la main dessus."
        ),
        "outcome_en": (
            "Your website becomes a showcase you are proud of again, fast and readable "
            "everywhere, and you are back in control of it."
        ),
    },
    {
        "slug": "social-media-calendar",
        "domain": "communication",
        "skills": ["social-media", "editorial-calendar", "canva"],
        "effort": (15, 30),
        "work_mode": "remote",
        "title_fr": "Page sur les réseaux sociaux et calendrier de publications sur 3 mois",
        "title_en": "Social media page and a 3-month posting calendar",
        "need_fr": (
            "Nous avons une page Facebook que personne n’alimente. Nous aimerions savoir quoi "
            "publier, quand, et avoir des modèles de publications faciles à reprendre."
        ),
        "need_en": (
            "We have a Facebook page that nobody updates. We would like to know what to post "
            "and when, and to have post templates that are easy to reuse."
        ),
        "deliverables_fr": (
            "La page créée ou remise en ordre (photo, présentation, coordonnées)\n"
            "Un calendrier de publications pour les 3 prochains mois\n"
            "Dix modèles de publications à personnaliser (Canva ou équivalent)\n"
            "Une fiche « comment publier en 5 minutes »"
        ),
        "deliverables_en": (
            "The page created or tidied up (picture, description, contact details)\n"
            "A posting calendar for the next 3 months\n"
            "Ten post templates to customise (Canva or similar)\n"
            "A “how to post in 5 minutes” sheet"
        ),
        "outcome_fr": (
            "Vous saurez quoi publier chaque semaine sans y passer vos soirées, et votre "
            "association sera plus visible auprès des habitants et des futurs bénévoles."
        ),
        "outcome_en": (
            "You will know what to post each week without spending your evenings on it, and "
            "your association will be more visible to residents and future volunteers."
        ),
    },
    {
        "slug": "event-poster",
        "domain": "graphic-design",
        "skills": ["print-layout", "canva", "illustration"],
        "effort": (5, 12),
        "work_mode": "remote",
        "title_fr": "Affiche et tract pour un événement",
        "title_en": "Event poster or flyer",
        "need_fr": (
            "Nous organisons notre fête de quartier le 14 juin. Il nous faut une affiche pour "
            "les commerçants et un tract à distribuer dans les boîtes aux lettres."
        ),
        "need_en": (
            "We are holding our neighbourhood party on 14 June. We need a poster for the local "
            "shops and a flyer to put in letterboxes."
        ),
        "deliverables_fr": (
            "Une affiche A3 prête à imprimer\n"
            "Un tract A5 recto verso prêt à imprimer\n"
            "Une version pour les réseaux sociaux\n"
            "Le fichier modifiable pour les prochaines éditions"
        ),
        "deliverables_en": (
            "An A3 poster ready to print\n"
            "A double-sided A5 flyer ready to print\n"
            "A version for social media\n"
            "The editable file for next year’s event"
        ),
        "outcome_fr": (
            "Une affiche qui donne envie de venir, lisible de loin, et un modèle que vous "
            "pourrez réutiliser chaque année en changeant seulement la date."
        ),
        "outcome_en": (
            "A poster that makes people want to come, readable from afar, and a template you "
            "can reuse every year by changing only the date."
        ),
    },
    {
        "slug": "online-memberships-donations",
        "domain": "web",
        "skills": ["online-payments", "copywriting"],
        "effort": (8, 20),
        "work_mode": "remote",
        "title_fr": "Adhésions et dons en ligne",
        "title_en": "Online memberships and donations",
        "need_fr": (
            "Les adhésions se font encore par chèque et sur papier. Nous voudrions que les "
            "familles puissent adhérer et faire un don en ligne, avec un reçu automatique."
        ),
        "need_en": (
            "Memberships are still paid by cheque on paper forms. We would like families to be "
            "able to join and donate online, with an automatic receipt."
        ),
        "deliverables_fr": (
            "Un formulaire d’adhésion en ligne (HelloAsso ou équivalent gratuit)\n"
            "Une page de dons avec reçu fiscal si l’association y a droit\n"
            "Les liens ajoutés au site et aux réseaux sociaux\n"
            "Une fiche pour retrouver la liste des adhérents et les paiements"
        ),
        "deliverables_en": (
            "An online membership form (HelloAsso or a similar free service)\n"
            "A donation page with tax receipts if the association is eligible\n"
            "Links added to the website and social media\n"
            "A sheet explaining how to find the member list and payments"
        ),
        "outcome_fr": (
            "Moins de chèques à déposer et de fiches à recopier : les adhésions et les dons "
            "arrivent directement, avec la liste à jour des adhérents."
        ),
        "outcome_en": (
            "Fewer cheques to bank and forms to copy out: memberships and donations come in "
            "directly, with an up-to-date member list."
        ),
    },
    {
        "slug": "accounting-spreadsheet",
        "domain": "data-office",
        "skills": ["spreadsheets", "accounting-basics"],
        "effort": (8, 20),
        "work_mode": "hybrid",
        "title_fr": "Tableau simple pour les comptes",
        "title_en": "Simple accounting spreadsheet",
        "need_fr": (
            "Notre trésorière tient les comptes dans un cahier. Elle aimerait un tableau simple "
            "où noter les recettes et les dépenses, qui fasse les totaux tout seul pour "
            "l’assemblée générale."
        ),
        "need_en": (
            "Our treasurer keeps the accounts in a notebook. She would like a simple spreadsheet "
            "to record income and expenses that adds up the totals for the annual meeting."
        ),
        "deliverables_fr": (
            "Un tableau des recettes et des dépenses, avec des catégories\n"
            "Les totaux par mois et pour l’année, calculés tout seuls\n"
            "Un bilan prêt pour l’assemblée générale\n"
            "Une séance d’explication avec la personne qui tient les comptes"
        ),
        "deliverables_en": (
            "A spreadsheet of income and expenses, with categories\n"
            "Monthly and yearly totals calculated automatically\n"
            "A summary ready for the annual general meeting\n"
            "A session explaining it to the person who keeps the accounts"
        ),
        "outcome_fr": (
            "Des comptes clairs, à jour, que n’importe quel membre du bureau peut comprendre, "
            "et une assemblée générale préparée en quelques minutes."
        ),
        "outcome_en": (
            "Clear, up-to-date accounts that any board member can understand, and an annual "
            "meeting prepared in minutes."
        ),
    },
    {
        "slug": "member-file-gdpr",
        "domain": "data-office",
        "skills": ["databases", "gdpr", "spreadsheets"],
        "effort": (10, 25),
        "work_mode": "hybrid",
        "title_fr": "Fichier des adhérents et protection de leurs données",
        "title_en": "Member file and GDPR register",
        "need_fr": (
            "Nos adhérents sont répartis dans trois fichiers différents et nous ne savons pas "
            "ce que la loi nous demande pour protéger leurs données."
        ),
        "need_en": (
            "Our members are spread across three different files and we do not know what the law "
            "asks of us to protect their data."
        ),
        "deliverables_fr": (
            "Un seul fichier des adhérents, propre et sans doublons\n"
            "Le registre des données personnelles que la loi demande (le « registre "
            "RGPD »), rempli\n"
            "Un texte d’information à donner aux adhérents\n"
            "Des conseils simples pour ranger et protéger le fichier"
        ),
        "deliverables_en": (
            "One clean member file without duplicates\n"
            "The record of processing activities required by the GDPR, filled in\n"
            "A privacy notice to give to members\n"
            "Simple advice to store and protect the file"
        ),
        "outcome_fr": (
            "Vous saurez qui sont vos adhérents d’un coup d’œil, et vous serez en règle avec la "
            "loi sur les données personnelles."
        ),
        "outcome_en": (
            "You will see who your members are at a glance, and you will comply with the law on "
            "personal data."
        ),
    },
    {
        "slug": "collaborative-tools",
        "domain": "data-office",
        "skills": ["collaborative-tools", "tutorials", "digital-inclusion"],
        "effort": (8, 20),
        "work_mode": "hybrid",
        "title_fr": "Mise en place d’outils pour travailler ensemble",
        "title_en": "Setting up tools to work together",
        "need_fr": (
            "Les documents du bureau circulent par e-mail et on ne sait jamais quelle est la "
            "bonne version. Nous voudrions un agenda partagé et un espace commun pour nos "
            "fichiers."
        ),
        "need_en": (
            "Board documents go back and forth by e-mail and nobody knows which version is the "
            "right one. We would like a shared calendar and a common space for our files."
        ),
        "deliverables_fr": (
            "Un espace de partage de fichiers rangé par dossiers\n"
            "Un agenda partagé pour les réunions et les événements\n"
            "Les comptes créés pour les membres du bureau\n"
            "Un petit guide illustré pour chaque outil"
        ),
        "deliverables_en": (
            "A file-sharing space organised in folders\n"
            "A shared calendar for meetings and events\n"
            "Accounts created for board members\n"
            "A short illustrated guide for each tool"
        ),
        "outcome_fr": (
            "Tout le monde trouve le bon document et la bonne date au même endroit, sans "
            "chaîne d’e-mails."
        ),
        "outcome_en": (
            "Everyone finds the right document and the right date in the same place, without "
            "e-mail chains."
        ),
    },
    {
        "slug": "digital-workshop",
        "domain": "training",
        "skills": ["digital-workshops", "digital-inclusion", "tutorials"],
        "effort": (6, 15),
        "work_mode": "onsite",
        "title_fr": "Atelier numérique pour les bénévoles (sur place)",
        "title_en": "Digital workshop for the volunteers (on site)",
        "need_fr": (
            "Plusieurs de nos bénévoles sont à la retraite et ont peur de l’ordinateur. Nous "
            "aimerions un atelier patient, dans nos locaux, pour apprendre à lire ses e-mails "
            "et ouvrir un document partagé."
        ),
        "need_en": (
            "Several of our volunteers are retired and afraid of computers. We would like a "
            "patient workshop on our premises to learn to read e-mail and open a shared document."
        ),
        "deliverables_fr": (
            "Un ou deux ateliers de deux heures dans vos locaux\n"
            "Un déroulé adapté au niveau des participants\n"
            "Des fiches pas à pas à garder après l’atelier"
        ),
        "deliverables_en": (
            "One or two two-hour workshops on your premises\n"
            "A programme suited to the participants’ level\n"
            "Step-by-step sheets to keep after the workshop"
        ),
        "outcome_fr": (
            "Vos bénévoles gagnent en confiance et en autonomie ; le numérique devient une aide "
            "et non plus une source de stress."
        ),
        "outcome_en": (
            "Your volunteers gain confidence and independence; digital tools become a help "
            "rather than a source of stress."
        ),
    },
    {
        "slug": "newsletter",
        "domain": "communication",
        "skills": ["newsletter", "copywriting", "canva"],
        "effort": (8, 16),
        "work_mode": "remote",
        "title_fr": "Lettre d’information par e-mail",
        "title_en": "E-mail newsletter",
        "need_fr": (
            "Nous voulons donner des nouvelles à nos adhérents et donateurs une fois par mois, "
            "avec une jolie lettre par e-mail plutôt qu’un long message."
        ),
        "need_en": (
            "We want to give our members and donors news once a month with a nice e-mail "
            "newsletter rather than a long message."
        ),
        "deliverables_fr": (
            "Un outil d’envoi gratuit mis en place avec la liste des inscrits\n"
            "Un modèle de lettre à vos couleurs\n"
            "La première lettre rédigée et envoyée avec vous\n"
            "Un formulaire d’inscription à mettre sur le site"
        ),
        "deliverables_en": (
            "A free mailing tool set up with the subscriber list\n"
            "A newsletter template in your colours\n"
            "The first newsletter written and sent with you\n"
            "A sign-up form to put on the website"
        ),
        "outcome_fr": (
            "Vos adhérents et donateurs restent proches de l’association et savent ce que leur "
            "soutien permet de faire."
        ),
        "outcome_en": (
            "Your members and donors stay close to the association and see what their support "
            "makes possible."
        ),
    },
    {
        "slug": "presentation-video",
        "domain": "audiovisual",
        "skills": ["filming", "video-editing", "motion-design"],
        "effort": (20, 40),
        "work_mode": "hybrid",
        "title_fr": "Vidéo de présentation de l’association",
        "title_en": "Presentation video of the association",
        "need_fr": (
            "Pour nos demandes de subventions et nos réseaux sociaux, nous aimerions une courte "
            "vidéo qui montre nos actions et donne la parole aux bénéficiaires."
        ),
        "need_en": (
            "For our grant applications and social media, we would like a short video that "
            "shows what we do and lets the people we help speak."
        ),
        "deliverables_fr": (
            "Un tournage d’une demi-journée pendant une activité\n"
            "Une vidéo de 2 à 3 minutes, sous-titrée\n"
            "Une version courte de 30 secondes pour les réseaux sociaux\n"
            "Les fichiers vidéo remis à l’association"
        ),
        "deliverables_en": (
            "Half a day of filming during an activity\n"
            "A 2 to 3 minute video with subtitles\n"
            "A 30-second short version for social media\n"
            "The video files handed to the association"
        ),
        "outcome_fr": (
            "Une vidéo qui touche, à montrer aux financeurs, aux partenaires et aux futurs "
            "bénévoles, et qui dit en trois minutes pourquoi votre association compte."
        ),
        "outcome_en": (
            "A moving video to show funders, partners and future volunteers, saying in three "
            "minutes why your association matters."
        ),
    },
    {
        "slug": "event-photo-report",
        "domain": "audiovisual",
        "skills": ["photography"],
        "effort": (5, 12),
        "work_mode": "onsite",
        "title_fr": "Reportage photo d’un événement (sur place)",
        "title_en": "Event photo report (on site)",
        "need_fr": (
            "Notre tournoi annuel a lieu le 20 septembre. Nous n’avons jamais de belles photos "
            "de nos événements pour le site, la presse et le rapport d’activité."
        ),
        "need_en": (
            "Our annual tournament takes place on 20 September. We never have good photos of our "
            "events for the website, the press and the annual report."
        ),
        "deliverables_fr": (
            "La présence d’un ou une photographe pendant l’événement\n"
            "Une sélection de 30 à 50 photos retouchées\n"
            "Les photos en haute définition et en version légère pour internet\n"
            "Le rappel des autorisations de droit à l’image à faire signer"
        ),
        "deliverables_en": (
            "A photographer present during the event\n"
            "A selection of 30 to 50 edited photos\n"
            "High-resolution and web-friendly versions of the photos\n"
            "A reminder of the image-rights consent forms to have signed"
        ),
        "outcome_fr": (
            "De belles images de votre association en action, prêtes pour le site, les réseaux, "
            "la presse et les dossiers de subvention."
        ),
        "outcome_en": (
            "Good pictures of your association in action, ready for the website, social media, "
            "the press and grant applications."
        ),
    },
    {
        "slug": "accessibility-audit",
        "domain": "ux-accessibility",
        "skills": ["accessibility", "usability-testing", "ux-research"],
        "effort": (10, 25),
        "work_mode": "remote",
        "title_fr": "Vérifier que notre site est facile à utiliser et accessible",
        "title_en": "Accessibility and usability audit of our website",
        "need_fr": (
            "Des personnes âgées et malvoyantes nous disent qu’elles n’arrivent pas à s’inscrire "
            "sur notre site. Nous voulons savoir ce qui les bloque et comment le corriger."
        ),
        "need_en": (
            "Older and visually impaired people tell us they cannot sign up on our website. We "
            "want to know what stops them and how to fix it."
        ),
        "deliverables_fr": (
            "Un test du site avec quelques personnes de votre public\n"
            "Un contrôle des principales règles d’accessibilité (RGAA)\n"
            "Une liste des problèmes, du plus urgent au moins urgent\n"
            "Des solutions concrètes pour chaque problème"
        ),
        "deliverables_en": (
            "A test of the site with a few people from your audience\n"
            "A check of the main accessibility rules (WCAG)\n"
            "A list of problems, from most to least urgent\n"
            "Concrete fixes for each problem"
        ),
        "outcome_fr": (
            "Un site que tout votre public peut utiliser, y compris les personnes âgées ou en "
            "situation de handicap, et une liste claire de ce qu’il faut corriger."
        ),
        "outcome_en": (
            "A website your whole audience can use, including older and disabled people, and a "
            "clear list of what to fix."
        ),
    },
    {
        "slug": "activity-report-layout",
        "domain": "graphic-design",
        "skills": ["print-layout", "adobe-suite", "dashboards"],
        "effort": (10, 20),
        "work_mode": "remote",
        "title_fr": "Mise en page du rapport d’activité",
        "title_en": "Annual activity report layout",
        "need_fr": (
            "Notre rapport d’activité est un long document Word difficile à lire. Nous "
            "voudrions une mise en page agréable, avec des chiffres clés et des photos, à "
            "envoyer à nos financeurs."
        ),
        "need_en": (
            "Our activity report is a long Word document that is hard to read. We would like a "
            "pleasant layout with key figures and photos to send to our funders."
        ),
        "deliverables_fr": (
            "Une maquette du rapport à vos couleurs\n"
            "Les chiffres clés présentés en graphiques simples\n"
            "Le rapport final en PDF, pour l’écran et pour l’impression\n"
            "Le modèle modifiable pour l’année prochaine"
        ),
        "deliverables_en": (
            "A report layout in your colours\n"
            "Key figures shown as simple charts\n"
            "The final report as a PDF for screen and print\n"
            "The editable template for next year"
        ),
        "outcome_fr": (
            "Un rapport que l’on a envie de lire, qui met en valeur votre travail auprès des "
            "financeurs et des partenaires."
        ),
        "outcome_en": (
            "A report people want to read, showing your work at its best to funders and partners."
        ),
    },
    {
        "slug": "custom-automation",
        "domain": "web",
        "skills": ["automation", "python", "javascript"],
        "effort": (15, 40),
        "work_mode": "remote",
        "title_fr": "Petite automatisation ou application sur mesure",
        "title_en": "Small custom automation or app",
        "need_fr": (
            "Chaque semaine, nous recopions à la main les inscriptions du formulaire dans un "
            "tableau puis envoyons un e-mail de confirmation à chacun. Nous aimerions que cela "
            "se fasse tout seul."
        ),
        "need_en": (
            "Every week we copy the form sign-ups into a spreadsheet by hand and then send each "
            "person a confirmation e-mail. We would like this to happen on its own."
        ),
        "deliverables_fr": (
            "Une description simple de la tâche à automatiser\n"
            "L’automatisation en place et testée avec vous\n"
            "Un guide pour la surveiller et la modifier\n"
            "Les accès et le code remis à l’association"
        ),
        "deliverables_en": (
            "A plain description of the task to automate\n"
            "The automation in place and tested with you\n"
            "A guide to monitor and change it\n"
            "Access and code handed to the association"
        ),
        "outcome_fr": (
            "Des heures de bénévolat libérées chaque mois pour ce qui compte vraiment, et moins "
            "d’erreurs de recopie."
        ),
        "outcome_en": (
            "Hours of volunteer time freed every month for what really matters, and fewer "
            "copying mistakes."
        ),
    },
    {
        "slug": "impact-dashboard",
        "domain": "data-office",
        "skills": ["dashboards", "spreadsheets"],
        "effort": (15, 30),
        "work_mode": "remote",
        "title_fr": "Tableau de bord de notre impact",
        "title_en": "Impact data dashboard",
        "need_fr": (
            "Nos financeurs nous demandent des chiffres : personnes accompagnées, repas servis, "
            "heures de bénévolat. Nous les avons, mais éparpillés. Nous voudrions les voir "
            "en un coup d’œil."
        ),
        "need_en": (
            "Our funders ask for figures: people supported, meals served, volunteer hours. We "
            "have them, but scattered. We would like to see them at a glance."
        ),
        "deliverables_fr": (
            "La liste des chiffres qui comptent pour vous et vos financeurs\n"
            "Un tableau pour les saisir facilement chaque mois\n"
            "Un tableau de bord avec des graphiques qui se mettent à jour\n"
            "Une séance de prise en main"
        ),
        "deliverables_en": (
            "The list of figures that matter to you and your funders\n"
            "A spreadsheet to enter them easily each month\n"
            "A dashboard with charts that update themselves\n"
            "A hand-over session"
        ),
        "outcome_fr": (
            "Vous montrez votre utilité avec des chiffres clairs et des graphiques, en quelques "
            "minutes, au lieu de chercher dans vos fichiers avant chaque dossier."
        ),
        "outcome_en": (
            "You show your value with clear figures and charts in minutes, instead of digging "
            "through files before every application."
        ),
    },
    {
        "slug": "web-writing-seo",
        "domain": "communication",
        "skills": ["copywriting", "seo"],
        "effort": (10, 20),
        "work_mode": "remote",
        "title_fr": "Textes du site, pour être trouvé sur internet",
        "title_en": "Web writing and search engine optimisation",
        "need_fr": (
            "Quand on cherche « aide aux devoirs » et le nom de notre ville, notre association "
            "n’apparaît pas. Nos textes sont longs et ne donnent pas envie de nous contacter."
        ),
        "need_en": (
            "When people search for “homework help” and our town, our association does not show "
            "up. Our texts are long and do not make people want to contact us."
        ),
        "deliverables_fr": (
            "Les mots que votre public tape pour vous trouver\n"
            "Les textes des pages principales réécrits, courts et clairs\n"
            "Les titres et descriptions des pages améliorés pour les moteurs de recherche\n"
            "La fiche de l’association sur les cartes en ligne créée ou complétée"
        ),
        "deliverables_en": (
            "The words your audience types to find you\n"
            "The main pages rewritten, short and clear\n"
            "Page titles and descriptions improved for search engines\n"
            "The association’s listing on online maps created or completed"
        ),
        "outcome_fr": (
            "Les personnes qui ont besoin de vous vous trouvent plus facilement, et vos pages "
            "donnent envie de vous contacter."
        ),
        "outcome_en": (
            "People who need you find you more easily, and your pages make them want to get in "
            "touch."
        ),
    },
]


def load(apps) -> None:
    """Create or update the shipped templates (idempotent: staff edits to other rows stay)."""
    MissionTemplate = apps.get_model("missions", "MissionTemplate")
    SkillDomain = apps.get_model("taxonomy", "SkillDomain")
    Skill = apps.get_model("taxonomy", "Skill")
    domains = {d.slug: d for d in SkillDomain.objects.all()}
    skills = {s.slug: s for s in Skill.objects.all()}
    for order, data in enumerate(TEMPLATES):
        effort_min, effort_max = data["effort"]
        template, _ = MissionTemplate.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "domain": domains[data["domain"]],
                "effort_min": effort_min,
                "effort_max": effort_max,
                "work_mode": data["work_mode"],
                "order": order,
                **{
                    f"{field}_{language}": data[f"{field}_{language}"]
                    for field in ("title", "need", "deliverables", "outcome")
                    for language in ("fr", "en")
                },
            },
        )
        template.skills.set([skills[slug] for slug in data["skills"]])
