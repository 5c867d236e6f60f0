<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddByHandDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="283"/>
        <source>Add by hand</source>
        <translation>手工添加</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="289"/>
        <source>Code, name or pinyin initials</source>
        <translation>编码、名称或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="303"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="304"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="309"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="345"/>
        <source>Find and choose one first.</source>
        <translation>请先查找并选择一项。</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="169"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="177"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="181"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="183"/>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="187"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="192"/>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="195"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="94"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="97"/>
        <source>The administrator manages users, backups and settings. Choose a password only you know; there is no default password.</source>
        <translation>系统管理员负责管理用户、备份和设置。请设置一个只有您自己知道的密码；系统没有默认密码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="102"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="108"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="112"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="114"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="126"/>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="137"/>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="140"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="145"/>
        <source>Choose a password.</source>
        <translation>请设置密码。</translation>
    </message>
</context>
<context>
    <name>AllocationModel</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/allocation_model.py" line="62"/>
        <source>Document</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/allocation_model.py" line="63"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/allocation_model.py" line="64"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/allocation_model.py" line="65"/>
        <source>Open</source>
        <translation>未收金额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/allocation_model.py" line="66"/>
        <source>Settle now</source>
        <translation>本次核销</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/allocation_model.py" line="163"/>
        <source>{0} is not an amount.</source>
        <translation>{0} 不是有效金额。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/allocation_model.py" line="166"/>
        <source>{0}: only {1} is open.</source>
        <translation>{0}：只剩 {1} 未收。</translation>
    </message>
