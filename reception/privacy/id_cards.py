"""The optional ID-card number (居民身份证号码), checked with python-stdnum's cn.ric.

Off unless a street adds the field to its intake form: the desk collects the minimum.
Messages never repeat the number.
"""

from __future__ import annotations

from stdnum import exceptions
from stdnum.cn import ric


class IdCardError(ValueError):
    """Why an ID-card number was refused; never contains the number."""


def normalise(text: str) -> str:
    """The 18-character number with a capital X, or IdCardError saying what is wrong."""
    # Full-width digits and spaces come from Chinese input methods.
    text = text.translate({0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF38: "X", 0xFF58: "X", 0x3000: " "})
    try:
        return ric.validate(text)
    except exceptions.InvalidLength:
        raise IdCardError("应为18位（最后一位可以是 X）") from None
    except exceptions.InvalidChecksum:
        raise IdCardError("校验位不对：请逐位核对") from None
    except exceptions.InvalidComponent:
        raise IdCardError("出生日期或地区代码不对：请逐位核对") from None
    except exceptions.InvalidFormat:
        raise IdCardError("只能是数字，最后一位可以是 X") from None
    except exceptions.ValidationError:
        raise IdCardError("不是有效的身份证号码") from None


def masked(number: str) -> str:
    """For a screen or a slip: 4403**********123X."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:] if len(number) >= 8 else "*" * len(number)
