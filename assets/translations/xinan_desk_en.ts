<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop/application.py" line="73"/>
        <source>心安接访台</source>
        <translation>Xin&apos;an Reception Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/application.py" line="77"/>
        <source>接访台无法打开：
{error}</source>
        <translation>The desk could not open:
{error}</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="61"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="62"/>
        <source>查询码</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="63"/>
        <source>诉求类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="64"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="65"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="136"/>
        <source>已作废：{reason}</source>
        <translation>Voided: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="138"/>
        <source>已同步到街道平台，不能再在本机修改</source>
        <translation>Synced to the street platform; it can no longer be changed on this laptop</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="139"/>
        <source>{department}；截止 {due}</source>
        <translation>{department}; due {due}</translation>
    </message>
</context>
<context>
    <name>CategoryField</name>
    <message>
        <location filename="../../desktop/widgets/fields.py" line="293"/>
        <source>{major}
责任部门：{department}</source>
        <translation>{major}
Department: {department}</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/fields.py" line="298"/>
        <source>请从列表中选一项
（↓ 选择，回车确定）</source>
        <translation>Pick one from the list
(↓ to choose, Enter to confirm)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/fields.py" line="300"/>
        <source>选定类别后
显示责任部门</source>
        <translation>The department shows
once a category is chosen</translation>
    </message>
