<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="216"/>
        <source>{0} customers</source>
        <translation>{0} 个客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="296"/>
        <source>{0} is already deactivated.</source>
        <translation>{0} 已停用。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="332"/>
        <location filename="../../erpdesk/ui/docks/customer_list/controller.py" line="335"/>
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
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="64"/>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="69"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="70"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="71"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="72"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/customer_list/view.py" line="73"/>
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
        <location filename="../../erpdesk/ui/docks/registry.py" line="86"/>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/registry.py" line="87"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
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
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="446"/>
        <source>&amp;Export customers…</source>
        <translation>导出客户(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="449"/>
        <source>Download &amp;template…</source>
        <translation>下载导入模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="443"/>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="479"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="480"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="481"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="482"/>
        <source>Sales orders</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="483"/>
        <source>Opening balances</source>
        <translation>期初应收</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="484"/>
        <source>Receipts</source>
        <translation>收款单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="487"/>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="487"/>
        <source>Template for:</source>
        <translation>模板类型：</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="493"/>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="505"/>
        <source>Writing the template…</source>
        <translation>正在生成模板…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="536"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="537"/>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="566"/>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
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
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="161"/>
        <source>Excel or CSV file</source>
        <translation>Excel 或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="162"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="151"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="167"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="168"/>
        <source>Contacts (keyed by customer code)</source>
        <translation>联系人（按客户编码）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="169"/>
        <source>Products (keyed by product code)</source>
        <translation>商品（按商品编码）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="170"/>
        <source>Sales orders (one row per order line)</source>
        <translation>销售订单（每行一条明细）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="173"/>
        <source>Add new rows only</source>
        <translation>仅新增</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="177"/>
        <source>Add new rows and update existing ones (customers by code or old code, contacts by name)</source>
        <translation>新增并更新已有记录（客户按编码或旧编码匹配，联系人按姓名匹配）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="187"/>
        <source>&amp;Check</source>
        <translation>校验(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="208"/>
        <source>Save &amp;error workbook…</source>
        <translation>保存错误说明工作簿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="213"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="265"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="285"/>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="305"/>
        <source>Checking {0}…</source>
        <translation>正在校验 {0}…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="379"/>
        <source>Import it again?</source>
        <translation>仍要再次导入吗？</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="397"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="421"/>
        <source>-errors</source>
        <translation>-错误说明</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="423"/>
        <source>Save the error workbook</source>
        <translation>保存错误说明工作簿</translation>
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
        <location filename="../../erpdesk/ui/main_window.py" line="251"/>
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
        <location filename="../../erpdesk/ui/main_window.py" line="264"/>
        <source>No database</source>
        <translation>未连接数据库</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="191"/>
        <location filename="../../erpdesk/ui/main_window.py" line="256"/>
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
        <location filename="../../erpdesk/ui/main_window.py" line="255"/>
        <source>Database open — please sign in</source>
        <translation>数据库已打开，请登录</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="259"/>
        <source>Sign in to start.</source>
        <translation>登录后开始使用。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="263"/>
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="311"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="319"/>
        <source>Backup written to {0}</source>
        <translation>备份已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="322"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="323"/>
        <source>The backup was written and verified:
{0}</source>
        <translation>备份已写入并通过校验：
{0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="326"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="336"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="338"/>
        <source>ERPDesk backups (*.db);;All files (*)</source>
        <translation>ERPDesk 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="343"/>
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
        <location filename="../../erpdesk/ui/main_window.py" line="346"/>
        <location filename="../../erpdesk/ui/main_window.py" line="356"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="358"/>
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
        <location filename="../../erpdesk/ui/main_window.py" line="363"/>
        <source>Restoring the database…</source>
        <translation>正在恢复数据库…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="369"/>
        <source>About ERPDesk</source>
        <translation>关于 ERPDesk</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/main_window.py" line="371"/>
        <source>ERPDesk {0}
Customers, orders, settlements, statements and stocktake.</source>
        <translation>ERPDesk {0}
客户档案、销售订单、结算、对账单和盘点。</translation>
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
    <name>OrderGridController</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="104"/>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="200"/>
        <source>{0} orders</source>
        <translation>{0} 张订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="212"/>
        <source>{0} orders, total {1}, delivered {2}, undelivered {3}, receivable {4}</source>
        <translation>{0} 张订单，合计 {1}，已发货 {2}，未发货 {3}，应收余额 {4}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="249"/>
        <source>(new)</source>
        <translation>（新单）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="366"/>
        <source>No active customer matches.</source>
        <translation>没有匹配的有效客户。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="414"/>
        <source>No product {0}.</source>
        <translation>找不到商品 {0}。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="431"/>
        <source>Total {0}</source>
        <translation>合计 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="451"/>
        <source>Receivable {0} · undelivered {1} · credit not controlled</source>
        <translation>应收 {0} · 未发货 {1} · 不控制信用</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="455"/>
        <source>Limit {0} · receivable {1} · undelivered {2} · available {3}</source>
        <translation>信用额度 {0} · 应收余额 {1} · 未发货 {2} · 可用额度 {3}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="462"/>
        <source> · overdue {0}</source>
        <translation> · 超期 {0}</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="565"/>
        <source>Deliver</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="566"/>
        <source>Post a delivery note for everything still open on {0}?</source>
        <translation>为订单 {0} 的全部未发货数量开具送货单？</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="607"/>
        <source>Reopen order</source>
        <translation>反审核订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="610"/>
        <source>Cancel order</source>
        <translation>作废订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="613"/>
        <source>Approve order</source>
        <translation>审批订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="616"/>
        <source>Reject order</source>
        <translation>驳回订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/controller.py" line="642"/>
        <source>Orders</source>
        <translation>销售订单</translation>
    </message>
</context>
<context>
    <name>OrderGridView</name>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="45"/>
        <source>Only this customer</source>
        <translation>仅当前客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="49"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="50"/>
        <source>&amp;New order</source>
        <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="52"/>
        <source>Start a new order (Ctrl+N)</source>
        <translation>新建一张订单（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="54"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="56"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="58"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="63"/>
        <source>&amp;Products…</source>
        <translation>商品(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="65"/>
        <source>Product list and form (Ctrl+P)</source>
        <translation>商品列表与资料（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="97"/>
        <source>Customer: code, name or pinyin initials</source>
        <translation>客户：编码、名称或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="115"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="117"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="124"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="127"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="131"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="132"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="133"/>
        <source>Delivery address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="135"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="136"/>
        <source>Payment terms</source>
        <translation>账期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="137"/>
        <source>Delivery date</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="138"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="156"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="156"/>
        <source>Save the draft (Ctrl+S)</source>
        <translation>保存草稿（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="159"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="159"/>
        <source>Confirm the order (Ctrl+Enter)</source>
        <translation>确认订单（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="162"/>
        <source>&amp;Deliver</source>
        <translation>发货(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="162"/>
        <source>Deliver everything still open (Ctrl+D)</source>
        <translation>全部未发货数量发货（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="165"/>
        <source>&amp;Reopen</source>
        <translation>反审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="165"/>
        <source>Back to draft (managers)</source>
        <translation>退回草稿（经理）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="168"/>
        <source>Cance&amp;l order</source>
        <translation>作废(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="168"/>
        <source>Cancel the order with a reason</source>
        <translation>填写原因后作废订单</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="172"/>
        <source>A&amp;pprove</source>
        <translation>审批(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="173"/>
        <source>Approve a pending order (managers, accountants)</source>
        <translation>审批待审批订单（经理、会计）</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="176"/>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/docks/order_grid/view.py" line="176"/>
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
    <name>PreviewModel</name>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="100"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="101"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="102"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="103"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="104"/>
        <source>Reason or changes</source>
        <translation>原因或变更内容</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/dialogs/import_wizard.py" line="132"/>
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
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="464"/>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="475"/>
        <source>Two-step sign-in</source>
        <translation>两步验证</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="480"/>
        <source>Two-step sign-in is on.</source>
        <translation>两步验证已开启。</translation>
    </message>
    <message>
        <location filename="../../erpdesk/ui/session.py" line="491"/>
        <source>user management</source>
        <translation>用户管理</translation>
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
</TS>