</context>
<context>
    <name>ApprovalsController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="90"/>
        <source>Settlement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="91"/>
        <source>Voucher</source>
        <translation>临时凭证</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="92"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="93"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="94"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="95"/>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="96"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="149"/>
        <source>{0} waiting for approval</source>
        <translation>{0} 笔待审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="177"/>
        <source>Settles {0} · advance {1}</source>
        <translation>核销 {0} · 预收 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="183"/>
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="185"/>
        <source>Reference documents: {0}</source>
        <translation>依据单据：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="194"/>
        <source>Approve settlement</source>
        <translation>审批结算单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="195"/>
        <source>Approve {0} for {1}? It posts at once. Comment (optional):</source>
        <translation>审批通过 {0}（{1}）？通过后立即过账。审批意见（可选）：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="205"/>
        <source>{0} approved and posted.</source>
        <translation>{0} 已审批并过账。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="214"/>
        <source>Reject settlement</source>
        <translation>驳回结算单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="215"/>
        <source>Why is {0} rejected? (required)</source>
        <translation>驳回 {0} 的原因（必填）：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="223"/>
        <source>{0} rejected.</source>
        <translation>{0} 已驳回。</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="43"/>
        <source>&amp;Approve</source>
        <translation>审批通过(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="45"/>
        <source>Approve and post the selected settlement</source>
        <translation>审批通过并过账所选结算单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="46"/>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="48"/>
        <source>Reject with a comment</source>
        <translation>填写意见后驳回</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="49"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="51"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="53"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/approvals.py" line="55"/>
        <source>Write this list to an Excel file</source>
        <translation>将此列表导出为 Excel 文件</translation>
    </message>
</context>
<context>
    <name>BatchCount</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="145"/>
        <source>Counting customers…</source>
        <translation>正在统计客户…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="161"/>
        <source>{0} customers</source>
        <translation>{0} 个客户</translation>
    </message>
</context>
<context>
    <name>CancelReasonDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="198"/>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
</context>
<context>
    <name>CensusPanel</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="46"/>
        <source>Customer census</source>
        <translation>客户盘点核实</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="56"/>
        <source>Confirm (Enter)</source>
        <translation>确认无误 (Enter)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="58"/>
        <source>Save corrections</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="64"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="65"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="66"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="67"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="113"/>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="138"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="125"/>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="130"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="134"/>
        <source>Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="143"/>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="146"/>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>CodeChangeDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="195"/>
        <source>Change customer code</source>
        <translation>变更客户编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="199"/>
        <source>Empty: next code of the rule</source>
        <translation>留空：取编码规则的下一个编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="203"/>
        <source>Current code</source>
        <translation>当前编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="204"/>
        <source>New code</source>
        <translation>新编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="205"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="206"/>
        <source>The old code stays searchable and is never given out again.</source>
        <translation>旧编码仍可搜索，且不会再分配给其他客户。</translation>
    </message>
</context>
<context>
    <name>CodesPage</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="173"/>
        <source>Recovery codes</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="176"/>
        <source>If you forget your password, one of these codes lets you set a new one. Each code works once. Print them or write them down and keep them somewhere safe: they are shown only now.</source>
        <translation>如果忘记密码，可以用其中任意一个恢复码设置新密码。每个恢复码只能使用一次。请打印或抄写下来并妥善保管：恢复码只在此时显示一次。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="187"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="193"/>
        <source>I have written down or printed these codes</source>
        <translation>我已抄写或打印这些恢复码</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="47"/>
        <source>A comment is required.</source>
        <translation>必须填写意见。</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="56"/>
        <source>Your company</source>
        <translation>公司信息</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="58"/>
        <source>These details are printed on statements. You can change them later.</source>
        <translation>这些信息将打印在对账单上，以后可以修改。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="61"/>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="62"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="63"/>
        <source>Tax number (USCC):</source>
        <translation>税号（统一社会信用代码）：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="64"/>
        <source>Bank:</source>
        <translation>开户银行：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="65"/>
        <source>Bank account:</source>
        <translation>银行账号：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="66"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
</context>
<context>
    <name>CompanyProfileDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="40"/>
        <source>Company profile</source>
        <translation>公司资料</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="48"/>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="49"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="50"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="52"/>
        <source>Tax number (USCC):</source>
        <translation>税号（统一社会信用代码）：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="54"/>
        <source>Bank:</source>
        <translation>开户银行：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="56"/>
        <source>Bank account:</source>
        <translation>银行账号：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="61"/>
        <source>Account name (if not the company):</source>
        <translation>收款户名（与公司名称不同时填写）：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="69"/>
        <source>Settlements above this amount need an accountant&apos;s or manager&apos;s approval.</source>
        <translation>金额超过此数的结算须经会计或经理审批。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="71"/>
        <source>Approval above (¥):</source>
        <translation>审批金额阈值（¥）：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="76"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="77"/>
        <source>Statements returned within:</source>
        <translation>对账单回执期限：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/company_profile.py" line="81"/>
        <source>Aging buckets (days past due):</source>
        <translation>账龄分段（逾期天数）：</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="137"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="139"/>
        <source>{0} saved this customer after you opened it.</source>
        <translation>{0} 在您打开后保存了该客户。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="141"/>
        <source>They changed: {0}</source>
        <translation>对方修改了：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="143"/>
        <source>You changed: {0}</source>
        <translation>您修改了：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="146"/>
        <source>Both of you changed: {0} (your values are kept)</source>
        <translation>双方都修改了：{0}（保留您的值）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="149"/>
        <source>Your draft is kept. Take their changes into your draft, then save again?</source>
        <translation>您的草稿已保留。是否将对方的修改并入草稿后再保存？</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="156"/>
        <source>Take their changes</source>
        <translation>并入对方的修改</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="158"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>CorrectLineDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="222"/>
        <source>Correct a count</source>
        <translation>更正盘点数量</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="232"/>
        <source>Damaged, lost, entry error, not booked, other…</source>
        <translation>损坏、丢失、录入错误、未入账、其他…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="234"/>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="235"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="251"/>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
</context>
<context>
    <name>CreditDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="44"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="52"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="60"/>
        <source>Confirm anyway</source>
        <translation>仍然确认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="64"/>
        <source>Approver (manager or accountant)</source>
        <translation>审批人（经理或会计）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="65"/>
        <source>Approver&apos;s password</source>
        <translation>审批人口令</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="66"/>
        <source>Approve now</source>
        <translation>当场审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="68"/>
        <source>Send for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="76"/>
        <source>empty: approve as yourself</source>
        <translation>留空：以本人身份审批</translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="18"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="19"/>
        <source>Deactivated</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="20"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="21"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="28"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="30"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="31"/>
        <source>Mnemonic</source>
        <translation>助记码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="34"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="39"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="40"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="41"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="42"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="43"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="44"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="47"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="53"/>
        <source>Tax number</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="59"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="66"/>
        <source>Terms (days)</source>
        <translation>账期（天）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="73"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/columns.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CustomerDialogs</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="246"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="248"/>
        <source>The changes to {0} are not saved.</source>
        <translation>对 {0} 的修改尚未保存。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="250"/>
        <source>the new customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="253"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="257"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="321"/>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="323"/>
        <source>Delete {0}? It has no orders or notes. This cannot be undone.</source>
        <translation>删除 {0}？该客户没有订单或跟进记录。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="328"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CustomerFormController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="126"/>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="633"/>
        <source>No customer open</source>
        <translation>未打开客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="252"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="253"/>
        <source>Code proposed: {0}</source>
        <translation>建议编码：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="292"/>
        <source>Proposed from the code rule; you may type another code</source>
        <translation>按编码规则生成，可手工输入其他编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="294"/>
        <source>Allocated from the code rule when saved</source>
        <translation>保存时按编码规则分配</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="296"/>
        <source>Use Change code… to give the customer a new code</source>
        <translation>请用“变更编码…”为客户设置新编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="492"/>
        <source>Saved as {0}: {1} was taken by another clerk meanwhile.</source>
        <translation>已保存为 {0}：{1} 已被其他用户先行使用。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="497"/>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="526"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="537"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="546"/>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请更正标出的字段。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="560"/>
        <source>Contact {0}, {1}: {2}</source>
        <translation>联系人 {0}，{1}：{2}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="587"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="610"/>
        <source>Not saved: {0} changed this customer meanwhile.</source>
        <translation>未保存：{0} 在此期间修改了该客户。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="623"/>
        <source>Their changes are in your draft now; check it and save again.</source>
        <translation>对方的修改已并入您的草稿，请检查后再次保存。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="651"/>
        <source>Save or cancel your changes before changing the code.</source>
        <translation>变更编码前请先保存或取消当前修改。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="665"/>
        <source>Code changed to {0}.</source>
        <translation>编码已变更为 {0}。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="735"/>
        <source>Old codes: {0}</source>
        <translation>旧编码：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="790"/>
        <source>Linked.</source>
        <translation>已建立关系。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="806"/>
        <source>Link removed.</source>
        <translation>已删除关系。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="818"/>
        <source>Write what was said or agreed.</source>
        <translation>请填写沟通内容或约定事项。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="839"/>
        <source>Note added.</source>
        <translation>已添加跟进记录。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/controller.py" line="888"/>
        <source>Someone else changed this customer; saving will show what they changed.</source>
        <translation>他人修改了该客户；保存时将显示对方修改的内容。</translation>
    </message>
</context>
<context>
    <name>CustomerFormView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="78"/>
        <source>Basic</source>
        <translation>基本</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="79"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="80"/>
        <source>Finance and credit</source>
        <translation>财务与信用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="81"/>
        <source>Relationships</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="82"/>
        <source>Interactions</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="83"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="85"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="87"/>
        <source>Save the customer (Ctrl+S)</source>
        <translation>保存客户（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="88"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="90"/>
        <source>Throw away the changes not saved yet</source>
        <translation>放弃尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="128"/>
        <source>Change code…</source>
        <translation>变更编码…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="132"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="232"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="136"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="171"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="233"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="137"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="138"/>
        <source>Mnemonic</source>
        <translation>助记码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="139"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="140"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="141"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="143"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="145"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="146"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="147"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="148"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="150"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="151"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="152"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="153"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="154"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="155"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="173"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="156"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="175"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="157"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="161"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="177"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="172"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="174"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="176"/>
        <source>QQ / WeChat</source>
        <translation>QQ / 微信</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="178"/>
        <source>Primary</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="181"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="183"/>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="204"/>
        <source>Tax number</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="206"/>
        <source>Invoice title</source>
        <translation>开票单位</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="209"/>
        <source>Invoice address and phone</source>
        <translation>开票地址电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="211"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="212"/>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="213"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="216"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="218"/>
        <source>Payment terms</source>
        <translation>账期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="221"/>
        <source>Settlement method</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="231"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="234"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="246"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="271"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="235"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="236"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="243"/>
        <source>Code of the other customer</source>
        <translation>对方客户编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="247"/>
        <source>Link</source>
        <translation>建立关系</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="249"/>
        <source>Remove link</source>
        <translation>删除关系</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="268"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="269"/>
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="270"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="286"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="272"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="292"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="273"/>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="293"/>
        <source>Follow up on</source>
        <translation>下次跟进日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="274"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="289"/>
        <source>What was said or agreed</source>
        <translation>沟通内容或约定事项</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="302"/>
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="330"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="331"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="332"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="333"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="334"/>
        <source>Old → new</source>
        <translation>旧值 → 新值</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/view.py" line="335"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dock.py" line="29"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="26"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="27"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="32"/>
        <source>Cash on delivery</source>
        <translation>现结</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="33"/>
        <source>Monthly statement</source>
        <translation>月结</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="34"/>
        <source>On account</source>
        <translation>记账</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="39"/>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="40"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="41"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="42"/>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="90"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="43"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="44"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="51"/>
        <source>Parent company</source>
        <translation>总公司</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="52"/>
        <source>Branch</source>
        <translation>分公司</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="53"/>
        <source>Upstream (supplies us)</source>
        <translation>上游（供货给我方）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="54"/>
        <source>Downstream (we supply)</source>
        <translation>下游（我方供货）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="55"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="56"/>
        <source>Pays on its behalf</source>
        <translation>代其付款的单位</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="57"/>
        <source>It pays on behalf of</source>
        <translation>由其代付的单位</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="62"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="62"/>
        <source>Deactivated</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="66"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="67"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="68"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="69"/>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="70"/>
        <source>Interaction</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="71"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="74"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="75"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="76"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="77"/>
        <source>code changed</source>
        <translation>变更编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="78"/>
        <source>deactivated</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="79"/>
        <source>restored</source>
        <translation>恢复启用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="80"/>
        <source>saved anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="86"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="87"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="88"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="89"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="91"/>
        <source>QQ / WeChat</source>
        <translation>QQ / 微信</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="92"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="93"/>
        <source>Primary</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="100"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/labels.py" line="102"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CustomerListController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="125"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="126"/>
        <source>Deactivated</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="127"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="131"/>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="225"/>
        <source>{0} customers</source>
        <translation>{0} 个客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="305"/>
        <source>{0} is already deactivated.</source>
        <translation>{0} 已停用。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="355"/>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="358"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="35"/>
        <source>Search code, old code, name, mnemonic, phone or contact (Ctrl+F)</source>
        <translation>搜索编码、旧编码、名称、助记码、电话或联系人（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="37"/>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="39"/>
        <source>New customer (Ctrl+N)</source>
        <translation>新增客户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="40"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="42"/>
        <source>Open the selected customer (Enter)</source>
        <translation>打开所选客户（Enter）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="43"/>
        <source>Deactivate / delete</source>
        <translation>停用 / 删除</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="46"/>
        <source>Deactivate, or delete a customer without history (Del)</source>
        <translation>停用客户，无业务记录的客户可删除（Del）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="48"/>
        <source>&amp;Restore</source>
        <translation>恢复启用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="50"/>
        <source>Make a deactivated customer active again</source>
        <translation>重新启用已停用的客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="51"/>
        <source>Print &amp;labels…</source>
        <translation>打印标签(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="53"/>
        <source>Barcode labels for the customers listed</source>
        <translation>为列表中的客户打印条码标签</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="68"/>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="73"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="74"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="75"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="76"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="77"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CustomerOrdersPanel</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/history.py" line="87"/>
        <source>{0} orders, total {1}, delivered {2}, undelivered {3}, receivable {4}</source>
        <translation>{0} 张订单，合计 {1}，已发货 {2}，未发货 {3}，应收余额 {4}</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="45"/>
        <source>Customer: code, name or pinyin initials</source>
        <translation>客户：编码、名称或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="46"/>
        <source>Type and press Enter to take the best match</source>
        <translation>输入后按回车选取最匹配的客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="50"/>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="53"/>
        <source>1 · Customer</source>
        <translation>1 · 选择客户</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/db_password.py" line="44"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/db_password.py" line="47"/>
        <source>ERPDesk needs the password of the database {db}.</source>
        <translation>ERPDesk 需要数据库 {db} 的密码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/db_password.py" line="53"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/db_password.py" line="56"/>
        <source>Remember on this PC (in the system&apos;s password store)</source>
        <translation>在本机记住（保存在系统密码库中）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/db_password.py" line="64"/>
        <source>This computer has no password store, so ERPDesk asks for the database password each time it starts. It is never written to a file.</source>
        <translation>本机没有系统密码库，因此 ERPDesk 每次启动时都会询问数据库密码。密码绝不会写入文件。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/db_password.py" line="80"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="273"/>
        <source>Deactivate customer</source>
        <translation>停用客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="277"/>
        <source>{0} has history, so it cannot be deleted. Deactivate it? It will be hidden from lists and pickers and can be restored later.</source>
        <translation>{0} 已有业务记录，不能删除。是否停用？停用后将不在列表和选择框中显示，以后可恢复启用。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="286"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="289"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <location filename="../../erpdesk/ui/docks/registry.py" line="67"/>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/registry.py" line="74"/>
        <source>Customer details</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/registry.py" line="81"/>
        <source>Orders</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/registry.py" line="88"/>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/registry.py" line="95"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/registry.py" line="102"/>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="51"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="54"/>
        <source>These customers look like the one you are saving:</source>
        <translation>以下客户与您正在保存的客户相似：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="63"/>
        <source>Why is this a different customer?</source>
        <translation>为什么这是另一个客户？</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="65"/>
        <source>Reason to save anyway</source>
        <translation>仍然保存的原因</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="68"/>
        <source>Open existing</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="71"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="87"/>
        <source>same tax number</source>
        <translation>税号相同</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="88"/>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="89"/>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="90"/>
        <source>similar name</source>
        <translation>名称相似</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_form/dialogs.py" line="97"/>
        <source>[deactivated]</source>
        <translation>[已停用]</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="452"/>
        <source>&amp;Export customers…</source>
        <translation>导出客户(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="458"/>
        <source>Download &amp;template…</source>
        <translation>下载导入模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="449"/>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="455"/>
        <source>Export c&amp;ontacts…</source>
        <translation>导出联系人(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="494"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="495"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="496"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="497"/>
        <source>Sales orders</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="498"/>
        <source>Opening balances</source>
        <translation>期初应收</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="499"/>
        <source>Receipts</source>
        <translation>收款单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="502"/>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="502"/>
        <source>Template for:</source>
        <translation>模板类型：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="508"/>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="520"/>
        <source>Writing the template…</source>
        <translation>正在生成模板…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="552"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="553"/>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="554"/>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="566"/>
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="567"/>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="568"/>
        <source>Exporting contacts…</source>
        <translation>正在导出联系人…</translation>
    </message>
</context>
<context>
    <name>FollowUpsController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="105"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="106"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="107"/>
        <source>Document</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="108"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="109"/>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="110"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="111"/>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="112"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="116"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="183"/>
        <source>{0} to follow up</source>
        <translation>{0} 项待跟进</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="253"/>
        <source>{0} updated.</source>
        <translation>{0} 已更新。</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="47"/>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="55"/>
        <source>Ne&amp;xt action…</source>
        <translation>下次跟进(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="56"/>
        <source>Notice &amp;sent</source>
        <translation>通知已发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="57"/>
        <source>Notice &amp;confirmed</source>
        <translation>客户已确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="58"/>
        <source>&amp;Match invoice…</source>
        <translation>补录发票(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="59"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="60"/>
        <source>Ex&amp;port…</source>
        <translation>导出(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/follow_ups.py" line="61"/>
        <source>Write this list to an Excel file</source>
        <translation>将此列表导出为 Excel 文件</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="332"/>
        <source>Enter your password.</source>
        <translation>请输入您的密码。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="162"/>
        <source>Excel or CSV file</source>
        <translation>Excel 或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="163"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="152"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="168"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="169"/>
        <source>Contacts (keyed by customer code)</source>
        <translation>联系人（按客户编码）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="170"/>
        <source>Products (keyed by product code)</source>
        <translation>商品（按商品编码）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="171"/>
        <source>Sales orders (one row per order line)</source>
        <translation>销售订单（每行一条明细）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="173"/>
        <source>Opening balances (owed or paid in advance)</source>
        <translation>期初应收（欠款或预收）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="175"/>
        <source>Receipts (allocated oldest due first)</source>
        <translation>收款单（按到期日先后核销）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="178"/>
        <source>Add new rows only</source>
        <translation>仅新增</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="182"/>
        <source>Add new rows and update existing ones (customers by code or old code, contacts by name)</source>
        <translation>新增并更新已有记录（客户按编码或旧编码匹配，联系人按姓名匹配）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="192"/>
        <source>&amp;Check</source>
        <translation>校验(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="213"/>
        <source>Save &amp;error workbook…</source>
        <translation>保存错误说明工作簿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="218"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="270"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="290"/>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="310"/>
        <source>Checking {0}…</source>
        <translation>正在校验 {0}…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="384"/>
        <source>Import it again?</source>
        <translation>仍要再次导入吗？</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="402"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="426"/>
        <source>-errors</source>
        <translation>-错误说明</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="428"/>
        <source>Save the error workbook</source>
        <translation>保存错误说明工作簿</translation>
    </message>
</context>
<context>
    <name>InvoiceNumbersDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="115"/>
        <source>Match invoice</source>
        <translation>补录发票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="118"/>
        <source>Separated by commas or spaces</source>
        <translation>多个号码用逗号或空格分隔</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="121"/>
        <source>Invoice numbers for {0}</source>
        <translation>{0} 的发票号码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="128"/>
        <source>Enter at least one invoice number.</source>
        <translation>请至少填写一个发票号码。</translation>
    </message>
</context>
<context>
    <name>InvoicePage</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="31"/>
        <source>&amp;With invoice</source>
        <translation>有发票(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="34"/>
        <source>With&amp;out invoice (temporary voucher, needs approval)</source>
        <translation>无发票（临时凭证，需审批）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="45"/>
        <source>Invoice numbers of this customer, separated by commas or spaces</source>
        <translation>该客户的发票号码，多个用逗号或空格分隔</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="53"/>
        <source>&amp;Invoice numbers</source>
        <translation>发票号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="66"/>
        <source>Contract, order or delivery note numbers</source>
        <translation>合同、订单或送货单号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="67"/>
        <source>An invoice is still &amp;expected</source>
        <translation>仍需补开发票(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="73"/>
        <source>Rea&amp;son</source>
        <translation>事由(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="74"/>
        <source>Reference &amp;documents</source>
        <translation>依据单据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="78"/>
        <source>4 · Invoice</source>
        <translation>4 · 发票</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="74"/>
        <source>Document</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="75"/>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="84"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="76"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="77"/>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="84"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="78"/>
        <source>Open</source>
        <translation>未收</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="84"/>
        <source>Receipt</source>
        <translation>收款单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="84"/>
        <source>Not settled</source>
        <translation>未核销</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="87"/>
        <source>2 · Open items and advances</source>
        <translation>2 · 未收单据与预收款</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="90"/>
        <source>Open items (oldest due first)</source>
        <translation>未收单据（按到期日先后）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="92"/>
        <source>Advances (money received, not yet settled)</source>
        <translation>预收款（已收款、尚未核销）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="105"/>
        <source>Open items {0} · advances {1} · balance {2}</source>
        <translation>未收 {0} · 预收 {1} · 余额 {2}</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../erpdesk/ui/jobs.py" line="192"/>
        <location filename="../../erpdesk/ui/jobs.py" line="260"/>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/jobs.py" line="262"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/jobs.py" line="272"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/jobs.py" line="279"/>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="45"/>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="137"/>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="179"/>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="189"/>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="61"/>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="62"/>
        <source>Start at label</source>
        <translation>起始标签位置</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="63"/>
        <source>Copies of each</source>
        <translation>每项份数</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="67"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="80"/>
        <source>Labels are numbered row by row from the top left (1 to {0}).</source>
        <translation>标签从左上角起逐行编号（1 到 {0}）。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="87"/>
        <source>{0} labels on {1} sheets</source>
        <translation>{0} 张标签，共 {1} 页</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="138"/>
        <source>There is nothing to print.</source>
        <translation>没有可打印的标签。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="146"/>
        <source>Save labels</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="180"/>
        <source>{0} labels on {1} pages written to {2}.</source>
        <translation>已生成 {0} 张标签，共 {1} 页：{2}。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/labels.py" line="194"/>
        <source>Writing labels…</source>
        <translation>正在生成标签…</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="91"/>
        <source>ERPDesk is locked</source>
        <translation>ERPDesk 已锁定</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="99"/>
        <source>The window was locked after a period without use. Your unsaved work is kept. Enter the password of {user} to continue.</source>
        <translation>窗口因一段时间无操作已锁定，未保存的内容仍然保留。请输入 {user} 的密码以继续。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="106"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="112"/>
        <source>6-digit code from your authenticator app</source>
        <translation>身份验证器应用中的 6 位验证码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="113"/>
        <source>Authenticator code:</source>
        <translation>身份验证器验证码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="120"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="51"/>
        <source>Log in to ERPDesk</source>
        <translation>登录 ERPDesk</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="71"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="73"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="74"/>
        <source>Authenticator code:</source>
        <translation>身份验证器验证码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="78"/>
        <source>6-digit code from your authenticator app</source>
        <translation>身份验证器应用中的 6 位验证码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="84"/>
        <source>Forgot password?</source>
        <translation>忘记密码？</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="92"/>
        <source>Ask an administrator to reset your password: you get a one-time password and choose a new one when you log in. An administrator who forgot their own password can use one of the recovery codes shown when ERPDesk was set up.</source>
        <translation>请联系系统管理员重置密码：您会得到一个一次性密码，登录时再设置新密码。忘记自己密码的系统管理员可以使用初始设置时显示的恢复码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="102"/>
        <source>Use a recovery code…</source>
        <translation>使用恢复码…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="109"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="137"/>
        <source>Type the 6-digit code from your app.</source>
        <translation>请输入应用中显示的 6 位验证码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="143"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="172"/>
        <source>Enter the code from your authenticator app.</source>
        <translation>请输入身份验证器应用中的验证码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="185"/>
        <source>You logged in with a one-time password. Choose your own password to continue.</source>
        <translation>您使用一次性密码登录，请设置自己的密码后继续。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/login.py" line="192"/>
        <source>The password was not changed; you are not logged in.</source>
        <translation>密码未修改，您尚未登录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="66"/>
        <location filename="../../erpdesk/ui/main_window.py" line="254"/>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="86"/>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="88"/>
        <source>Write a verified copy of the database</source>
        <translation>写入一份经过校验的数据库副本</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="90"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="92"/>
        <source>Replace the database with a backup file</source>
        <translation>用备份文件替换当前数据库</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="96"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="100"/>
        <source>Reset &amp;layout</source>
        <translation>恢复默认布局(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="103"/>
        <source>&amp;About ERPDesk</source>
        <translation>关于 ERPDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="113"/>
        <source>The “{0}” module is not built yet.</source>
        <translation>“{0}”模块尚未完成。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="115"/>
        <location filename="../../erpdesk/ui/main_window.py" line="181"/>
        <source>Opening database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="139"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="150"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="156"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="162"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="175"/>
        <location filename="../../erpdesk/ui/main_window.py" line="267"/>
        <source>No database</source>
        <translation>未连接数据库</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="191"/>
        <location filename="../../erpdesk/ui/main_window.py" line="259"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="194"/>
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="199"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="258"/>
        <source>Database open — please sign in</source>
        <translation>数据库已打开，请登录</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="262"/>
        <source>Sign in to start.</source>
        <translation>登录后开始使用。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="266"/>
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="314"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="322"/>
        <source>Backup written to {0}</source>
        <translation>备份已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="325"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="326"/>
        <source>The backup was written and verified:
{0}</source>
        <translation>备份已写入并通过校验：
{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="329"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="339"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="341"/>
        <source>ERPDesk backups (*.db);;All files (*)</source>
        <translation>ERPDesk 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="346"/>
        <source>Replace the current database with the backup
{0}?

The current database is kept as a verified copy in
{1}</source>
        <translation>确定要用备份
{0}
替换当前数据库吗？

当前数据库会先保存一份经过校验的副本到
{1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="349"/>
        <location filename="../../erpdesk/ui/main_window.py" line="359"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="361"/>
        <source>The database was restored from
{0}

The previous one was kept as
{1}</source>
        <translation>数据库已从以下备份恢复：
{0}

原数据库已保存为
{1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="366"/>
        <source>Restoring the database…</source>
        <translation>正在恢复数据库…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="372"/>
        <source>About ERPDesk</source>
        <translation>关于 ERPDesk</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="374"/>
        <source>ERPDesk {0}
Customers, orders, settlements, statements and stocktake.</source>
        <translation>ERPDesk {0}
客户档案、销售订单、结算、对账单和盘点。</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="52"/>
        <source>New stocktake session</source>
        <translation>新建盘点单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="59"/>
        <source>Customers (census)</source>
        <translation>客户（客户盘点）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="60"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="66"/>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="91"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="68"/>
        <source>Blind count (counters do not see expected quantities)</source>
        <translation>盲盘（盘点人看不到账面数）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="73"/>
        <source>Counts</source>
        <translation>盘点对象</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="74"/>
        <source>Customer category</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="75"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="76"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="77"/>
        <source>Product category</source>
        <translation>商品分类</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="84"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="109"/>
        <source>Give the session a name.</source>
        <translation>请填写盘点单名称。</translation>
    </message>
</context>
<context>
    <name>NextActionDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="77"/>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="84"/>
        <source>No date</source>
        <translation>不设日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="91"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dialogs.py" line="93"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OrderColumns</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="30"/>
        <source>Number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="37"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="44"/>
        <source>Customer code</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="50"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="62"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="70"/>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="77"/>
        <source>Delivery date</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="84"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
</context>
<context>
    <name>OrderExport</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/export.py" line="33"/>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/export.py" line="34"/>
        <source>orders {0} to {1}</source>
        <translation>订单 {0} 至 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/export.py" line="37"/>
        <source>Exporting orders…</source>
        <translation>正在导出订单…</translation>
    </message>
</context>
<context>
    <name>OrderGridController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="96"/>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="194"/>
        <source>{0} orders</source>
        <translation>{0} 张订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="206"/>
        <source>{0} orders, total {1}, delivered {2}, undelivered {3}, receivable {4}</source>
        <translation>{0} 张订单，合计 {1}，已发货 {2}，未发货 {3}，应收余额 {4}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="249"/>
        <source>(new)</source>
        <translation>（新单）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="118"/>
        <source>No active customer matches.</source>
        <translation>没有匹配的有效客户。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="354"/>
        <source>No product {0}.</source>
        <translation>找不到商品 {0}。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="371"/>
        <source>Total {0}</source>
        <translation>合计 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="391"/>
        <source>Receivable {0} · undelivered {1} · credit not controlled</source>
        <translation>应收 {0} · 未发货 {1} · 不控制信用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="395"/>
        <source>Limit {0} · receivable {1} · undelivered {2} · available {3}</source>
        <translation>信用额度 {0} · 应收余额 {1} · 未发货 {2} · 可用额度 {3}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="402"/>
        <source> · overdue {0}</source>
        <translation> · 超期 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="505"/>
        <source>Deliver</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="506"/>
        <source>Post a delivery note for everything still open on {0}?</source>
        <translation>为订单 {0} 的全部未发货数量开具送货单？</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="547"/>
        <source>Reopen order</source>
        <translation>反审核订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="550"/>
        <source>Cancel order</source>
        <translation>作废订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="553"/>
        <source>Approve order</source>
        <translation>审批订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="556"/>
        <source>Reject order</source>
        <translation>驳回订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="582"/>
        <source>Orders</source>
        <translation>销售订单</translation>
    </message>
</context>
<context>
    <name>OrderGridView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="44"/>
        <source>Only this customer</source>
        <translation>仅当前客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="48"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="49"/>
        <source>&amp;New order</source>
        <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="51"/>
        <source>Start a new order (Ctrl+N)</source>
        <translation>新建一张订单（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="55"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="57"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="62"/>
        <source>&amp;Products…</source>
        <translation>商品(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="64"/>
        <source>Product list and form (Ctrl+P)</source>
        <translation>商品列表与资料（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="66"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="69"/>
        <source>Write the orders listed here, with these columns, to an Excel file</source>
        <translation>将列表中的订单按当前显示的列导出为 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="102"/>
        <source>Customer: code, name or pinyin initials</source>
        <translation>客户：编码、名称或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="116"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="118"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="125"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="128"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="132"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="133"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="134"/>
        <source>Delivery address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="136"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="137"/>
        <source>Payment terms</source>
        <translation>账期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="138"/>
        <source>Delivery date</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="139"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="157"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="157"/>
        <source>Save the draft (Ctrl+S)</source>
        <translation>保存草稿（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="160"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="160"/>
        <source>Confirm the order (Ctrl+Enter)</source>
        <translation>确认订单（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="163"/>
        <source>&amp;Deliver</source>
        <translation>发货(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="163"/>
        <source>Deliver everything still open (Ctrl+D)</source>
        <translation>全部未发货数量发货（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="166"/>
        <source>&amp;Reopen</source>
        <translation>反审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="166"/>
        <source>Back to draft (managers)</source>
        <translation>退回草稿（经理）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="169"/>
        <source>Cance&amp;l order</source>
        <translation>作废(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="169"/>
        <source>Cancel the order with a reason</source>
        <translation>填写原因后作废订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="173"/>
        <source>A&amp;pprove</source>
        <translation>审批(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="174"/>
        <source>Approve a pending order (managers, accountants)</source>
        <translation>审批待审批订单（经理、会计）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="177"/>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="177"/>
        <source>Send a pending order back to draft</source>
        <translation>将待审批订单退回草稿</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="80"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="81"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="82"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="83"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="84"/>
        <source>Price incl. tax</source>
        <translation>含税单价</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="85"/>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="86"/>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="87"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/lines_model.py" line="88"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="15"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="16"/>
        <source>Pending approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="17"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="18"/>
        <source>Partly delivered</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="19"/>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="20"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/columns.py" line="21"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>PasswordStrengthHint</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="78"/>
        <source>Use at least 8 characters with letters, digits and a symbol, or a long passphrase.</source>
        <translation>请至少使用 8 个字符，包含字母、数字和符号；也可以使用较长的密码短语。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/change_password.py" line="90"/>
        <source>Strength: {level}</source>
        <translation>强度：{level}</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="144"/>
        <source>Post stocktake</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="153"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="154"/>
        <source>Manager&apos;s password</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="162"/>
        <source>Approve and post</source>
        <translation>审批并过账</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/dialogs.py" line="166"/>
        <source>Enter the manager&apos;s name and password.</source>
        <translation>请输入经理的用户名和密码。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="101"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="102"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="103"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="104"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="105"/>
        <source>Reason or changes</source>
        <translation>原因或变更内容</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="133"/>
        <source>(from the code rule)</source>
        <translation>（按编码规则生成）</translation>
    </message>
</context>
<context>
    <name>ProductsDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="42"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="51"/>
        <source>Search code, barcode or name</source>
        <translation>搜索编码、条码或名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="53"/>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="83"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="54"/>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="84"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="55"/>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="85"/>
        <source>Specification</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="56"/>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="86"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="57"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="58"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="59"/>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="90"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="72"/>
        <source>empty: next number</source>
        <translation>留空：自动编号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="79"/>
        <source>several separated by commas</source>
        <translation>多个用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="80"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="87"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="88"/>
        <source>Price incl. tax</source>
        <translation>含税单价</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="89"/>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="95"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="97"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="99"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="176"/>
        <source>Price and tax rate must be numbers.</source>
        <translation>单价和税率必须是数字。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/products.py" line="200"/>
        <source>Saved as {0}.</source>
        <translation>已保存为 {0}。</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../erpdesk/ui/prompts.py" line="28"/>
        <source>An unexpected error occurred: {0}</source>
        <translation>发生意外错误：{0}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/dialogs.py" line="125"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReauthDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/reauth.py" line="37"/>
        <source>Confirm it is you</source>
        <translation>身份确认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/reauth.py" line="41"/>
        <source>Enter your password again to open {action}.</source>
        <translation>请再次输入密码以打开{action}。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/reauth.py" line="46"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/reauth.py" line="51"/>
        <source>Authenticator code:</source>
        <translation>身份验证器验证码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/reauth.py" line="61"/>
        <source>Enter your password.</source>
        <translation>请输入您的密码。</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="162"/>
        <source>Bank slip, cheque or transaction number</source>
        <translation>银行回单、支票或交易流水号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="169"/>
        <source>Receipt &amp;date</source>
        <translation>收款日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="170"/>
        <source>&amp;Method</source>
        <translation>收款方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="171"/>
        <source>&amp;Reference</source>
        <translation>流水号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="172"/>
        <source>&amp;Amount</source>
        <translation>收款金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="173"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="175"/>
        <source>&amp;FIFO</source>
        <translation>先进先出(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="177"/>
        <source>Settle the oldest items first (Ctrl+F)</source>
        <translation>先核销最早到期的单据（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="178"/>
        <source>All to ad&amp;vance</source>
        <translation>全部转预收(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="180"/>
        <source>Settle no item; keep the whole amount as an advance</source>
        <translation>不核销任何单据，全部金额转为预收款</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="182"/>
        <source>Allocation (editable; nothing is saved yet)</source>
        <translation>核销分配（可修改；尚未保存）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages.py" line="193"/>
        <source>3 · Receipt and allocation</source>
        <translation>3 · 收款与核销</translation>
    </message>
</context>
<context>
    <name>ReceiptRangeDialog</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="28"/>
        <source>Export receipts</source>
        <translation>导出收款单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="33"/>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="34"/>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="55"/>
        <source>The end date is before the start date.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
</context>
<context>
    <name>ReceivablesController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="171"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="172"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="173"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="178"/>
        <source>Open items</source>
        <translation>未核销应收</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="179"/>
        <source>Advances</source>
        <translation>预收款</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="180"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="193"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="196"/>
        <source>{0} customers as of {1}</source>
        <translation>截至 {1} 共 {0} 个客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="162"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="163"/>
        <source>Oldest due</source>
        <translation>最早到期日</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="164"/>
        <source>Last receipt</source>
        <translation>最近收款日</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="205"/>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="207"/>
        <source>Up to {0} days</source>
        <translation>{0} 天以内</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="209"/>
        <source>{0}–{1} days</source>
        <translation>{0}–{1} 天</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="211"/>
        <source>Over {0} days</source>
        <translation>{0} 天以上</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="245"/>
        <source>Export the aging report</source>
        <translation>导出账龄分析</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="246"/>
        <source>Aging {0}</source>
        <translation>账龄分析 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="247"/>
        <source>Exporting the aging report…</source>
        <translation>正在导出账龄分析…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="256"/>
        <source>Export the receivables summary</source>
        <translation>导出应收汇总</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="257"/>
        <source>Receivables {0}</source>
        <translation>应收汇总 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/controller.py" line="258"/>
        <source>Exporting the receivables summary…</source>
        <translation>正在导出应收汇总…</translation>
    </message>
</context>
<context>
    <name>ReceivablesView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="36"/>
        <source>Figures as they stood at the end of this day</source>
        <translation>按该日结束时的数据统计</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="37"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="39"/>
        <source>Run the report again (F5)</source>
        <translation>重新运行报表 (F5)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="40"/>
        <source>&amp;Statements…</source>
        <translation>对账单(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="43"/>
        <source>Print or save customer statements (Ctrl+Shift+S)</source>
        <translation>打印或保存客户对账单 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="46"/>
        <source>&amp;As of</source>
        <translation>截至日期(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="61"/>
        <source>Upper bounds in days past due, separated by commas: 30,60,90 gives not yet due, 1–30, 31–60, 61–90 and over 90 days</source>
        <translation>逾期天数的上限，用逗号分隔：30,60,90 表示未到期、1–30、31–60、61–90 和 90 天以上</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="64"/>
        <source>&amp;Buckets (days)</source>
        <translation>账龄区间（天）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="70"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="89"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="105"/>
        <source>A&amp;ging</source>
        <translation>账龄分析(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/receivables/view.py" line="106"/>
        <source>S&amp;ummary</source>
        <translation>应收汇总(&amp;U)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="37"/>
        <source>Recover with a recovery code</source>
        <translation>使用恢复码找回</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="43"/>
        <source>Enter one of the recovery codes you were given when ERPDesk was set up, and choose a new password. Each code works once. Without a code, another administrator can reset your password, or someone with access to the database can run “erpdesk user reset-password NAME”.</source>
        <translation>请输入 ERPDesk 初始设置时给您的任意一个恢复码，并设置新密码。每个恢复码只能使用一次。如果没有恢复码，可以请其他系统管理员重置密码，或由能访问数据库的人运行“erpdesk user reset-password 用户名”。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="55"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="59"/>
        <source>Recovery code:</source>
        <translation>恢复码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="61"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="69"/>
        <source>Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="73"/>
        <source>Set new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="80"/>
        <source>Enter your user name and a recovery code.</source>
        <translation>请输入用户名和恢复码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="83"/>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/recovery.py" line="88"/>
        <source>Choose a new password.</source>
        <translation>请设置新密码。</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="132"/>
        <source>Settlement &amp;notice PDF…</source>
        <translation>结算通知书 PDF(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="135"/>
        <source>Save the notice for the customer and open it (Ctrl+P)</source>
        <translation>保存给客户的结算通知书并打开（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="137"/>
        <source>New &amp;settlement</source>
        <translation>新结算(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="139"/>
        <source>Start again with another customer (Ctrl+N)</source>
        <translation>为其他客户重新开始（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="147"/>
        <source>6 · Result</source>
        <translation>6 · 结果</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="54"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="55"/>
        <source>Clerk</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="56"/>
        <source>Accountant</source>
        <translation>会计</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="57"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="224"/>
        <source>Roles of {user}</source>
        <translation>{user} 的角色</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="234"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>SessionControls</name>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="400"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="403"/>
        <source>Cover the window until your password is entered</source>
        <translation>遮挡窗口，直到输入密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="405"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="408"/>
        <source>&amp;Two-step sign-in…</source>
        <translation>两步验证(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="410"/>
        <source>Ask for a code from your phone when you log in</source>
        <translation>登录时要求输入手机上的验证码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="412"/>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="414"/>
        <source>Add users, change roles, reset passwords</source>
        <translation>添加用户、修改角色、重置密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="418"/>
        <source>Company &amp;profile…</source>
        <translation>公司资料(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="421"/>
        <source>What statements print, the approval threshold and the aging buckets</source>
        <translation>对账单抬头、审批金额阈值与账龄分段</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="425"/>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="472"/>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="483"/>
        <source>Two-step sign-in</source>
        <translation>两步验证</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="488"/>
        <source>Two-step sign-in is on.</source>
        <translation>两步验证已开启。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="496"/>
        <source>The company profile was saved.</source>
        <translation>公司资料已保存。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="507"/>
        <source>user management</source>
        <translation>用户管理</translation>
    </message>
</context>
<context>
    <name>SettlementDock</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dock.py" line="33"/>
        <source>Settle</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dock.py" line="40"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dock.py" line="45"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dock.py" line="64"/>
        <source>Expor&amp;t receipts…</source>
        <translation>导出收款单(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/dock.py" line="65"/>
        <source>Write the receipts of a date range to Excel</source>
        <translation>将某一日期范围内的收款单导出为 Excel</translation>
    </message>
</context>
<context>
    <name>SettlementExports</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="97"/>
        <source>Export receipts</source>
        <translation>导出收款单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="98"/>
        <source>receipts {0} to {1}</source>
        <translation>收款单 {0} 至 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="99"/>
        <source>Exporting receipts…</source>
        <translation>正在导出收款单…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="115"/>
        <source>Export the follow-up list</source>
        <translation>导出跟进列表</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="116"/>
        <source>follow-ups {0}</source>
        <translation>跟进事项 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="117"/>
        <source>Exporting the follow-up list…</source>
        <translation>正在导出跟进列表…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="126"/>
        <source>Export the settlements awaiting approval</source>
        <translation>导出待审批结算单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="127"/>
        <source>awaiting approval {0}</source>
        <translation>待审批结算 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/exports.py" line="128"/>
        <source>Exporting the settlements awaiting approval…</source>
        <translation>正在导出待审批结算单…</translation>
    </message>
</context>
<context>
    <name>SettlementLabels</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="26"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="29"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="30"/>
        <source>WeChat Pay</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="31"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="32"/>
        <source>Cheque / bank acceptance</source>
        <translation>支票/承兑汇票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="35"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="41"/>
        <source>With invoice</source>
        <translation>有发票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="42"/>
        <source>Without invoice (temporary voucher)</source>
        <translation>无发票（临时凭证）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="47"/>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="50"/>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="51"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="52"/>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="53"/>
        <source>Reversed</source>
        <translation>已红冲</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="59"/>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="60"/>
        <source>No invoice yet, one is expected</source>
        <translation>暂无发票·待开</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="63"/>
        <source>No invoice</source>
        <translation>不开票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="69"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="72"/>
        <source>Awaiting invoice</source>
        <translation>待补发票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="75"/>
        <source>Notice not confirmed</source>
        <translation>通知未确认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="78"/>
        <source>Overdue item</source>
        <translation>逾期应收</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="85"/>
        <source>Customer needs no invoice</source>
        <translation>客户不需要发票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="86"/>
        <source>Invoice to follow</source>
        <translation>发票后补</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/labels.py" line="87"/>
        <source>Small sundry amount</source>
        <translation>小额零星</translation>
    </message>
</context>
<context>
    <name>SettlementNotice</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/notice.py" line="41"/>
        <source>Save the settlement notice</source>
        <translation>保存结算通知书</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/notice.py" line="43"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SettlementSummary</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="26"/>
        <source>Customer: {0}</source>
        <translation>客户：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="27"/>
        <source>Receipt: {0} on {1} by {2}</source>
        <translation>收款：{0}，{1}，{2}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="35"/>
        <source>Reference: {0}</source>
        <translation>流水号：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="43"/>
        <source>  settles {0}: {1} of {2} open</source>
        <translation>  核销 {0}：{1}（未收 {2}）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="53"/>
        <source>Settled {0} · left as advance {1}</source>
        <translation>核销 {0} · 转预收 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="58"/>
        <source>Balance before {0} · after {1}</source>
        <translation>结算前余额 {0} · 结算后 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="65"/>
        <source>Invoice numbers: {0}</source>
        <translation>发票号码：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="71"/>
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="77"/>
        <source>Reference documents: {0}</source>
        <translation>依据单据：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="82"/>
        <source>An invoice is still expected</source>
        <translation>仍需补开发票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="84"/>
        <source>No invoice will be issued</source>
        <translation>不再开具发票</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="92"/>
        <source>No approval needed: it posts when you submit.</source>
        <translation>无需审批：提交后立即过账。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="99"/>
        <source>Needs approval by an accountant or manager (not you):</source>
        <translation>需要由其他会计或经理（不能是您本人）审批：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="108"/>
        <source>Posted: settlement {0}</source>
        <translation>已过账：结算单 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="112"/>
        <source>Waiting for approval: settlement {0}</source>
        <translation>待审批：结算单 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="115"/>
        <source>{0}: settlement {1}</source>
        <translation>{0}：结算单 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="123"/>
        <source>Customer: {0}  {1}</source>
        <translation>客户：{0}  {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="129"/>
        <source>Temporary voucher: {0}</source>
        <translation>临时凭证：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="135"/>
        <source>Receipt: {0}</source>
        <translation>收款单：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="140"/>
        <source>Amount {0} · settled {1} · advance {2}</source>
        <translation>金额 {0} · 核销 {1} · 预收 {2}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="150"/>
        <source>  {0}: {1} of {2} open</source>
        <translation>  {0}：{1}（未收 {2}）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="157"/>
        <source>Invoice: {0}</source>
        <translation>发票：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="159"/>
        <source>Submitted by {0} at {1}</source>
        <translation>提交人 {0}，{1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="168"/>
        <source>Decided by {0} at {1}</source>
        <translation>审批人 {0}，{1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/result_text.py" line="174"/>
        <source>Comment: {0}</source>
        <translation>意见：{0}</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/setup_wizard.py" line="213"/>
        <source>Set up ERPDesk</source>
        <translation>设置 ERPDesk</translation>
    </message>
</context>
<context>
    <name>StatementFilters</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="43"/>
        <source>Only customers settled &amp;monthly (月结)</source>
        <translation>仅月结客户(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="45"/>
        <source>With a deli&amp;very or receipt in the period</source>
        <translation>本期有送货或收款(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="49"/>
        <source>Together with “Only customers with a balance”: customers with a balance or with a delivery or receipt in the period. Needs a period, not an as-of date.</source>
        <translation>与“仅有余额的客户”同时勾选时：有余额或本期有送货或收款的客户。需要指定对账期间，不能用截止日期。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="56"/>
        <source>Ca&amp;tegory</source>
        <translation>客户分类(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="57"/>
        <source>Re&amp;gion</source>
        <translation>地区(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="58"/>
        <source>Salesperso&amp;n</source>
        <translation>业务员(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statement_filters.py" line="75"/>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
</context>
<context>
    <name>StatementsDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="77"/>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="369"/>
        <source>Statements</source>
        <translation>对账单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="88"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="89"/>
        <source>&amp;As of</source>
        <translation>截至(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="92"/>
        <source>&amp;From</source>
        <translation>起止日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="105"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="106"/>
        <source>All &amp;customers</source>
        <translation>全部客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="110"/>
        <source>The customer list&apos;s &amp;selection ({0})</source>
        <translation>客户列表中选中的客户（{0}）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="115"/>
        <source>Customers matching the &amp;search “{0}”</source>
        <translation>符合搜索“{0}”的客户(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="119"/>
        <source>Only customers with a &amp;balance</source>
        <translation>仅有余额的客户(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="140"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="141"/>
        <source>One &amp;PDF for all</source>
        <translation>全部合并为一个 PDF(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="144"/>
        <source>One file per customer (&amp;folder)</source>
        <translation>每个客户一个文件（文件夹）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="148"/>
        <source>Statements {0}</source>
        <translation>对账单 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="150"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="165"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="166"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="170"/>
        <source>&amp;Create statements</source>
        <translation>生成对账单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="173"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="175"/>
        <source>Show fol&amp;der</source>
        <translation>打开所在文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="177"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="179"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="236"/>
        <source>Save the statements as</source>
        <translation>对账单另存为</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="240"/>
        <source>Folder for the statements</source>
        <translation>对账单保存文件夹</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="279"/>
        <source>Choose where to save the statements.</source>
        <translation>请选择对账单的保存位置。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="316"/>
        <source>Creating statements…</source>
        <translation>正在生成对账单…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="328"/>
        <source>Cancelled: no statement files were kept.</source>
        <translation>已取消：未保留任何对账单文件。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="332"/>
        <source>No customer matches: no statement was created.</source>
        <translation>没有符合条件的客户：未生成对账单。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="335"/>
        <source>{0} statements, {1} pages written to {2}</source>
        <translation>已生成 {0} 份对账单，共 {1} 页，保存在 {2}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="391"/>
        <source>{0} pages sent to the printer.</source>
        <translation>已将 {0} 页发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="395"/>
        <source>Printing statements…</source>
        <translation>正在打印对账单…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="399"/>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="450"/>
        <source>&amp;Statements…</source>
        <translation>对账单(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/statements.py" line="454"/>
        <source>Print or save customer statements</source>
        <translation>打印或保存客户对账单</translation>
    </message>
</context>
<context>
    <name>StocktakeController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="246"/>
        <source>No open session</source>
        <translation>没有未完成的盘点单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="249"/>
        <source>{0}: {1} of {2} counted, {3} unknown</source>
        <translation>{0}：已盘 {1} / {2}，未识别 {3}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="259"/>
        <source>Open</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="260"/>
        <source>Counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="261"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="262"/>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="263"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="318"/>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="375"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="319"/>
        <source>{0} scans are still being saved; try again in a moment.</source>
        <translation>还有 {0} 条扫描正在保存，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="330"/>
        <source>Post {0} {1}: {2} of {3} counted. This cannot be undone.</source>
        <translation>过账 {0} {1}：已盘 {2} / {3}。过账后不能撤销。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="360"/>
        <source>Cancel session</source>
        <translation>作废盘点单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/controller.py" line="360"/>
        <source>Why is this session cancelled?</source>
        <translation>作废这张盘点单的原因？</translation>
    </message>
</context>
<context>
    <name>StocktakeDockView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="91"/>
        <source>&amp;New session…</source>
        <translation>新建盘点(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="92"/>
        <source>Start &amp;counting</source>
        <translation>开始盘点(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="93"/>
        <source>To re&amp;view</source>
        <translation>提交复核(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="94"/>
        <source>&amp;Post…</source>
        <translation>过账(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="95"/>
        <source>Cancel session…</source>
        <translation>作废盘点单…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="96"/>
        <source>Print &amp;labels…</source>
        <translation>打印标签(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="98"/>
        <source>Session</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="116"/>
        <source>Scan or type a code, Enter (12*CODE counts 12)</source>
        <translation>扫描或输入编码后回车（12*编码 计 12 个）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="125"/>
        <source>&amp;Undo last scan (Ctrl+Z)</source>
        <translation>撤销上一次扫描(&amp;U) (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="126"/>
        <source>Co&amp;rrect line…</source>
        <translation>更正数量(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="127"/>
        <source>&amp;Add by hand…</source>
        <translation>手工添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="128"/>
        <source>Retry failed scans</source>
        <translation>重试未保存的扫描</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="142"/>
        <source>Unknown</source>
        <translation>未识别</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="179"/>
        <source>Expected vs counted</source>
        <translation>账面与实盘</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="180"/>
        <source>Missing</source>
        <translation>漏盘</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="181"/>
        <source>Unexpected</source>
        <translation>盘盈/新增</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="182"/>
        <source>Unknown codes</source>
        <translation>未识别编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="183"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="184"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="185"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="186"/>
        <source>Investigate</source>
        <translation>待调查</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="188"/>
        <source>&amp;Export count sheet…</source>
        <translation>导出盘点表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="191"/>
        <source>&amp;Import handheld file…</source>
        <translation>导入手持终端文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="194"/>
        <source>Correct / give a reason…</source>
        <translation>更正 / 填写原因…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="198"/>
        <source>Missing customers:</source>
        <translation>未找到的客户：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="219"/>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/view.py" line="220"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
</context>
<context>
    <name>StocktakeModels</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="42"/>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="205"/>
        <source>Counted</source>
        <translation>已计数</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="43"/>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="52"/>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="219"/>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="44"/>
        <source>Already found</source>
        <translation>已找到过</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="45"/>
        <source>Unknown</source>
        <translation>未识别</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="53"/>
        <source>Confirmed</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="54"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="55"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="56"/>
        <source>Investigate</source>
        <translation>待调查</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="71"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="72"/>
        <source>Scanned</source>
        <translation>扫描内容</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="73"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="74"/>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="198"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="75"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="76"/>
        <source>Line total</source>
        <translation>该行合计</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="167"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="172"/>
        <source>Undo…</source>
        <translation>撤销中…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="174"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="176"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的扫描</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="179"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="181"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="197"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="200"/>
        <source>Expected</source>
        <translation>账面数</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="210"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="214"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="221"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="223"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="229"/>
        <source>Census</source>
        <translation>核实结果</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="234"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/models.py" line="238"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>StocktakeReview</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="90"/>
        <source>Enter in the scan field confirms; edit a field to correct.</source>
        <translation>在扫描框按回车即确认无误；修改字段可更正。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="108"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="128"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="181"/>
        <source>{0} lines, {1} differences, {2} missing, {3} unexpected, {4} unknown codes</source>
        <translation>{0} 行，{1} 处差异，漏盘 {2}，盘盈/新增 {3}，未识别编码 {4}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="270"/>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="294"/>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="307"/>
        <source>Export count sheet</source>
        <translation>导出盘点表</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="295"/>
        <source>{0} rows written to {1}.</source>
        <translation>已写入 {0} 行：{1}。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="302"/>
        <source>Writing the count sheet…</source>
        <translation>正在生成盘点表…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="308"/>
        <source>Export cancelled: no count sheet was written.</source>
        <translation>导出已取消，未写入盘点表。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="330"/>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="364"/>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="381"/>
        <source>Import handheld file</source>
        <translation>导入手持终端文件</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="352"/>
        <source>This file was imported before; nothing was counted again.</source>
        <translation>此文件已导入过，未重复计数。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="356"/>
        <source>{0} rows read: {1} recorded ({2} with unknown codes), {3} skipped.</source>
        <translation>读取 {0} 行：记录 {1} 行（其中未识别编码 {2} 行），跳过 {3} 行。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="375"/>
        <source>Importing the handheld file…</source>
        <translation>正在导入手持终端文件…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/review.py" line="382"/>
        <source>Import cancelled: nothing was counted; the file can be imported again.</source>
        <translation>导入已取消，未计入任何数量；该文件可以重新导入。</translation>
    </message>
</context>
<context>
    <name>StocktakeScan</name>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="60"/>
        <source>Not counting: choose a session and start counting ({0} was not saved).</source>
        <translation>当前未在盘点：请选择盘点单并开始盘点（{0} 未保存）。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="101"/>
        <source>Undone: {0} {1}, now {2}</source>
        <translation>已撤销：{0} {1}，现为 {2}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="106"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的扫描</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="116"/>
        <source>Unknown code: {0}</source>
        <translation>未识别编码：{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="125"/>
        <source>{0}  +{1}  → {2}</source>
        <translation>{0}  +{1}  → {2}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="131"/>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="133"/>
        <source>already found</source>
        <translation>之前已找到</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="136"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="158"/>
        <source>Not saved: {0} ({1})</source>
        <translation>未保存：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="172"/>
        <source>To save: {0}</source>
        <translation>待保存 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="213"/>
        <source>(undo)</source>
        <translation>（撤销）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/stocktake/scanning.py" line="296"/>
        <source>Corrected: {0} {1} = {2} ({3})</source>
        <translation>已更正：{0} {1} = {2}（{3}）</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/pages_finish.py" line="109"/>
        <source>5 · Check and submit</source>
        <translation>5 · 核对并提交</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="254"/>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="258"/>
        <source>Give this one-time password to {user}. It is shown only now; {user} must choose a new password when logging in with it.</source>
        <translation>请把这个一次性密码交给 {user}。密码只在此时显示一次；{user} 用它登录时必须设置新密码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="273"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>TotpEnrolmentDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/totp_enrolment.py" line="72"/>
        <source>Set up two-step sign-in</source>
        <translation>设置两步验证</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/totp_enrolment.py" line="78"/>
        <source>Your account must use two-step sign-in. Set it up now to continue.</source>
        <translation>您的账户必须使用两步验证，请现在完成设置后继续。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/totp_enrolment.py" line="85"/>
        <source>Scan this code with an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP), then type the 6-digit code it shows.</source>
        <translation>请用手机上的身份验证器应用（例如 Microsoft Authenticator、Google Authenticator 或 FreeOTP）扫描此二维码，然后输入应用显示的 6 位验证码。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/totp_enrolment.py" line="98"/>
        <source>Cannot scan? Enter this key in the app: {key}</source>
        <translation>无法扫描？请在应用中输入此密钥：{key}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/totp_enrolment.py" line="107"/>
        <source>Code from the app:</source>
        <translation>应用中的验证码：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/totp_enrolment.py" line="115"/>
        <source>Turn on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/totp_enrolment.py" line="120"/>
        <source>Type the 6-digit code from the app.</source>
        <translation>请输入应用中显示的 6 位验证码。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="102"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="103"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="104"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="106"/>
        <source>Two-step sign-in</source>
        <translation>两步验证</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="127"/>
        <source>On</source>
        <translation>已开启</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="127"/>
        <source>Off</source>
        <translation>未开启</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="131"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="133"/>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="135"/>
        <source>Active, must change password</source>
        <translation>正常，需修改密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="136"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="290"/>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="375"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="306"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="308"/>
        <source>Change roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="311"/>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="408"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="313"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="315"/>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="371"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="371"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="410"/>
        <source>Give {user} a new one-time password? The current password stops working.</source>
        <translation>要给 {user} 生成新的一次性密码吗？当前密码将失效。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="440"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/users.py" line="441"/>
        <source>{user} will no longer be able to log in. Continue?</source>
        <translation>{user} 将无法再登录。是否继续？</translation>
    </message>
</context>
<context>
    <name>WizardController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="98"/>
        <source>No active customer matches.</source>
        <translation>没有匹配的有效客户。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="221"/>
        <source>You may look at settlements but not enter them.</source>
        <translation>您可以查看结算单，但无权录入。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="328"/>
        <source>Settled {0} · that is {1} more than received</source>
        <translation>核销 {0} · 比收款多出 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="335"/>
        <source>Settled {0} · left as advance {1}</source>
        <translation>核销 {0} · 转预收 {1}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="345"/>
        <source>Enter the amount received.</source>
        <translation>请填写收款金额。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="357"/>
        <source>More is settled than was received.</source>
        <translation>核销金额超过了收款金额。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="376"/>
        <source>Enter the invoice numbers, or choose without invoice.</source>
        <translation>请填写发票号码，或选择无发票结算。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="380"/>
        <source>Give the reason for settling without an invoice.</source>
        <translation>请填写无发票结算的事由。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard.py" line="465"/>
        <source>Notice saved: {0}</source>
        <translation>通知书已保存：{0}</translation>
    </message>
</context>
<context>
    <name>WizardView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard_view.py" line="38"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard_view.py" line="40"/>
        <source>Previous step (Alt+B)</source>
        <translation>上一步（Alt+B）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard_view.py" line="41"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard_view.py" line="43"/>
        <source>Next step (Ctrl+Enter)</source>
        <translation>下一步（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard_view.py" line="44"/>
        <source>S&amp;ubmit</source>
        <translation>提交(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/settlement/wizard_view.py" line="46"/>
        <source>Submit the settlement (Ctrl+Enter)</source>
        <translation>提交结算单（Ctrl+Enter）</translation>
    </message>
</context>
</TS>
