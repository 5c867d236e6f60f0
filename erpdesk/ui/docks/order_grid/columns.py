"""Columns of the order list: number, dates, customer, status, amounts, salesperson."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from erpdesk.domain.orders import OrderStatus
from erpdesk.services.order_dto import OrderRow
from erpdesk.ui.models.columns import RIGHT, Column, attr, iso_date, money


def status_names() -> dict[OrderStatus, str]:
    """The clerks' words for each state (translated when called)."""
    return {
        OrderStatus.DRAFT: QCoreApplication.translate("OrderStatus", "Draft"),
        OrderStatus.PENDING: QCoreApplication.translate("OrderStatus", "Pending approval"),
        OrderStatus.CONFIRMED: QCoreApplication.translate("OrderStatus", "Confirmed"),
        OrderStatus.PARTIAL: QCoreApplication.translate("OrderStatus", "Partly delivered"),
        OrderStatus.DELIVERED: QCoreApplication.translate("OrderStatus", "Delivered"),
        OrderStatus.COMPLETED: QCoreApplication.translate("OrderStatus", "Completed"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderStatus", "Cancelled"),
    }


def order_columns() -> tuple[Column[OrderRow], ...]:
    names = status_names()
    return (
        Column(
            "number",
            QCoreApplication.translate("OrderColumns", "Number"),
            attr("number"),
            width=140,
            sortable=False,
        ),
        Column(
            "order_date",
            QCoreApplication.translate("OrderColumns", "Date"),
            attr("order_date"),
            iso_date,
            width=90,
        ),
        Column(
            "customer_code",
            QCoreApplication.translate("OrderColumns", "Customer code"),
            attr("customer_code"),
            width=90,
        ),
        Column(
            "customer_name",
            QCoreApplication.translate("OrderColumns", "Customer"),
            attr("customer_name"),
            width=200,
        ),
        Column(
            "status",
            QCoreApplication.translate("OrderColumns", "Status"),
            lambda r: names[r.status],
            width=90,
        ),
        Column(
            "total",
            QCoreApplication.translate("OrderColumns", "Amount"),
            attr("total"),
            money,
            align=RIGHT,
            width=100,
        ),
        Column(
            "delivered",
            QCoreApplication.translate("OrderColumns", "Delivered"),
            attr("delivered"),
            money,
            align=RIGHT,
        ),
        Column(
            "delivery_date",
            QCoreApplication.translate("OrderColumns", "Delivery date"),
            attr("delivery_date"),
            iso_date,
            width=90,
        ),
        Column(
            "salesperson",
            QCoreApplication.translate("OrderColumns", "Salesperson"),
            attr("salesperson"),
            width=90,
        ),
    )
