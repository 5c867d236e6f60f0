"""Pure business rules: standard library only, no storage, widgets, file formats or settings."""
