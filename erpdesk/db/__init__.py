"""Storage: SQLAlchemy 2 engines, models, unit of work, numbering, audit, migrations and backups."""
