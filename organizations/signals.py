"""What other apps may listen to about organisations (sent by `organizations.services`, and
by the account erasure in `organizations.apps`)."""

from django.dispatch import Signal

# Sent inside the transaction with `user_id=<int>, organization_id=<int>` when someone
# joins an organisation, changes role or leaves it (matching forgets their suggestions: a
# member is not offered their own association's missions).
membership_changed = Signal()

# Asked by an organisation's public page with `organization` and `user` (who looks): each
# receiver returns a dict of what its app adds to the page (missions: `missions`, the open
# ones; engagements: `stats`, how an association answers applications).
organization_page = Signal()
