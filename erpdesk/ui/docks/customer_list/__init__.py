"""Customer list dock (issue 3): search, filters, lazy grid; ``dock.build`` is its factory."""
