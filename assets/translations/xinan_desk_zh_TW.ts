<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_CN">
<context>
    <name>AmendDialog</name>
    <message>
        <source>补充更正 {code}</source>
        <translation>補充更正 {code}</translation>
    </message>
    <message>
        <source>记下更正</source>
        <translation>記下更正</translation>
    </message>
    <message>
        <source>已同步到街道平台</source>
        <translation>已同步到街道平台</translation>
    </message>
    <message>
        <source>已开始同步到街道平台</source>
        <translation>已開始同步到街道平台</translation>
    </message>
    <message>
        <source>{code}&#x3000;{category}
该诉求{state}，平台为准，不能直接修改。请写明更正内容，下次同步时作为更正说明发送到平台。</source>
        <translation>{code}&#x3000;{category}
該訴求{state}，平台為準，不能直接修改。請寫明更正內容，下次同步時作為更正說明傳送到平台。</translation>
    </message>
    <message>
        <source>如：居民补充，地点是C出口东侧，不是西侧</source>
        <translation>如：居民補充，地點是C出口東側，不是西側</translation>
    </message>
    <message>
        <source>更正说明 *</source>
        <translation>更正說明 *</translation>
    </message>
    <message>
        <source>平台没有接受 {when} 记下的更正，它不会再自动发送。平台的答复：{reason}
原来的更正已填在下面，请改好后再记下。</source>
        <translation>平台沒有接受 {when} 記下的更正，它不會再自動傳送。平台的答覆：{reason}
原來的更正已填在下面，請改好後再記下。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>心安接访台</source>
        <translation>心安接訪台</translation>
    </message>
    <message>
        <source>接访台无法打开：
{error}</source>
        <translation>接訪台無法開啟：
{error}</translation>
    </message>
</context>
<context>
    <name>CaseLoopDialog</name>
    <message>
        <source>诉求 {code}</source>
        <translation>訴求 {code}</translation>
    </message>
    <message>
        <source>居民对办理结果的评价</source>
        <translation>居民對辦理結果的評價</translation>
    </message>
    <message>
        <source>居民的原话（可不填）</source>
        <translation>居民的原話（可不填）</translation>
    </message>
    <message>
        <source>记录评价</source>
        <translation>記錄評價</translation>
    </message>
    <message>
        <source>登记续诉（同一件事）</source>
        <translation>登記續訴（同一件事）</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>登记时间：{when}</source>
        <translation>登記時間：{when}</translation>
    </message>
    <message>
        <source>个人信息已按期清除（平台办结后超过保存期限），诉求内容也已删除。</source>
        <translation>個人資訊已按期清除（平台辦結後超過儲存期限），訴求內容也已刪除。</translation>
    </message>
    <message>
        <source>居民：匿名</source>
        <translation>居民：匿名</translation>
    </message>
    <message>
        <source>未留</source>
        <translation>未留</translation>
    </message>
    <message>
        <source>居民：{name}&#x3000;电话：{phone}</source>
        <translation>居民：{name}&#x3000;電話：{phone}</translation>
    </message>
    <message>
        <source>地点：{community} {address}</source>
        <translation>地點：{community} {address}</translation>
    </message>
    <message>
        <source>诉求：{text}</source>
        <translation>訴求：{text}</translation>
    </message>
    <message>
        <source>接续前次诉求 {code}</source>
        <translation>接續前次訴求 {code}</translation>
    </message>
    <message>
        <source>已作废：{reason}</source>
        <translation>已作廢：{reason}</translation>
    </message>
    <message>
        <source>平台没有接受这条作废：本机保留着它，不再自动重发；组长可在同步窗口重新发送。</source>
        <translation>平台沒有接受這條作廢：本機保留著它，不再自動重發；組長可在同步視窗重新傳送。</translation>
    </message>
    <message>
        <source>平台的原话：{reason}</source>
        <translation>平台的原話：{reason}</translation>
    </message>
    <message>
        <source>平台办理进度</source>
        <translation>平台辦理進度</translation>
    </message>
    <message>
        <source>平台办理进度（截至 {when} 同步）</source>
        <translation>平台辦理進度（截至 {when} 同步）</translation>
    </message>
    <message>
        <source>还没有同步到街道平台：今晚同步后，下次同步就能看到平台的办理进度。</source>
        <translation>還沒有同步到街道平台：今晚同步後，下次同步就能看到平台的辦理進度。</translation>
    </message>
    <message>
        <source>已同步到街道平台，还没有取回办理进度：下次同步后显示。</source>
        <translation>已同步到街道平台，還沒有取回辦理進度：下次同步後顯示。</translation>
    </message>
    <message>
        <source>状态：{status}</source>
        <translation>狀態：{status}</translation>
    </message>
    <message>
        <source>承办部门：{department}</source>
        <translation>承辦部門：{department}</translation>
    </message>
    <message>
        <source>应办结：{due}</source>
        <translation>應辦結：{due}</translation>
    </message>
    <message>
        <source>平台说明：{notes}</source>
        <translation>平台說明：{notes}</translation>
    </message>
    <message>
        <source>已接通</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>未接通</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>回访：{when} {caller}，{reached}</source>
        <translation>回訪：{when} {caller}，{reached}</translation>
    </message>
    <message>
        <source>，评价“{rating}”</source>
        <translation>，評價「{rating}」</translation>
    </message>
    <message>
        <source>：{words}</source>
        <translation>：{words}</translation>
    </message>
    <message>
        <source>评价：{when} {rating}（{how}）</source>
        <translation>評價：{when} {rating}（{how}）</translation>
    </message>
    <message>
        <source>信号灯：{light}</source>
        <translation>訊號燈：{light}</translation>
    </message>
    <message>
        <source>本机 {when} 记录“{rating}”，平台未记录：{reason}</source>
        <translation>本機 {when} 記錄「{rating}」，平台未記錄：{reason}</translation>
    </message>
    <message>
        <source>本机 {when} 记录“{rating}”，已送达平台</source>
        <translation>本機 {when} 記錄「{rating}」，已送達平台</translation>
    </message>
    <message>
        <source>本机 {when} 记录“{rating}”，下次同步时送到平台</source>
        <translation>本機 {when} 記錄「{rating}」，下次同步時送到平台</translation>
    </message>
    <message>
        <source>该诉求已作废，不能评价。</source>
        <translation>該訴求已作廢，不能評價。</translation>
    </message>
    <message>
        <source>这次办结的评价已记下；平台重新办结后可再评价。</source>
        <translation>這次辦結的評價已記下；平台重新辦結後可再評價。</translation>
    </message>
    <message>
        <source>平台办结后才能评价（上次同步时还没有办结）；居民的意见可用“补充更正”记下。</source>
        <translation>平台辦結後才能評價（上次同步時還沒有辦結）；居民的意見可用「補充更正」記下。</translation>
    </message>
    <message>
        <source>平台已办结。请居民选择：满意、基本满意或不满意。不满意时平台会退回承办部门重新办理。</source>
        <translation>平台已辦結。請居民選擇：滿意、基本滿意或不滿意。不滿意時平台會退回承辦部門重新辦理。</translation>
    </message>
    <message>
        <source>请先选择一项评价：满意、基本满意或不满意</source>
        <translation>請先選擇一項評價：滿意、基本滿意或不滿意</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>时间</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>诉求类别</source>
        <translation>訴求類別</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>處理結果</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>已作废：{reason}</source>
        <translation>已作廢：{reason}</translation>
    </message>
    <message>
        <source>已同步到街道平台，不能再在本机修改</source>
        <translation>已同步到街道平台，不能再在本機修改</translation>
    </message>
    <message>
        <source>{department}；截止 {due}</source>
        <translation>{department}；截止 {due}</translation>
    </message>
</context>
<context>
    <name>CategoryField</name>
    <message>
        <source>{major}
责任部门：{department}</source>
        <translation>{major}
責任部門：{department}</translation>
    </message>
    <message>
        <source>请从列表中选一项
（↓ 选择，回车确定）</source>
        <translation>請從列表中選一項
（↓ 選擇，Enter 確定）</translation>
    </message>
    <message>
        <source>选定类别后
显示责任部门</source>
        <translation>選定類別後
顯示責任部門</translation>
    </message>
