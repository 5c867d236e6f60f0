"""Settlement dock (issue 7): the settlement wizard, approvals and follow-ups; ``dock.build`` is its
factory."""
