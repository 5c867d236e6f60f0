"""Products: numbering, the picker by code / barcode / name, barcode rules, stock per warehouse."""

from __future__ import annotations

from decimal import Decimal

import pytest
from order_support import make_product, services_for

from erpdesk.db.engine import Database
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Clock
from erpdesk.services.errors import PermissionDenied, ValidationError
from erpdesk.services.order_dto import BarcodeInput, ProductInput

D = Decimal


@pytest.fixture
def clerk(backend: Database, clock: Clock):  # type: ignore[no-untyped-def]
    return services_for(backend, clock, Role.CLERK, name="wang.li")


def test_products_are_numbered_and_found_by_code_barcode_or_name(clerk) -> None:  # type: ignore[no-untyped-def]
    paper = make_product(clerk, "A4 复印纸", barcode="6901234567892")
    pen = make_product(clerk, "中性笔 0.5mm", "2.50")
    assert (paper.code, pen.code) == ("SP00001", "SP00002")
    assert [h.product.id for h in clerk.products.find("sp00002")] == [pen.id]
    scan = clerk.products.find("6901234567892")
    assert scan[0].product.id == paper.id
    assert scan[0].matched == "barcode"
    assert [h.product.id for h in clerk.products.find("中性")] == [pen.id]
    assert list(clerk.products.search_ids("复印")) == [paper.id]


def test_a_carton_barcode_counts_its_pack(clerk) -> None:  # type: ignore[no-untyped-def]
    saved = clerk.products.save(
        ProductInput(
            name="中性笔",
            price=D("2.50"),
            barcodes=(
                BarcodeInput(barcode="6901234567892"),
                BarcodeInput(barcode="16901234567899", pack_qty=D(12)),
            ),
        )
    )
    hit = clerk.products.find("16901234567899")[0]
    assert hit.product.id == saved.id
    assert hit.pack_qty == D(12)


def test_a_wrong_ean13_check_digit_and_a_used_barcode_are_refused(clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        make_product(clerk, barcode="6901234567891")
    assert caught.value.msg_id == "product.barcode_invalid"
    make_product(clerk, barcode="6901234567892")
    with pytest.raises(DomainError) as taken:
        make_product(clerk, "别的商品", barcode="6901234567892")
    assert taken.value.msg_id == "product.barcode_taken"


def test_deactivated_products_are_not_offered(clerk) -> None:  # type: ignore[no-untyped-def]
    paper = make_product(clerk)
    row = clerk.products.get(paper.id)
    clerk.products.save(
        ProductInput(
            id=paper.id,
            version=paper.version,
            code=row.code,
            name=row.name,
            price=row.price,
            active=False,
        )
    )
    assert clerk.products.find("SP00001") == ()
    assert list(clerk.products.search_ids("", include_inactive=True)) == [paper.id]


def test_stock_is_kept_per_warehouse(clerk) -> None:  # type: ignore[no-untyped-def]
    paper = make_product(clerk, stock="12.5")
    assert clerk.products.stock(paper.id) == {"默认仓库": D("12.500")}
    assert clerk.products.get(paper.id).stock == D("12.5")


def test_an_accountant_cannot_edit_products(backend: Database, clock: Clock) -> None:
    accountant = services_for(backend, clock, Role.ACCOUNTANT)
    with pytest.raises(PermissionDenied):
        accountant.products.save(ProductInput(name="x"))