</context>
<context>
    <name>CommunityField</name>
    <message>
        <source>选择或输入社区名称</source>
        <translation>選擇或輸入社區名稱</translation>
    </message>
</context>
<context>
    <name>DisplayMenu</name>
    <message>
        <source>语言 / Language(&amp;L)</source>
        <translation>語言 / Language(&amp;L)</translation>
    </message>
    <message>
        <source>夜间模式（高对比度）</source>
        <translation>夜間模式（高對比度）</translation>
    </message>
    <message>
        <source>文字大小</source>
        <translation>文字大小</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>登记到街道平台</source>
        <translation>登記到街道平台</translation>
    </message>
    <message>
        <source>街道信息中心给每台笔记本一个一次性登记码。登记后，这台笔记本得到它的编号（每个查询码的开头），并能在夜话结束后把诉求同步到街道信箱平台。登记需要联网；在摊位上没有网络，可以以后再登记。</source>
        <translation>街道資訊中心給每檯筆記本一個一次性登記碼。登記後，這檯筆記本得到它的編號（每個查詢碼的開頭），並能在夜話結束後把訴求同步到街道信箱平台。登記需要聯網；在攤位上沒有網路，可以以後再登記。</translation>
    </message>
    <message>
        <source>以后再登记（在「同步」里填写登记码），先手动填写街道分配的本机编号</source>
        <translation>以後再登記（在「同步」裡填寫登記碼），先手動填寫街道分配的本機編號</translation>
    </message>
    <message>
        <source>平台地址</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>登記碼</translation>
    </message>
    <message>
        <source>本机编号</source>
        <translation>本機編號</translation>
    </message>
    <message>
        <source>如 K7Q</source>
        <translation>如 K7Q</translation>
    </message>
    <message>
        <source>居民查询网址</source>
        <translation>居民查詢網址</translation>
    </message>
    <message>
        <source>凭条二维码指向的平台查询页。本街道的心安平台登记时会自动告诉，可以不填；其他平台请向街道信息中心要这个地址。不知道就留空：凭条先只印查询码和热线，不印二维码，并说明网上查询暂未开通。</source>
        <translation>憑條二維碼指向的平台查詢頁。本街道的心安平台登記時會自動告訴，可以不填；其他平台請向街道資訊中心要這個網址。不知道就留空：憑條先只印查詢碼和熱線，不印二維碼，並說明網上查詢暫未開通。</translation>
    </message>
    <message>
        <source>请填写平台地址</source>
        <translation>請填寫平台地址</translation>
    </message>
    <message>
        <source>请填写街道给的登记码</source>
        <translation>請填寫街道給的登記碼</translation>
    </message>
    <message>
        <source>正在连接平台登记这台笔记本…</source>
        <translation>正在連線平台登記這台筆記本…</translation>
    </message>
    <message>
        <source>{problem}
请检查平台地址和网络后再点「下一步」；在摊位上没有网络时，可以选「以后再登记」，先填写街道分配的本机编号。</source>
        <translation>{problem}
請檢查平台地址和網路後再點「下一步」；在攤位上沒有網路時，可以選「以後再登記」，先填寫街道分配的本機編號。</translation>
    </message>
    <message>
        <source>街道的心安平台：用一次性登记码登记（需要联网）</source>
        <translation>街道的心安平台：用一次性登記碼登記（需要連網）</translation>
    </message>
    <message>
        <source>其他 Open311 平台：用平台管理员给的 api_key（需要联网）</source>
        <translation>其他 Open311 平台：用平台管理員給的 api_key（需要連網）</translation>
    </message>
    <message>
        <source>其他 Open311 平台不会告诉居民查询页的地址：请向平台管理员要。留空时凭条不印二维码，以后可在「街道与打印设置」里补填。</source>
        <translation>其他 Open311 平台不會告訴居民查詢頁的地址：請向平台管理員要。留空時憑條不印二維碼，以後可在「街道與列印設定」裡補填。</translation>
    </message>
    <message>
        <source>api_key</source>
        <translation>api_key</translation>
    </message>
    <message>
        <source>照平台管理员给的原样填写</source>
        <translation>照平台管理員給的原樣填寫</translation>
    </message>
    <message>
        <source>这个平台没有设备登记，不用登记码：请选「其他 Open311 平台」，填写平台管理员给的「api_key」和街道分配的「本机编号」。</source>
        <translation>這個平台沒有裝置登記，不用登記碼：請選「其他 Open311 平台」，填寫平台管理員給的「api_key」和街道分配的「本機編號」。</translation>
    </message>
    <message>
        <source>请填写「平台地址」：平台管理员给的 API 地址，例如 https://平台/api/georeport/v2/</source>
        <translation>請填寫「平台地址」：平台管理員給的 API 地址，例如 https://平台/api/georeport/v2/</translation>
    </message>
    <message>
        <source>「平台地址」应以 https:// 开头，照平台管理员给的 API 地址原样填写，例如 https://平台/api/georeport/v2/</source>
        <translation>「平台地址」應以 https:// 開頭，照平台管理員給的 API 地址原樣填寫，例如 https://平台/api/georeport/v2/</translation>
    </message>
    <message>
        <source>请填写「api_key」：平台管理员给这台笔记本的 api_key</source>
        <translation>請填寫「api_key」：平台管理員給這台筆記本的 api_key</translation>
    </message>
    <message>
        <source>「api_key」不能含空格：请照平台管理员给的原样填写</source>
        <translation>「api_key」不能含空格：請照平台管理員給的原樣填寫</translation>
    </message>
    <message>
        <source>「本机编号」应为3位数字或字母（不含 I、L、O、U）：其他 Open311 平台不分配编号，请填写街道分配给这台笔记本的编号</source>
        <translation>「本機編號」應為3位數字或字母（不含 I、L、O、U）：其他 Open311 平台不分配編號，請填寫街道分配給這台筆記本的編號</translation>
    </message>
    <message>
        <source>该平台会公开诉求内容：请先确认。</source>
        <translation>該平台會公開訴求內容：請先確認。</translation>
    </message>
    <message>
        <source>平台不接受这个「api_key」（平台的回答：{reason}）：请照平台管理员给的原样填写，注意大小写。</source>
        <translation>平台不接受這個「api_key」（平台的回答：{reason}）：請照平台管理員給的原樣填寫，注意大小寫。</translation>
    </message>
    <message>
        <source>「平台地址」{server} 下没有 Open311 服务目录（services.json）：请向平台管理员确认 API 地址，例如 https://平台/api/georeport/v2/</source>
        <translation>「平台地址」{server} 下沒有 Open311 服務目錄（services.json）：請向平台管理員確認 API 地址，例如 https://平台/api/georeport/v2/</translation>
    </message>
    <message>
        <source>连不上「平台地址」上的平台：网络不通、地址有误，或平台没有运行。请检查后再点「下一步」；在摊位上没有网络时，可以选「以后再登记」。</source>
        <translation>連不上「平台地址」上的平台：網路不通、地址有誤，或平台沒有執行。請檢查後再點「下一步」；在攤位上沒有網路時，可以選「以後再登記」。</translation>
    </message>
    <message>
        <source>「平台地址」是街道的心安平台，它用一次性登记码登记笔记本，不用 api_key：请选「街道的心安平台」，填写街道给的登记码。</source>
        <translation>「平台地址」是街道的心安平台，它用一次性登記碼登記筆記本，不用 api_key：請選「街道的心安平台」，填寫街道給的登記碼。</translation>
    </message>
    <message>
        <source>正在检查平台和 api_key…</source>
        <translation>正在檢查平台和 api_key…</translation>
    </message>
    <message>
        <source>街道同意，继续</source>
        <translation>街道同意，繼續</translation>
    </message>
    <message>
        <source>先不连接</source>
        <translation>先不連接</translation>
    </message>
    <message>
        <source>没有保存：请先和街道确认该平台公开诉求内容是否合适；也可以选「以后再登记」。</source>
        <translation>沒有儲存：請先和街道確認該平台公開訴求內容是否合適；也可以選「以後再登記」。</translation>
    </message>
    <message>
        <source>街道同意这样做吗？同意后才保存这个平台。</source>
        <translation>街道同意這樣做嗎？同意後才儲存這個平台。</translation>
    </message>
