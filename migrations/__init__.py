"""Alembic migrations, installed as the ``erpdesk.migrations`` package so they ship with the app."""
