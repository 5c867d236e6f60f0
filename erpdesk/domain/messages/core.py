"""Messages of the foundation: database opening, migrations, backups, checks, the CLI."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "db.network_path": (
        "The database {path} is on a network drive. SQLite files are not safe on shared folders: copy "
        "the file to this PC's disk, or use a PostgreSQL server so that several PCs can work together.",
        "数据库 {path} 位于网络位置。SQLite 数据库文件放在共享文件夹中并不安全：请把文件复制到本机磁盘，"
        "或者使用 PostgreSQL 服务器以便多台电脑共同使用。",
    ),
    "db.cloud_folder": (
        "Warning: the database {path} is inside a cloud-sync folder ({service}). Sync clients can copy "
        "the file in the middle of a save and damage it; move it to a normal folder.",
        "警告：数据库 {path} 位于云同步文件夹（{service}）中。同步程序可能在保存过程中复制文件并损坏数据，"
        "请移到普通文件夹。",
    ),
    "db.sqlite_too_old": (
        "SQLite {found} is too old; ERPDesk needs {needed} or newer.",
        "SQLite 版本 {found} 过旧，ERPDesk 需要 {needed} 或更高版本。",
    ),
    "db.newer_schema": (
        "This database was written by a newer ERPDesk (schema {found}); this program knows schema "
        "{known}. Install the newer ERPDesk to open it.",
        "该数据库由更新版本的 ERPDesk 创建（结构版本 {found}），本程序只支持 {known}。"
        "请安装新版 ERPDesk 后再打开。",
    ),
    "db.file_missing": (
        "There is no database at {path}. Check the path, or run `erpdesk db upgrade` to create one.",
        "{path} 处没有数据库。请检查路径，或运行 `erpdesk db upgrade` 新建数据库。",
    ),
    "db.not_a_database": (
        "{path} is not an ERPDesk database.",
        "{path} 不是 ERPDesk 数据库。",
    ),
    "db.unsupported_url": (
        "Unsupported database address {url}: use sqlite:///PATH or postgresql://USER@HOST/DATABASE.",
        "不支持的数据库地址 {url}：请使用 sqlite:///路径 或 postgresql://用户@主机/数据库。",
    ),
    "db.connect_failed": (
        "Could not connect to the database {url}: {reason}",
        "无法连接数据库 {url}：{reason}",
    ),
    "db.password_required": (
        "The database {url} needs a password, or the password given was refused.",
        "数据库 {url} 需要密码，或所给密码被拒绝。",
    ),
    "db.upgrade_failed": (
        "Upgrading the database failed; it was left as it was before. Reason: {reason}",
        "数据库升级失败，数据库保持升级前的状态。原因：{reason}",
    ),
    "db.upgraded": (
        "Database upgraded from {old} to {new}.",
        "数据库已从 {old} 升级到 {new}。",
    ),
    "db.up_to_date": (
        "Database is up to date (schema {rev}).",
        "数据库已是最新结构（{rev}）。",
    ),
    "db.check_ok": (
        "All checks passed: integrity, foreign keys, audit chain ({rows} audit rows).",
        "全部检查通过：完整性、外键、审计链（{rows} 条审计记录）。",
    ),
    "db.check_integrity": (
        "Integrity check failed: {detail}",
        "完整性检查失败：{detail}",
    ),
    "db.check_foreign_key": (
        "Foreign key violation in table {table}, row {rowid}, referring to {parent}.",
        "外键错误：表 {table} 第 {rowid} 行引用的 {parent} 不存在。",
    ),
    "db.check_audit": (
        "Audit chain broken at audit row {row_id}: {reason}",
        "审计链在第 {row_id} 条审计记录处断裂：{reason}",
    ),
    "db.audit_row_altered": ("the row was altered", "该记录被修改过"),
    "db.audit_link_broken": (
        "it does not follow the row before it (a row was removed or reordered)",
        "与前一条记录不衔接（有记录被删除或调换顺序）",
    ),
    "db.audit_head_mismatch": (
        "the newest rows were removed",
        "最新的审计记录被删除",
    ),
    "db.conflict": (
        "Someone else changed this record meanwhile; reload it and try again.",
        "该记录已被其他人修改，请重新载入后再试。",
    ),
    "db.busy": (
        "The database stayed busy; nothing was saved. Try again in a moment.",
        "数据库繁忙，本次未保存任何内容。请稍后重试。",
    ),
    "backup.done": (
        "Backup written and verified: {path}",
        "备份已完成并通过校验：{path}",
    ),
    "backup.verify_failed": (
        "The backup copy failed its check ({detail}); it was discarded.",
        "备份文件校验失败（{detail}），已丢弃。",
    ),
    "backup.pg_dump_missing": (
        "pg_dump was not found; install the PostgreSQL client tools on this PC to back up the server.",
        "未找到 pg_dump：请在本机安装 PostgreSQL 客户端工具后再备份服务器数据库。",
    ),
    "backup.pg_dump_failed": (
        "pg_dump failed: {detail}",
        "pg_dump 执行失败：{detail}",
    ),
    "restore.not_found": ("The file {path} does not exist.", "文件 {path} 不存在。"),
    "restore.not_sqlite": (
        "{path} is not an SQLite database file; nothing was changed.",
        "{path} 不是 SQLite 数据库文件，未做任何更改。",
    ),
    "restore.damaged": (
        "{path} is damaged ({detail}); nothing was changed.",
        "{path} 已损坏（{detail}），未做任何更改。",
    ),
    "restore.newer": (
        "{path} comes from a newer ERPDesk (schema {found}); nothing was changed.",
        "{path} 来自更新版本的 ERPDesk（结构版本 {found}），未做任何更改。",
    ),
    "restore.audit_broken": (
        "{path} fails its audit-chain check at audit row {row_id} (damaged or altered); nothing was "
        "changed.",
        "{path} 的审计链校验在第 {row_id} 条审计记录处失败（文件损坏或被改动），未做任何更改。",
    ),
    "backup.source_missing": (
        "There is no database file at {path} to back up.",
        "{path} 处没有可备份的数据库文件。",
    ),
    "restore.foreign": (
        "{path} is not an ERPDesk database; nothing was changed.",
        "{path} 不是 ERPDesk 数据库，未做任何更改。",
    ),
    "restore.only_sqlite": (
        "Restore from the app works on SQLite databases; restore a PostgreSQL server with pg_restore.",
        "程序内恢复仅适用于 SQLite 数据库；PostgreSQL 服务器请使用 pg_restore 恢复。",
    ),
    "restore.in_use": (
        "The database {path} is in use by another ERPDesk window or program. Close it and restore "
        "again; nothing was changed.",
        "数据库 {path} 正被其他 ERPDesk 窗口或程序使用。请关闭后重新恢复；未做任何更改。",
    ),
    "restore.done": (
        "Restored from {source}. The previous database was kept as {kept}.",
        "已从 {source} 恢复。原数据库已保存为 {kept}。",
    ),
    "money.not_a_number": ("{value} is not an amount.", "{value} 不是有效金额。"),
    "money.too_precise": (
        "{value} has more than two decimals; amounts are kept to the fen.",
        "{value} 超过两位小数；金额只能精确到分。",
    ),
    "money.too_large": ("{value} is too large an amount.", "金额 {value} 过大。"),
    "cli.user_required": (
        "{command} changes data: name the user with --user NAME (password from ERPDESK_PASSWORD or a "
        "prompt).",
        "{command} 会修改数据：请用 --user 用户名 指定操作用户（密码取自 ERPDESK_PASSWORD 或提示输入）。",
    ),
    "cli.error": ("Error: {text}", "错误：{text}"),
    "selftest.line": ("[{mark}] {name}: {detail}", "[{mark}] {name}：{detail}"),
    "selftest.failed": (
        "Self-test failed: {names}. Reinstall ERPDesk or tell your administrator.",
        "自检未通过：{names}。请重新安装 ERPDesk 或联系管理员。",
    ),
    "selftest.no_keyring": (
        "no password store ({backend}): the database password is asked at start-up",
        "没有可用的密码存储（{backend}）：启动时将询问数据库密码",
    ),
    "selftest.passed": ("All {count} checks passed.", "全部 {count} 项检查通过。"),
    "cli.bad_date": (
        "{value} is not a date; write it as YYYY-MM-DD.",
        "{value} 不是有效日期，请写成 YYYY-MM-DD。",
    ),
    "perm.denied": (
        "{user} may not {action}.",
        "用户 {user} 无权执行：{action}。",
    ),
}