</context>
<context>
    <name>FindCaseDialog</name>
    <message>
        <source>查找诉求</source>
        <translation>查詢訴求</translation>
    </message>
    <message>
        <source>居民回来问进度？输入查询码、电话号码（全号、前几位或尾号4位）或姓名（汉字、全拼或首字母）。结果已遮挡姓名和电话，打开后才显示。</source>
        <translation>居民回來問進度？輸入查詢碼、電話號碼（全號、前幾位或尾號4位）或姓名（漢字、全拼或首字母）。結果已遮擋姓名和電話，開啟後才顯示。</translation>
    </message>
    <message>
        <source>如 K7Q-00A3-X、5678、王小明、wangxiaoming、wxm</source>
        <translation>如 K7Q-00A3-X、5678、王小明、wangxiaoming、wxm</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>登記時間</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>平台状态</source>
        <translation>平台狀態</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>个人信息已按期清除</source>
        <translation>個人資訊已按期清除</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>未留</source>
        <translation>未留</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>已作廢</translation>
    </message>
    <message>
        <source>找到 {n} 条（最近的在前）</source>
        <translation>找到 {n} 條（最近的在前）</translation>
    </message>
    <message>
        <source>本机没有找到：可换用查询码、手机尾号或姓名拼音再试</source>
        <translation>本機沒有找到：可換用查詢碼、手機尾號或姓名拼音再試</translation>
    </message>
    <message>
        <source>电话号码至少输入 4 位（如尾号）</source>
        <translation>電話號碼至少輸入 4 位（如尾號）</translation>
    </message>
    <message>
        <source>太长：最多 40 个字符</source>
        <translation>太長：最多 40 個字元</translation>
    </message>
    <message>
        <source>请输入查询码、电话号码或姓名（汉字或拼音）</source>
        <translation>請輸入查詢碼、電話號碼或姓名（漢字或拼音）</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>必填</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>取消修改  Esc</source>
        <translation>取消修改  Esc</translation>
    </message>
    <message>
        <source>清空，换下一位</source>
        <translation>清空，換下一位</translation>
    </message>
    <message>
        <source>正在修改 {code}</source>
        <translation>正在修改 {code}</translation>
    </message>
    <message>
        <source>保存修改  Ctrl+Enter</source>
        <translation>儲存修改  Ctrl+Enter</translation>
    </message>
    <message>
        <source>保存登记  Ctrl+Enter</source>
        <translation>儲存登記  Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>IntakeHintsPanel</name>
    <message>
        <source>不是</source>
        <translation>不是</translation>
    </message>
    <message>
        <source>分类建议：</source>
        <translation>分類建議：</translation>
    </message>
    <message>
        <source>已关联 {code}（{category}）</source>
        <translation>已關聯 {code}（{category}）</translation>
    </message>
    <message>
        <source>已关联 {code}（{category}，{when} 登记）：保存时记为同一件事的续报</source>
        <translation>已關聯 {code}（{category}，{when} 登記）：儲存時記為同一件事的續報</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>取消關聯</translation>
    </message>
    <message>
        <source>可能与 {code} 是同一件事（{category}）</source>
        <translation>可能與 {code} 是同一件事（{category}）</translation>
    </message>
    <message>
        <source>可能与 {code} 是同一件事（{category}，{when} 登记，尚未办结）</source>
        <translation>可能與 {code} 是同一件事（{category}，{when} 登記，尚未辦結）</translation>
    </message>
    <message>
        <source>是同一件事，关联</source>
        <translation>是同一件事，關聯</translation>
    </message>
</context>
<context>
    <name>LeaderGate</name>
    <message>
        <source>队长确认</source>
        <translation>隊長確認</translation>
    </message>
    <message>
        <source>「{action}」只有队长可以操作。请队长输入 PIN：</source>
        <translation>「{action}」只有隊長可以操作。請隊長輸入 PIN：</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>队长模式 · 还剩 {time}</source>
        <translation>隊長模式 · 還剩 {time}</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>作废诉求</source>
        <translation>作廢訴求</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>修改設定</translation>
    </message>
    <message>
        <source>查看操作日志</source>
        <translation>檢視操作日誌</translation>
    </message>
    <message>
        <source>清除到期个人信息</source>
        <translation>清除到期個人資訊</translation>
    </message>
    <message>
        <source>设置本机编号</source>
        <translation>設定本機編號</translation>
    </message>
    <message>
        <source>更换口令</source>
        <translation>更換口令</translation>
    </message>
    <message>
        <source>进入队长模式</source>
        <translation>進入隊長模式</translation>
    </message>
    <message>
        <source>队长操作已完成，队长模式已结束：下次需再输入 PIN</source>
        <translation>隊長操作已完成，隊長模式已結束：下次需再輸入 PIN</translation>
    </message>
    <message>
        <source>队长设置被改过</source>
        <translation>隊長設定被改過</translation>
    </message>
    <message>
        <source>以下队长设置在没有队长 PIN 的情况下被改过（已记入操作日志），请核对：
{names}</source>
        <translation>以下隊長設定在沒有隊長 PIN 的情況下被改過（已記入操作日誌），請核對：
{names}</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <source>办结绿</source>
        <translation>辦結綠</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>辦理中</translation>
    </message>
    <message>
        <source>预警黄</source>
        <translation>預警黃</translation>
    </message>
    <message>
        <source>警报红</source>
        <translation>警報紅</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>已作廢</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>夜话(&amp;S)</source>
        <translation>夜話(&amp;S)</translation>
    </message>
    <message>
        <source>诉求(&amp;C)</source>
        <translation>訴求(&amp;C)</translation>
    </message>
    <message>
        <source>设置(&amp;T)</source>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <source>主工具栏</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>开始夜话…</source>
        <translation>開始夜話…</translation>
    </message>
    <message>
        <source>结束夜话…</source>
        <translation>結束夜話…</translation>
    </message>
    <message>
        <source>新登记</source>
        <translation>新登記</translation>
    </message>
    <message>
        <source>保存登记 (Ctrl+Enter)</source>
        <translation>儲存登記 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>修改所选</source>
        <translation>修改所選</translation>
    </message>
    <message>
        <source>作废所选…</source>
        <translation>作廢所選…</translation>
    </message>
    <message>
        <source>转到诉求列表</source>
        <translation>轉到訴求列表</translation>
    </message>
    <message>
        <source>本机编号…</source>
        <translation>本機編號…</translation>
    </message>
    <message>
        <source>开始夜话</source>
        <translation>開始夜話</translation>
    </message>
    <message>
        <source>回车或双击：修改&#x3000;Delete：作废</source>
        <translation>Enter 或雙擊：修改&#x3000;Delete：作廢</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>作廢…</translation>
    </message>
    <message>
        <source>已恢复上次未保存的登记：请核对后保存，或点「清空，换下一位」放弃。</source>
        <translation>已恢復上次未儲存的登記：請核對後儲存，或點「清空，換下一位」放棄。</translation>
    </message>
    <message>
        <source>{venue} 的夜话已于 {time} 结束，统计数已冻结。之后登记的诉求不计入这场夜话；还要接待，请组长点「开始夜话」开一场新的。</source>
        <translation>{venue} 的夜話已於 {time} 結束，統計數已凍結。之後登記的訴求不計入這場夜話；還要接待，請組長點「開始夜話」開一場新的。</translation>
    </message>
    <message>
        <source>今晚的夜话还没开始：请组长点「开始夜话」，登记日期、地点和接访团。现在也可以先登记诉求（不计入任何一场夜话），右侧列出最近登记的诉求。</source>
        <translation>今晚的夜話還沒開始：請組長點「開始夜話」，登記日期、地點和接訪團。現在也可以先登記訴求（不計入任何一場夜話），右側列出最近登記的訴求。</translation>
    </message>
    <message>
        <source>今晚的诉求（{n} 条）</source>
        <translation>今晚的訴求（{n} 條）</translation>
    </message>
    <message>
        <source>最近登记的诉求（{n} 条，今晚的夜话已结束）</source>
        <translation>最近登記的訴求（{n} 條，今晚的夜話已結束）</translation>
    </message>
    <message>
        <source>最近登记的诉求（{n} 条，未开始夜话）</source>
        <translation>最近登記的訴求（{n} 條，未開始夜話）</translation>
    </message>
    <message>
        <source>登记  Ctrl+N</source>
        <translation>登記  Ctrl+N</translation>
    </message>
    <message>
        <source>诉求列表（{n} 条）  Ctrl+L</source>
        <translation>訴求列表（{n} 條）  Ctrl+L</translation>
    </message>
    <message>
        <source>待同步 {n} 项</source>
        <translation>待同步 {n} 項</translation>
    </message>
    <message>
        <source>本机编号 {prefix}（临时）：请在「设置 → 本机编号」填写街道分配的编号</source>
        <translation>本機編號 {prefix}（臨時）：請在「設定 → 本機編號」填寫街道分配的編號</translation>
    </message>
    <message>
        <source>本机编号 {prefix}</source>
        <translation>本機編號 {prefix}</translation>
    </message>
    <message>
        <source>登记表定义文件有误，已改用上一个可用的版本：</source>
        <translation>登記表定義檔案有誤，已改用上一個可用的版本：</translation>
    </message>
    <message>
        <source>正在处理…</source>
        <translation>正在處理…</translation>
    </message>
    <message>
        <source>不接续</source>
        <translation>不接續</translation>
    </message>
    <message>
        <source>正在登记的新诉求接续前次诉求 {code}（{category}）：保存后凭条上注明。</source>
        <translation>正在登記的新訴求接續前次訴求 {code}（{category}）：儲存後憑條上註明。</translation>
    </message>
    <message>
        <source>清空登记表</source>
        <translation>清空登記表</translation>
    </message>
    <message>
        <source>清空后，表中已填写的内容（未保存）将丢弃。确定清空、换下一位居民吗？</source>
        <translation>清空後，表中已填寫的內容（未儲存）將丟棄。確定清空、換下一位居民嗎？</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>不清空</source>
        <translation>不清空</translation>
    </message>
    <message>
        <source>请先在右侧列表中选中一条诉求</source>
        <translation>請先在右側列表中選取一條訴求</translation>
    </message>
    <message>
        <source>{code} 已作废，不能修改</source>
        <translation>{code} 已作廢，不能修改</translation>
    </message>
    <message>
        <source>请先在右侧列表中选中要作废的诉求</source>
        <translation>請先在右側列表中選取要作廢的訴求</translation>
    </message>
    <message>
        <source>{code} 已经作废</source>
        <translation>{code} 已經作廢</translation>
    </message>
    <message>
        <source>{code} 的更正已记下，下次同步时发送到平台</source>
        <translation>{code} 的更正已記下，下次同步時傳送到平台</translation>
    </message>
    <message>
        <source>结束夜话</source>
        <translation>結束夜話</translation>
    </message>
    <message>
        <source>结束今晚的夜话？
