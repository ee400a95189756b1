"""The shipped taxonomy, loaded by a data migration (and editable in the admin after)."""

DOMAINS = [
    # slug, French, English, [(skill slug, French, English)]
    (
        "graphic-design",
        "Graphisme",
        "Graphic design",
        [
            ("logo", "Logo et identité visuelle", "Logo and visual identity"),
            (
                "print-layout",
                "Mise en page (affiches, flyers, rapports)",
                "Layout (posters, flyers, reports)",
            ),
            ("illustration", "Illustration", "Illustration"),
            ("figma", "Figma", "Figma"),
            (
                "adobe-suite",
                "Suite Adobe (Illustrator, InDesign, Photoshop)",
                "Adobe suite (Illustrator, InDesign, Photoshop)",
            ),
            ("canva", "Canva", "Canva"),
        ],
    ),
    (
        "web",
        "Web",
        "Web",
        [
            ("wordpress", "WordPress", "WordPress"),
            (
                "website-builder",
                "Création de site sans code (Wix, Squarespace…)",
                "No-code websites (Wix, Squarespace…)",
            ),
            ("html-css", "HTML et CSS", "HTML and CSS"),
            ("javascript", "JavaScript", "JavaScript"),
            ("python", "Python", "Python"),
            ("php", "PHP", "PHP"),
            (
                "automation",
                "Automatisation (Zapier, Make, scripts)",
                "Automation (Zapier, Make, scripts)",
            ),
            (
                "online-payments",
                "Adhésions et dons en ligne (HelloAsso…)",
                "Online memberships and donations (HelloAsso…)",
            ),
        ],
    ),
    (
        "communication",
        "Communication",
        "Communication",
        [
            ("social-media", "Réseaux sociaux", "Social media"),
            ("editorial-calendar", "Calendrier éditorial", "Editorial calendar"),
            ("copywriting", "Rédaction web", "Web copywriting"),
            ("seo", "Référencement (SEO)", "Search engine optimisation (SEO)"),
            ("newsletter", "Lettre d’information", "Newsletter"),
            ("press-relations", "Relations presse", "Press relations"),
        ],
    ),
    (
        "audiovisual",
        "Audiovisuel",
        "Audiovisual",
        [
            ("video-editing", "Montage vidéo", "Video editing"),
            ("filming", "Tournage", "Filming"),
            ("photography", "Photographie", "Photography"),
            ("motion-design", "Animation (motion design)", "Motion design"),
            ("podcast", "Podcast et son", "Podcast and sound"),
        ],
    ),
    (
        "data-office",
        "Données et bureautique",
        "Data and office tools",
        [
            (
                "spreadsheets",
                "Tableurs (Excel, LibreOffice, Google Sheets)",
                "Spreadsheets (Excel, LibreOffice, Google Sheets)",
            ),
            ("accounting-basics", "Comptabilité simple", "Basic bookkeeping"),
            ("databases", "Bases de données et fichiers adhérents", "Databases and member files"),
            (
                "dashboards",
                "Tableaux de bord et visualisation",
                "Dashboards and data visualisation",
            ),
            ("gdpr", "RGPD et protection des données", "GDPR and data protection"),
            (
                "collaborative-tools",
                "Outils collaboratifs (agenda, partage de fichiers)",
                "Collaborative tools (calendars, file sharing)",
            ),
        ],
    ),
    (
        "ux-accessibility",
        "Expérience utilisateur et accessibilité",
        "UX and accessibility",
        [
            ("ux-research", "Recherche utilisateur", "User research"),
            ("ux-design", "Conception d’interfaces (UX/UI)", "Interface design (UX/UI)"),
            ("accessibility", "Accessibilité numérique (RGAA)", "Digital accessibility (WCAG)"),
            ("usability-testing", "Tests d’utilisabilité", "Usability testing"),
        ],
    ),
    (
        "training",
        "Formation",
        "Training",
        [
            ("digital-workshops", "Animation d’ateliers numériques", "Running digital workshops"),
            ("tutorials", "Création de tutoriels", "Writing tutorials"),
            ("digital-inclusion", "Accompagnement des débutants", "Helping beginners"),
        ],
    ),
]

CAUSES = [
    ("sport", "Sport", "Sport"),
    ("culture", "Culture", "Culture"),
    ("social", "Social et solidarité", "Social and solidarity"),
    ("environment", "Environnement", "Environment"),
    ("education-youth", "Éducation et jeunesse", "Education and youth"),
    ("health-disability", "Santé et handicap", "Health and disability"),
    ("humanitarian", "Humanitaire", "Humanitarian"),
    ("citizenship", "Citoyenneté et vie de quartier", "Citizenship and neighbourhood"),
    ("animals", "Protection animale", "Animal welfare"),
    ("heritage", "Patrimoine", "Heritage"),
    ("leisure", "Loisirs", "Leisure"),
    ("social-economy", "Économie sociale et solidaire", "Social economy"),
]


def load(apps) -> None:
    SkillDomain = apps.get_model("taxonomy", "SkillDomain")
    Skill = apps.get_model("taxonomy", "Skill")
    Cause = apps.get_model("taxonomy", "Cause")
    for d_order, (slug, fr, en, skills) in enumerate(DOMAINS):
        domain, _ = SkillDomain.objects.update_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "order": d_order}
        )
        for s_order, (skill_slug, skill_fr, skill_en) in enumerate(skills):
            Skill.objects.update_or_create(
                slug=skill_slug,
                defaults={
                    "domain": domain,
                    "name_fr": skill_fr,
                    "name_en": skill_en,
                    "order": s_order,
                },
            )
    for order, (slug, fr, en) in enumerate(CAUSES):
        Cause.objects.update_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "order": order}
        )
