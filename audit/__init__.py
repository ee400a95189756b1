"""The audit journal: who did what to which object, and when (see docs/architecture.md)."""


def log(*, actor, verb, target, data=None):
    from .services import log as _log

    return _log(actor=actor, verb=verb, target=target, data=data)