结束后接待人次、走访家数和诉求数将冻结，不能再计数。之后登记的诉求不计入这场夜话。</source>
        <translation>結束今晚的夜話？
結束後接待人次、走訪家數和訴求數將凍結，不能再計數。之後登記的訴求不計入這場夜話。</translation>
    </message>
    <message>
        <source>继续接待</source>
        <translation>繼續接待</translation>
    </message>
    <message>
        <source>{date} {venue} 的夜话已结束，统计数已冻结：

接待人次&#x3000;{visitors}
走访家数&#x3000;{households}
收集诉求&#x3000;{petitions} 条（当场解决 {solved}，转平台办理 {forwarded}，解释说明 {explained}）
作废&#x3000;{voided} 条</source>
        <translation>{date} {venue} 的夜話已結束，統計數已凍結：

接待人次&#x3000;{visitors}
走訪家數&#x3000;{households}
收集訴求&#x3000;{petitions} 條（當場解決 {solved}，轉平台辦理 {forwarded}，解釋說明 {explained}）
作廢&#x3000;{voided} 條</translation>
    </message>
    <message>
        <source>同步到街道平台：已同步 {synced} 条，等待同步 {waiting} 条，搁置 {aside} 条</source>
        <translation>同步到街道平台：已同步 {synced} 條，等待同步 {waiting} 條，擱置 {aside} 條</translation>
    </message>
    <message>
        <source>&#x3000;搁置 {code}：{reason}</source>
        <translation>&#x3000;擱置 {code}：{reason}</translation>
    </message>
    <message>
        <source>请队长按“同步”把等待的诉求送到平台。</source>
        <translation>請隊長按「同步」把等待的訴求送到平台。</translation>
    </message>
    <message>
        <source>夜话已结束</source>
        <translation>夜話已結束</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>当晚报表：打印或保存…</source>
        <translation>當晚報表：列印或儲存…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>知道了</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>开始今晚的夜话</source>
        <translation>開始今晚的夜話</translation>
    </message>
    <message>
        <source>开始夜话</source>
        <translation>開始夜話</translation>
    </message>
    <message>
        <source>如：新安广场、海旺社区党群服务中心</source>
        <translation>如：新安廣場、海旺社區黨群服務中心</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>地点 *</source>
        <translation>地點 *</translation>
    </message>
    <message>
        <source>社区 *</source>
        <translation>社區 *</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>街道干部、社区党委书记、两代表一委员和志愿者；空行不计</source>
        <translation>街道幹部、社區黨委書記、兩代表一委員和志工；空行不計</translation>
    </message>
    <message>
        <source>接访团</source>
        <translation>接訪團</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>出现意外错误，操作没有完成（已记入日志）。已登记的诉求不受影响，请重试；如果反复出现，请联系技术支持。</source>
        <translation>出現意外錯誤，操作沒有完成（已記入日誌）。已登記的訴求不受影響，請重試；如果反覆出現，請聯絡技術支援。</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>80mm 热敏卷纸</source>
        <translation>80mm 熱敏捲紙</translation>
    </message>
    <message>
        <source>58mm 热敏卷纸</source>
        <translation>58mm 熱敏捲紙</translation>
    </message>
    <message>
        <source>A4 回执（带剪下凭条）</source>
        <translation>A4 回執（帶剪下憑條）</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>街道口令</source>
        <translation>街道口令</translation>
    </message>
    <message>
        <source>居民的信息在这台笔记本上加密保存，街道口令是钥匙：每晚打开接访台时输入，由队长们共同保管。至少 8 个字符，可以用一句好记的话。忘记口令就无法打开已登记的诉求，请抄在安全的地方。</source>
        <translation>居民的資訊在這檯筆記本上加密儲存，街道口令是鑰匙：每晚開啟接訪台時輸入，由隊長們共同保管。至少 8 個字元，可以用一句好記的話。忘記口令就無法開啟已登記的訴求，請抄在安全的地方。</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <source>设置口令并继续</source>
        <translation>設定口令並繼續</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请重新输入</source>
        <translation>兩次輸入的口令不一致，請重新輸入</translation>
    </message>
    <message>
        <source>口令太短：至少 8 个字符，可以用一句好记的话</source>
        <translation>口令太短：至少 8 個字元，可以用一句好記的話</translation>
    </message>
    <message>
        <source>口令太容易猜：常见密码、键盘上连着的键、生日年份或街道名加数字都能被很快试出。请用一句只有队长们知道的、好记的话</source>
        <translation>口令太容易猜：常見密碼、鍵盤上連著的鍵、生日年份或街道名加數字都能被很快試出。請用一句只有隊長們知道的、好記的話</translation>
    </message>
    <message>
        <source>正在创建加密的数据库…</source>
        <translation>正在建立加密的資料庫…</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>选择照片…</source>
        <translation>選擇照片…</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>選擇照片</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>圖片</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>队长 PIN</source>
        <translation>隊長 PIN</translation>
    </message>
    <message>
        <source>同步、作废诉求、导出和修改设置只有队长可以做：队长在接访台上输入这个 PIN。6–12 位数字。</source>
        <translation>同步、作廢訴求、匯出和修改設定只有隊長可以做：隊長在接訪台上輸入這個 PIN。6–12 位數字。</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <source>两次输入的 PIN 不一致，请重新输入</source>
        <translation>兩次輸入的 PIN 不一致，請重新輸入</translation>
    </message>
</context>
<context>
    <name>PlatformStatus</name>
    <message>
        <source>待受理</source>
        <translation>待受理</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>已分派</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>辦理中</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>已辦結</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>重新辦理</translation>
    </message>
    <message>
        <source>升级督办</source>
        <translation>升級督辦</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>已作廢</translation>
    </message>
    <message>
        <source>未同步</source>
        <translation>未同步</translation>
    </message>
