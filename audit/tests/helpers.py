from audit.models import AuditEvent


def journal(target=None) -> list[tuple]:
    """(verb, actor, target, data) of the events, oldest first; only `target`'s if given."""
    events = AuditEvent.objects.order_by("at", "pk")
    rows = [(e.verb, e.actor, e.target, e.data) for e in events]
    return [row for row in rows if target is None or row[2] == target]