</context>
<context>
    <name>CommunityField</name>
    <message>
        <location filename="../../desktop/widgets/fields.py" line="161"/>
        <source>选择或输入社区名称</source>
        <translation>Choose or type a community</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../desktop/widgets/intake_form.py" line="91"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/intake_form.py" line="114"/>
        <location filename="../../desktop/widgets/intake_form.py" line="238"/>
        <source>保存登记  Ctrl+Enter</source>
        <translation>Save case  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/intake_form.py" line="118"/>
        <source>取消修改  Esc</source>
        <translation>Cancel correction  Esc</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/intake_form.py" line="122"/>
        <source>清空，换下一位</source>
        <translation>Clear for the next resident</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/intake_form.py" line="237"/>
        <source>正在修改 {code}</source>
        <translation>Correcting {code}</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/intake_form.py" line="238"/>
        <source>保存修改  Ctrl+Enter</source>
        <translation>Save correction  Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="33"/>
        <source>办结绿</source>
        <translation>Green: closed</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="34"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="35"/>
        <source>预警黄</source>
        <translation>Yellow: due soon</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="36"/>
        <source>警报红</source>
        <translation>Red: overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/cases_table.py" line="37"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="113"/>
        <source>心安接访台 — {street}</source>
        <translation>Xin&apos;an Reception Desk — {street}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="141"/>
        <source>夜话(&amp;S)</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="142"/>
        <source>诉求(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="143"/>
        <source>设置(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="145"/>
        <source>主工具栏</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="159"/>
        <source>开始夜话…</source>
        <translation>Open session…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="160"/>
        <source>结束夜话…</source>
        <translation>Close session…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="163"/>
        <source>新登记</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="164"/>
        <source>保存登记 (Ctrl+Enter)</source>
        <translation>Save case (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="165"/>
        <source>修改所选</source>
        <translation>Correct selected</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166"/>
        <source>作废所选…</source>
        <translation>Void selected…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="167"/>
        <source>转到诉求列表</source>
        <translation>Go to the list</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="175"/>
        <source>本机编号…</source>
        <translation>Device prefix…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="198"/>
        <source>开始夜话</source>
        <translation>Open session</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>回车或双击：修改&#x3000;Delete：作废</source>
        <translation>Enter or double-click: correct&#x3000;Delete: void</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="248"/>
        <source>修改</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251"/>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="318"/>
        <source>已恢复上次未保存的登记：请核对后保存，或点「清空，换下一位」放弃。</source>
        <translation>The unsaved case from last time was restored: check it and save, or press &quot;Clear for the next resident&quot; to drop it.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="332"/>
        <source>今晚的夜话还没开始：请组长点「开始夜话」，登记日期、地点和接访团。现在也可以先登记诉求（不计入任何一场夜话），右侧列出最近登记的诉求。</source>
        <translation>Tonight&apos;s session has not been opened: team leader, press &quot;Open session&quot; to record the date, venue and team. Cases can be recorded meanwhile (they belong to no session); the list shows the latest cases.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="347"/>
        <source>今晚的诉求（{n} 条）</source>
        <translation>Tonight&apos;s cases ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="348"/>
        <source>最近登记的诉求（{n} 条，未开始夜话）</source>
        <translation>Latest cases ({n}, no session open)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="355"/>
        <source>本机编号 {prefix}（临时）：请在「设置 → 本机编号」填写街道分配的编号</source>
        <translation>Device prefix {prefix} (provisional): enter the street&apos;s prefix under Settings → Device prefix</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="359"/>
        <source>本机编号 {prefix}</source>
        <translation>Device prefix {prefix}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="364"/>
        <source>待同步 {n} 项</source>
        <translation>{n} to sync</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="371"/>
        <source>登记表定义文件有误，已改用上一个可用的版本：</source>
        <translation>A form definition file is broken; the last good version is in use:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="385"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="463"/>
        <source>清空登记表</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="464"/>
        <source>清空后，表中已填写的内容（未保存）将丢弃。确定清空、换下一位居民吗？</source>
        <translation>Clearing drops what was typed (not saved). Clear the form for the next resident?</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="465"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="465"/>
        <source>不清空</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="488"/>
        <source>请先在右侧列表中选中一条诉求</source>
        <translation>First select a case in the list on the right</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="497"/>
        <source>{code} 已作废，不能修改</source>
        <translation>{code} is voided and cannot be corrected</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="501"/>
        <source>{code} 已同步到街道平台，只能在平台上更正</source>
        <translation>{code} is synced to the street platform; correct it there</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="546"/>
        <source>请先在右侧列表中选中要作废的诉求</source>
        <translation>First select the case to void in the list on the right</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="554"/>
        <source>{code} 已经作废</source>
        <translation>{code} is already voided</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="609"/>
        <location filename="../../desktop/main_window.py" line="612"/>
        <source>结束夜话</source>
        <translation>Close session</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="610"/>
        <source>结束今晚的夜话？
结束后接待人次、走访家数和诉求数将冻结，不能再计数。之后登记的诉求不计入这场夜话。</source>
        <translation>Close tonight&apos;s session?
Its counts of visitors, household visits and petitions are then frozen. Cases recorded afterwards do not belong to it.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="612"/>
        <source>继续接待</source>
        <translation>Keep receiving</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="628"/>
        <source>{date} {venue} 的夜话已结束，统计数已冻结：

接待人次&#x3000;{visitors}
走访家数&#x3000;{households}
收集诉求&#x3000;{petitions} 条（当场解决 {solved}，转平台办理 {forwarded}，解释说明 {explained}）
作废&#x3000;{voided} 条</source>
        <translation>The session of {date} at {venue} is closed; its counts are frozen:

Visitors received&#x3000;{visitors}
Household visits&#x3000;{households}
Petitions&#x3000;{petitions} (solved on the spot {solved}, forwarded {forwarded}, explained {explained})
Voided&#x3000;{voided}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="636"/>
        <source>夜话已结束</source>
        <translation>Session closed</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="636"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/widgets/banners.py" line="29"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="129"/>
        <source>开始今晚的夜话</source>
        <translation>Open tonight&apos;s session</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="129"/>
        <source>开始夜话</source>
        <translation>Open session</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="137"/>
        <source>如：新安广场、海旺社区党群服务中心</source>
        <translation>e.g. Xin&apos;an Square, Haiwang community centre</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="143"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="144"/>
        <source>地点 *</source>
        <translation>Venue *</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="145"/>
        <source>社区 *</source>
        <translation>Community *</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="155"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="163"/>
        <source>街道干部、社区党委书记、两代表一委员和志愿者；空行不计</source>
        <translation>Street officials, party secretaries, deputies and volunteers; empty rows are ignored</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="166"/>
        <source>接访团</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/operations.py" line="41"/>
        <source>出现意外错误，操作没有完成（已记入日志）。已登记的诉求不受影响，请重试；如果反复出现，请联系技术支持。</source>
        <translation>An unexpected error stopped the operation (it was logged). Recorded cases are not affected; try again, and call support if it keeps happening.</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../desktop/widgets/photo_strip.py" line="85"/>
        <source>选择照片…</source>
        <translation>Choose photos…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/photo_strip.py" line="127"/>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/photo_strip.py" line="131"/>
        <source>图片</source>
        <translation>Images</translation>
    </message>
</context>
<context>
    <name>PrefixDialog</name>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="219"/>
        <source>本机编号</source>
        <translation>Device prefix</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="219"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="222"/>
        <source>本机目前使用临时编号 {prefix}。</source>
        <translation>This laptop uses the provisional prefix {prefix}.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="222"/>
        <source>本机编号为 {prefix}。</source>
        <translation>This laptop&apos;s prefix is {prefix}.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="223"/>
        <source>
请填写街道为这台电脑分配的3位编号，它是每个查询码的开头，
保证各摊位的查询码不会重复。已登记的查询码不变。</source>
        <translation>
Enter the 3-character prefix the street assigned to this laptop. Every tracking code
starts with it, so codes from different stalls never clash. Codes already given out stay.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="230"/>
        <source>如 K7Q</source>
        <translation>e.g. K7Q</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="231"/>
        <source>本机编号 *</source>
        <translation>Prefix *</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../desktop/printing.py" line="347"/>
        <source>打印凭条 (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="351"/>
        <source>打印预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="360"/>
        <source>请先保存一条诉求，或在列表里选中一条，再打印凭条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedCodePanel</name>
    <message>
        <location filename="../../desktop/widgets/saved_code.py" line="22"/>
        <source>查询码（请读给居民，或抄在回执上）</source>
        <translation>Tracking code (read it to the resident or copy it onto the receipt)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/saved_code.py" line="35"/>
        <source>保存登记后，这里大字显示查询码和办理时限</source>
        <translation>After saving, the tracking code and time limit show here in large print</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/saved_code.py" line="51"/>
        <source>已保存修改，查询码不变</source>
        <translation>Correction saved; the tracking code stays the same</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/saved_code.py" line="51"/>
        <source>已登记！查询码（请读给居民，或抄在回执上）</source>
        <translation>Recorded! Tracking code (read it to the resident or copy it onto the receipt)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/saved_code.py" line="54"/>
        <source>{outcome}，已办结</source>
        <translation>{outcome}: closed</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/saved_code.py" line="56"/>
        <source>{limit}办结（{due} 前）</source>
        <translation>To be closed {limit} (by {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/saved_code.py" line="61"/>
        <source>{category} → {department}
{handled}</source>
        <translation>{category} → {department}
{handled}</translation>
    </message>
</context>
<context>
    <name>SessionBar</name>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="78"/>
        <source>接待人次</source>
        <translation>Visitors received</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="79"/>
        <source>走访家数</source>
        <translation>Household visits</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="89"/>
        <source>收集诉求（条）</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="98"/>
        <source>开始夜话</source>
        <translation>Open session</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="102"/>
        <source>结束夜话</source>
        <translation>Close session</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="117"/>
        <source>今晚的夜话还没开始</source>
        <translation>Tonight&apos;s session has not been opened</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="118"/>
        <source>组长点「开始夜话」登记日期、地点和接访团</source>
        <translation>Team leader: press &quot;Open session&quot; to record the date, venue and team</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="123"/>
        <source>今晚夜话 {date}</source>
        <translation>Tonight&apos;s session {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="125"/>
        <source>{venue} · {community} · 接访团 {n} 人</source>
        <translation>{venue} · {community} · team of {n}</translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <location filename="../../desktop/printing.py" line="164"/>
        <source>打印预览 — 查询凭条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="183"/>
        <source>记住这台打印机和纸张，以后按 Ctrl+P 直接打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="200"/>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="203"/>
        <source>保存 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="205"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="209"/>
        <source>纸张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="210"/>
        <source>打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="237"/>
        <source>{name}（不可用：{why}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="238"/>
        <source>已停止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="246"/>
        <source>本机没有可用的打印机：可以先保存 PDF，再用其他电脑打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="272"/>
        <source>，将标注“补打 {n}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="273"/>
        <source>查询码 {code}{reprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="291"/>
        <source>正在打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing.py" line="307"/>
        <source>保存凭条 PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="60"/>
        <source>同步到街道信箱平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="66"/>
        <source>把今晚登记的诉求送到街道平台，并取回已同步诉求的办理进度。网络不好也没关系：中断后再按“开始同步”，会从断开的地方继续。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="75"/>
        <source>平台地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="78"/>
        <source>首次同步时填写街道给的一次性登记码，之后留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="79"/>
        <source>登记码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="91"/>
        <source>%v / %m 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="97"/>
        <source>查询码</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="97"/>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="97"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="114"/>
        <source>开始同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="119"/>
        <source>停止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="123"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="144"/>
        <source>待同步 {waiting} 条，上次被平台搁置 {aside} 条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="147"/>
        <location filename="../../desktop/sync_dialog.py" line="197"/>
        <source>搁置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="156"/>
        <source>请填写平台地址。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="165"/>
        <source>正在同步…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="186"/>
        <source>正在停止：当前这几条传完就停…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="192"/>
        <source>正在取回办理进度…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="197"/>
        <source>已同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="197"/>
        <source>等待</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="221"/>
        <source>没有同步：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="228"/>
        <source>已同步 {synced} 条，搁置 {aside} 条，仍在等待 {waiting} 条；收到办理进度 {updates} 条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="232"/>
        <source>搁置的诉求被平台拒收，原因见列表；请联系街道核对，下次同步会再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="234"/>
        <source>等待的诉求没有丢：网络好时再按“开始同步”。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="187"/>
        <source>作废诉求 {code}</source>
        <translation>Void case {code}</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="187"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="191"/>
        <source>{code}&#x3000;{category}
作废后仍留在列表中（灰色），不会删除，并会同步到街道平台。</source>
        <translation>{code}&#x3000;{category}
A voided case stays on the list (grey), is never deleted, and is synced to the street platform.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="200"/>
        <source>如：重复登记，与 K7Q-00A3-X 是同一件事</source>
        <translation>e.g. recorded twice, same matter as K7Q-00A3-X</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="203"/>
        <source>作废原因 *</source>
        <translation>Reason *</translation>
    </message>
</context>
<context>
    <name>_Counter</name>
    <message>
        <location filename="../../desktop/widgets/session_bar.py" line="43"/>
        <source>点错了？减一</source>
        <translation>Pressed by mistake? Take one off</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../desktop/widgets/dialogs.py" line="62"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_Thumb</name>
    <message>
        <location filename="../../desktop/widgets/photo_strip.py" line="60"/>
        <source>无法预览</source>
        <translation>No preview</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/photo_strip.py" line="65"/>
        <source>已存照片</source>
        <translation>Stored photo</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/photo_strip.py" line="67"/>
        <source>移除 {n}</source>
        <translation>Remove {n}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/sync_dialog.py" line="258"/>
        <source>同步…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