</context>
<context>
    <name>PrefixDialog</name>
    <message>
        <source>本机编号</source>
        <translation>本機編號</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>本机目前使用临时编号 {prefix}。</source>
        <translation>本機目前使用臨時編號 {prefix}。</translation>
    </message>
    <message>
        <source>本机编号为 {prefix}。</source>
        <translation>本機編號為 {prefix}。</translation>
    </message>
    <message>
        <source>
请填写街道为这台电脑分配的3位编号，它是每个查询码的开头，
保证各摊位的查询码不会重复。已登记的查询码不变。</source>
        <translation>
請填寫街道為這台電腦分配的3位編號，它是每個查詢碼的開頭，
保證各攤位的查詢碼不會重複。已登記的查詢碼不變。</translation>
    </message>
    <message>
        <source>如 K7Q</source>
        <translation>如 K7Q</translation>
    </message>
    <message>
        <source>本机编号 *</source>
        <translation>本機編號 *</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>打印凭条 (Ctrl+P)</source>
        <translation>列印憑條 (Ctrl+P)</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>列印預覽…</translation>
    </message>
    <message>
        <source>街道与打印设置…</source>
        <translation>街道與列印設定…</translation>
    </message>
    <message>
        <source>补打 {code}</source>
        <translation>補打 {code}</translation>
    </message>
    <message>
        <source>没有出纸时，用同一台打印机和纸张再打一张（凭条上标注“补打”）</source>
        <translation>沒有出紙時，用同一台印表機和紙張再打一張（憑條上標註「補打」）</translation>
    </message>
    <message>
        <source>请先保存一条诉求，或在列表里选中一条，再打印凭条</source>
        <translation>請先儲存一條訴求，或在列表裡選取一條，再列印憑條</translation>
    </message>
    <message>
        <source>（补打 {n}）</source>
        <translation>（補打 {n}）</translation>
    </message>
    <message>
        <source>凭条 {code}{again}已保存为 PDF</source>
        <translation>憑條 {code}{again}已儲存為 PDF</translation>
    </message>
    <message>
        <source>凭条 {code}{again}已打印</source>
        <translation>憑條 {code}{again}已列印</translation>
    </message>
    <message>
        <source>凭条已发送到打印机，未能确认出纸</source>
        <translation>憑條已傳送到印表機，未能確認出紙</translation>
    </message>
    <message>
        <source>打印机：{printer}；纸张：{paper}</source>
        <translation>印表機：{printer}；紙張：{paper}</translation>
    </message>
    <message>
        <source>系统无法确认是否出纸：没有出纸时，请按状态栏右边的“补打”（或 Ctrl+P）再打一张。</source>
        <translation>系統無法確認是否出紙：沒有出紙時，請按狀態列右邊的「補打」（或 Ctrl+P）再打一張。</translation>
    </message>
    <message>
        <source>凭条 {code}{again}</source>
        <translation>憑條 {code}{again}</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>打印机与纸张</source>
        <translation>印表機與紙張</translation>
    </message>
    <message>
        <source>居民拿走的查询凭条打印在这里。热敏小票机一般用 80mm 或 58mm 卷纸；没有打印机也可以先不选，按 Ctrl+P 时会打开打印预览，可以保存 PDF。热线印在凭条上，请填街道的真实电话。</source>
        <translation>居民拿走的查詢憑條列印在這裡。熱敏憑條機一般用 80mm 或 58mm 捲紙；沒有印表機也可以先不選，按 Ctrl+P 時會開啟列印預覽，可以儲存 PDF。熱線印在憑條上，請填街道的真實電話。</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>紙張</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>印表機</translation>
    </message>
    <message>
        <source>（不设置：按 Ctrl+P 先打开打印预览）</source>
        <translation>（不設定：按 Ctrl+P 先開啟列印預覽）</translation>
    </message>
    <message>
        <source>打印测试凭条</source>
        <translation>列印測試憑條</translation>
    </message>
    <message>
        <source>用选中的打印机和纸张打一张测试凭条（不是诉求凭条，不要交给居民）</source>
        <translation>用選取的印表機和紙張打一張測試憑條（不是訴求憑條，不要交給居民）</translation>
    </message>
    <message>
        <source>咨询热线</source>
        <translation>諮詢熱線</translation>
    </message>
    <message>
        <source>如 0755-27891234 或 12345</source>
        <translation>如 0755-27891234 或 12345</translation>
    </message>
    <message>
        <source>正在打印测试凭条…</source>
        <translation>正在列印測試憑條…</translation>
    </message>
</context>
<context>
    <name>PrinterReason</name>
    <message>
        <source>已暂停</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>卡纸</source>
        <translation>卡紙</translation>
    </message>
    <message>
        <source>缺纸</source>
        <translation>缺紙</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>未連線</translation>
    </message>
    <message>
        <source>机盖打开</source>
        <translation>機蓋開啟</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>暂不接受打印任务</source>
        <translation>暫不接受列印任務</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>心安接访台 — 解锁</source>
        <translation>心安接訪台 — 解鎖</translation>
    </message>
    <message>
        <source>第一次使用：请为这台笔记本设置街道口令（至少 8 个字符，队长们共同保管）。居民的信息用它加密保存。</source>
        <translation>第一次使用：請為這檯筆記本設定街道口令（至少 8 個字元，隊長們共同保管）。居民的資訊用它加密儲存。</translation>
    </message>
    <message>
        <source>请输入街道口令，打开今晚的接访台。</source>
        <translation>請輸入街道口令，開啟今晚的接訪台。</translation>
    </message>
    <message>
        <source>街道口令</source>
        <translation>街道口令</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <source>设置并打开</source>
        <translation>設定並開啟</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请重新输入</source>
        <translation>兩次輸入的口令不一致，請重新輸入</translation>
    </message>
    <message>
        <source>接访台已锁定</source>
        <translation>接訪台已鎖定</translation>
    </message>
    <message>
        <source>闲置时间到了，屏幕已锁定，正在登记的内容都还在。
请输入队长 PIN 或街道口令继续。</source>
        <translation>閒置時間到了，螢幕已鎖定，正在登記的內容都還在。
請輸入隊長 PIN 或街道口令繼續。</translation>
    </message>
    <message>
        <source>个人信息告知书</source>
        <translation>個人資訊告知書</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>序號</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>操作日志</source>
        <translation>操作日誌</translation>
    </message>
    <message>
        <source>核对完整性</source>
        <translation>核對完整性</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>操作日志被篡改：</source>
        <translation>操作日誌被篡改：</translation>
    </message>
    <message>
        <source>操作日志完整：共 {n} 条，哈希链无断裂</source>
        <translation>操作日誌完整：共 {n} 條，雜湊鏈無斷裂</translation>
    </message>
    <message>
        <source>个人信息告知书 (F1)</source>
        <translation>個人資訊告知書 (F1)</translation>
    </message>
    <message>
        <source>操作日志…</source>
        <translation>操作日誌…</translation>
    </message>
    <message>
        <source>导出诉求…</source>
        <translation>匯出訴求…</translation>
    </message>
    <message>
        <source>进入队长模式…</source>
        <translation>進入隊長模式…</translation>
    </message>
    <message>
        <source>退出队长模式</source>
        <translation>退出隊長模式</translation>
    </message>
    <message>
        <source>导出诉求（含居民个人信息，请妥善保管）</source>
        <translation>匯出訴求（含居民個人資訊，請妥善保管）</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>已导出 {n} 条诉求：含个人信息，请妥善保管、用完删除</source>
        <translation>已匯出 {n} 條訴求：含個人資訊，請妥善保管、用完刪除</translation>
    </message>
    <message>
        <source>已导出 {n} 条（含个人信息，请妥善保管）；队长模式已结束</source>
        <translation>已匯出 {n} 條（含個人資訊，請妥善保管）；隊長模式已結束</translation>
    </message>
</context>
<context>
    <name>PublicWarning</name>
    <message>
        <source>该平台会公开诉求内容</source>
        <translation>該平台會公開訴求內容</translation>
    </message>
    <message>
        <source>{server}

