"""``Services``: the use-case services for one logged-in actor, built by ``app.py`` or ``cli``.

Each area service is created on first use (lazy imports keep start-up fast). Add an area by adding a
``cached_property`` here; services never build each other's engines, they share this container's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from erpdesk.db.engine import Database
from erpdesk.services.context import Actor, Clock

if TYPE_CHECKING:
    from erpdesk.services.admin import AdminService
    from erpdesk.services.auth import AuthService
    from erpdesk.services.credit import CreditService
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.exports import ExportService
    from erpdesk.services.imports import ImportService
    from erpdesk.services.labels import LabelService
    from erpdesk.services.list_exports import ListExportService
    from erpdesk.services.orders import OrderService
    from erpdesk.services.products import ProductService
    from erpdesk.services.receivable_reports import ReceivableReportService
    from erpdesk.services.receivables import ReceivableService
    from erpdesk.services.settlement_notice import SettlementNoticeService
    from erpdesk.services.settlements import SettlementService
    from erpdesk.services.statements import StatementService
    from erpdesk.services.stocktake import StocktakeService
    from erpdesk.services.users import UserService


@dataclass
class Services:
    """Everything the GUI or CLI may ask of the business layer, for ``actor``."""

    database: Database
    actor: Actor
    clock: Clock = field(default_factory=Clock)

    def __post_init__(self) -> None:
        if self.actor.on_denied is None:
            from erpdesk.services.denials import record_denial

            database, clock = self.database, self.clock
            self.actor = replace(
                self.actor,
                on_denied=lambda actor, permission: record_denial(
                    database, actor, permission, clock=clock
                ),
            )

    @cached_property
    def auth(self) -> AuthService:
        from erpdesk.services.auth import AuthService

        return AuthService(self.database, self.clock, actor=self.actor)

    @cached_property
    def users(self) -> UserService:
        from erpdesk.services.users import UserService

        return UserService(self.database, self.actor, self.clock)

    @cached_property
    def admin(self) -> AdminService:
        from erpdesk.services.admin import AdminService

        return AdminService(self.database, self.actor)

    @cached_property
    def customers(self) -> CustomerService:
        from erpdesk.services.customers import CustomerService

        return CustomerService(self.database, self.actor, self.clock)

    @cached_property
    def imports(self) -> ImportService:
        from erpdesk.services.imports import ImportService

        return ImportService(self.database, self.actor, self.clock)

    @cached_property
    def exports(self) -> ExportService:
        from erpdesk.services.exports import ExportService

        return ExportService(self.database, self.actor, self.clock)

    @cached_property
    def list_exports(self) -> ListExportService:
        from erpdesk.services.list_exports import ListExportService

        return ListExportService(self.database, self.actor, self.clock)

    @cached_property
    def products(self) -> ProductService:
        from erpdesk.services.products import ProductService

        return ProductService(self.database, self.actor, self.clock)

    @cached_property
    def orders(self) -> OrderService:
        from erpdesk.services.orders import OrderService

        return OrderService(self.database, self.actor, self.clock, auth=lambda: self.auth)

    @cached_property
    def credit(self) -> CreditService:
        from erpdesk.services.credit import CreditService

        return CreditService(self.database, self.actor, self.clock)

    @cached_property
    def receivables(self) -> ReceivableService:
        from erpdesk.services.receivables import ReceivableService

        return ReceivableService(self.database, self.actor, self.clock)

    @cached_property
    def receivable_reports(self) -> ReceivableReportService:
        from erpdesk.services.receivable_reports import ReceivableReportService

        return ReceivableReportService(self.database, self.actor, self.clock)

    @cached_property
    def settlements(self) -> SettlementService:
        from erpdesk.services.settlements import SettlementService

        return SettlementService(self.database, self.actor, self.clock)

    @cached_property
    def labels(self) -> LabelService:
        from erpdesk.services.labels import LabelService

        return LabelService(self.database, self.actor, self.clock)

    @cached_property
    def stocktake(self) -> StocktakeService:
        from erpdesk.services.stocktake import StocktakeService

        return StocktakeService(
            self.database,
            self.actor,
            self.clock,
            auth=lambda: self.auth,
            customers=lambda: self.customers,
        )

    @cached_property
    def statements(self) -> StatementService:
        from erpdesk.services.statements import StatementService

        return StatementService(self.database, self.actor, self.clock)

    @cached_property
    def settlement_notices(self) -> SettlementNoticeService:
        from erpdesk.services.settlement_notice import SettlementNoticeService

        return SettlementNoticeService(self.database, self.actor, self.clock)
