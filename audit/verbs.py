"""Every kind of audit event, declared once: its French label and what its data holds.

Events store codes and numbers only; the staff pages turn them into words in the reader's
language with this table. Add a verb here before logging it (`audit.log` refuses unknown
verbs and undeclared data keys). A field marked `personal` holds words someone wrote (a
moderator's reason); it is erased when its author deletes the account.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    # Turns codes into words: a dotted path to a TextChoices (read when a page is shown,
    # so this module imports no other app), or a dict.
    choices: str | dict = ""
    personal: bool = False
    # The id of a row shown by its name when a page is read ("app_label.model").
    model: str = ""


@dataclass(frozen=True)
class Verb:
    label: str
    fields: tuple[Field, ...] = ()


MISSION_STATUS = "missions.models.Status"
FROM_STATUS = Field("from", _("état précédent"), MISSION_STATUS)
MODERATION_REASON = Field("reason", _("motif"), personal=True)
MISSION = Field("mission", _("mission n°"))
# A moderator's reason is kept when staff move a mission (sent back, cancelled…).
MISSION_FIELDS = (FROM_STATUS, MODERATION_REASON)
USER = Field("user", _("personne n°"))
ROLE = Field("role", _("rôle"), "organizations.models.Membership.Role")
WHO = Field(
    "side",
    _("confirmé par"),
    {
        "volunteer": _("le ou la bénévole"),
        "organization": _("l’association"),
        "cosigner": _("l’enseignant·e"),
    },
)
HOURS = Field("hours", _("heures"))
COHORT = Field("cohort", _("promotion n°"))
QUESTION_FROM = Field("from", _("état précédent"), "quickhelp.models.Question.Status")

VERBS: dict[str, Verb] = {
    # Missions: one verb per state reached (missions.lifecycle.mission_transition).
    "mission.created": Verb(_("Mission créée")),
    "mission.draft": Verb(_("Mission remise en brouillon"), MISSION_FIELDS),
    "mission.submitted": Verb(_("Mission envoyée pour validation"), MISSION_FIELDS),
    "mission.open": Verb(_("Mission publiée"), MISSION_FIELDS),
    "mission.in_progress": Verb(_("Mission commencée"), MISSION_FIELDS),
    "mission.delivered": Verb(_("Mission livrée"), MISSION_FIELDS),
    "mission.completed": Verb(_("Mission terminée"), MISSION_FIELDS),
    "mission.cancelled": Verb(_("Mission annulée"), MISSION_FIELDS),
    "mission.expired": Verb(_("Mission expirée"), MISSION_FIELDS),
    # Applications and invitations (engagements).
    "application.created": Verb(_("Candidature envoyée"), (MISSION,)),
    "application.invited": Verb(_("Bénévole invité"), (MISSION, USER)),
    "application.accepted": Verb(_("Candidature acceptée"), (MISSION,)),
    "application.declined": Verb(_("Candidature déclinée"), (MISSION,)),
    "application.withdrawn": Verb(_("Candidature retirée"), (MISSION,)),
    "application.expired": Verb(_("Candidature expirée sans réponse"), (MISSION,)),
    "invitation.accepted": Verb(_("Invitation acceptée par le bénévole"), (MISSION,)),
    "invitation.declined": Verb(_("Invitation déclinée par le bénévole"), (MISSION,)),
    "agreement.confirmed": Verb(_("Accord de mission confirmé"), (MISSION, WHO)),
    # The end of the work (completion).
    "work.delivered": Verb(_("Travail remis"), (MISSION, HOURS)),
    "completion.confirmed": Verb(_("Fin de mission confirmée"), (MISSION, HOURS)),
    "completion.changes_requested": Verb(_("Modifications demandées"), (MISSION,)),
    "review.published": Verb(
        _("Avis publié"),
        (MISSION, Field("direction", _("sens"), "completion.models.Review.Direction")),
    ),
    # Organisations and their members.
    "organization.verified": Verb(_("Organisation vérifiée"), (MODERATION_REASON,)),
    "organization.refused": Verb(_("Vérification refusée"), (MODERATION_REASON,)),
    "membership.added": Verb(_("Membre ajouté"), (USER, ROLE)),
    "membership.removed": Verb(_("Membre retiré"), (USER, ROLE)),
    "membership.role_changed": Verb(_("Rôle d’un membre changé"), (USER, ROLE)),
    "org_invitation.sent": Verb(_("Invitation à rejoindre envoyée"), (ROLE,)),
    "org_invitation.cancelled": Verb(_("Invitation à rejoindre annulée"), (ROLE,)),
    "org_invitation.accepted": Verb(_("Invitation à rejoindre acceptée"), (USER, ROLE)),
    # Schools: cohorts and the students in them (`user` is the student).
    "cohort.created": Verb(_("Promotion créée")),
    "cohort.updated": Verb(
        _("Promotion modifiée"),
        (
            Field(
                "fields",
                _("champs modifiés"),
                {
                    "name": _("nom de la promotion"),
                    "programme": _("formation"),
                    "level": _("niveau"),
                    "year": _("année scolaire"),
                },
            ),
            Field("teachers_added", _("enseignant·es ajouté·es n°")),
            Field("teachers_removed", _("enseignant·es retiré·es n°")),
        ),
    ),
    "cohort.code_changed": Verb(_("Code d’invitation de la promotion changé")),
    "cohort.joined": Verb(_("Élève entré·e dans la promotion"), (USER,)),
    "cohort.left": Verb(_("Élève parti·e de la promotion"), (USER,)),
    "cohort.removed": Verb(_("Élève retiré·e de la promotion"), (USER,)),
    "cohort.readmitted": Verb(_("Élève remis·e dans la promotion"), (USER,)),
    "cohort.mission_pinned": Verb(_("Mission choisie pour la promotion"), (MISSION,)),
    "cohort.mission_unpinned": Verb(_("Mission retirée des choix de la promotion"), (MISSION,)),
    # Class projects: a cohort's team for a mission (`count`: how many students).
    "class_project.proposed": Verb(
        _("Projet de classe proposé"), (MISSION, Field("count", _("élèves")))
    ),
    "class_project.accepted": Verb(_("Projet de classe accepté"), (MISSION,)),
    "class_project.declined": Verb(_("Projet de classe décliné"), (MISSION,)),
    "class_project.withdrawn": Verb(_("Projet de classe retiré"), (MISSION,)),
    "class_project.completed": Verb(_("Projet de classe terminé"), (MISSION,)),
    "call.published": Verb(_("Appel à missions publié")),
    "call.closed": Verb(_("Appel à missions clos")),
    "call.mission_proposed": Verb(_("Mission proposée pour un appel"), (MISSION,)),
    # Teaching: a teacher's verdict on a student's mission (the target is the engagement).
    "validation.validated": Verb(_("Mission validée par l’enseignant·e"), (MISSION, COHORT)),
    "validation.to_improve": Verb(_("Mission à améliorer selon l’enseignant·e"), (MISSION, COHORT)),
    # Challenges: events, the associations' challenges, the students' teams.
    "event.created": Verb(_("Événement de défis créé")),
    "event.updated": Verb(_("Événement de défis modifié")),
    "event.published": Verb(_("Événement de défis publié")),
    "event.started": Verb(_("Événement de défis lancé")),
    "event.judging": Verb(_("Délibération du jury ouverte")),
    "event.announced": Verb(
        _("Résultats de l’événement annoncés"), (Field("teams", _("équipes classées")),)
    ),
    "event.closed": Verb(_("Événement de défis terminé")),
    "challenge.submitted": Verb(_("Défi proposé à un événement")),
    "challenge.accepted": Verb(_("Défi retenu")),
    "challenge.declined": Verb(_("Défi non retenu"), (MODERATION_REASON,)),
    "challenge.withdrawn": Verb(_("Défi retiré par son association")),
    "event.registered": Verb(_("Étudiant·e inscrit·e à l’événement"), (USER,)),
    "team.created": Verb(_("Équipe créée")),
    "team.joined": Verb(_("Étudiant·e entré·e dans l’équipe"), (USER,)),
    "team.left": Verb(_("Étudiant·e parti·e de l’équipe"), (USER,)),
    "team.challenge_chosen": Verb(
        _("Défi choisi par l’équipe"), (Field("challenge", _("défi n°")),)
    ),
    "team.leader_changed": Verb(_("Chef·fe d’équipe changé·e"), (USER,)),
    "submission.submitted": Verb(_("Réponse d’équipe remise")),
    "submission.revised": Verb(_("Réponse d’équipe modifiée")),
    "submission.file_added": Verb(
        _("Fichier ajouté à la réponse"), (Field("file", _("fichier n°")),)
    ),
    "submission.file_removed": Verb(
        _("Fichier retiré de la réponse"), (Field("file", _("fichier n°")),)
    ),
    # Challenges: the jury (target: the event).
    "juror.invited": Verb(_("Juré·e invité·e")),
    "juror.accepted": Verb(_("Invitation au jury acceptée")),
    "juror.declined": Verb(_("Invitation au jury déclinée")),
    "juror.removed": Verb(_("Juré·e retiré·e du jury")),
    "criterion.saved": Verb(
        _("Critère du jury enregistré"), (Field("criterion", _("critère n°")),)
    ),
    "criterion.deleted": Verb(_("Critère du jury supprimé")),
    "jury.assigned": Verb(
        _("Réponses confiées au jury"),
        (Field("round", _("tour")), Field("count", _("nombre"))),
    ),
    "jury.unassigned": Verb(_("Réponse retirée à un·e juré·e")),
    "jury.skipped": Verb(_("Notation passée")),
    "jury.conflict_declared": Verb(
        _("Conflit d’intérêts déclaré"), (Field("team", _("équipe n°")),)
    ),
    "jury.scored": Verb(_("Réponse notée par le jury"), (Field("team", _("équipe n°")),)),
    "jury.finalists_selected": Verb(
        _("Finalistes retenu·es pour le second tour"), (Field("count", _("nombre")),)
    ),
    # Territories: what local authorities declare and whom they appoint (`user`).
    "territory.declared": Verb(
        _("Territoire déclaré"),
        (
            Field("level", _("échelon"), "territories.models.Territory.Level"),
            Field("departement", _("département")),
            Field("region", _("région")),
            Field("communes", _("communes (codes INSEE)")),
        ),
    ),
    "territory.moderator_appointed": Verb(_("Modérateur·rice du territoire nommé·e"), (USER,)),
    "territory.moderator_ended": Verb(_("Modérateur·rice du territoire retiré·e"), (USER,)),
    "territory.mediator_designated": Verb(_("Médiateur·rice numérique désigné·e"), (USER,)),
    "territory.mediator_ended": Verb(_("Médiateur·rice numérique retiré·e"), (USER,)),
    "consent.given": Verb(
        _("Accord d’aide donné à un·e médiateur·rice"), (USER, Field("until", _("jusqu’au")))
    ),
    "consent.revoked": Verb(_("Accord d’aide retiré"), (USER,)),
    # Packs numériques: an authority composes and proposes one, an association claims it.
    "pack.composed": Verb(_("Pack numérique préparé")),
    "pack.edited": Verb(_("Pack numérique modifié")),
    "pack.published": Verb(_("Pack numérique proposé aux associations")),
    "pack.closed": Verb(_("Pack numérique clos")),
    "pack.claimed": Verb(
        _("Pack numérique demandé par une association"),
        (
            Field("association", _("association"), model="organizations.organization"),
            Field("missions", _("missions créées")),
        ),
    ),
    # Moderation.
    "report.resolved": Verb(_("Signalement traité"), (MODERATION_REASON,)),
    "report.mission_cancelled": Verb(_("Mission signalée annulée"), (MISSION, MODERATION_REASON)),
    "account.suspended": Verb(
        _("Compte suspendu"), (Field("report", _("signalement n°")), MODERATION_REASON)
    ),
    # Credentials.
    "credential.issued": Verb(
        _("Attestation délivrée"), (Field("application", _("candidature n°")),)
    ),
    "credential.revoked": Verb(_("Attestation révoquée"), (MODERATION_REASON,)),
    "credential.badge_issued": Verb(
        _("Badge d’événement de défis délivré"),
        (
            Field("kind", _("type"), "credentials.models.Credential.Kind"),
            Field("team", _("équipe"), model="challenges.team"),
        ),
    ),
    # After a challenge event.
    "team.answer_to_mission": Verb(_("Réponse d’équipe transformée en mission"), (MISSION,)),
    "team.book_shown": Verb(_("Réponse d’équipe montrée dans un book"), (USER,)),
    "team.book_hidden": Verb(_("Réponse d’équipe retirée d’un book"), (USER,)),
    # Impact: the hourly rates that value the work, the associations' adoption answers.
    "rate.changed": Verb(
        _("Taux horaire modifié"),
        (
            Field("domain", _("domaine"), model="taxonomy.skilldomain"),
            Field("before", _("avant (€/h)")),
            Field("after", _("après (€/h)")),
        ),
    ),
    "adoption.answered": Verb(
        _("Réponse au suivi d’utilisation"),
        (
            Field("day", _("jours après la fin")),
            Field("answer", _("réponse"), "impact.models.AdoptionCheck.Answer"),
        ),
    ),
    # Companies (skills-based volunteering): employees, programmes, approved time, hours.
    "company.invite_link_renewed": Verb(_("Lien d’invitation de l’entreprise renouvelé")),
    "company.domain_declared": Verb(_("Domaine e-mail de l’entreprise déclaré")),
    "company.domain_removed": Verb(_("Domaine e-mail de l’entreprise retiré")),
    "company.employee_joined": Verb(
        _("Salarié·e arrivé·e dans l’entreprise"),
        (USER, Field("via", _("par"), "companies.models.Employee.Via")),
    ),
    "company.employee_left": Verb(_("Salarié·e parti·e de l’entreprise"), (USER,)),
    "company.employee_removed": Verb(_("Salarié·e retiré·e de l’entreprise"), (USER,)),
    "company.employee_cost_set": Verb(_("Coût horaire d’un·e salarié·e enregistré"), (USER,)),
    "programme.opened": Verb(
        _("Programme de mécénat ouvert"), (Field("programme", _("programme n°")), HOURS)
    ),
    "programme.changed": Verb(
        _("Programme de mécénat modifié"), (Field("programme", _("programme n°")), HOURS)
    ),
    "programme.closed": Verb(
        _("Programme de mécénat clos"), (Field("programme", _("programme n°")),)
    ),
    "sponsorship.requested": Verb(
        _("Temps de mécénat demandé"),
        (
            Field("programme", _("programme n°")),
            HOURS,
            Field("format", _("forme"), "companies.models.Sponsorship.Format"),
        ),
    ),
    "sponsorship.approved": Verb(
        _("Temps de mécénat approuvé"), (Field("programme", _("programme n°")), HOURS)
    ),
    "sponsorship.refused": Verb(
        _("Temps de mécénat non approuvé"), (Field("programme", _("programme n°")), HOURS)
    ),
    "sponsorship.cancelled": Verb(
        _("Demande de temps de mécénat retirée"), (Field("programme", _("programme n°")), HOURS)
    ),
    "recurring.confirmed": Verb(
        _("Accord de talent solidaire confirmé"),
        (Field("months", _("durée (mois)")), Field("hours", _("heures par mois"))),
    ),
    "recurring.ended": Verb(_("Talent solidaire terminé")),
    "check_in.confirmed": Verb(_("Heures du mois confirmées"), (Field("month", _("mois")), HOURS)),
    # Quick help (quickhelp): a question's moves, and the public answer made from it.
    "question.asked": Verb(_("Question posée (coup de main)")),
    "question.answered": Verb(_("Réponse écrite à une question"), (QUESTION_FROM,)),
    "question.call_booked": Verb(_("Appel pris pour une question"), (QUESTION_FROM,)),
    "question.call_cancelled": Verb(_("Appel annulé")),
    "question.solved": Verb(_("Question résolue"), (QUESTION_FROM,)),
    "question.closed": Verb(_("Question fermée"), (QUESTION_FROM,)),
    "question.to_mission": Verb(_("Question devenue une mission"), (MISSION,)),
    "public_answer.consented": Verb(_("Accord pour publier une réponse")),
    "public_answer.submitted": Verb(_("Réponse envoyée en relecture")),
    "public_answer.published": Verb(_("Réponse publiée")),
    "public_answer.sent_back": Verb(_("Réponse renvoyée à la relecture"), (MODERATION_REASON,)),
    "public_answer.withdrawn": Verb(_("Réponse retirée")),
    "api_token.created": Verb(
        _("Jeton d’API créé"), (Field("scope", _("droits"), "api.models.ApiToken.Scope"),)
    ),
    "api_token.revoked": Verb(
        _("Jeton d’API révoqué"), (Field("scope", _("droits"), "api.models.ApiToken.Scope"),)
    ),
    # A message written through the API (the target: the conversation; never its text).
    "message.sent": Verb(_("Message écrit dans une conversation"), (MISSION,)),
    "credential.quickhelp_issued": Verb(
        _("Attestation de coup de main délivrée"), (Field("question", _("question n°")),)
    ),
}

# Added to any verb by the annotators of `audit.services.register_annotator`: who acted for
# whom (a mediator, with an association's consent), in which territory (a moderator
# appointed by a local authority).
CONTEXT_FIELDS = (
    Field("on_behalf", _("pour le compte de"), model="organizations.organization"),
    Field("consent", _("accord d’aide n°")),
    Field("territory", _("territoire"), model="territories.territory"),
    Field("api_token", _("par le jeton d’API n°")),
)
CONTEXT_KEYS = frozenset(field.key for field in CONTEXT_FIELDS)

PERSONAL_KEYS = frozenset(f.key for verb in VERBS.values() for f in verb.fields if f.personal)


def verb_choices() -> list[tuple[str, str]]:
    return [(code, verb.label) for code, verb in VERBS.items()]


# The kinds of objects events are about, offered in the staff page's filter.
TARGET_MODELS = (
    "missions.mission",
    "engagements.application",
    "engagements.agreement",
    "completion.review",
    "organizations.organization",
    "moderation.report",
    "accounts.user",
    "credentials.credential",
    "territories.territory",
    "territories.consent",
    "territories.pack",
    "schools.cohort",
    "schools.callforneeds",
    "schools.classproject",
    "challenges.event",
    "challenges.challenge",
    "challenges.team",
    "impact.hourlyrate",
    "quickhelp.question",
    "quickhelp.publicanswer",
    "api.apitoken",
)
