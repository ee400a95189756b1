from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Bénévoles")

    def ready(self) -> None:
        from core.navigation import NavItem, register

        from . import roles
        from .selectors import shows_volunteer_menu

        roles.register()  # what core.roles asks of every person
        register(
            NavItem(_("Mon profil de bénévole"), "volunteers:edit", shows_volunteer_menu, order=30)
        )

    def personal_data(self, user) -> dict | None:
        from .selectors import profile_of, skills_of

        profile = profile_of(user)
        if profile is None:
            return None
        return {
            "kind": profile.kind,
            "school_name": profile.school_name,
            "programme": profile.programme,
            "graduation_year": profile.graduation_year,
            "company_name": profile.company_name,
            "hours_per_week": profile.hours_per_week,
            "available_from": profile.available_from and profile.available_from.isoformat(),
            "available_until": profile.available_until and profile.available_until.isoformat(),
            "work_mode": profile.work_mode,
            "commune": profile.commune and str(profile.commune),
            "commune_insee": profile.commune_id,
            "causes": [cause.name_fr for cause in profile.causes.all()],
            "skills": [
                {
                    "skill": row.skill.name_fr,
                    "domain": row.skill.domain.name_fr,
                    "level": row.level,
                    "level_label": row.get_level_display(),
                }
                for row in skills_of(profile)
            ],
            "bio": profile.bio,
            "portfolio_links": profile.link_list,
            "is_public": profile.is_public,
            "created_at": profile.created_at.isoformat(),
            "updated_at": profile.updated_at.isoformat(),
        }

    def erase_personal_data(self, user) -> None:
        from .services import profile_delete

        profile_delete(user=user)