该平台把诉求内容公开给任何人查看（不需要登录就能读到居民写的描述）。居民的姓名和电话不会公开显示，但描述里写的内容会。</source>
        <translation>{server}

該平台把訴求內容公開給任何人檢視（不需要登入就能讀到居民寫的描述）。居民的姓名和電話不會公開顯示，但描述裡寫的內容會。</translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <source>阶段报表</source>
        <translation>階段報表</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>生成报表</source>
        <translation>生成報表</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>截止日期早于起始日期：请改一下。</source>
        <translation>截止日期早於起始日期：請改一下。</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>满意</source>
        <translation>滿意</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>基本滿意</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>不滿意</translation>
    </message>
    <message>
        <source>居民扫码评价</source>
        <translation>居民掃碼評價</translation>
    </message>
    <message>
        <source>回访电话</source>
        <translation>回訪電話</translation>
    </message>
    <message>
        <source>夜话摊位</source>
        <translation>夜話攤位</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>当晚报表…</source>
        <translation>當晚報表…</translation>
    </message>
    <message>
        <source>阶段报表…</source>
        <translation>階段報表…</translation>
    </message>
    <message>
        <source>热点话题…</source>
        <translation>熱點話題…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>当晚报表</source>
        <translation>當晚報表</translation>
    </message>
    <message>
        <source>阶段报表</source>
        <translation>階段報表</translation>
    </message>
    <message>
        <source>报表不含居民姓名、电话、地址和诉求原文，可以交给街道。</source>
        <translation>報表不含居民姓名、電話、地址和訴求原文，可以交給街道。</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <source>保存 PDF…</source>
        <translation>儲存 PDF…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>匯出 Excel…</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>保存报表</source>
        <translation>儲存報表</translation>
    </message>
    <message>
        <source>报表已保存：{path}</source>
        <translation>報表已儲存：{path}</translation>
    </message>
    <message>
        <source>这台电脑上的接访台不能直接打印报表：请按“保存 PDF…”，再用 PDF 阅读器打印。</source>
        <translation>這台電腦上的接訪台不能直接列印報表：請按「儲存 PDF…」，再用 PDF 閱讀器列印。</translation>
    </message>
    <message>
        <source>打印机没有准备好：请检查打印机后再试，或先保存 PDF。</source>
        <translation>印表機沒有準備好：請檢查印表機後再試，或先儲存 PDF。</translation>
    </message>
    <message>
        <source>报表已送到打印机：{name}</source>
        <translation>報表已送到印表機：{name}</translation>
    </message>
