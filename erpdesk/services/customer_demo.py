"""Demo customers: realistic Chinese and English companies and individuals, with contacts, a category
tree, levels, regions and salespeople, fast enough for 1,000,000 rows.

Bulk path on purpose: rows are generated from pre-computed parts (pinyin initials per part, not per
name), written with the driver's ``executemany`` on SQLite and ``COPY`` on PostgreSQL in one
transaction, codes are taken as one block of the global rule's series, and a single audit entry records
the seeding. Secondary indexes of an empty customer table are dropped during the load and rebuilt after.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from erpdesk.db import audit, numbering
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import (
    CodeRule,
    Customer,
    CustomerCategory,
    CustomerLevel,
    IssuedCode,
)
from erpdesk.db.models.system import NumberSeries
from erpdesk.db.models.user import UserAccount
from erpdesk.domain import codes
from erpdesk.domain.customers import USCC_ALPHABET, USCC_WEIGHTS, normalise_name
from erpdesk.services import customer_codes
from erpdesk.services.pinyin import initials

DEMO_PATTERN = "KH{SEQ:7}"
ACTOR = "demo"
CHUNK = 50_000

# (province, region label, [(city, area code, [districts])])
PLACES: tuple[tuple[str, tuple[tuple[str, str, tuple[str, ...]], ...]], ...] = (
    ("上海", (("上海市", "021", ("浦东新区", "闵行区", "徐汇区", "嘉定区", "松江区")),)),
    ("北京", (("北京市", "010", ("朝阳区", "海淀区", "丰台区", "通州区", "大兴区")),)),
    (
        "江苏",
        (
            ("南京市", "025", ("玄武区", "江宁区")),
            ("苏州市", "0512", ("姑苏区", "吴中区", "昆山市")),
            ("无锡市", "0510", ("梁溪区", "滨湖区")),
        ),
    ),
    (
        "浙江",
        (
            ("杭州市", "0571", ("西湖区", "滨江区", "萧山区")),
            ("宁波市", "0574", ("鄞州区", "北仑区")),
            ("温州市", "0577", ("鹿城区", "瑞安市")),
        ),
    ),
    (
        "广东",
        (
            ("广州市", "020", ("天河区", "越秀区", "番禺区")),
            ("深圳市", "0755", ("南山区", "福田区", "宝安区")),
            ("东莞市", "0769", ("南城街道", "长安镇")),
        ),
    ),
    ("重庆", (("重庆市", "023", ("渝中区", "江北区", "沙坪坝区", "九龙坡区")),)),
    ("四川", (("成都市", "028", ("锦江区", "武侯区", "高新区")),)),
    ("湖北", (("武汉市", "027", ("江岸区", "武昌区", "洪山区")),)),
    ("山东", (("济南市", "0531", ("历下区", "槐荫区")), ("青岛市", "0532", ("市南区", "黄岛区")))),
    ("福建", (("厦门市", "0592", ("思明区", "湖里区")), ("福州市", "0591", ("鼓楼区", "仓山区")))),
    ("天津", (("天津市", "022", ("和平区", "滨海新区")),)),
    ("河南", (("郑州市", "0371", ("金水区", "二七区")),)),
)
BRAND_CHARS = "明达华盛鑫源宏泰恒通永丰兴隆瑞祥金汇嘉禾伟业新天美佳信诚联创中科博远光辉众合顺安康宁德鸿运长城东方"
INDUSTRIES = (
    ("机械", "制造业"),
    ("电子", "制造业"),
    ("五金", "制造业"),
    ("塑胶", "制造业"),
    ("纺织", "制造业"),
    ("化工", "制造业"),
    ("贸易", "贸易"),
    ("进出口", "贸易"),
    ("商贸", "贸易"),
    ("建材", "贸易"),
    ("超市", "零售"),
    ("百货", "零售"),
    ("便利店", "零售"),
    ("药房", "零售"),
    ("物流", "服务业"),
    ("科技", "服务业"),
    ("餐饮", "服务业"),
    ("酒店", "服务业"),
    ("装饰工程", "服务业"),
)
SUFFIXES = ("有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司", "贸易商行")
EN_BRANDS = (
    "Acme",
    "Pacific",
    "Orient",
    "Golden Bridge",
    "Silverline",
    "Evergreen",
    "Bluewater",
    "Summit",
    "Harbor",
    "Northstar",
    "Redwood",
    "Lotus",
    "Jade",
    "Phoenix",
    "Unity",
    "Crown",
    "Apex",
    "Horizon",
)
EN_INDUSTRIES = ("Trading", "Logistics", "Electronics", "Machinery", "Foods", "Textiles", "Imports")
EN_SUFFIXES = ("Co., Ltd.", "Limited", "Inc.", "Trading Co., Ltd.")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌晶鹏辉"
EN_FIRST = ("John", "Mary", "David", "Linda", "Michael", "Susan", "James", "Karen", "Peter", "Emma")
EN_LAST = ("Smith", "Brown", "Taylor", "Wilson", "Chen", "Lee", "Wong", "Miller", "Clark", "Walker")
POSITIONS = ("总经理", "采购经理", "财务", "采购员", "老板", "销售总监", "仓库主管", "会计")
MOBILE_HEADS = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "177",
    "180",
    "181",
    "186",
    "187",
    "188",
    "189",
    "199",
)
CATEGORY_TREE = (
    ("华东区", ("制造业", "贸易", "零售")),
    ("华南区", ("制造业", "贸易", "服务业")),
    ("华北区", ("制造业", "贸易")),
    ("西南区", ("贸易", "零售", "服务业")),
    ("华中区", ("贸易",)),
    ("海外", ("贸易",)),
)
AREA_OF_PROVINCE = {
    "上海": "华东区",
    "江苏": "华东区",
    "浙江": "华东区",
    "山东": "华东区",
    "福建": "华东区",
    "广东": "华南区",
    "北京": "华北区",
    "天津": "华北区",
    "重庆": "西南区",
    "四川": "西南区",
    "湖北": "华中区",
    "河南": "华中区",
}
STREETS = (
    "人民路",
    "中山路",
    "解放路",
    "建设路",
    "和平路",
    "新华路",
    "工业园路",
    "长江路",
    "科技路",
)
LEVELS = ("VIP", "A", "B", "C", "潜在")

CUSTOMER_COLUMNS = (
    "id",
    "version",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "code",
    "name",
    "name_key",
    "short_name",
    "mnemonic",
    "mnemonic_manual",
    "customer_type",
    "category_id",
    "level_id",
    "region",
    "industry",
    "company_size",
    "source",
    "province",
    "city",
    "district",
    "address",
    "postcode",
    "phone",
    "phone_digits",
    "email",
    "website",
    "tax_number",
    "bank_name",
    "bank_account",
    "invoice_title",
    "invoice_address_phone",
    "credit_limit",
    "payment_terms_days",
    "settlement_method",
    "salesperson_id",
    "notes",
    "status",
    "deactivated_at",
    "deactivation_reason",
    "next_follow_up",
)
CONTACT_COLUMNS = (
    "customer_id",
    "name",
    "position",
    "phone",
    "mobile",
    "email",
    "im",
    "notes",
    "is_primary",
    "phone_digits",
    "mobile_digits",
    "sort_order",
)
FTS_COLUMNS = ("rowid", "name", "short_name", "contacts", "phones")


def _ensure_lookups(
    conn: Connection, now: datetime
) -> tuple[dict[tuple[str, str], int], list[int]]:
    """Category tree (area → industry) and levels; returns {(area, industry): id} and level ids."""
    from erpdesk.services.customer_lookups import next_category_code

    stamp = {
        "version": 1,
        "created_at": now,
        "created_by": ACTOR,
        "updated_at": now,
        "updated_by": ACTOR,
    }
    cats: dict[tuple[str, str], int] = {}
    for area, industries in CATEGORY_TREE:
        parent = conn.execute(
            select(CustomerCategory.id).where(
                CustomerCategory.name == area, CustomerCategory.parent_id.is_(None)
            )
        ).scalar_one_or_none()
        if parent is None:
            parent = conn.execute(
                insert(CustomerCategory)
                .values(
                    parent_id=None,
                    code=next_category_code(conn, None),
                    name=area,
                    prefix="",
                    active=True,
                    **stamp,
                )
                .returning(CustomerCategory.id)
            ).scalar_one()
        cats[(area, "")] = parent
        for industry in industries:
            child = conn.execute(
                select(CustomerCategory.id).where(
                    CustomerCategory.name == industry, CustomerCategory.parent_id == parent
                )
            ).scalar_one_or_none()
            if child is None:
                child = conn.execute(
                    insert(CustomerCategory)
                    .values(
                        parent_id=parent,
                        code=next_category_code(conn, parent),
                        name=industry,
                        prefix="",
                        active=True,
                        **stamp,
                    )
                    .returning(CustomerCategory.id)
                ).scalar_one()
            cats[(area, industry)] = child
    level_ids = []
    for order, name in enumerate(LEVELS):
        found = conn.execute(
            select(CustomerLevel.id).where(CustomerLevel.name == name)
        ).scalar_one_or_none()
        if found is None:
            found = conn.execute(
                insert(CustomerLevel)
                .values(name=name, sort_order=order, active=True, **stamp)
                .returning(CustomerLevel.id)
            ).scalar_one()
        level_ids.append(found)
    return cats, level_ids


def _code_block(conn: Connection, count: int, now: datetime, day: date) -> list[str]:
    """Take ``count`` consecutive codes of the global rule (created as KH{SEQ:7} when missing)."""
    rule = conn.execute(
        select(CodeRule).where(CodeRule.category_id.is_(None), CodeRule.active.is_(True))
    ).first()
    if rule is None:
        conn.execute(
            insert(CodeRule).values(
                name="KH",
                pattern=DEMO_PATTERN,
                reset=codes.CodeReset.NEVER.value,
                category_id=None,
                active=True,
                version=1,
                created_at=now,
                created_by=ACTOR,
                updated_at=now,
                updated_by=ACTOR,
            )
        )
    choice = customer_codes.rule_for(conn, None)
    frame = customer_codes.frame_for(conn, choice, day, None, "")
    series = frame.series(choice.key)
    start = numbering.peek(conn, series, frame.period)
    taken = set(
        conn.execute(select(IssuedCode.code).where(IssuedCode.scope == "customer")).scalars()
    )
    out: list[str] = []
    serial = start
    while len(out) < count:
        code = frame.code(serial)
        if code not in taken:
            out.append(code)
        serial += 1
    numbering.allocate(conn, series, frame.period)  # creates the counter row if missing
    conn.execute(
        update(NumberSeries)
        .where(NumberSeries.series == series, NumberSeries.period == frame.period)
        .values(next_value=serial)
    )
    return out


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_HEADS) + f"{rng.randrange(100_000_000):08d}"


def _uscc(rng: random.Random) -> str:
    body = f"91{rng.randrange(110000, 660000)}{rng.randrange(10**8, 10**9)}"
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(body, USCC_WEIGHTS, strict=True))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


_USCC_VALUE = {ch: i for i, ch in enumerate(USCC_ALPHABET)}


Chunk = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def generate(
    count: int,
    *,
    first_id: int,
    codes_block: list[str],
    cats: dict[tuple[str, str], int],
    level_ids: list[int],
    sales_ids: list[int],
    now: Any,
    today: date,
    seed: int = 20250503,
) -> Iterator[Chunk]:
    """Chunks of (customer rows, contact rows, fts rows) as tuples in column order.

    ``now`` is the timestamp value as the driver wants it (a UTC string for raw SQLite). Large
    counts are generated in worker processes, in order, while the caller writes earlier chunks.
    """
    specs = [
        (
            start,
            min(CHUNK, count - start),
            first_id + start,
            codes_block[start : start + CHUNK],
            cats,
            level_ids,
            sales_ids,
            now,
            today,
            seed + start,
        )
        for start in range(0, count, CHUNK)
    ]
    if len(specs) < 4:
        yield from map(_chunk, specs)
        return
    with ProcessPoolExecutor(max_workers=2) as pool:
        yield from pool.map(_chunk, specs)


def _chunk(spec: tuple[Any, ...]) -> Chunk:
    _start, count, first_id, codes_block, cats, level_ids, sales_ids, now, today, seed = spec
    rng = random.Random(seed)
    brand_pairs = [a + b for a in BRAND_CHARS for b in BRAND_CHARS if a != b]
    brand_init = {b: initials(b) for b in brand_pairs}
    ind_init = {i: initials(i) for i, _ in INDUSTRIES}
    surname_init = {s: initials(s) for s in SURNAMES}
    given_init = {g: initials(g) for g in GIVEN}
    cities = [(prov, city, area, dists) for prov, cs in PLACES for city, area, dists in cs]
    en_keys: dict[str, str] = {}
    customers: list[tuple[Any, ...]] = []
    contacts: list[tuple[Any, ...]] = []
    fts: list[tuple[Any, ...]] = []
    stamp = (1, now, ACTOR, now, ACTOR)
    for n in range(count):
        cid = first_id + n
        prov, city, area_code, dists = rng.choice(cities)
        area = AREA_OF_PROVINCE[prov]
        kind = rng.random()
        website = email = tax = bank = account = inv_title = size = ""
        if kind < 0.78:  # Chinese company
            brand = rng.choice(brand_pairs)
            industry, sector = rng.choice(INDUSTRIES)
            city_short = city[:-1] if city.endswith("市") else city
            suffix = rng.choice(SUFFIXES)
            name = f"{city_short}{brand}{industry}{suffix}"
            # what normalise_name gives, without running it a million times
            key = f"{city_short}{brand}{industry}" + (suffix if suffix == "贸易商行" else "")
            short = f"{brand}{industry}"[:20]
            mnemonic = brand_init[brand] + ind_init[industry]
            ctype = "company"
            tax = _uscc(rng)
            bank = (
                rng.choice(("中国工商银行", "中国建设银行", "招商银行", "中国银行", "交通银行"))
                + city_short
                + "分行"
            )
            account = f"{rng.randrange(10**15, 10**16)}"
            inv_title = name
            size = rng.choice(("1-20人", "20-99人", "100-499人", "500人以上"))
            category = cats.get((area, sector)) or cats[(area, "")]
        elif kind < 0.88:  # English-named company
            brand = rng.choice(EN_BRANDS)
            industry = rng.choice(EN_INDUSTRIES)
            name = f"{brand} {industry} {rng.choice(EN_SUFFIXES)}"
            key = en_keys.get(name) or en_keys.setdefault(name, normalise_name(name))
            short = f"{brand} {industry}"[:20]
            mnemonic = "".join(w[0] for w in short.split()).upper()
            ctype = "company"
            website = f"www.{brand.lower().replace(' ', '')}-{industry.lower()}.com"
            email = f"sales@{brand.lower().replace(' ', '')}.com"
            inv_title = name
            category = cats.get(("海外", "贸易")) or cats[(area, "")]
            sector = "贸易"
        elif kind < 0.97:  # Chinese individual
            surname = rng.choice(SURNAMES)
            given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            name = short = key = surname + given
            mnemonic = surname_init[surname] + "".join(given_init[g] for g in given)
            ctype = "individual"
            category = cats[(area, "")]
            sector = ""
        else:  # English individual
            name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
            key = name.replace(" ", "").casefold()
            short = name[:20]
            mnemonic = "".join(w[0] for w in name.split()).upper()
            ctype = "individual"
            category = cats[(area, "")]
            sector = ""
        local = f"{rng.randrange(2, 9)}{rng.randrange(10**6, 10**7)}"
        phone, phone_digits = (
            (f"{area_code}-{local}", area_code + local) if ctype == "company" else ("", "")
        )
        district = rng.choice(dists)
        status = "inactive" if rng.random() < 0.03 else "active"
        follow = today + timedelta(days=rng.randrange(-10, 30)) if rng.random() < 0.05 else None
        customers.append(
            (
                cid,
                *stamp,
                codes_block[n],
                name,
                key,
                short,
                mnemonic[:30],
                False,
                ctype,
                category,
                rng.choice(level_ids),
                prov,
                sector,
                size,
                "",
                prov
                + ("" if prov.endswith("市") or prov in ("上海", "北京", "天津", "重庆") else "省"),
                city,
                district,
                f"{district}{rng.choice(STREETS)}{rng.randrange(1, 999)}号",
                "",
                phone,
                phone_digits,
                email,
                website,
                tax,
                bank,
                account,
                inv_title,
                "",
                rng.choice((0, 0, 10_000_00, 50_000_00, 200_000_00)),
                rng.choice((0, 30, 60, 90)),
                rng.choice(("cash", "monthly", "account")),
                rng.choice(sales_ids) if sales_ids else None,
                "",
                status,
                now if status == "inactive" else None,
                "演示停用" if status == "inactive" else "",
                follow,
            )
        )
        names = []
        phones = [phone_digits] if phone_digits else []
        for k in range(2 if rng.random() < 0.2 else 1):
            if ctype == "individual" and k == 0:
                cname = name
            else:
                cname = (
                    rng.choice(SURNAMES)
                    + rng.choice(GIVEN)
                    + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
                )
            mobile = _mobile(rng)
            contacts.append(
                (
                    cid,
                    cname,
                    rng.choice(POSITIONS) if ctype == "company" else "",
                    "",
                    f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}",
                    "",
                    "",
                    "",
                    k == 0,
                    "",
                    mobile,
                    k,
                )
            )
            names.append(cname)
            phones.append(mobile)
        fts.append((cid, name, "" if short in name else short, " ".join(names), " ".join(phones)))
    return customers, contacts, fts


def _secondary_indexes(conn: Connection, tables: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (name, sql)
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(tables))})",
            tables,
        )
    ]


def seed(database: Database, count: int, *, now: datetime | None = None) -> float:
    """Add ``count`` demo customers; returns the seconds it took."""
    started = time.perf_counter()
    now = now or datetime.now(UTC)
    today = now.date()
    with database.write_engine.begin() as conn:
        cats, level_ids = _ensure_lookups(conn, now)
        sales_ids = list(
            conn.execute(select(UserAccount.id).where(UserAccount.active.is_(True))).scalars()
        )
        first_id = (
            int(conn.execute(select(func.coalesce(func.max(Customer.id), 0))).scalar_one()) + 1
        )
        block = _code_block(conn, count, now, today)
        stamp: Any = now
        if database.is_sqlite:  # raw executemany: store what SQLAlchemy's DateTime would
            stamp = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        chunks = generate(
            count,
            first_id=first_id,
            codes_block=block,
            cats=cats,
            level_ids=level_ids,
            sales_ids=sales_ids,
            now=stamp,
            today=today,
        )
        if database.is_sqlite:
            _load_sqlite(conn, chunks, block, now, rebuild=first_id == 1 and count >= 20_000)
        else:
            _load_postgres(conn, chunks, block, now)
        audit.append(
            conn,
            audit.AuditContext(app_user=ACTOR, host="demo", txn_id="demo", at_utc=now),
            [audit.AuditEntry("customer", "demo", "demo_seed", None, {"count": count})],
        )
    return time.perf_counter() - started


def _load_sqlite(
    conn: Connection, chunks: Iterator[Any], block: list[str], now: datetime, *, rebuild: bool
) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    # A big page cache keeps SQLite from spilling half-built B-trees into the WAL and reading them back.
    raw.execute("PRAGMA cache_size = -1000000")
    raw.execute("PRAGMA threads = 2")  # CREATE INDEX sorts on a second core when one is free
    dropped = _secondary_indexes(conn, ("customer", "customer_contact")) if rebuild else []
    for name, _sql in dropped:
        raw.execute(f'DROP INDEX "{name}"')
    cust_sql = f"INSERT INTO customer ({', '.join(CUSTOMER_COLUMNS)}) VALUES ({', '.join('?' * len(CUSTOMER_COLUMNS))})"
    cont_sql = f"INSERT INTO customer_contact ({', '.join(CONTACT_COLUMNS)}) VALUES ({', '.join('?' * len(CONTACT_COLUMNS))})"
    fts_sql = "INSERT INTO customer_fts (rowid, name, short_name, contacts, phones) VALUES (?, ?, ?, ?, ?)"
    at = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    for customers, contacts, fts in chunks:
        raw.executemany(cust_sql, customers)
        raw.executemany(cont_sql, contacts)
        raw.executemany(fts_sql, fts)
    raw.executemany(
        "INSERT INTO issued_code (scope, code, issued_at) VALUES ('customer', ?, ?)",
        ((code, at) for code in block),
    )
    for _name, sql in dropped:
        raw.execute(sql)
    raw.execute("PRAGMA analysis_limit = 1000")
    raw.execute("ANALYZE")
    raw.execute("PRAGMA cache_size = -2000")


def _load_postgres(
    conn: Connection, chunks: Iterator[Any], block: list[str], now: datetime
) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur:
        for customers, contacts, _fts in chunks:
            with cur.copy(f"COPY customer ({', '.join(CUSTOMER_COLUMNS)}) FROM STDIN") as copy:
                for row in customers:
                    copy.write_row(row)
            with cur.copy(
                f"COPY customer_contact ({', '.join(CONTACT_COLUMNS)}) FROM STDIN"
            ) as copy:
                for row in contacts:
                    copy.write_row(row)
        with cur.copy("COPY issued_code (scope, code, issued_at) FROM STDIN") as copy:
            for code in block:
                copy.write_row(("customer", code, now))
        for table in ("customer", "customer_contact", "customer_category", "customer_level"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        cur.execute("ANALYZE customer")
        cur.execute("ANALYZE customer_contact")


def demo_step(database: Database, customers: int) -> list[str]:
    """``services.demo`` step: seed ``customers`` demo customers."""
    if customers <= 0:
        return []
    seconds = seed(database, customers)
    from erpdesk.domain.messages import render

    return [
        render("customer.demo_done", "en", count=customers, seconds=f"{seconds:.1f}"),
    ]
