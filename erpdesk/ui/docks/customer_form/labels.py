"""Translated names for the customer enums, field names and history actions the docks show.

The service speaks in stable values (``individual``, ``branch``, ``change_code``); this module turns
them into the clerk's language with ``self.tr`` (context ``CustomerLabels``). Unknown values show as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from erpdesk.domain.customers import (
    CustomerType,
    InteractionKind,
    RelationRole,
    SettlementMethod,
)


class CustomerLabels(QObject):
    """Lookup of display texts; build after the translators are installed."""

    def customer_type(self, kind: CustomerType) -> str:
        return {
            CustomerType.COMPANY: self.tr("Company"),
            CustomerType.INDIVIDUAL: self.tr("Individual"),
        }.get(kind, str(kind))

    def settlement(self, method: SettlementMethod) -> str:
        return {
            SettlementMethod.CASH: self.tr("Cash on delivery"),
            SettlementMethod.MONTHLY: self.tr("Monthly statement"),
            SettlementMethod.ACCOUNT: self.tr("On account"),
        }.get(method, str(method))

    def interaction(self, kind: InteractionKind | str) -> str:
        names: dict[str, str] = {
            InteractionKind.CALL: self.tr("Phone call"),
            InteractionKind.VISIT: self.tr("Visit"),
            InteractionKind.WECHAT: self.tr("WeChat"),
            InteractionKind.EMAIL: self.tr("E-mail"),
            InteractionKind.OTHER: self.tr("Other"),
            InteractionKind.SYSTEM: self.tr("System"),
        }
        return names.get(str(kind), str(kind))

    def role(self, role: RelationRole | str) -> str:
        """What the other customer is to this one."""
        names: dict[str, str] = {
            RelationRole.PARENT: self.tr("Parent company"),
            RelationRole.BRANCH: self.tr("Branch"),
            RelationRole.UPSTREAM: self.tr("Upstream (supplies us)"),
            RelationRole.DOWNSTREAM: self.tr("Downstream (we supply)"),
            RelationRole.PARTNER: self.tr("Partner"),
            RelationRole.PAYER: self.tr("Pays on its behalf"),
            RelationRole.PAID_FOR: self.tr("It pays on behalf of"),
        }
        return names.get(str(role), str(role))

    def status(self, active: bool) -> str:
        return self.tr("Active") if active else self.tr("Deactivated")

    def history_action(self, entity: str, action: str) -> str:
        entities = {
            "customer": self.tr("Customer"),
            "contact": self.tr("Contact"),
            "code": self.tr("Code"),
            "relationship": self.tr("Relationship"),
            "interaction": self.tr("Interaction"),
            "duplicate_ack": self.tr("Possible duplicate"),
        }
        actions = {
            "insert": self.tr("added"),
            "update": self.tr("changed"),
            "delete": self.tr("removed"),
            "change_code": self.tr("code changed"),
            "deactivate": self.tr("deactivated"),
            "restore": self.tr("restored"),
            "save_anyway": self.tr("saved anyway"),
        }
        return f"{entities.get(entity, entity)} {actions.get(action, action)}"

    def contact_field(self, name: str) -> str:
        return {
            "name": self.tr("Name"),
            "position": self.tr("Position"),
            "phone": self.tr("Phone"),
            "mobile": self.tr("Mobile"),
            "email": self.tr("E-mail"),
            "im": self.tr("QQ / WeChat"),
            "notes": self.tr("Notes"),
            "is_primary": self.tr("Primary"),
        }.get(name, name)

    def field_caption(self, field: str, captions: Mapping[str, str]) -> str:
        if field in captions:
            return captions[field]
        if field == "contacts":
            return self.tr("Contacts")
        if field == "status":
            return self.tr("Status")
        return field
