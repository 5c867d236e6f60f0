"""Product stocktakes: scanning, blind counts, the state machine, corrections and posting (issue 9)."""

from __future__ import annotations

import json
import threading
from decimal import Decimal as D

import pytest
from order_support import services_for
from sqlalchemy import select
from stocktake_support import (
    CLERK,
    CLERK_PASSWORD,
    MANAGER,
    MANAGER_PASSWORD,
    products,
    start,
    with_users,
)

from erpdesk.db.engine import Database
from erpdesk.db.models.product import StockMove
from erpdesk.db.models.stocktake import StocktakeScan
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.domain.stocktake import ScanOutcome, StocktakeKind, StocktakeStatus
from erpdesk.services.auth_dto import LoginFailed
from erpdesk.services.context import Clock
from erpdesk.services.errors import PermissionDenied
from erpdesk.services.stocktake_dto import ScanInput, StocktakeInput, StocktakeScope


def _stock(shop, product_id: int) -> D:  # type: ignore[no-untyped-def]
    return shop.clerk.products.stock(product_id)["默认仓库"]


def test_posting_sets_stock_to_the_count_and_audits_each_adjustment(
    backend: Database, clock: Clock
) -> None:
    shop = with_users(backend, clock)
    ids = products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    assert session.number == "PD20250503-01"
    assert session.expected_count == 3
    results = [
        st.scan(session.id, ScanInput(text=text))
        for text in ("6901234567892", "90*6901234567892", "12*p-pen", "ＮＯ-ＳＵＣＨ", "P-TONER")
    ]
    assert [r.seq for r in results] == [1, 2, 3, 4, 5]
    assert [r.outcome for r in results] == [ScanOutcome.COUNTED] * 3 + [
        ScanOutcome.UNKNOWN,
        ScanOutcome.COUNTED,
    ]
    assert results[1].line_count == D("91.000")
    assert results[1].label == "A4 复印纸"
    assert results[3].code == "NO-SUCH"
    st.add_by_hand(session.id, ids["P-PEN"], D(3))
    st.to_review(session.id)
    review = st.review(session.id)
    by_code = {line.code: line for line in review.lines}
    assert by_code["P-PAPER"].difference == D(-9)
    assert by_code["P-PEN"].counted == D(15)
    assert by_code["P-TONER"].difference == D(-9)
    assert review.unknown == ("NO-SUCH",)
    assert {line.code for line in review.differences} == {"P-PAPER", "P-PEN", "P-TONER"}

    posted = st.post(session.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    assert posted.status is StocktakeStatus.POSTED
    assert posted.approved_by == MANAGER
    assert _stock(shop, ids["P-PAPER"]) == D(91)
    assert _stock(shop, ids["P-PEN"]) == D(15)
    assert _stock(shop, ids["P-TONER"]) == D(1)
    with backend.engine.connect() as conn:
        moves = conn.execute(
            select(StockMove.id, StockMove.qty, StockMove.created_by).where(
                StockMove.source_type == "stocktake", StockMove.source_id == session.id
            )
        ).all()
        audited = conn.execute(
            select(AuditLog.row_pk, AuditLog.app_user, AuditLog.new).where(
                AuditLog.table_name == "stock_move"
            )
        ).all()
    assert sorted(m.qty for m in moves) == [D(-25), D(-9), D(-9)]
    assert {m.created_by for m in moves} == {CLERK}
    assert posted.approved_by == MANAGER
    audited_moves = {row.row_pk: json.loads(row.new) for row in audited}
    for move in moves:
        assert audited_moves[str(move.id)]["qty"] == str(move.qty)
        assert audited_moves[str(move.id)]["source_type"] == "stocktake"


def test_stock_delivered_while_counting_does_not_break_the_count(
    sqlite_db: Database, clock: Clock
) -> None:
    shop = with_users(sqlite_db, clock)
    ids = products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    st.scan(session.id, ScanInput(text="95*P-PAPER"))
    shop.clerk.products.receive(ids["P-PAPER"], D(7))  # goods arrive after the snapshot
    st.to_review(session.id)
    st.post(session.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    assert _stock(shop, ids["P-PAPER"]) == D(95)


def test_blind_mode_hides_expected_until_review(backend: Database, clock: Clock) -> None:
    shop = with_users(backend, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS, blind=True)
    st.scan(session.id, ScanInput(text="P-PEN"))
    counting = st.lines(session.id)
    assert [line.expected for line in counting] == [None, None, None]
    assert [line.difference for line in counting] == [None, None, None]
    assert {line.code: line.counted for line in counting}["P-PEN"] == D(1)
    with pytest.raises(DomainError):
        st.review(session.id)
    st.to_review(session.id)
    shown = {line.code: line.expected for line in st.lines(session.id)}
    assert shown == {"P-PAPER": D(100), "P-PEN": D(40), "P-TONER": D(10)}


def test_the_state_machine_refuses_illegal_moves(backend: Database, clock: Clock) -> None:
    shop = with_users(backend, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    created = st.create(
        StocktakeInput(name="仓库盘点", scope=StocktakeScope(kind=StocktakeKind.PRODUCTS))
    )
    assert created.status is StocktakeStatus.OPEN
    assert created.expected_count == 0  # the snapshot waits for counting to start

    def refused(action) -> str:  # type: ignore[no-untyped-def]
        with pytest.raises(DomainError) as caught:
            action()
        return caught.value.msg_id

    assert refused(lambda: st.scan(created.id, ScanInput(text="P-PEN"))) == (
        "stocktake.illegal_transition"
    )
    assert refused(lambda: st.to_review(created.id)) == "stocktake.illegal_transition"
    st.start_counting(created.id)
    assert refused(lambda: st.start_counting(created.id)) == "stocktake.illegal_transition"
    assert refused(
        lambda: st.post(created.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    ) == ("stocktake.illegal_transition")
    st.to_review(created.id)
    assert refused(lambda: st.scan(created.id, ScanInput(text="P-PEN"))) == (
        "stocktake.illegal_transition"
    )
    assert st.reopen(created.id).status is StocktakeStatus.COUNTING
    assert refused(lambda: st.cancel(created.id, " ")) == "stocktake.reason_required"
    cancelled = st.cancel(created.id, "盘点范围错了")
    assert cancelled.status is StocktakeStatus.CANCELLED
    assert cancelled.cancel_reason == "盘点范围错了"
    assert refused(lambda: st.reopen(created.id)) == "stocktake.illegal_transition"
    assert refused(lambda: st.cancel(created.id, "again")) == "stocktake.illegal_transition"
    assert st.sessions() == ()
    assert [s.id for s in st.sessions(include_closed=True)] == [created.id]


def test_posting_needs_a_managers_password(backend: Database, clock: Clock) -> None:
    shop = with_users(backend, clock)
    ids = products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    st.scan(session.id, ScanInput(text="5*P-TONER"))
    st.to_review(session.id)
    with pytest.raises(LoginFailed):
        st.post(session.id, approver=MANAGER, approver_password="wrong-password")
    with pytest.raises(PermissionDenied) as caught:  # a clerk cannot approve, not even himself
        st.post(session.id, approver=CLERK, approver_password=CLERK_PASSWORD)
    assert caught.value.msg_id == "stocktake.approver_not_allowed"
    with pytest.raises(PermissionDenied):
        st.post(session.id, approver="", approver_password="")
    accountant = services_for(backend, clock, Role.ACCOUNTANT, name="li.kuaiji")
    with pytest.raises(PermissionDenied):  # no COUNT_STOCK at all
        accountant.stocktake.post(session.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    assert st.get(session.id).status is StocktakeStatus.REVIEW
    assert _stock(shop, ids["P-TONER"]) == D(10)


def test_undo_and_corrections(backend: Database, clock: Clock) -> None:
    shop = with_users(backend, clock)
    ids = products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    st.scan(session.id, ScanInput(text="3*P-PEN"))
    st.scan(session.id, ScanInput(text="2*P-PEN"))
    undone = st.undo_last_scan(session.id)
    assert undone is not None
    assert (undone.seq, undone.line_count) == (2, D(3))
    assert st.undo_last_scan(session.id) is not None
    assert st.undo_last_scan(session.id) is None
    line = next(line for line in st.lines(session.id) if line.code == "P-PEN")
    assert line.counted == D(0)
    with pytest.raises(DomainError) as caught:
        st.correct_line(session.id, line.id, D(38), "  ")
    assert caught.value.msg_id == "stocktake.reason_required"
    corrected = st.correct_line(session.id, line.id, D(38), "两盒在展示柜")
    assert (corrected.counted, corrected.reason) == (D(38), "两盒在展示柜")
    assert st.scan(session.id, ScanInput(text="P-PEN")).line_count == D(39)
    with pytest.raises(DomainError):
        st.scan(session.id, ScanInput(text="1.0001*P-PEN"))
    with backend.engine.connect() as conn:
        audit = (
            conn.execute(select(AuditLog.new).where(AuditLog.table_name == "stocktake_line"))
            .scalars()
            .all()
        )
    assert any("两盒在展示柜" in (row or "") for row in audit)
    st.to_review(session.id)
    st.post(session.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    assert _stock(shop, ids["P-PEN"]) == D(39)


def test_a_resent_scan_counts_once(backend: Database, clock: Clock) -> None:
    """A scan whose answer was lost is sent again with the same key: same answer, counted once."""
    shop = with_users(backend, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    first = st.scan(session.id, ScanInput(text="3*P-PEN", client_seq=7, client_key="pc1-run1:7"))
    again = st.scan(session.id, ScanInput(text="3*P-PEN", client_seq=7, client_key="pc1-run1:7"))
    unknown = st.scan(session.id, ScanInput(text="NOPE", client_seq=8, client_key="pc1-run1:8"))
    assert st.scan(session.id, ScanInput(text="NOPE", client_key="pc1-run1:8")).seq == unknown.seq
    other_run = st.scan(session.id, ScanInput(text="3*P-PEN", client_key="pc1-run2:7"))
    assert (again.seq, again.outcome, again.quantity) == (first.seq, first.outcome, D(3))
    assert again.client_seq == 7
    assert other_run.line_count == D(6)  # a new run's seq 7 is another scan
    line = next(line for line in st.lines(session.id) if line.code == "P-PEN")
    assert line.counted == D(6)
    with backend.engine.connect() as conn:
        journalled = conn.execute(
            select(StocktakeScan.seq).where(StocktakeScan.stocktake_id == session.id)
        ).all()
    assert len(journalled) == 3


def test_a_clerk_counts_but_an_accountant_cannot(backend: Database, clock: Clock) -> None:
    accountant = services_for(backend, clock, Role.ACCOUNTANT, name="li.kuaiji")
    with pytest.raises(PermissionDenied):
        accountant.stocktake.create(
            StocktakeInput(name="x", scope=StocktakeScope(kind=StocktakeKind.PRODUCTS))
        )
    with pytest.raises(PermissionDenied):
        accountant.stocktake.sessions()


def test_two_scanners_on_one_session_lose_nothing(backend: Database, clock: Clock) -> None:
    shop = with_users(backend, clock)
    products(shop.clerk)
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    other = services_for(backend, clock, Role.CLERK, name="li.cangguan")
    errors: list[BaseException] = []

    def scan_many(services, code: str) -> None:  # type: ignore[no-untyped-def]
        try:
            for _ in range(25):
                services.stocktake.scan(session.id, ScanInput(text=code, device="PDA"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=scan_many, args=(shop.clerk, "P-PEN")),
        threading.Thread(target=scan_many, args=(other, "P-PEN")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {line.code: line.counted for line in shop.clerk.stocktake.lines(session.id)}[
        "P-PEN"
    ] == D(50)
    with backend.engine.connect() as conn:
        seqs = (
            conn.execute(select(StocktakeScan.seq).where(StocktakeScan.stocktake_id == session.id))
            .scalars()
            .all()
        )
    assert sorted(seqs) == list(range(1, 51))
