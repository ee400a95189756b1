"""What the API answers: plain data, no personal details beyond the caller's own."""

from datetime import date, datetime

from ninja import Schema


class Named(Schema):
    slug: str
    name: str


class SkillOut(Schema):
    slug: str
    name: str
    domain: str


class DomainOut(Schema):
    slug: str
    name: str
    skills: list[Named]


class MissionSkillOut(Schema):
    slug: str
    name: str
    min_level: int


class OrganizationRef(Schema):
    slug: str
    name: str
    url: str


class MissionOut(Schema):
    id: int
    url: str
    title: str
    need: str
    deliverables: list[str]
    effort_hours: int | None
    start_date: date | None
    end_date: date | None
    work_mode: str
    departement_code: str
    commune: str | None
    team_size: int
    status: str
    published_at: datetime | None
    organization: OrganizationRef
    skills: list[MissionSkillOut]


class MissionPage(Schema):
    items: list[MissionOut]
    next_cursor: str | None


class MissionRef(Schema):
    id: int
    title: str
    url: str


class OrganizationOut(Schema):
    slug: str
    name: str
    url: str
    kind: str
    association_type: str
    description: str
    website: str
    departement_code: str
    commune: str | None
    verified: bool
    causes: list[Named]
    open_missions: list[MissionRef]


class TemplateOut(Schema):
    slug: str
    domain: str
    title: str
    need: str
    deliverables: list[str]
    outcome: str
    effort_min: int
    effort_max: int
    work_mode: str
    skills: list[str]


class ProfileOut(Schema):
    id: int
    full_name: str
    first_name: str
    email: str
    language: str
    has_volunteer_profile: bool
    token_scope: str


class ApplicationOut(Schema):
    id: int
    status: str
    created_at: datetime
    message: str
    mission: MissionRef
    can_withdraw: bool


class ApplicationPage(Schema):
    items: list[ApplicationOut]
    next_cursor: str | None


class ApplyIn(Schema):
    message: str