</context>
<context>
    <name>ReturnVisitActions</name>
    <message>
        <source>查找诉求… (Ctrl+F)</source>
        <translation>查詢訴求… (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>SavedCodePanel</name>
    <message>
        <source>查询码</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>保存登记后在这里显示</source>
        <translation>儲存登記後在這裡顯示</translation>
    </message>
    <message>
        <source>查询码（请读给居民，或抄在回执上）</source>
        <translation>查詢碼（請讀給居民，或抄在回執上）</translation>
    </message>
    <message>
        <source>保存登记后，这里大字显示查询码和办理时限</source>
        <translation>儲存登記後，這裡大字顯示查詢碼和辦理時限</translation>
    </message>
    <message>
        <source>已保存修改</source>
        <translation>已儲存修改</translation>
    </message>
    <message>
        <source>已登记！查询码</source>
        <translation>已登記！查詢碼</translation>
    </message>
    <message>
        <source>已保存修改，查询码不变</source>
        <translation>已儲存修改，查詢碼不變</translation>
    </message>
    <message>
        <source>已登记！查询码（请读给居民，或抄在回执上）</source>
        <translation>已登記！查詢碼（請讀給居民，或抄在回執上）</translation>
    </message>
    <message>
        <source>{outcome}，已办结</source>
        <translation>{outcome}，已辦結</translation>
    </message>
    <message>
        <source>{limit}办结（{due} 前）</source>
        <translation>{limit}辦結（{due} 前）</translation>
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
        <translation>接待人次</translation>
    </message>
    <message>
        <source>走访家数</source>
        <translation>走訪家數</translation>
    </message>
    <message>
        <source>点错了？减一</source>
        <translation>點錯了？減一</translation>
    </message>
    <message>
        <source>收集诉求（条）</source>
        <translation>收集訴求（條）</translation>
    </message>
    <message>
        <source>开始夜话</source>
        <translation>開始夜話</translation>
    </message>
    <message>
        <source>结束夜话</source>
        <translation>結束夜話</translation>
    </message>
    <message>
        <source>今晚的夜话还没开始</source>
        <translation>今晚的夜話還沒開始</translation>
    </message>
    <message>
        <source>组长点「开始夜话」登记日期、地点和接访团</source>
        <translation>組長點「開始夜話」登記日期、地點和接訪團</translation>
    </message>
    <message>
        <source>今晚夜话 {date}</source>
        <translation>今晚夜話 {date}</translation>
    </message>
    <message>
        <source>夜话 {date} 已结束</source>
        <translation>夜話 {date} 已結束</translation>
    </message>
    <message>
        <source>{venue} · {community} · 接访团 {n} 人</source>
        <translation>{venue} · {community} · 接訪團 {n} 人</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>心安接访台 — 设置这台笔记本</source>
        <translation>心安接訪台 — 設定這檯筆記本</translation>
    </message>
    <message>
        <source>设置向导…</source>
        <translation>設定嚮導…</translation>
    </message>
    <message>
        <source>请稍候…</source>
        <translation>請稍候…</translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <source>打印预览 — 查询凭条</source>
        <translation>列印預覽 — 查詢憑條</translation>
    </message>
    <message>
        <source>记住这台打印机和纸张，以后按 Ctrl+P 直接打印</source>
        <translation>記住這台印表機和紙張，以後按 Ctrl+P 直接列印</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>列印</translation>
    </message>
    <message>
        <source>保存 PDF…</source>
        <translation>儲存 PDF…</translation>
    </message>
    <message>
        <source>系统打印对话框…</source>
        <translation>系統列印對話方塊…</translation>
    </message>
    <message>
        <source>用系统的打印对话框选择打印机、纸张和打印机属性</source>
        <translation>用系統的列印對話方塊選擇印表機、紙張和印表機屬性</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>紙張</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>印表機</translation>
    </message>
    <message>
        <source>{name}（不可用：{why}）</source>
        <translation>{name}（不可用：{why}）</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>本机没有可用的打印机：可以先保存 PDF，再用其他电脑打印</source>
        <translation>本機沒有可用的印表機：可以先儲存 PDF，再用其他電腦列印</translation>
    </message>
    <message>
        <source>，将标注“补打 {n}”</source>
        <translation>，將標註「補打 {n}」</translation>
    </message>
    <message>
        <source>查询码 {code}{reprint}</source>
        <translation>查詢碼 {code}{reprint}</translation>
    </message>
    <message>
        <source>这张凭条没有二维码：还不知道平台查询页的地址。登记到街道平台时会自动填写，队长也可以在「街道与打印设置」里填写查询网址。</source>
        <translation>這張憑條沒有二維碼：還不知道平台查詢頁的網址。登記到街道平台時會自動填寫，隊長也可以在「街道與列印設定」裡填寫查詢網址。</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>正在列印…</translation>
    </message>
    <message>
        <source>保存凭条 PDF</source>
        <translation>儲存憑條 PDF</translation>
    </message>
</context>
<context>
    <name>StreetPage</name>
    <message>
        <source>街道与社区</source>
        <translation>街道與社區</translation>
    </message>
    <message>
        <source>欢迎使用心安接访台。这几步为这台笔记本做一次设置，以后每晚打开就能接待。街道名称印在居民拿走的查询凭条上；社区是这台笔记本常去的夜话摊位所在的社区。</source>
        <translation>歡迎使用心安接訪台。這幾步為這檯筆記本做一次設定，以後每晚開啟就能接待。街道名稱印在居民拿走的查詢憑條上；社區是這檯筆記本常去的夜話攤位所在的社區。</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>街道名称</source>
        <translation>街道名稱</translation>
    </message>
    <message>
        <source>所属社区</source>
        <translation>所屬社區</translation>
    </message>
    <message>
        <source>选择或输入社区名称</source>
        <translation>選擇或輸入社區名稱</translation>
    </message>
    <message>
        <source>请选择这台笔记本所属的社区</source>
        <translation>請選擇這檯筆記本所屬的社區</translation>
    </message>
    <message>
        <source>「{name}」不在本街道的社区列表中（forms/communities.toml）</source>
        <translation>「{name}」不在本街道的社區列表中（forms/communities.toml）</translation>
    </message>
</context>
<context>
    <name>StreetSettingsDialog</name>
    <message>
        <source>街道与打印设置</source>
        <translation>街道與列印設定</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>这些内容印在居民拿走的查询凭条上。热线请填街道的真实电话；不填则凭条上不印热线。查询网址是凭条二维码指向的平台查询页，登记到街道平台时自动填写；不填则凭条不印二维码，只印查询码和热线，并说明网上查询暂未开通。</source>
        <translation>這些內容印在居民拿走的查詢憑條上。熱線請填街道的真實電話；不填則憑條上不印熱線。查詢網址是憑條二維碼指向的平台查詢頁，登記到街道平台時自動填寫；不填則憑條不印二維碼，只印查詢碼和熱線，並說明網上查詢暫未開通。</translation>
    </message>
    <message>
        <source>如 新安街道</source>
        <translation>如 新安街道</translation>
    </message>
    <message>
        <source>如 0755-27891234 或 12345</source>
        <translation>如 0755-27891234 或 12345</translation>
    </message>
    <message>
        <source>如 https://平台地址/t/；未知则留空</source>
        <translation>如 https://平台網址/t/；未知則留空</translation>
    </message>
    <message>
        <source>最多 30 个字</source>
        <translation>最多 30 個字</translation>
    </message>
    <message>
        <source>（不设置：按 Ctrl+P 先打开打印预览）</source>
        <translation>（不設定：按 Ctrl+P 先開啟列印預覽）</translation>
    </message>
    <message>
        <source>保存登记后自动打印查询凭条</source>
        <translation>儲存登記後自動列印查詢憑條</translation>
    </message>
    <message>
        <source>街道名称</source>
        <translation>街道名稱</translation>
    </message>
    <message>
        <source>咨询热线</source>
        <translation>諮詢熱線</translation>
    </message>
    <message>
        <source>查询网址</source>
        <translation>查詢網址</translation>
    </message>
    <message>
        <source>小票页脚</source>
        <translation>憑條頁尾</translation>
    </message>
    <message>
        <source>默认纸张</source>
        <translation>預設紙張</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>印表機</translation>
    </message>
</context>
<context>
    <name>SyncBundle</name>
    <message>
        <source>导出到U盘…</source>
        <translation>匯出到隨身碟…</translation>
    </message>
    <message>
        <source>没有网络时：把待同步的诉求存成加密数据包，带到街道平台导入</source>
        <translation>沒有網路時：把待同步的訴求存成加密資料包，帶到街道平台匯入</translation>
    </message>
    <message>
        <source>导入平台回执…</source>
        <translation>匯入平台回執…</translation>
    </message>
    <message>
        <source>平台导入数据包后会生成回执：导入后，其中的诉求标为已同步</source>
        <translation>平台匯入資料包後會產生回執：匯入後，其中的訴求標為已同步</translation>
    </message>
    <message>
        <source>接访台同步-{date}</source>
        <translation>接訪台同步-{date}</translation>
    </message>
    <message>
        <source>导出到U盘：数据包存到哪里</source>
        <translation>匯出到隨身碟：資料包存到哪裡</translation>
    </message>
    <message>
        <source>接访台同步数据包</source>
        <translation>接訪台同步資料包</translation>
    </message>
    <message>
        <source>正在导出数据包…</source>
        <translation>正在匯出資料包…</translation>
    </message>
    <message>
        <source>没有导出：{reason}</source>
        <translation>沒有匯出：{reason}</translation>
    </message>
    <message>
        <source>已导出 {n} 条，等平台回执</source>
        <translation>已匯出 {n} 條，等平台回執</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>已匯出</translation>
    </message>
    <message>
        <source>等平台回执：导入回执后标为已同步</source>
        <translation>等平台回執：匯入回執後標為已同步</translation>
    </message>
    <message>
        <source>未导出</source>
        <translation>未匯出</translation>
    </message>
    <message>
        <source>已导出诉求 {cases} 条、照片 {photos} 张、更正与评价 {amendments} 条到 {path}（{size}，已加密）。
请把U盘带到街道平台导入；平台会在数据包旁边生成回执，带回来后按“导入平台回执…”。</source>
        <translation>已匯出訴求 {cases} 條、照片 {photos} 張、更正與評價 {amendments} 條到 {path}（{size}，已加密）。
請把隨身碟帶到街道平台匯入；平台會在資料包旁邊產生回執，帶回來後按「匯入平台回執…」。</translation>
    </message>
    <message>
        <source>导入平台回执</source>
        <translation>匯入平台回執</translation>
    </message>
    <message>
        <source>平台回执</source>
        <translation>平台回執</translation>
    </message>
    <message>
        <source>正在导入平台回执…</source>
        <translation>正在匯入平台回執…</translation>
    </message>
    <message>
        <source>没有导入回执：{reason}</source>
        <translation>沒有匯入回執：{reason}</translation>
    </message>
    <message>
        <source>%v / %m 条</source>
        <translation>%v / %m 條</translation>
    </message>
    <message>
        <source>回执中没有新的诉求</source>
        <translation>回執中沒有新的訴求</translation>
    </message>
    <message>
        <source>平台回执（{street}）：已同步 {synced} 条，搁置 {aside} 条，仍在等待 {waiting} 条；此前已标为同步 {already} 条。</source>
        <translation>平台回執（{street}）：已同步 {synced} 條，擱置 {aside} 條，仍在等待 {waiting} 條；此前已標為同步 {already} 條。</translation>
    </message>
    <message>
        <source>搁置的诉求被平台拒收，原因见列表；请联系街道核对。</source>
        <translation>擱置的訴求被平台拒收，原因見列表；請聯絡街道核對。</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>没有网络时：</source>
        <translation>沒有網路時：</translation>
    </message>
    <message>
        <source>同步到街道信箱平台</source>
        <translation>同步到街道信箱平台</translation>
    </message>
    <message>
        <source>把今晚登记的诉求送到街道平台，并取回已同步诉求的办理进度。网络不好也没关系：中断后再按“开始同步”，会从断开的地方继续。</source>
        <translation>把今晚登記的訴求送到街道平台，並取回已同步訴求的辦理進度。網路不好也沒關係：中斷後再按「開始同步」，會從斷開的地方繼續。</translation>
    </message>
    <message>
        <source>平台地址</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>首次同步时填写街道给的一次性登记码，之后留空</source>
        <translation>首次同步時填寫街道給的一次性登記碼，之後留空</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>登記碼</translation>
    </message>
    <message>
        <source>其他 Open311 平台：平台管理员给的 api_key；用登记码时留空</source>
        <translation>其他 Open311 平台：平台管理員給的 api_key；用登記碼時留空</translation>
    </message>
    <message>
        <source>api_key</source>
        <translation>api_key</translation>
    </message>
    <message>
        <source>%v / %m 条</source>
        <translation>%v / %m 條</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>平台上没有，重新发送</source>
        <translation>平台上沒有，重新傳送</translation>
    </message>
    <message>
        <source>重新发送作废</source>
        <translation>重新傳送作廢</translation>
    </message>
    <message>
        <source>平台拒绝过这条作废，本机保留着它、不再自动重发。平台工作人员处理后，选中这一行再点这里：下次同步重新发送</source>
        <translation>平台拒絕過這條作廢，本機保留著它、不再自動重發。平台工作人員處理後，選取這一列再點這裡：下次同步重新傳送</translation>
    </message>
    <message>
        <source>下次同步时重新发送作废</source>
        <translation>下次同步時重新傳送作廢</translation>
    </message>
    <message>
        <source>待发送</source>
        <translation>待傳送</translation>
    </message>
    <message>
        <source>被平台拒绝的作废 {count} 条不会自动重发（本机保留着）：平台工作人员处理后，选中该行点“重新发送作废”。</source>
        <translation>被平台拒絕的作廢 {count} 條不會自動重發（本機保留著）：平台工作人員處理後，選取該列點「重新傳送作廢」。</translation>
    </message>
    <message>
        <source>平台上有：填写编号…</source>
        <translation>平台上有：填寫編號…</translation>
    </message>
    <message>
        <source>开始同步</source>
        <translation>開始同步</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>待同步 {waiting} 条，上次被平台搁置 {aside} 条。</source>
        <translation>待同步 {waiting} 條，上次被平台擱置 {aside} 條。</translation>
    </message>
    <message>
        <source>没有要发送的诉求</source>
        <translation>沒有要傳送的訴求</translation>
    </message>
    <message>
        <source>搁置</source>
        <translation>擱置</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>待核實</translation>
    </message>
    <message>
        <source>上次发送后没有收到平台的答复，平台也无法确认是否收到，本机不会自动重发。请在平台上按查询码搜索：选中这一行，找到了点“平台上有”并填写编号，确实没有点“平台上没有”。</source>
        <translation>上次傳送後沒有收到平台的答覆，平台也無法確認是否收到，本機不會自動重發。請在平台上按查詢碼搜尋：選取這一行，找到了點「平台上有」並填寫編號，確實沒有點「平台上沒有」。</translation>
    </message>
    <message>
        <source>待核实 {count} 条：平台没有答复、也无法确认是否收到，本机不会自动重发。请在平台上按查询码搜索，选中该行后点左下的按钮。</source>
        <translation>待核實 {count} 條：平台沒有答覆、也無法確認是否收到，本機不會自動重發。請在平台上按查詢碼搜尋，選取該行後點左下的按鈕。</translation>
    </message>
    <message>
        <source>下次同步时重新发送</source>
        <translation>下次同步時重新傳送</translation>
    </message>
    <message>
        <source>平台上有这条诉求</source>
        <translation>平台上有這條訴求</translation>
    </message>
    <message>
        <source>{code} 在平台上的诉求编号：</source>
        <translation>{code} 在平台上的訴求編號：</translation>
    </message>
    <message>
        <source>记为平台编号 {number}，下次同步时核对</source>
        <translation>記為平台編號 {number}，下次同步時核對</translation>
    </message>
    <message>
        <source>已核实</source>
        <translation>已核實</translation>
    </message>
    <message>
        <source>请填写平台地址。</source>
        <translation>請填寫平台地址。</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>正在停止：当前这几条传完就停…</source>
        <translation>正在停止：當前這幾條傳完就停…</translation>
    </message>
    <message>
        <source>正在取回办理进度…</source>
        <translation>正在取回辦理進度…</translation>
    </message>
    <message>
        <source>已同步</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>等待</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>没有同步：{reason}</source>
        <translation>沒有同步：{reason}</translation>
    </message>
    <message>
        <source>已同步 {synced} 条，搁置 {aside} 条，仍在等待 {waiting} 条；收到办理进度 {updates} 条。</source>
        <translation>已同步 {synced} 條，擱置 {aside} 條，仍在等待 {waiting} 條；收到辦理進度 {updates} 條。</translation>
    </message>
    <message>
        <source>搁置的诉求被平台拒收，原因见列表；请联系街道核对，下次同步会再试。</source>
        <translation>擱置的訴求被平台拒收，原因見列表；請聯絡街道核對，下次同步會再試。</translation>
    </message>
    <message>
        <source>等待的诉求没有丢：网络好时再按“开始同步”。</source>
        <translation>等待的訴求沒有丟：網路好時再按「開始同步」。</translation>
    </message>
    <message>
        <source>街道同意，开始同步</source>
        <translation>街道同意，開始同步</translation>
    </message>
    <message>
        <source>先不同步</source>
        <translation>先不同步</translation>
    </message>
    <message>
        <source>没有同步：请先和街道确认该平台公开诉求内容是否合适。</source>
        <translation>沒有同步：請先和街道確認該平台公開訴求內容是否合適。</translation>
    </message>
    <message>
        <source>同步…</source>
        <translation>同步…</translation>
    </message>
    <message>
        <source>街道同意这样做吗？同意后才开始同步。</source>
        <translation>街道同意這樣做嗎？同意後才開始同步。</translation>
    </message>
</context>
<context>
    <name>TeamRole</name>
    <message>
        <source>街道干部</source>
        <translation>街道幹部</translation>
    </message>
    <message>
        <source>社区党委书记</source>
        <translation>社區黨委書記</translation>
    </message>
    <message>
        <source>人大代表</source>
        <translation>人大代表</translation>
    </message>
    <message>
        <source>党代表</source>
        <translation>黨代表</translation>
    </message>
    <message>
        <source>政协委员</source>
        <translation>政協委員</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>志工</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>热点话题</source>
        <translation>熱點話題</translation>
    </message>
    <message>
        <source>{community}及相邻社区最近 {days} 天反复出现的诉求：{n} 个话题（本机记录；全街道的热点见平台通报）</source>
        <translation>{community}及相鄰社區最近 {days} 天反覆出現的訴求：{n} 個話題（本機記錄；全街道的熱點見平台通報）</translation>
    </message>
    <message>
        <source>全街道</source>
        <translation>全街道</translation>
    </message>
    <message>
        <source>话题</source>
        <translation>話題</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>件數</translation>
    </message>
    <message>
        <source>最近</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>社區</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>查詢碼</translation>
    </message>
    <message>
        <source>（今晚又有）</source>
        <translation>（今晚又有）</translation>
    </message>
    <message>
        <source>列入议事会清单</source>
        <translation>列入議事會清單</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>全街道的热点：同步后由街道平台带回（还没有同步过）。</source>
        <translation>全街道的熱點：同步後由街道平台帶回（還沒有同步過）。</translation>
    </message>
    <message>
        <source>全街道的热点（截至 {when} 同步）：没有涉及本社区的。</source>
        <translation>全街道的熱點（截至 {when} 同步）：沒有涉及本社區的。</translation>
    </message>
    <message>
        <source>全街道的热点（截至 {when} 同步），涉及本社区的：</source>
        <translation>全街道的熱點（截至 {when} 同步），涉及本社區的：</translation>
    </message>
    <message>
        <source>议事会清单：还没有话题。选中一个话题，按“列入议事会清单”。</source>
        <translation>議事會清單：還沒有話題。選取一個話題，按「列入議事會清單」。</translation>
    </message>
    <message>
        <source>议事会清单（{n} 项）：</source>
        <translation>議事會清單（{n} 項）：</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>作废诉求 {code}</source>
        <translation>作廢訴求 {code}</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>作廢</translation>
    </message>
    <message>
        <source>{code}&#x3000;{category}
作废后仍留在列表中（灰色），不会删除，并会同步到街道平台。</source>
        <translation>{code}&#x3000;{category}
作廢後仍留在列表中（灰色），不會刪除，並會同步到街道平台。</translation>
    </message>
    <message>
        <source>如：重复登记，与 K7Q-00A3-X 是同一件事</source>
        <translation>如：重複登記，與 K7Q-00A3-X 是同一件事</translation>
    </message>
    <message>
        <source>作废原因 *</source>
        <translation>作廢原因 *</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>_Thumb</name>
    <message>
        <source>无法预览</source>
        <translation>無法預覽</translation>
    </message>
    <message>
        <source>已存照片</source>
        <translation>已存照片</translation>
    </message>
    <message>
        <source>移除 {n}</source>
        <translation>移除 {n}</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <source>查找索引还在建立（已完成 {percent}%，最近的诉求先加入）：较早的诉求可能暂时查不到，请稍后再查。</source>
        <translation>查找索引還在建立（已完成 {percent}%，最近的訴求先加入）：較早的訴求可能暫時查不到，請稍後再查。</translation>
    </message>
    <message>
        <source>查找索引已建好：本机所有诉求都能查到</source>
        <translation>查找索引已建好：本機所有訴求都能查到</translation>
    </message>
    <message>
        <source>建立查找索引 {percent}%</source>
        <translation>建立查找索引 {percent}%</translation>
    </message>
    <message>
        <source>本机原有的 {total} 条诉求正在加入查找索引（最近的先加入，已完成 {done} 条）；登记、打印照常进行。</source>
        <translation>本機原有的 {total} 條訴求正在加入查找索引（最近的先加入，已完成 {done} 條）；登記、列印照常進行。</translation>
    </message>
</context>
</TS>
