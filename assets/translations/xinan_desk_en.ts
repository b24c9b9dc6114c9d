<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AmendDialog</name>
    <message>
        <source>补充更正 {code}</source>
        <translation>Add a correction to {code}</translation>
    </message>
    <message>
        <source>记下更正</source>
        <translation>Record correction</translation>
    </message>
    <message>
        <source>已同步到街道平台</source>
        <translation>synced to the street&apos;s platform</translation>
    </message>
    <message>
        <source>已开始同步到街道平台</source>
        <translation>being synced to the street&apos;s platform</translation>
    </message>
    <message>
        <source>{code}&#x3000;{category}
该诉求{state}，平台为准，不能直接修改。请写明更正内容，下次同步时作为更正说明发送到平台。</source>
        <translation>{code}&#x3000;{category}
This petition is {state}; the platform&apos;s copy counts and it cannot be changed here. Write down the correction: the next sync sends it to the platform as a correction note.</translation>
    </message>
    <message>
        <source>如：居民补充，地点是C出口东侧，不是西侧</source>
        <translation>e.g. the resident adds: it is the east side of exit C, not the west</translation>
    </message>
    <message>
        <source>更正说明 *</source>
        <translation>Correction *</translation>
    </message>
    <message>
        <source>平台没有接受 {when} 记下的更正，它不会再自动发送。平台的答复：{reason}
原来的更正已填在下面，请改好后再记下。</source>
        <translation>The platform did not accept the correction recorded at {when}; it will not be sent again by itself. The platform&apos;s answer: {reason}
The refused correction is filled in below: edit it and record it again.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>心安接访台</source>
        <translation>Xin&apos;an Reception Desk</translation>
    </message>
    <message>
        <source>接访台无法打开：
{error}</source>
        <translation>The desk could not open:
{error}</translation>
    </message>
