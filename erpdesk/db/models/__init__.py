"""All ORM models; importing this package registers every table on ``Base.metadata``.

Each aggregate has its own module; add a new module's import here so migrations and checks see it.
"""

from __future__ import annotations

from erpdesk.db.models.customer import (
    CodeRule,
    Customer,
    CustomerCategory,
    CustomerCodeAlias,
    CustomerContact,
    CustomerInteraction,
    CustomerLevel,
    CustomerRelationship,
    IssuedCode,
)
from erpdesk.db.models.import_log import ImportLog
from erpdesk.db.models.order import (
    CreditOverride,
    CreditPolicy,
    Delivery,
    DeliveryLine,
    ReceivableItem,
    SalesOrder,
    SalesOrderLine,
)
from erpdesk.db.models.product import (
    Product,
    ProductBarcode,
    StockLevel,
    StockMove,
    Warehouse,
)
from erpdesk.db.models.receivable import InvoiceRecord, Receipt, ReceiptAllocation
from erpdesk.db.models.settlement import Settlement, SettlementInvoice, SettlementLine
from erpdesk.db.models.stocktake import Stocktake, StocktakeFile, StocktakeLine, StocktakeScan
from erpdesk.db.models.system import AppMeta, AuditHead, AuditLog, NumberSeries
from erpdesk.db.models.user import UserAccount, UserRole

__all__ = [
    "AppMeta",
    "AuditHead",
    "AuditLog",
    "CodeRule",
    "CreditOverride",
    "CreditPolicy",
    "Customer",
    "CustomerCategory",
    "CustomerCodeAlias",
    "CustomerContact",
    "CustomerInteraction",
    "CustomerLevel",
    "CustomerRelationship",
    "Delivery",
    "DeliveryLine",
    "ImportLog",
    "InvoiceRecord",
    "IssuedCode",
    "NumberSeries",
    "Product",
    "ProductBarcode",
    "Receipt",
    "ReceiptAllocation",
    "ReceivableItem",
    "SalesOrder",
    "SalesOrderLine",
    "Settlement",
    "SettlementInvoice",
    "SettlementLine",
    "StockLevel",
    "StockMove",
    "Stocktake",
    "StocktakeFile",
    "StocktakeLine",
    "StocktakeScan",
    "UserAccount",
    "UserRole",
    "Warehouse",
]
