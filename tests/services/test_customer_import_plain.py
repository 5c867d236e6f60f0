"""The import's column-wise path for plain new rows gives exactly the plan of the ordinary path.

``customer_import_plain`` checks and derives new customers a column at a time and hands every row it
does not vouch for to the ordinary path (a draft per row, the form's ``validate_fields`` and
``_clean``). A clerk must see the same outcome, the same errors and warnings, and get the same stored
customer and contact whichever path a row took, so generated batches (valid rows, near misses, every
kind of error and warning, blanks, ``#清空``, unknown choices, cells the reader rejected, codes twice or
already stored) are planned both ways and the plans compared.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from erpdesk.db.engine import Database
from erpdesk.db.models.customer import CustomerCategory, CustomerLevel
from erpdesk.domain.customers import uscc_check_char
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import ContactInput, CustomerInput
from erpdesk.services.customer_import_check import plan_batches
from erpdesk.services.customer_import_plain import plain_rows
from erpdesk.services.import_dto import ImportMode, Outcome
from erpdesk.xlsx.columns import CLEAR_MARK
from erpdesk.xlsx.reader import Missing, ReadResult, ReadRow

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LONG = "长" * 260
USCC = "91310000MA1FL0AB1" + uscc_check_char("91310000MA1FL0AB1")

# Per column: values the rules accept, then near misses and values they refuse or warn about.
CELLS: dict[str, tuple[list[Any], list[Any]]] = {
    "code": (["NEW1", "NEW2", "NEW3", None], ["KH001", "KH002", "kh002", "KH 9"]),
    "name": (
        [
            "上海明达贸易有限公司",
            "重庆银行股份有限公司",
            "Harbour Trading Co., Ltd.",
            "ＡＢＣ　商行",
            "公司",
            "Ltd.",
            "长" * 100,
        ],
        [None, "  上海明达  ", "\t明达", "长" * 101],
    ),
    "short_name": ([None, "明达", "长" * 20], ["明达\t", "长" * 21, " "]),
    "mnemonic": (  # SHMDMY, MD and CQYH are what the names give: not typed by hand
        [None, "SHMDMY", "MD", "cqyh", "SHMD", "MD-1", "A" * 30],
        ["重庆", "A" * 31, " x "],
    ),
    "customer_type": ([None, "company", "个人", "公司", "Individual"], ["bogus"]),
    "category": ([None, "批发", "WHOLESALE", "pf"], ["nope"]),
    "level": ([None, "A级", "a级"], ["Z"]),
    "salesperson": ([None], ["nobody"]),
    "region": ([None, "华东", "长" * 64], ["长" * 65]),
    "contact_name": ([None, "张三", "张" * 50], ["\t", "张" * 51]),
    "mobile": (
        [None, "13812345678", "+86 138 1234 5678"],
        ["1381234567", "12345", "\t", "1" * 41],
    ),
    "phone": ([None, "021-62345678", "021-62345678-801", "13912345678"], ["bad"]),
    "email": ([None, "a@example.com", "名@例子.中国"], ["bad", "a@b.c\t"]),
    "address": ([None, "上海市浦东新区测试路1号", LONG[:200]], [LONG[:201]]),
    "postcode": ([None, "200120"], ["12345678901"]),
    "tax_number": (
        [None, USCC, USCC.lower()],
        [USCC[:17] + ("0" if USCC[17] != "0" else "1"), "310104123456789", "12345", "9" * 21],
    ),
    "invoice_title": ([None, "明达开票"], [LONG[:101]]),
    "bank_name": ([None, "工商银行"], [LONG[:101]]),
    "bank_account": ([None, "6222021234567890"], ["6" * 41]),
    "credit_limit": (
        [None, Decimal("50000"), Decimal("100.50"), Decimal("0.00"), Decimal("-0")],
        [Decimal("-1")],
    ),
    "payment_terms_days": ([None, 0, 30], [-1]),
    "settlement_method": ([None, "月结", "cash", "Monthly statement"], ["bogus"]),
    "notes": ([None, "备注", " 备注\t"], []),
}
FIELDS = tuple(CELLS)


def _good(field: str) -> st.SearchStrategy[Any]:
    return st.sampled_from(CELLS[field][0])


def _any(field: str) -> st.SearchStrategy[Any]:
    good, doubtful = CELLS[field]
    rare = [CLEAR_MARK, Missing] if field != "code" else []
    return st.one_of(st.sampled_from(good), st.sampled_from(doubtful + rare or good))


@st.composite
def batches(draw: st.DrawFn) -> tuple[tuple[str, ...], list[list[tuple[Any, ...]]]]:
    fields = tuple(
        draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=len(FIELDS), unique=True))
    )
    if "name" not in fields and draw(st.integers(0, 4)):
        fields = ("name", *fields)  # a file without names is refused whole: seldom worth a try
    # Rows of good values only (most of a real file, and the column-wise path's) and mixed ones.
    row = st.one_of(st.tuples(*(_good(f) for f in fields)), st.tuples(*(_any(f) for f in fields)))
    groups = draw(st.lists(st.lists(row, min_size=1, max_size=15), min_size=1, max_size=3))
    return fields, groups


@pytest.fixture
def database(sqlite_db: Database, clock: Clock) -> Database:
    now = datetime(2026, 12, 7, tzinfo=UTC)
    stamp = {
        "version": 1,
        "created_at": now,
        "created_by": "t",
        "updated_at": now,
        "updated_by": "t",
    }
    with sqlite_db.write_engine.begin() as conn:
        conn.execute(
            insert(CustomerCategory),
            [{"code": "PF", "name": "批发", "prefix": "PF", "active": True, **stamp}],
        )
        conn.execute(
            insert(CustomerLevel), [{"name": "A级", "sort_order": 1, "active": True, **stamp}]
        )
    manager = Services(sqlite_db, Actor(username="li", roles=frozenset({Role.MANAGER})), clock)
    for code, name, mobile in (
        ("KH001", "上海明达贸易有限公司", "13812345678"),
        ("KH002", "北京远航", ""),
    ):
        contacts = (ContactInput(name="王五", mobile=mobile, is_primary=True),) if mobile else ()
        manager.customers.save(
            CustomerInput(code=code, code_manual=True, name=name, contacts=contacts),
            ack={"duplicates"},
            reason="test data",
        )
    return sqlite_db


def _plan(
    database: Database,
    fields: tuple[str, ...],
    groups: list[list[tuple[Any, ...]]],
    mode: ImportMode,
    plain: bool,
) -> tuple[Any, ...]:
    header = ReadResult(
        file_kind="xlsx",
        sheet="客户",
        header_row=1,
        columns={f: i for i, f in enumerate(fields, start=1)},
        headers={f: f for f in fields},
        unknown=(),
        rows=[],
        problems=[],
        width=len(fields),
    )
    number = 2
    batches_: list[tuple[list[ReadRow], list[Any]]] = []
    for group in groups:
        rows = []
        for cells in group:
            rows.append(ReadRow(number, fields, cells))
            number += 1
        batches_.append((rows, []))
    with database.engine.connect() as conn:
        previews, prepared, problems = plan_batches(
            conn, header, batches_, mode, "zh_CN", plain=plain
        )
    return previews, prepared, problems


@SETTINGS
@given(batch=batches(), mode=st.sampled_from(list(ImportMode)))
def test_a_plan_is_the_same_whichever_path_its_rows_take(
    database: Database, batch: tuple[tuple[str, ...], list[list[tuple[Any, ...]]]], mode: ImportMode
) -> None:
    fields, groups = batch
    ordinary = _plan(database, fields, groups, mode, plain=False)
    column_wise = _plan(database, fields, groups, mode, plain=True)
    assert column_wise == ordinary


def test_plain_rows_take_the_column_wise_path_and_doubtful_ones_do_not() -> None:
    # The property above only means something if the column-wise path is really taken.
    fields = ("name", "contact_name", "mobile", "email", "credit_limit", "customer_type")
    tables = {"customer_type": {"company": "company", "个人": "individual"}}
    cells = [
        ("上海明达贸易有限公司", "张三", "13812345678", "a@example.com", Decimal("10.50"), None),
        ("李四", None, "13912345678", None, None, "个人"),  # the mobile becomes the phone
        ("明达", "张三", "12345", None, None, None),  # a bad mobile: the ordinary path reports it
        ("明达", None, None, "bad", None, None),  # a bad e-mail
        ("明达", None, None, None, Decimal("-1"), None),  # a negative credit limit
        ("明达", None, None, None, None, "bogus"),  # not a type
        ("明达", CLEAR_MARK, None, None, None, None),
        ("明达", Missing, None, None, None, None),
    ]
    found = plain_rows(fields, cells, tables)
    assert [row is not None for row in found] == [True, True] + [False] * 6
    first, second = found[0], found[1]
    assert first is not None
    assert second is not None
    assert first.contact is not None
    assert first.contact[0] == "张三"
    assert first.contact[-1] == "13812345678"  # mobile digits, searched by phone
    assert second.contact is None


def test_an_import_of_plain_rows_plans_new_customers(database: Database) -> None:
    fields = ("code", "name", "mobile")
    groups = [[("NEW1", "杭州新客户有限公司", "13700001111"), ("KH001", "重名", None)]]
    previews, prepared, problems = _plan(database, fields, groups, ImportMode.INSERT, plain=True)
    assert [p.outcome for p in previews] == [Outcome.NEW, Outcome.ERROR]
    assert [p.msg_id for p in problems] == ["cell.code_exists"]
    (new,) = prepared
    assert new.code == "NEW1"
    assert new.new_contact is None
    assert new.stored_values()["phone_digits"] == "13700001111"
    assert new.stored_values()["short_name"] == "杭州新客户"
