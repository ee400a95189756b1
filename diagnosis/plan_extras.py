"""What the apps above diagnosis add under the plan of a diagnosis's results (a registry,
filled from their `AppConfig.ready()`): territories adds the packs numériques the
association's local authority offers it.

    register_plan_extra(fn)   # fn(organization, user) -> list[PlanExtra]

Each extra is a template of the registering app and its context, shown in the order the
apps registered; a provider returns [] when it has nothing for this association.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlanExtra:
    template: str
    context: dict = field(default_factory=dict)


type Provider = Callable[..., list[PlanExtra]]

_PROVIDERS: list[Provider] = []


def register_plan_extra(provider: Provider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def plan_extras(organization, user) -> list[PlanExtra]:
    return [extra for provider in _PROVIDERS for extra in provider(organization, user)]
