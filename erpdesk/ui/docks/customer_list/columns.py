"""The customer grid's columns: keys the service can sort by, titles, accessors and formatters.

Built once per dock (after the translators are installed). Keys are stable ASCII: QSettings remembers
hidden columns by key, and a sortable key is a ``CustomerSortKey`` value.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from erpdesk.services.customer_dto import CustomerRow, CustomerSortKey
from erpdesk.ui.models.columns import RIGHT, Column, attr, iso_date, money

SORTABLE = frozenset(key.value for key in CustomerSortKey)


def customer_columns() -> tuple[Column[CustomerRow], ...]:
    active = QCoreApplication.translate("CustomerColumns", "Active")
    inactive = QCoreApplication.translate("CustomerColumns", "Deactivated")
    individual = QCoreApplication.translate("CustomerColumns", "Individual")
    company = QCoreApplication.translate("CustomerColumns", "Company")

    def col(key: str, title: str, **kw: object) -> Column[CustomerRow]:
        kw.setdefault("get", attr(key))
        return Column(key, title, sortable=key in SORTABLE, **kw)  # type: ignore[arg-type]

    return (
        col("code", QCoreApplication.translate("CustomerColumns", "Code"), width=100),
        col("name", QCoreApplication.translate("CustomerColumns", "Name"), width=220),
        col("short_name", QCoreApplication.translate("CustomerColumns", "Short name"), width=110),
        col("mnemonic", QCoreApplication.translate("CustomerColumns", "Mnemonic"), width=80),
        col(
            "customer_type",
            QCoreApplication.translate("CustomerColumns", "Type"),
            get=lambda r: individual if r.customer_type == "individual" else company,
            width=70,
            visible=False,
        ),
        col("category", QCoreApplication.translate("CustomerColumns", "Category"), width=100),
        col("level", QCoreApplication.translate("CustomerColumns", "Level"), width=70),
        col("region", QCoreApplication.translate("CustomerColumns", "Region"), width=90),
        col("salesperson", QCoreApplication.translate("CustomerColumns", "Salesperson"), width=80),
        col("contact", QCoreApplication.translate("CustomerColumns", "Contact"), width=80),
        col("mobile", QCoreApplication.translate("CustomerColumns", "Mobile"), width=110),
        col(
            "phone",
            QCoreApplication.translate("CustomerColumns", "Phone"),
            width=110,
            visible=False,
        ),
        col(
            "tax_number",
            QCoreApplication.translate("CustomerColumns", "Tax number"),
            width=160,
            visible=False,
        ),
        col(
            "credit_limit",
            QCoreApplication.translate("CustomerColumns", "Credit limit"),
            fmt=money,
            align=RIGHT,
            width=100,
        ),
        col(
            "payment_terms_days",
            QCoreApplication.translate("CustomerColumns", "Terms (days)"),
            align=RIGHT,
            width=70,
            visible=False,
        ),
        col(
            "next_follow_up",
            QCoreApplication.translate("CustomerColumns", "Next follow-up"),
            fmt=iso_date,
            width=95,
        ),
        col(
            "active",
            QCoreApplication.translate("CustomerColumns", "Status"),
            get=lambda r: active if r.active else inactive,
            width=70,
        ),
    )
