"""Packaging glue pyproject.toml cannot express: the top-level migrations/ folder ships inside the
installed package as ``erpdesk.migrations`` so the app can upgrade its database wherever it is installed."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["erpdesk", "erpdesk.*"]),
        "erpdesk.migrations",
        "erpdesk.migrations.versions",
    ],
    package_dir={"erpdesk.migrations": "migrations"},
)