</context>
<context>
    <name>CaseLoopDialog</name>
    <message>
        <source>诉求 {code}</source>
        <translation>Case {code}</translation>
    </message>
    <message>
        <source>居民对办理结果的评价</source>
        <translation>The resident&apos;s verdict on the result</translation>
    </message>
    <message>
        <source>居民的原话（可不填）</source>
        <translation>The resident&apos;s own words (optional)</translation>
    </message>
    <message>
        <source>记录评价</source>
        <translation>Record verdict</translation>
    </message>
    <message>
        <source>登记续诉（同一件事）</source>
        <translation>New petition on the same matter</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>登记时间：{when}</source>
        <translation>Recorded: {when}</translation>
    </message>
    <message>
        <source>个人信息已按期清除（平台办结后超过保存期限），诉求内容也已删除。</source>
        <translation>Personal details were removed on schedule (kept only for a limited time after the platform closed the case); the petition&apos;s words were removed too.</translation>
    </message>
    <message>
        <source>居民：匿名</source>
        <translation>Resident: anonymous</translation>
    </message>
    <message>
        <source>未留</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>居民：{name}&#x3000;电话：{phone}</source>
        <translation>Resident: {name}   Phone: {phone}</translation>
    </message>
    <message>
        <source>地点：{community} {address}</source>
        <translation>Place: {community} {address}</translation>
    </message>
    <message>
        <source>诉求：{text}</source>
        <translation>Petition: {text}</translation>
    </message>
    <message>
        <source>接续前次诉求 {code}</source>
        <translation>Follows earlier case {code}</translation>
    </message>
    <message>
        <source>已作废：{reason}</source>
        <translation>Voided: {reason}</translation>
    </message>
    <message>
        <source>平台没有接受这条作废：本机保留着它，不再自动重发；组长可在同步窗口重新发送。</source>
        <translation>The platform refused this void: it is kept here and not resent; the team leader can send it again from the Sync dialog.</translation>
    </message>
    <message>
        <source>平台的原话：{reason}</source>
        <translation>The platform said: {reason}</translation>
    </message>
    <message>
        <source>平台办理进度</source>
        <translation>Progress on the platform</translation>
    </message>
    <message>
        <source>平台办理进度（截至 {when} 同步）</source>
        <translation>Progress on the platform (as of the sync at {when})</translation>
    </message>
    <message>
        <source>还没有同步到街道平台：今晚同步后，下次同步就能看到平台的办理进度。</source>
        <translation>Not yet synced to the street&apos;s platform: after tonight&apos;s sync, the next sync brings back its progress.</translation>
    </message>
    <message>
        <source>已同步到街道平台，还没有取回办理进度：下次同步后显示。</source>
        <translation>Synced to the street&apos;s platform; no progress brought back yet: it shows after the next sync.</translation>
    </message>
    <message>
        <source>状态：{status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>承办部门：{department}</source>
        <translation>Department: {department}</translation>
    </message>
    <message>
        <source>应办结：{due}</source>
        <translation>Due: {due}</translation>
    </message>
    <message>
        <source>平台说明：{notes}</source>
        <translation>Platform&apos;s note: {notes}</translation>
    </message>
    <message>
        <source>已接通</source>
        <translation>reached</translation>
    </message>
    <message>
        <source>未接通</source>
        <translation>not reached</translation>
    </message>
    <message>
        <source>回访：{when} {caller}，{reached}</source>
        <translation>Return call: {when} {caller}, {reached}</translation>
    </message>
    <message>
        <source>，评价“{rating}”</source>
        <translation>, verdict “{rating}”</translation>
    </message>
    <message>
        <source>：{words}</source>
        <translation>: {words}</translation>
    </message>
    <message>
        <source>评价：{when} {rating}（{how}）</source>
        <translation>Verdict: {when} {rating} ({how})</translation>
    </message>
    <message>
        <source>信号灯：{light}</source>
        <translation>Light: {light}</translation>
    </message>
    <message>
        <source>本机 {when} 记录“{rating}”，平台未记录：{reason}</source>
        <translation>Recorded here {when}: “{rating}”; the platform did not take it: {reason}</translation>
    </message>
    <message>
        <source>本机 {when} 记录“{rating}”，已送达平台</source>
        <translation>Recorded here {when}: “{rating}”, delivered to the platform</translation>
    </message>
    <message>
        <source>本机 {when} 记录“{rating}”，下次同步时送到平台</source>
        <translation>Recorded here {when}: “{rating}”, goes to the platform at the next sync</translation>
    </message>
    <message>
        <source>该诉求已作废，不能评价。</source>
        <translation>This case was voided and cannot be rated.</translation>
    </message>
    <message>
        <source>这次办结的评价已记下；平台重新办结后可再评价。</source>
        <translation>The verdict on this closing is recorded; the resident can rate again after the platform closes the case again.</translation>
    </message>
    <message>
        <source>平台办结后才能评价（上次同步时还没有办结）；居民的意见可用“补充更正”记下。</source>
        <translation>A verdict is possible once the platform has closed the case (it had not at the last sync); note the resident&apos;s view with Amend.</translation>
    </message>
    <message>
        <source>平台已办结。请居民选择：满意、基本满意或不满意。不满意时平台会退回承办部门重新办理。</source>
        <translation>The platform closed this case. Ask the resident: satisfied, mostly satisfied or not satisfied. Not satisfied sends it back to the department.</translation>
    </message>
    <message>
        <source>请先选择一项评价：满意、基本满意或不满意</source>
        <translation>Choose a verdict first: satisfied, mostly satisfied or not satisfied</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <source>诉求类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已作废：{reason}</source>
        <translation>Voided: {reason}</translation>
    </message>
    <message>
        <source>已同步到街道平台，不能再在本机修改</source>
        <translation>Synced to the street platform; it can no longer be changed on this laptop</translation>
    </message>
    <message>
        <source>{department}；截止 {due}</source>
        <translation>{department}; due {due}</translation>
    </message>
</context>
<context>
    <name>CategoryField</name>
    <message>
        <source>{major}
责任部门：{department}</source>
        <translation>{major}
Department: {department}</translation>
    </message>
    <message>
        <source>请从列表中选一项
（↓ 选择，回车确定）</source>
        <translation>Pick one from the list
(↓ to choose, Enter to confirm)</translation>
    </message>
    <message>
        <source>选定类别后
显示责任部门</source>
        <translation>The department shows
once a category is chosen</translation>
    </message>
</context>
<context>
    <name>CommunityField</name>
    <message>
        <source>选择或输入社区名称</source>
        <translation>Choose or type a community</translation>
    </message>
</context>
<context>
    <name>DisplayMenu</name>
    <message>
        <source>语言 / Language(&amp;L)</source>
        <translation>Language / 语言(&amp;L)</translation>
    </message>
    <message>
        <source>夜间模式（高对比度）</source>
        <translation>Night mode (high contrast)</translation>
    </message>
    <message>
        <source>文字大小</source>
        <translation>Text size</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>登记到街道平台</source>
        <translation>Enrol with the street&apos;s platform</translation>
    </message>
    <message>
        <source>街道信息中心给每台笔记本一个一次性登记码。登记后，这台笔记本得到它的编号（每个查询码的开头），并能在夜话结束后把诉求同步到街道信箱平台。登记需要联网；在摊位上没有网络，可以以后再登记。</source>
        <translation>The street&apos;s IT centre gives each laptop a one-time enrolment code. Once enrolled, the laptop gets its number (the start of every tracking code) and can sync petitions to the street&apos;s mailbox platform after the night. Enrolling needs a network; at a stall without one, enrol later.</translation>
    </message>
    <message>
        <source>以后再登记（在「同步」里填写登记码），先手动填写街道分配的本机编号</source>
        <translation>Enrol later (code in “Sync”); for now type the laptop number the street assigned</translation>
    </message>
    <message>
        <source>平台地址</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>本机编号</source>
        <translation>Laptop number</translation>
    </message>
    <message>
        <source>如 K7Q</source>
        <translation>e.g. K7Q</translation>
    </message>
    <message>
        <source>居民查询网址</source>
        <translation>Residents&apos; tracking page</translation>
    </message>
    <message>
        <source>凭条二维码指向的平台查询页。本街道的心安平台登记时会自动告诉，可以不填；其他平台请向街道信息中心要这个地址。不知道就留空：凭条先只印查询码和热线，不印二维码，并说明网上查询暂未开通。</source>
        <translation>The platform&apos;s tracking page the slips&apos; QR codes point to. The street&apos;s Xin&apos;an platform tells it at enrolment, so you may leave it empty; for another platform ask the street&apos;s IT centre for this address. If you do not know it, leave it empty: slips then carry only the tracking code and the hotline, no QR code, and say that online lookup is not open yet.</translation>
    </message>
    <message>
        <source>请填写平台地址</source>
        <translation>Please enter the platform address</translation>
    </message>
    <message>
        <source>请填写街道给的登记码</source>
        <translation>Please enter the enrolment code from the street</translation>
    </message>
    <message>
        <source>正在连接平台登记这台笔记本…</source>
        <translation>Connecting to the platform to enrol this laptop…</translation>
    </message>
    <message>
        <source>{problem}
请检查平台地址和网络后再点「下一步」；在摊位上没有网络时，可以选「以后再登记」，先填写街道分配的本机编号。</source>
        <translation>{problem}
Check the platform address and the network, then press Next again; with no network at the stall, choose “Enrol later” and type the device code the street assigned.</translation>
    </message>
    <message>
        <source>街道的心安平台：用一次性登记码登记（需要联网）</source>
        <translation>The street&apos;s Xin&apos;an platform: enrol with a one-time code (needs a network)</translation>
    </message>
    <message>
        <source>其他 Open311 平台：用平台管理员给的 api_key（需要联网）</source>
        <translation>Another Open311 server: its administrator&apos;s api_key (needs a network)</translation>
    </message>
    <message>
        <source>其他 Open311 平台不会告诉居民查询页的地址：请向平台管理员要。留空时凭条不印二维码，以后可在「街道与打印设置」里补填。</source>
        <translation>This server does not tell its tracking page: ask its administrator. Left empty, slips have no QR code until it is set (Street and printing settings…).</translation>
    </message>
    <message>
        <source>api_key</source>
        <translation>api_key</translation>
    </message>
    <message>
        <source>照平台管理员给的原样填写</source>
        <translation>exactly as the server&apos;s administrator gave it</translation>
    </message>
    <message>
        <source>这个平台没有设备登记，不用登记码：请选「其他 Open311 平台」，填写平台管理员给的「api_key」和街道分配的「本机编号」。</source>
        <translation>This server does not enrol laptops, so it takes no enrolment code: choose “Another Open311 server” and type the “api_key” its administrator gave and the “Laptop number” the street assigned.</translation>
    </message>
    <message>
        <source>请填写「平台地址」：平台管理员给的 API 地址，例如 https://平台/api/georeport/v2/</source>
        <translation>Type the “Platform address”: the API address the server&apos;s administrator gave, e.g. https://server/api/georeport/v2/</translation>
    </message>
    <message>
        <source>「平台地址」应以 https:// 开头，照平台管理员给的 API 地址原样填写，例如 https://平台/api/georeport/v2/</source>
        <translation>The “Platform address” must start with https://: type the API address exactly as the server&apos;s administrator gave it, e.g. https://server/api/georeport/v2/</translation>
    </message>
    <message>
        <source>请填写「api_key」：平台管理员给这台笔记本的 api_key</source>
        <translation>Type the “api_key”: the key the server&apos;s administrator gave for this laptop</translation>
    </message>
    <message>
        <source>「api_key」不能含空格：请照平台管理员给的原样填写</source>
        <translation>The “api_key” cannot contain spaces: type it exactly as the server&apos;s administrator gave it</translation>
    </message>
    <message>
        <source>「本机编号」应为3位数字或字母（不含 I、L、O、U）：其他 Open311 平台不分配编号，请填写街道分配给这台笔记本的编号</source>
        <translation>The “Laptop number” must be 3 digits or letters (no I, L, O, U): another Open311 server assigns none, so type the number the street assigned this laptop</translation>
    </message>
    <message>
        <source>该平台会公开诉求内容：请先确认。</source>
        <translation>This server makes petitions public: confirm first.</translation>
    </message>
    <message>
        <source>平台不接受这个「api_key」（平台的回答：{reason}）：请照平台管理员给的原样填写，注意大小写。</source>
        <translation>The server does not accept this “api_key” (its answer: {reason}): type it exactly as its administrator gave it, minding upper and lower case.</translation>
    </message>
    <message>
        <source>「平台地址」{server} 下没有 Open311 服务目录（services.json）：请向平台管理员确认 API 地址，例如 https://平台/api/georeport/v2/</source>
        <translation>There is no Open311 service list (services.json) under the “Platform address” {server}: ask the server&apos;s administrator for its API address, e.g. https://server/api/georeport/v2/</translation>
    </message>
    <message>
        <source>连不上「平台地址」上的平台：网络不通、地址有误，或平台没有运行。请检查后再点「下一步」；在摊位上没有网络时，可以选「以后再登记」。</source>
        <translation>Cannot reach the server at the “Platform address”: no network, a wrong address, or the server is not running. Check them and press Next again; with no network at the stall, choose “Enrol later”.</translation>
    </message>
    <message>
        <source>「平台地址」是街道的心安平台，它用一次性登记码登记笔记本，不用 api_key：请选「街道的心安平台」，填写街道给的登记码。</source>
        <translation>The “Platform address” is the street&apos;s Xin&apos;an platform, which enrols laptops with a one-time code, not an api_key: choose “The street&apos;s Xin&apos;an platform” and type the street&apos;s enrolment code.</translation>
    </message>
    <message>
        <source>正在检查平台和 api_key…</source>
        <translation>Checking the server and the api_key…</translation>
    </message>
    <message>
        <source>街道同意，继续</source>
        <translation>The street agrees, continue</translation>
    </message>
    <message>
        <source>先不连接</source>
        <translation>Do not connect yet</translation>
    </message>
    <message>
        <source>没有保存：请先和街道确认该平台公开诉求内容是否合适；也可以选「以后再登记」。</source>
        <translation>Nothing saved: first check with the street whether it is right that this server makes petitions public; or choose “Enrol later”.</translation>
    </message>
    <message>
        <source>街道同意这样做吗？同意后才保存这个平台。</source>
        <translation>Does the street agree to this? The server is saved only once it does.</translation>
    </message>
</context>
<context>
    <name>FindCaseDialog</name>
    <message>
        <source>查找诉求</source>
        <translation>Find a case</translation>
    </message>
    <message>
        <source>居民回来问进度？输入查询码、电话号码（全号、前几位或尾号4位）或姓名（汉字、全拼或首字母）。结果已遮挡姓名和电话，打开后才显示。</source>
        <translation>A resident asking about an earlier petition? Type the tracking code, the phone number (whole, its first digits or the last 4) or the name (characters, full pinyin or initials). Names and phones are masked until you open a case.</translation>
    </message>
    <message>
        <source>如 K7Q-00A3-X、5678、王小明、wangxiaoming、wxm</source>
        <translation>e.g. K7Q-00A3-X, 5678, 王小明, wangxiaoming, wxm</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>平台状态</source>
        <translation>Platform status</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>个人信息已按期清除</source>
        <translation>Personal details removed</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>未留</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>找到 {n} 条（最近的在前）</source>
        <translation>{n} found (newest first)</translation>
    </message>
    <message>
        <source>本机没有找到：可换用查询码、手机尾号或姓名拼音再试</source>
        <translation>Nothing found on this laptop: try the tracking code, the phone&apos;s last digits or the name in pinyin</translation>
    </message>
    <message>
        <source>电话号码至少输入 4 位（如尾号）</source>
        <translation>Type at least 4 digits of the phone number (e.g. the last four)</translation>
    </message>
    <message>
        <source>太长：最多 40 个字符</source>
        <translation>Too long: 40 characters at most</translation>
    </message>
    <message>
        <source>请输入查询码、电话号码或姓名（汉字或拼音）</source>
        <translation>Type a tracking code, a phone number or a name (characters or pinyin)</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>保存登记  Ctrl+Enter</source>
        <translation>Save case  Ctrl+Enter</translation>
    </message>
    <message>
        <source>取消修改  Esc</source>
        <translation>Cancel correction  Esc</translation>
    </message>
    <message>
        <source>清空，换下一位</source>
        <translation>Clear for the next resident</translation>
    </message>
    <message>
        <source>正在修改 {code}</source>
        <translation>Correcting {code}</translation>
    </message>
    <message>
        <source>保存修改  Ctrl+Enter</source>
        <translation>Save correction  Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>IntakeHintsPanel</name>
    <message>
        <source>不是</source>
        <translation>Not the same</translation>
    </message>
    <message>
        <source>分类建议：</source>
        <translation>Suggested category:</translation>
    </message>
    <message>
        <source>已关联 {code}（{category}）</source>
        <translation>Linked to {code} ({category})</translation>
    </message>
    <message>
        <source>已关联 {code}（{category}，{when} 登记）：保存时记为同一件事的续报</source>
        <translation>Linked to {code} ({category}, recorded {when}): saved as a follow-up of the same matter</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>可能与 {code} 是同一件事（{category}）</source>
        <translation>May be the same matter as {code} ({category})</translation>
    </message>
    <message>
        <source>可能与 {code} 是同一件事（{category}，{when} 登记，尚未办结）</source>
        <translation>May be the same matter as {code} ({category}, recorded {when}, still open)</translation>
    </message>
    <message>
        <source>是同一件事，关联</source>
        <translation>Same matter: link</translation>
    </message>
</context>
<context>
    <name>LeaderGate</name>
    <message>
        <source>队长确认</source>
        <translation>Team leader confirmation</translation>
    </message>
    <message>
        <source>「{action}」只有队长可以操作。请队长输入 PIN：</source>
        <translation>Only the team leader may “{action}”. Team leader, please enter your PIN:</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>队长模式 · 还剩 {time}</source>
        <translation>Leader mode · {time} left</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>sync</translation>
    </message>
    <message>
        <source>作废诉求</source>
        <translation>void a petition</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>export</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>change the settings</translation>
    </message>
    <message>
        <source>查看操作日志</source>
        <translation>read the audit log</translation>
    </message>
    <message>
        <source>清除到期个人信息</source>
        <translation>purge expired personal data</translation>
    </message>
    <message>
        <source>设置本机编号</source>
        <translation>set this laptop&apos;s number</translation>
    </message>
    <message>
        <source>更换口令</source>
        <translation>change the passphrase</translation>
    </message>
    <message>
        <source>进入队长模式</source>
        <translation>Enter leader mode</translation>
    </message>
    <message>
        <source>队长操作已完成，队长模式已结束：下次需再输入 PIN</source>
        <translation>Done; leader mode has ended (PIN again next time)</translation>
    </message>
    <message>
        <source>队长设置被改过</source>
        <translation>Leader settings were changed</translation>
    </message>
    <message>
        <source>以下队长设置在没有队长 PIN 的情况下被改过（已记入操作日志），请核对：
{names}</source>
        <translation>These leader settings were changed without the leader&apos;s PIN (this is in the audit log); please check them:
{names}</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <source>办结绿</source>
        <translation>Green: closed</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>预警黄</source>
        <translation>Yellow: due soon</translation>
    </message>
    <message>
        <source>警报红</source>
        <translation>Red: overdue</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>夜话(&amp;S)</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>诉求(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <source>设置(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>主工具栏</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>开始夜话…</source>
        <translation>Open session…</translation>
    </message>
    <message>
        <source>结束夜话…</source>
        <translation>Close session…</translation>
    </message>
    <message>
        <source>新登记</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>保存登记 (Ctrl+Enter)</source>
        <translation>Save case (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>修改所选</source>
        <translation>Correct selected</translation>
    </message>
    <message>
        <source>作废所选…</source>
        <translation>Void selected…</translation>
    </message>
    <message>
        <source>转到诉求列表</source>
        <translation>Go to the list</translation>
    </message>
    <message>
        <source>本机编号…</source>
        <translation>Device prefix…</translation>
    </message>
    <message>
        <source>开始夜话</source>
        <translation>Open session</translation>
    </message>
    <message>
        <source>回车或双击：修改&#x3000;Delete：作废</source>
        <translation>Enter or double-click: correct&#x3000;Delete: void</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>已恢复上次未保存的登记：请核对后保存，或点「清空，换下一位」放弃。</source>
        <translation>The unsaved case from last time was restored: check it and save, or press &quot;Clear for the next resident&quot; to drop it.</translation>
    </message>
    <message>
        <source>{venue} 的夜话已于 {time} 结束，统计数已冻结。之后登记的诉求不计入这场夜话；还要接待，请组长点「开始夜话」开一场新的。</source>
        <translation>Tonight&apos;s session at {venue} ended at {time}; its counts are frozen. Cases recorded from now on belong to no session; to receive more residents, the team leader presses “Open session” for a new one.</translation>
    </message>
    <message>
        <source>今晚的夜话还没开始：请组长点「开始夜话」，登记日期、地点和接访团。现在也可以先登记诉求（不计入任何一场夜话），右侧列出最近登记的诉求。</source>
        <translation>Tonight&apos;s session has not been opened: team leader, press &quot;Open session&quot; to record the date, venue and team. Cases can be recorded meanwhile (they belong to no session); the list shows the latest cases.</translation>
    </message>
    <message>
        <source>今晚的诉求（{n} 条）</source>
        <translation>Tonight&apos;s cases ({n})</translation>
    </message>
    <message>
        <source>最近登记的诉求（{n} 条，今晚的夜话已结束）</source>
        <translation>Recent cases ({n}, tonight&apos;s session has ended)</translation>
    </message>
    <message>
        <source>最近登记的诉求（{n} 条，未开始夜话）</source>
        <translation>Latest cases ({n}, no session open)</translation>
    </message>
    <message>
        <source>登记  Ctrl+N</source>
        <translation>New case  Ctrl+N</translation>
    </message>
    <message>
        <source>诉求列表（{n} 条）  Ctrl+L</source>
        <translation>Cases ({n})  Ctrl+L</translation>
    </message>
    <message>
        <source>本机编号 {prefix}（临时）：请在「设置 → 本机编号」填写街道分配的编号</source>
        <translation>Device prefix {prefix} (provisional): enter the street&apos;s prefix under Settings → Device prefix</translation>
    </message>
    <message>
        <source>本机编号 {prefix}</source>
        <translation>Device prefix {prefix}</translation>
    </message>
    <message>
        <source>不接续</source>
        <translation>Not a follow-up</translation>
    </message>
    <message>
        <source>正在登记的新诉求接续前次诉求 {code}（{category}）：保存后凭条上注明。</source>
        <translation>The petition being recorded follows earlier case {code} ({category}); its slip will say so.</translation>
    </message>
    <message>
        <source>当晚报表：打印或保存…</source>
        <translation>Tonight&apos;s report: print or save…</translation>
    </message>
    <message>
        <source>待同步 {n} 项</source>
        <translation>{n} to sync</translation>
    </message>
    <message>
        <source>登记表定义文件有误，已改用上一个可用的版本：</source>
        <translation>A form definition file is broken; the last good version is in use:</translation>
    </message>
    <message>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>清空登记表</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <source>清空后，表中已填写的内容（未保存）将丢弃。确定清空、换下一位居民吗？</source>
        <translation>Clearing drops what was typed (not saved). Clear the form for the next resident?</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>不清空</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>请先在右侧列表中选中一条诉求</source>
        <translation>First select a case in the list on the right</translation>
    </message>
    <message>
        <source>{code} 已作废，不能修改</source>
        <translation>{code} is voided and cannot be corrected</translation>
    </message>
    <message>
        <source>请先在右侧列表中选中要作废的诉求</source>
        <translation>First select the case to void in the list on the right</translation>
    </message>
    <message>
        <source>{code} 已经作废</source>
        <translation>{code} is already voided</translation>
    </message>
    <message>
        <source>{code} 的更正已记下，下次同步时发送到平台</source>
        <translation>The correction to {code} is recorded; the next sync sends it to the platform</translation>
    </message>
    <message>
        <source>结束夜话</source>
        <translation>Close session</translation>
    </message>
    <message>
        <source>结束今晚的夜话？
结束后接待人次、走访家数和诉求数将冻结，不能再计数。之后登记的诉求不计入这场夜话。</source>
        <translation>Close tonight&apos;s session?
Its counts of visitors, household visits and petitions are then frozen. Cases recorded afterwards do not belong to it.</translation>
    </message>
    <message>
        <source>继续接待</source>
        <translation>Keep receiving</translation>
    </message>
    <message>
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
        <source>同步到街道平台：已同步 {synced} 条，等待同步 {waiting} 条，搁置 {aside} 条</source>
        <translation>Sync to the street&apos;s platform: {synced} synced, {waiting} waiting, {aside} set aside</translation>
    </message>
    <message>
        <source>&#x3000;搁置 {code}：{reason}</source>
        <translation>&#x3000;Set aside {code}: {reason}</translation>
    </message>
    <message>
        <source>请队长按“同步”把等待的诉求送到平台。</source>
        <translation>Team leader: press “Sync” to send the waiting petitions to the platform.</translation>
    </message>
    <message>
        <source>夜话已结束</source>
        <translation>Session closed</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>开始今晚的夜话</source>
        <translation>Open tonight&apos;s session</translation>
    </message>
    <message>
        <source>开始夜话</source>
        <translation>Open session</translation>
    </message>
    <message>
        <source>如：新安广场、海旺社区党群服务中心</source>
        <translation>e.g. Xin&apos;an Square, Haiwang community centre</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>地点 *</source>
        <translation>Venue *</translation>
    </message>
    <message>
        <source>社区 *</source>
        <translation>Community *</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>街道干部、社区党委书记、两代表一委员和志愿者；空行不计</source>
        <translation>Street officials, party secretaries, deputies and volunteers; empty rows are ignored</translation>
    </message>
    <message>
        <source>接访团</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>出现意外错误，操作没有完成（已记入日志）。已登记的诉求不受影响，请重试；如果反复出现，请联系技术支持。</source>
        <translation>An unexpected error stopped the operation (it was logged). Recorded cases are not affected; try again, and call support if it keeps happening.</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>80mm 热敏卷纸</source>
        <translation>80 mm thermal roll</translation>
    </message>
    <message>
        <source>58mm 热敏卷纸</source>
        <translation>58 mm thermal roll</translation>
    </message>
    <message>
        <source>A4 回执（带剪下凭条）</source>
        <translation>A4 receipt (with a slip to cut off)</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>街道口令</source>
        <translation>Street passphrase</translation>
    </message>
    <message>
        <source>居民的信息在这台笔记本上加密保存，街道口令是钥匙：每晚打开接访台时输入，由队长们共同保管。至少 8 个字符，可以用一句好记的话。忘记口令就无法打开已登记的诉求，请抄在安全的地方。</source>
        <translation>Residents&apos; information is stored encrypted on this laptop and the street passphrase is its key: it is entered each night to open the desk and kept by the team leaders together. At least 8 characters; a sentence that is easy to remember works well. Without it the recorded petitions cannot be opened, so write it down somewhere safe.</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Enter it again</translation>
    </message>
    <message>
        <source>设置口令并继续</source>
        <translation>Set passphrase and continue</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请重新输入</source>
        <translation>The two passphrases differ; please enter them again</translation>
    </message>
    <message>
        <source>口令太短：至少 8 个字符，可以用一句好记的话</source>
        <translation>Too short: at least 8 characters; a sentence that is easy to remember works well</translation>
    </message>
    <message>
        <source>口令太容易猜：常见密码、键盘上连着的键、生日年份或街道名加数字都能被很快试出。请用一句只有队长们知道的、好记的话</source>
        <translation>Too easy to guess: common passwords, keys next to each other, birthdays, years or the street&apos;s name with digits are tried first. Use a sentence only the team leaders know and can remember</translation>
    </message>
    <message>
        <source>正在创建加密的数据库…</source>
        <translation>Creating the encrypted database…</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>选择照片…</source>
        <translation>Choose photos…</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Images</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>队长 PIN</source>
        <translation>Team leader PIN</translation>
    </message>
    <message>
        <source>同步、作废诉求、导出和修改设置只有队长可以做：队长在接访台上输入这个 PIN。6–12 位数字。</source>
        <translation>Only the team leader may sync, void petitions, export and change settings: the team leader enters this PIN at the desk. 6–12 digits.</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Enter it again</translation>
    </message>
    <message>
        <source>两次输入的 PIN 不一致，请重新输入</source>
        <translation>The two PINs differ; please enter them again</translation>
    </message>
</context>
<context>
    <name>PlatformStatus</name>
    <message>
        <source>待受理</source>
        <translation>Awaiting acceptance</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已分派</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>升级督办</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>未同步</source>
        <translation>Not synced</translation>
    </message>
</context>
<context>
    <name>PrefixDialog</name>
    <message>
        <source>本机编号</source>
        <translation>Device prefix</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>本机目前使用临时编号 {prefix}。</source>
        <translation>This laptop uses the provisional prefix {prefix}.</translation>
    </message>
    <message>
        <source>本机编号为 {prefix}。</source>
        <translation>This laptop&apos;s prefix is {prefix}.</translation>
    </message>
    <message>
        <source>
请填写街道为这台电脑分配的3位编号，它是每个查询码的开头，
保证各摊位的查询码不会重复。已登记的查询码不变。</source>
        <translation>
Enter the 3-character prefix the street assigned to this laptop. Every tracking code
starts with it, so codes from different stalls never clash. Codes already given out stay.</translation>
    </message>
    <message>
        <source>如 K7Q</source>
        <translation>e.g. K7Q</translation>
    </message>
    <message>
        <source>本机编号 *</source>
        <translation>Prefix *</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>打印凭条 (Ctrl+P)</source>
        <translation>Print slip (Ctrl+P)</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>街道与打印设置…</source>
        <translation>Street and printing settings…</translation>
    </message>
    <message>
        <source>补打 {code}</source>
        <translation>Reprint {code}</translation>
    </message>
    <message>
        <source>没有出纸时，用同一台打印机和纸张再打一张（凭条上标注“补打”）</source>
        <translation>If no paper came out, print it again on the same printer and paper (the slip says “reprint”)</translation>
    </message>
    <message>
        <source>请先保存一条诉求，或在列表里选中一条，再打印凭条</source>
        <translation>Save a petition first, or select one in the list, then print its slip</translation>
    </message>
    <message>
        <source>（补打 {n}）</source>
        <translation>(reprint {n})</translation>
    </message>
    <message>
        <source>凭条 {code}{again}已保存为 PDF</source>
        <translation>Slip {code}{again} saved as PDF</translation>
    </message>
    <message>
        <source>凭条 {code}{again}已打印</source>
        <translation>Slip {code}{again} printed</translation>
    </message>
    <message>
        <source>凭条已发送到打印机，未能确认出纸</source>
        <translation>Sent to printer; not confirmed</translation>
    </message>
    <message>
        <source>打印机：{printer}；纸张：{paper}</source>
        <translation>Printer: {printer}; paper: {paper}</translation>
    </message>
    <message>
        <source>系统无法确认是否出纸：没有出纸时，请按状态栏右边的“补打”（或 Ctrl+P）再打一张。</source>
        <translation>The system cannot confirm that paper came out: if none did, press “Reprint” at the right of the status bar (or Ctrl+P) for another copy.</translation>
    </message>
    <message>
        <source>凭条 {code}{again}</source>
        <translation>Slip {code}{again}</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>正在打印测试凭条…</source>
        <translation>Printing a test slip…</translation>
    </message>
    <message>
        <source>打印机与纸张</source>
        <translation>Printer and paper</translation>
    </message>
    <message>
        <source>居民拿走的查询凭条打印在这里。热敏小票机一般用 80mm 或 58mm 卷纸；没有打印机也可以先不选，按 Ctrl+P 时会打开打印预览，可以保存 PDF。热线印在凭条上，请填街道的真实电话。</source>
        <translation>The tracking slips residents take home are printed here. Thermal receipt printers usually take 80 mm or 58 mm rolls. Without a printer, leave it unset: Ctrl+P then opens the print preview, where the PDF can be saved. The hotline is printed on the slip: enter the street&apos;s real number.</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>（不设置：按 Ctrl+P 先打开打印预览）</source>
        <translation>(not set: Ctrl+P opens the print preview first)</translation>
    </message>
    <message>
        <source>打印测试凭条</source>
        <translation>Print a test slip</translation>
    </message>
    <message>
        <source>用选中的打印机和纸张打一张测试凭条（不是诉求凭条，不要交给居民）</source>
        <translation>Prints a test slip on the chosen printer and paper (not a petition&apos;s slip: do not give it to a resident)</translation>
    </message>
    <message>
        <source>咨询热线</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>如 0755-27891234 或 12345</source>
        <translation>e.g. 0755-27891234 or 12345</translation>
    </message>
</context>
<context>
    <name>PrinterReason</name>
    <message>
        <source>已暂停</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>卡纸</source>
        <translation>paper jam</translation>
    </message>
    <message>
        <source>缺纸</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>机盖打开</source>
        <translation>cover open</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>暂不接受打印任务</source>
        <translation>not accepting jobs</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>心安接访台 — 解锁</source>
        <translation>Xin&apos;an Reception Desk — unlock</translation>
    </message>
    <message>
        <source>第一次使用：请为这台笔记本设置街道口令（至少 8 个字符，队长们共同保管）。居民的信息用它加密保存。</source>
        <translation>First use: set the street passphrase for this laptop (at least 8 characters, kept by the team leaders together). Residents&apos; information is stored encrypted with it.</translation>
    </message>
    <message>
        <source>请输入街道口令，打开今晚的接访台。</source>
        <translation>Enter the street passphrase to open tonight&apos;s desk.</translation>
    </message>
    <message>
        <source>街道口令</source>
        <translation>Street passphrase</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Enter it again</translation>
    </message>
    <message>
        <source>设置并打开</source>
        <translation>Set and open</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请重新输入</source>
        <translation>The two passphrases differ; please enter them again</translation>
    </message>
    <message>
        <source>接访台已锁定</source>
        <translation>The desk is locked</translation>
    </message>
    <message>
        <source>闲置时间到了，屏幕已锁定，正在登记的内容都还在。
请输入队长 PIN 或街道口令继续。</source>
        <translation>The desk was idle and has been locked; what was being entered is still there.
Enter the team leader&apos;s PIN or the street passphrase to continue.</translation>
    </message>
    <message>
        <source>个人信息告知书</source>
        <translation>Personal information notice</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>核对完整性</source>
        <translation>Verify integrity</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>操作日志被篡改：</source>
        <translation>The audit log has been tampered with:</translation>
    </message>
    <message>
        <source>操作日志完整：共 {n} 条，哈希链无断裂</source>
        <translation>The audit log is intact: {n} entries, the hash chain is unbroken</translation>
    </message>
    <message>
        <source>个人信息告知书 (F1)</source>
        <translation>Personal information notice (F1)</translation>
    </message>
    <message>
        <source>操作日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>导出诉求…</source>
        <translation>Export petitions…</translation>
    </message>
    <message>
        <source>进入队长模式…</source>
        <translation>Enter leader mode…</translation>
    </message>
    <message>
        <source>退出队长模式</source>
        <translation>Leave team leader mode</translation>
    </message>
    <message>
        <source>导出诉求（含居民个人信息，请妥善保管）</source>
        <translation>Export petitions (contains residents&apos; personal information; keep it safe)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv);;JSON (*.json)</source>
        <translation>CSV spreadsheet (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>已导出 {n} 条诉求：含个人信息，请妥善保管、用完删除</source>
        <translation>Exported {n}: personal data, keep it safe, delete after use</translation>
    </message>
    <message>
        <source>已导出 {n} 条（含个人信息，请妥善保管）；队长模式已结束</source>
        <translation>Exported {n}: keep it safe; leader mode has ended</translation>
    </message>
</context>
<context>
    <name>PublicWarning</name>
    <message>
        <source>该平台会公开诉求内容</source>
        <translation>This server makes petitions public</translation>
    </message>
    <message>
        <source>{server}

该平台把诉求内容公开给任何人查看（不需要登录就能读到居民写的描述）。居民的姓名和电话不会公开显示，但描述里写的内容会。</source>
        <translation>{server}

This server shows petitions to anyone (what a resident said can be read without logging in). Residents&apos; names and phone numbers are not shown, but whatever the description says is.</translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <source>阶段报表</source>
        <translation>Report for a period</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>To</translation>
    </message>
    <message>
        <source>生成报表</source>
        <translation>Make the report</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>截止日期早于起始日期：请改一下。</source>
        <translation>The end date is before the start date: please correct it.</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>居民扫码评价</source>
        <translation>resident, on the tracking page</translation>
    </message>
    <message>
        <source>回访电话</source>
        <translation>return call</translation>
    </message>
    <message>
        <source>夜话摊位</source>
        <translation>at the stall</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>当晚报表…</source>
        <translation>Tonight&apos;s report…</translation>
    </message>
    <message>
        <source>阶段报表…</source>
        <translation>Report for a period…</translation>
    </message>
    <message>
        <source>热点话题…</source>
        <translation>Hot topics…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>当晚报表</source>
        <translation>Tonight&apos;s report</translation>
    </message>
    <message>
        <source>阶段报表</source>
        <translation>Report for a period</translation>
    </message>
    <message>
        <source>报表不含居民姓名、电话、地址和诉求原文，可以交给街道。</source>
        <translation>The report holds no resident&apos;s name, phone, address or words: it may be handed to the street.</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>保存 PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存报表</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>报表已保存：{path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <source>这台电脑上的接访台不能直接打印报表：请按“保存 PDF…”，再用 PDF 阅读器打印。</source>
        <translation>This desk cannot print the report directly: press “Save PDF…” and print it from a PDF reader.</translation>
    </message>
    <message>
        <source>打印机没有准备好：请检查打印机后再试，或先保存 PDF。</source>
        <translation>The printer is not ready: check it and try again, or save the PDF first.</translation>
    </message>
    <message>
        <source>报表已送到打印机：{name}</source>
        <translation>Report sent to the printer: {name}</translation>
    </message>
</context>
<context>
    <name>ReturnVisitActions</name>
    <message>
        <source>查找诉求… (Ctrl+F)</source>
        <translation>Find a case… (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>SavedCodePanel</name>
    <message>
        <source>查询码</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <source>保存登记后在这里显示</source>
        <translation>Shown here once a case is saved</translation>
    </message>
    <message>
        <source>查询码（请读给居民，或抄在回执上）</source>
        <translation>Tracking code (read it to the resident or copy it onto the receipt)</translation>
    </message>
    <message>
        <source>保存登记后，这里大字显示查询码和办理时限</source>
        <translation>After saving, the tracking code and time limit show here in large print</translation>
    </message>
    <message>
        <source>已保存修改</source>
        <translation>Correction saved</translation>
    </message>
    <message>
        <source>已登记！查询码</source>
        <translation>Recorded! Tracking code</translation>
    </message>
    <message>
        <source>已保存修改，查询码不变</source>
        <translation>Correction saved; the tracking code stays the same</translation>
    </message>
    <message>
        <source>已登记！查询码（请读给居民，或抄在回执上）</source>
        <translation>Recorded! Tracking code (read it to the resident or copy it onto the receipt)</translation>
    </message>
    <message>
        <source>{outcome}，已办结</source>
        <translation>{outcome}: closed</translation>
    </message>
    <message>
        <source>{limit}办结（{due} 前）</source>
        <translation>To be closed {limit} (by {due})</translation>
    </message>
    <message>
        <source>{category}
{handled}</source>
        <translation>{category}
{handled}</translation>
    </message>
    <message>
        <source>{category} → {department}
{handled}</source>
        <translation>{category} → {department}
{handled}</translation>
    </message>
</context>
<context>
    <name>SessionBar</name>
    <message>
        <source>接待人次</source>
        <translation>Visitors received</translation>
    </message>
    <message>
        <source>走访家数</source>
        <translation>Household visits</translation>
    </message>
    <message>
        <source>点错了？减一</source>
        <translation>Counted by mistake? Subtract one</translation>
    </message>
    <message>
        <source>收集诉求（条）</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <source>开始夜话</source>
        <translation>Open session</translation>
    </message>
    <message>
        <source>结束夜话</source>
        <translation>Close session</translation>
    </message>
    <message>
        <source>今晚的夜话还没开始</source>
        <translation>Tonight&apos;s session has not been opened</translation>
    </message>
    <message>
        <source>组长点「开始夜话」登记日期、地点和接访团</source>
        <translation>Team leader: press &quot;Open session&quot; to record the date, venue and team</translation>
    </message>
    <message>
        <source>今晚夜话 {date}</source>
        <translation>Tonight&apos;s session {date}</translation>
    </message>
    <message>
        <source>夜话 {date} 已结束</source>
        <translation>Session {date} has ended</translation>
    </message>
    <message>
        <source>{venue} · {community} · 接访团 {n} 人</source>
        <translation>{venue} · {community} · team of {n}</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>请稍候…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>心安接访台 — 设置这台笔记本</source>
        <translation>Xin&apos;an Reception Desk — set up this laptop</translation>
    </message>
    <message>
        <source>设置向导…</source>
        <translation>Setup wizard…</translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <source>打印预览 — 查询凭条</source>
        <translation>Print preview — tracking slip</translation>
    </message>
    <message>
        <source>记住这台打印机和纸张，以后按 Ctrl+P 直接打印</source>
        <translation>Remember this printer and paper; Ctrl+P then prints straight away</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>保存 PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>系统打印对话框…</source>
        <translation>System print dialog…</translation>
    </message>
    <message>
        <source>用系统的打印对话框选择打印机、纸张和打印机属性</source>
        <translation>Choose the printer, paper and printer properties in the system&apos;s print dialog</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>{name}（不可用：{why}）</source>
        <translation>{name} (unavailable: {why})</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>本机没有可用的打印机：可以先保存 PDF，再用其他电脑打印</source>
        <translation>No printer is available on this laptop: save the PDF and print it from another computer</translation>
    </message>
    <message>
        <source>，将标注“补打 {n}”</source>
        <translation>, will be marked “reprint {n}”</translation>
    </message>
    <message>
        <source>查询码 {code}{reprint}</source>
        <translation>Tracking code {code}{reprint}</translation>
    </message>
    <message>
        <source>这张凭条没有二维码：还不知道平台查询页的地址。登记到街道平台时会自动填写，队长也可以在「街道与打印设置」里填写查询网址。</source>
        <translation>This slip has no QR code: the platform&apos;s tracking page address is not known yet. Enrolling with the street&apos;s platform fills it in; the team leader can also enter it under Street and printing settings.</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>保存凭条 PDF</source>
        <translation>Save slip as PDF</translation>
    </message>
</context>
<context>
    <name>StreetPage</name>
    <message>
        <source>街道与社区</source>
        <translation>Street and community</translation>
    </message>
    <message>
        <source>欢迎使用心安接访台。这几步为这台笔记本做一次设置，以后每晚打开就能接待。街道名称印在居民拿走的查询凭条上；社区是这台笔记本常去的夜话摊位所在的社区。</source>
        <translation>Welcome to the Xin&apos;an Reception Desk. These few steps set up this laptop once; after that it is ready every night. The street&apos;s name is printed on the slips residents take home; the community is where this laptop&apos;s stall usually stands.</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>街道名称</source>
        <translation>Street name</translation>
    </message>
    <message>
        <source>所属社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>选择或输入社区名称</source>
        <translation>Choose or type the community</translation>
    </message>
    <message>
        <source>请选择这台笔记本所属的社区</source>
        <translation>Please choose this laptop&apos;s community</translation>
    </message>
    <message>
        <source>「{name}」不在本街道的社区列表中（forms/communities.toml）</source>
        <translation>“{name}” is not in the street&apos;s list of communities (forms/communities.toml)</translation>
    </message>
</context>
<context>
    <name>StreetSettingsDialog</name>
    <message>
        <source>街道与打印设置</source>
        <translation>Street and printing settings</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>这些内容印在居民拿走的查询凭条上。热线请填街道的真实电话；不填则凭条上不印热线。查询网址是凭条二维码指向的平台查询页，登记到街道平台时自动填写；不填则凭条不印二维码，只印查询码和热线，并说明网上查询暂未开通。</source>
        <translation>This is printed on the tracking slip residents take home. Enter the street&apos;s real phone number as the hotline; if it is empty, no hotline is printed. The tracking address is the platform&apos;s page the slip&apos;s QR code points to, filled in at enrolment with the street&apos;s platform; if it is empty, slips carry no QR code, only the tracking code and the hotline, and say that online lookup is not open yet.</translation>
    </message>
    <message>
        <source>如 新安街道</source>
        <translation>the street’s name as the slips print it</translation>
    </message>
    <message>
        <source>如 0755-27891234 或 12345</source>
        <translation>e.g. 0755-27891234 or 12345</translation>
    </message>
    <message>
        <source>如 https://平台地址/t/；未知则留空</source>
        <translation>e.g. https://platform-address/t/; leave empty if unknown</translation>
    </message>
    <message>
        <source>最多 30 个字</source>
        <translation>At most 30 characters</translation>
    </message>
    <message>
        <source>（不设置：按 Ctrl+P 先打开打印预览）</source>
        <translation>(not set: Ctrl+P opens the print preview first)</translation>
    </message>
    <message>
        <source>保存登记后自动打印查询凭条</source>
        <translation>Print the tracking slip automatically after saving</translation>
    </message>
    <message>
        <source>街道名称</source>
        <translation>Street name</translation>
    </message>
    <message>
        <source>咨询热线</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>查询网址</source>
        <translation>Tracking website</translation>
    </message>
    <message>
        <source>小票页脚</source>
        <translation>Slip footer</translation>
    </message>
    <message>
        <source>默认纸张</source>
        <translation>Default paper</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
</context>
<context>
    <name>SyncBundle</name>
    <message>
        <source>导出到U盘…</source>
        <translation>Export to USB stick…</translation>
    </message>
    <message>
        <source>没有网络时：把待同步的诉求存成加密数据包，带到街道平台导入</source>
        <translation>With no network: saves the petitions waiting to be synced as an encrypted bundle to take to the street&apos;s platform</translation>
    </message>
    <message>
        <source>导入平台回执…</source>
        <translation>Import platform receipt…</translation>
    </message>
    <message>
        <source>平台导入数据包后会生成回执：导入后，其中的诉求标为已同步</source>
        <translation>The platform writes a receipt when it imports the bundle: importing the receipt marks those petitions synced</translation>
    </message>
    <message>
        <source>接访台同步-{date}</source>
        <translation>xinan-desk-sync-{date}</translation>
    </message>
    <message>
        <source>导出到U盘：数据包存到哪里</source>
        <translation>Export to USB stick: where to save the bundle</translation>
    </message>
    <message>
        <source>接访台同步数据包</source>
        <translation>Xin&apos;an desk sync bundle</translation>
    </message>
    <message>
        <source>正在导出数据包…</source>
        <translation>Exporting the bundle…</translation>
    </message>
    <message>
        <source>没有导出：{reason}</source>
        <translation>Not exported: {reason}</translation>
    </message>
    <message>
        <source>已导出 {n} 条，等平台回执</source>
        <translation>{n} exported, waiting for the platform&apos;s receipt</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>等平台回执：导入回执后标为已同步</source>
        <translation>Waiting for the platform&apos;s receipt: marked synced once it is imported</translation>
    </message>
    <message>
        <source>未导出</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <source>已导出诉求 {cases} 条、照片 {photos} 张、更正与评价 {amendments} 条到 {path}（{size}，已加密）。
请把U盘带到街道平台导入；平台会在数据包旁边生成回执，带回来后按“导入平台回执…”。</source>
        <translation>Exported {cases} petitions, {photos} photos and {amendments} corrections and ratings to {path} ({size}, encrypted).
Take the USB stick to the street&apos;s platform to be imported; the platform writes a receipt next to the bundle: bring it back and press “Import platform receipt…”.</translation>
    </message>
    <message>
        <source>导入平台回执</source>
        <translation>Import platform receipt</translation>
    </message>
    <message>
        <source>平台回执</source>
        <translation>Platform receipt</translation>
    </message>
    <message>
        <source>正在导入平台回执…</source>
        <translation>Importing the platform&apos;s receipt…</translation>
    </message>
    <message>
        <source>没有导入回执：{reason}</source>
        <translation>Receipt not imported: {reason}</translation>
    </message>
    <message>
        <source>%v / %m 条</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>回执中没有新的诉求</source>
        <translation>No new petitions in the receipt</translation>
    </message>
    <message>
        <source>平台回执（{street}）：已同步 {synced} 条，搁置 {aside} 条，仍在等待 {waiting} 条；此前已标为同步 {already} 条。</source>
        <translation>Platform receipt ({street}): {synced} synced, {aside} set aside, {waiting} still waiting; {already} were marked synced before.</translation>
    </message>
    <message>
        <source>搁置的诉求被平台拒收，原因见列表；请联系街道核对。</source>
        <translation>The platform refused the petitions set aside, for the reasons in the list; please check with the street.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>没有网络时：</source>
        <translation>With no network:</translation>
    </message>
    <message>
        <source>同步到街道信箱平台</source>
        <translation>Sync to the street&apos;s mailbox platform</translation>
    </message>
    <message>
        <source>把今晚登记的诉求送到街道平台，并取回已同步诉求的办理进度。网络不好也没关系：中断后再按“开始同步”，会从断开的地方继续。</source>
        <translation>Sends tonight&apos;s petitions to the street&apos;s platform and fetches the progress of petitions already synced. A poor network is fine: after an interruption press “Start sync” again and it continues where it stopped.</translation>
    </message>
    <message>
        <source>平台地址</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>首次同步时填写街道给的一次性登记码，之后留空</source>
        <translation>On the first sync enter the one-time enrolment code from the street; leave empty afterwards</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>其他 Open311 平台：平台管理员给的 api_key；用登记码时留空</source>
        <translation>Other Open311 servers: the api_key from the server&apos;s administrator; leave empty when you have an enrolment code</translation>
    </message>
    <message>
        <source>api_key</source>
        <translation>api_key</translation>
    </message>
    <message>
        <source>%v / %m 条</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>平台上没有，重新发送</source>
        <translation>Not on the server: send again</translation>
    </message>
    <message>
        <source>重新发送作废</source>
        <translation>Send the void again</translation>
    </message>
    <message>
        <source>平台拒绝过这条作废，本机保留着它、不再自动重发。平台工作人员处理后，选中这一行再点这里：下次同步重新发送</source>
        <translation>The platform refused this void; the laptop keeps it and no longer resends it by itself. Once the platform&apos;s staff have seen to the case, select this row and press here: the next sync sends it again</translation>
    </message>
    <message>
        <source>下次同步时重新发送作废</source>
        <translation>The void goes again at the next sync</translation>
    </message>
    <message>
        <source>待发送</source>
        <translation>To send</translation>
    </message>
    <message>
        <source>被平台拒绝的作废 {count} 条不会自动重发（本机保留着）：平台工作人员处理后，选中该行点“重新发送作废”。</source>
        <translation>{count} void(s) refused by the platform will not be resent by themselves (the laptop keeps them): once the platform&apos;s staff have seen to them, select the row and press “Send the void again”.</translation>
    </message>
    <message>
        <source>平台上有：填写编号…</source>
        <translation>It is on the server: enter its number…</translation>
    </message>
    <message>
        <source>开始同步</source>
        <translation>Start sync</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>待同步 {waiting} 条，上次被平台搁置 {aside} 条。</source>
        <translation>{waiting} waiting to sync, {aside} set aside by the platform last time.</translation>
    </message>
    <message>
        <source>没有要发送的诉求</source>
        <translation>Nothing to send</translation>
    </message>
    <message>
        <source>搁置</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To be checked</translation>
    </message>
    <message>
        <source>上次发送后没有收到平台的答复，平台也无法确认是否收到，本机不会自动重发。请在平台上按查询码搜索：选中这一行，找到了点“平台上有”并填写编号，确实没有点“平台上没有”。</source>
        <translation>No answer came after it was sent, and the server cannot tell whether it received it, so this laptop will not send it again by itself. Search the server for the tracking code: select this line, then press “It is on the server” and enter its number, or “Not on the server” if it really is not there.</translation>
    </message>
    <message>
        <source>待核实 {count} 条：平台没有答复、也无法确认是否收到，本机不会自动重发。请在平台上按查询码搜索，选中该行后点左下的按钮。</source>
        <translation>{count} to be checked: the server did not answer and cannot tell whether it received them, so this laptop will not send them again by itself. Search the server for each tracking code, select the line and press a button at the bottom left.</translation>
    </message>
    <message>
        <source>下次同步时重新发送</source>
        <translation>Will be sent again at the next sync</translation>
    </message>
    <message>
        <source>平台上有这条诉求</source>
        <translation>The case is on the server</translation>
    </message>
    <message>
        <source>{code} 在平台上的诉求编号：</source>
        <translation>The server&apos;s request number for {code}:</translation>
    </message>
    <message>
        <source>记为平台编号 {number}，下次同步时核对</source>
        <translation>Recorded as server number {number}; checked at the next sync</translation>
    </message>
    <message>
        <source>已核实</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>请填写平台地址。</source>
        <translation>Please enter the platform address.</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>正在停止：当前这几条传完就停…</source>
        <translation>Stopping: will stop once the current few have been sent…</translation>
    </message>
    <message>
        <source>正在取回办理进度…</source>
        <translation>Fetching progress…</translation>
    </message>
    <message>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>没有同步：{reason}</source>
        <translation>Not synced: {reason}</translation>
    </message>
    <message>
        <source>已同步 {synced} 条，搁置 {aside} 条，仍在等待 {waiting} 条；收到办理进度 {updates} 条。</source>
        <translation>{synced} synced, {aside} set aside, {waiting} still waiting; {updates} progress updates received.</translation>
    </message>
    <message>
        <source>搁置的诉求被平台拒收，原因见列表；请联系街道核对，下次同步会再试。</source>
        <translation>Set-aside petitions were refused by the platform; see the reasons in the list. Please check with the street; the next sync will try again.</translation>
    </message>
    <message>
        <source>等待的诉求没有丢：网络好时再按“开始同步”。</source>
        <translation>Waiting petitions are not lost: press “Start sync” again when the network is better.</translation>
    </message>
    <message>
        <source>街道同意，开始同步</source>
        <translation>The street agrees: start the sync</translation>
    </message>
    <message>
        <source>先不同步</source>
        <translation>Do not sync yet</translation>
    </message>
    <message>
        <source>没有同步：请先和街道确认该平台公开诉求内容是否合适。</source>
        <translation>Nothing was synced: first ask the street whether it is acceptable that this server makes petitions public.</translation>
    </message>
    <message>
        <source>同步…</source>
        <translation>Sync…</translation>
    </message>
    <message>
        <source>街道同意这样做吗？同意后才开始同步。</source>
        <translation>Does the street agree to this? The sync starts only once it does.</translation>
    </message>
</context>
<context>
    <name>TeamRole</name>
    <message>
        <source>街道干部</source>
        <translation>Street official</translation>
    </message>
    <message>
        <source>社区党委书记</source>
        <translation>Community Party secretary</translation>
    </message>
    <message>
        <source>人大代表</source>
        <translation>People&apos;s Congress deputy</translation>
    </message>
    <message>
        <source>党代表</source>
        <translation>Party Congress delegate</translation>
    </message>
    <message>
        <source>政协委员</source>
        <translation>CPPCC member</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>热点话题</source>
        <translation>Hot topics</translation>
    </message>
    <message>
        <source>{community}及相邻社区最近 {days} 天反复出现的诉求：{n} 个话题（本机记录；全街道的热点见平台通报）</source>
        <translation>Petitions that came back in {community} and its neighbours over the last {days} days: {n} topics (this laptop&apos;s records; the street&apos;s are in the platform&apos;s bulletin)</translation>
    </message>
    <message>
        <source>全街道</source>
        <translation>the whole street</translation>
    </message>
    <message>
        <source>话题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>最近</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Tracking codes</translation>
    </message>
    <message>
        <source>（今晚又有）</source>
        <translation> (again tonight)</translation>
    </message>
    <message>
        <source>列入议事会清单</source>
        <translation>Put on the council list</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>全街道的热点：同步后由街道平台带回（还没有同步过）。</source>
        <translation>The street&apos;s hot topics come back from the platform at sync (not synced yet).</translation>
    </message>
    <message>
        <source>全街道的热点（截至 {when} 同步）：没有涉及本社区的。</source>
        <translation>The street&apos;s hot topics (as of the sync at {when}): none touches this community.</translation>
    </message>
    <message>
        <source>全街道的热点（截至 {when} 同步），涉及本社区的：</source>
        <translation>The street&apos;s hot topics (as of the sync at {when}) that touch this community:</translation>
    </message>
    <message>
        <source>议事会清单：还没有话题。选中一个话题，按“列入议事会清单”。</source>
        <translation>Council list: no topic yet. Select a topic and press “Put on the council list”.</translation>
    </message>
    <message>
        <source>议事会清单（{n} 项）：</source>
        <translation>Council list ({n}):</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>作废诉求 {code}</source>
        <translation>Void case {code}</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>{code}&#x3000;{category}
作废后仍留在列表中（灰色），不会删除，并会同步到街道平台。</source>
        <translation>{code}&#x3000;{category}
A voided case stays on the list (grey), is never deleted, and is synced to the street platform.</translation>
    </message>
    <message>
        <source>如：重复登记，与 K7Q-00A3-X 是同一件事</source>
        <translation>e.g. recorded twice, same matter as K7Q-00A3-X</translation>
    </message>
    <message>
        <source>作废原因 *</source>
        <translation>Reason *</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_Thumb</name>
    <message>
        <source>无法预览</source>
        <translation>No preview</translation>
    </message>
    <message>
        <source>已存照片</source>
        <translation>Stored photo</translation>
    </message>
    <message>
        <source>移除 {n}</source>
        <translation>Remove {n}</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <source>查找索引还在建立（已完成 {percent}%，最近的诉求先加入）：较早的诉求可能暂时查不到，请稍后再查。</source>
        <translation>The search index is still being built ({percent}% done, newest cases first): older cases may not be found yet; try again shortly.</translation>
    </message>
    <message>
        <source>查找索引已建好：本机所有诉求都能查到</source>
        <translation>Search index ready: every case on this laptop can be found</translation>
    </message>
    <message>
        <source>建立查找索引 {percent}%</source>
        <translation>Building search index {percent}%</translation>
    </message>
    <message>
        <source>本机原有的 {total} 条诉求正在加入查找索引（最近的先加入，已完成 {done} 条）；登记、打印照常进行。</source>
        <translation>The {total} cases already on this laptop are being added to the search index (newest first, {done} done); recording and printing work as usual.</translation>
    </message>
</context>
</TS>
