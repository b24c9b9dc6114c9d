"""How a resident's name and phone appear where a stranger may read them: 张*, 138****5678.

One place for slips, search results and any list shown at the stall.
"""

from __future__ import annotations

import phonenumbers

from reception import phones

PURGED = "（已清除）"


def mask_name(name: str, anonymous: bool) -> str:
    """张* for 张先生 or 张三丰: the surname only, and one star so the length stays hidden too."""
    name = name.strip()
    if anonymous or not name:
        return "匿名"
    return f"{name[0]}*"


def mask_phone(phone: str, anonymous: bool) -> str:
    if anonymous or not phone:
        return "未留"
    try:
        return phones.masked(phone)
    except phonenumbers.NumberParseException:  # never shown whole, even when unreadable
        return "****"
