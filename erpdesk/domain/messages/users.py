"""Messages of users, login, passwords and permissions (issue 4): errors, CLI output, strength hints."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- password rules
    "pw.too_long": (
        "A password may have at most {max} characters.",
        "密码最多 {max} 个字符。",
    ),
    "pw.too_short": (
        "A password needs at least {min} characters.",
        "密码至少需要 {min} 个字符。",
    ),
    "pw.needs_mix": (
        "Use letters, digits and a special character (or a passphrase of 15 characters or more).",
        "请同时使用字母、数字和特殊字符（或使用 15 个字符以上的长密码短语）。",
    ),
    "pw.too_repetitive": (
        "The password repeats too few different characters.",
        "密码中不同的字符太少。",
    ),
    "pw.common": (
        "This password is too common; choose one that is harder to guess.",
        "该密码过于常见，请换一个不易猜到的密码。",
    ),
    "pw.contains_word": (
        "The password must not contain “{word}”.",
        "密码中不能包含“{word}”。",
    ),
    "pw.reused": (
        "This password was used recently; choose a new one.",
        "该密码最近使用过，请设置新密码。",
    ),
    "pw.same_as_old": (
        "The new password must differ from the current one.",
        "新密码不能与当前密码相同。",
    ),
    "pw.strength_0": ("Very weak", "非常弱"),
    "pw.strength_1": ("Weak", "弱"),
    "pw.strength_2": ("Fair", "一般"),
    "pw.strength_3": ("Good", "较强"),
    "pw.strength_4": ("Strong", "强"),
    "pw.policy_min_range": (
        "The minimum length must be between {lo} and {hi}.",
        "最小长度必须在 {lo} 到 {hi} 之间。",
    ),
    "pw.policy_passphrase_range": (
        "The passphrase length must be between {lo} and {hi}, or off.",
        "密码短语长度必须在 {lo} 到 {hi} 之间，或关闭。",
    ),
    "pw.policy_expiry_range": (
        "Password expiry must be between {lo} and {hi} days, or off.",
        "密码有效期必须在 {lo} 到 {hi} 天之间，或关闭。",
    ),
    "pw.policy_idle_range": (
        "The idle lock must be between {lo} and {hi} minutes.",
        "空闲锁定时间必须在 {lo} 到 {hi} 分钟之间。",
    ),
    # ----------------------------------------------------------------------- login
    "auth.bad_credentials": (
        "Wrong user name or password. {tries_left} more tries before the account is locked.",
        "用户名或密码错误。再错 {tries_left} 次账户将被锁定。",
    ),
    "auth.locked": (
        "Too many failed logins: the account is locked until {until}.",
        "登录失败次数过多，账户已锁定至 {until}。",
    ),
    "auth.wrong_code": (
        "Wrong or already used code. {tries_left} more tries before the account is locked.",
        "验证码错误或已使用。再错 {tries_left} 次账户将被锁定。",
    ),
    "auth.disabled": (
        "This account is disabled; ask an administrator.",
        "该账户已停用，请联系管理员。",
    ),
    "auth.ticket_expired": (
        "The login took too long; please start again.",
        "登录超时，请重新登录。",
    ),
    "auth.already_set_up": (
        "This database is already set up; log in instead.",
        "该数据库已完成初始设置，请直接登录。",
    ),
    "auth.required": ("This field is required.", "此项为必填。"),
    "auth.totp_needed": (
        "Enter the 6-digit code from your authenticator app.",
        "请输入身份验证器应用中的 6 位验证码。",
    ),
    "auth.cli_must_change": (
        "User {user} must set a new password first: log in to the ERPDesk app once.",
        "用户 {user} 需要先设置新密码：请先登录一次 ERPDesk 程序。",
    ),
    "auth.password_prompt": ("Password for {user}: ", "{user} 的密码："),
    "auth.totp_prompt": ("Authenticator code: ", "身份验证器验证码："),
    "auth.no_password": (
        "No password given for {user}: set ERPDESK_PASSWORD or run in a terminal.",
        "未提供 {user} 的密码：请设置 ERPDESK_PASSWORD 或在终端中运行。",
    ),
    # ------------------------------------------------------------------------ users
    "user.not_found": ("There is no user {user}.", "用户 {user} 不存在。"),
    "user.name_taken": ("The user name {user} is taken.", "用户名 {user} 已被使用。"),
    "user.name_invalid": (
        "A user name has 1 to 64 characters, without spaces at either end or control characters.",
        "用户名须为 1 到 64 个字符，首尾不能有空格，不能含控制字符。",
    ),
    "user.no_roles": ("Give the user at least one role.", "请至少为用户分配一个角色。"),
    "user.unknown_role": ("Unknown role {role}.", "未知角色 {role}。"),
    "user.last_admin": (
        "This is the last active administrator; keep at least one.",
        "这是最后一个有效的管理员，至少需要保留一个。",
    ),
    "user.not_yourself": (
        "You cannot disable your own account.",
        "不能停用自己的账户。",
    ),
    "user.totp_code_wrong": (
        "The code does not match; check the phone's clock and enter the current code.",
        "验证码不匹配，请检查手机时间后输入当前验证码。",
    ),
    "user.company_name_required": ("Enter the company name.", "请填写公司名称。"),
    "user.company_bad_threshold": (
        "The approval threshold {amount} must be zero or more, with at most two decimals.",
        "审批金额阈值 {amount} 必须不小于零，且最多两位小数。",
    ),
    "user.company_bad_return_days": (
        "Statements must be returned within 1 to 365 days, not {days}.",
        "对账单回执期限须为 1 至 365 天，不能是 {days} 天。",
    ),
    "user.added": (
        "User {user} added. One-time password (shown once, to be changed at first login): {password}",
        "已添加用户 {user}。一次性密码（仅显示一次，首次登录时须修改）：{password}",
    ),
    "user.password_reset": (
        "Password of {user} reset. One-time password (shown once, to be changed at first login): "
        "{password}",
        "已重置 {user} 的密码。一次性密码（仅显示一次，首次登录时须修改）：{password}",
    ),
    "user.unlocked": ("User {user} unlocked.", "已解锁用户 {user}。"),
    "user.list_header": (
        "User\tName\tRoles\tActive\tLocked until",
        "用户名\t姓名\t角色\t有效\t锁定至",
    ),
    "user.yes": ("yes", "是"),
    "user.no": ("no", "否"),
    "user.demo_header": (
        "Demo users (demo passwords, change them before real use):",
        "演示用户（演示密码，正式使用前请修改）：",
    ),
    "user.demo_line": ("  {user} ({role}): {password}", "  {user}（{role}）：{password}"),
    "role.admin": ("administrator", "管理员"),
    "role.clerk": ("clerk", "业务员"),
    "role.accountant": ("accountant", "会计"),
    "role.manager": ("manager", "经理"),
}
