"""The settlement notice PDF (结算通知书) of one settlement, for the wizard and the CLI.

Reads the settlement (through ``SettlementService.get``, so the same permission applies) and the company
profile, then renders outside any database transaction. The file is written under a temporary name and
renamed when complete, so a crash never leaves half a PDF under the name the user chose.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from erpdesk.domain.messages import normalise_language
from erpdesk.pdf.settlement_notice import NoticeCompany, render_notice
from erpdesk.services import auth_store
from erpdesk.services.area import AreaService
from erpdesk.services.settlements import SettlementService


class SettlementNoticeService(AreaService):
    """Writes settlement notices for one actor."""

    def notice_pdf(self, settlement_id: int, target: Path, lang: str) -> int:
        """Write the notice of settlement ``settlement_id`` to ``target`` in ``lang``.

        Returns:
            The number of pages written.

        Raises:
            DomainError: ``settlements.not_found``; ``PermissionDenied`` without VIEW_CUSTOMERS.
        """
        settlement = SettlementService(self.database, self.actor, self.clock).get(settlement_id)
        if settlement.decided_at is not None:  # printed as the company's calendar day
            settlement = replace(
                settlement, decided_at=settlement.decided_at.astimezone(self.clock.tz)
            )
        profile = self._read(auth_store.read_company)
        company = NoticeCompany(name="")
        if profile is not None:
            company = NoticeCompany(
                name=profile.name,
                address=profile.address,
                phone=profile.phone,
                tax_number=profile.tax_number,
                payee_account_name=profile.payee_account_name,
                bank_name=profile.bank_name,
                bank_account=profile.bank_account,
            )
        target = Path(target)
        partial = target.with_name(target.name + ".part")
        try:
            pages = render_notice(
                partial,
                settlement,
                company,
                lang=normalise_language(lang),
                printed_on=self.clock.today(),
                printed_by=self.actor.username,
            )
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return pages
