"""The personal-information notice (个人信息告知书) a volunteer shows or reads out (PIPL art. 17).

Short on purpose: who collects, why, what, how long, where it goes, and the resident's rights.
The street's name and the retention period come from the street's own settings.
"""

from __future__ import annotations

from reception.form_definition import FormDefinition


def notice_text(form: FormDefinition, retention_days: int, hotline: str = "") -> str:
    street = form.street or "本街道"
    personal = [spec.label for spec in form.fields if spec.personal]
    asked = "、".join(personal) if personal else "姓名、联系电话"
    contact = f"，或拨打 {hotline}" if hotline else ""
    return "\n".join(
        [
            "个人信息告知",
            f"谁在收集：{street}心安夜话接访团。",
            "为什么：登记您反映的问题，转给负责的部门办理，告诉您办理进度并回访。",
            f"收集什么：问题内容和照片；您愿意时留下{asked}。不愿留可以匿名反映。",
            "怎么保护：存放在加密的接访笔记本上，同步到街道书记/主任信箱平台后由平台处理；凭条上只印遮挡后的信息。",
            f"保存多久：平台办结后 {retention_days} 天，本机上的姓名、电话、地址等即被清除，只留不含个人信息的统计数。",
            f"您的权利：可以查询、更正、删除您的信息，也可以撤回同意；请向接访团提出{contact}。",
        ]
    )
