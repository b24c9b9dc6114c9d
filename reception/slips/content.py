"""What a slip says, worked out from a case: masked, shortened and in plain words.

Everything a stranger could read off a lost slip is decided here, in one place: the name becomes
张*, the phone 138****5678, the petition a short summary, and the QR code carries only the
tracking URL. The layouts only arrange these strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reception import clock
from reception.cases import Case
from reception.form_definition import Outcome
from reception.masking import mask_name, mask_phone
from reception.sessions import Session
from reception.street_settings import StreetSettings

WEEKDAYS = "一二三四五六日"
NOTICE = "个人信息仅用于办理本诉求，依法保密。"


@dataclass(frozen=True)
class SlipContent:
    street: str
    stall: str  # tonight's venue and community, from the session
    when: str  # 2026年11月25日 星期三 19:42
    code: str  # K7Q-00A3-X
    category: str
    summary: str
    name: str  # masked
    phone: str  # masked
    outcome: str
    next_steps: str
    follow_up: str
    url: str  # the QR payload; empty while the tracking page's address is not known: no QR code
    receptionist: str
    notice: str
    footer: str
    reprint: int  # 0 for the first slip, N for 补打 N
    hotline: str
    keep_whole: tuple[str, ...] = ()  # phrases a line break must not split (the due time)
    follows: str = ""  # 接续前次诉求 K7Q-00A3-X: a returning resident's new petition on the same matter

    @property
    def reprint_mark(self) -> str:
        return f"补打 {self.reprint}" if self.reprint else ""


def summarise(description: str, limit: int) -> str:
    """The petition in at most ``limit`` characters, on one line, ending in … when cut."""
    flat = " ".join(description.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip("，。、；：,.;: ") + "…"


def duration_words(hours: float) -> str:
    """1小时 / 24小时 / 3天: whole days from two days up, as the street's promises say it."""
    if hours >= 48 and hours % 24 == 0:
        return f"{int(hours // 24)}天"
    return f"{hours:g}小时"


def moment_words(moment: datetime) -> str:
    """11月28日晚上7点30分: the way an elderly resident reads a time, not 19:30."""
    local = clock.local(moment)
    hour = local.hour
    if hour < 6:
        part, h12 = "凌晨", hour
    elif hour < 12:
        part, h12 = "上午", hour
    elif hour < 13:
        part, h12 = "中午", hour
    elif hour < 18:
        part, h12 = "下午", hour - 12
    else:
        part, h12 = "晚上", hour - 12
    minutes = f"{local.minute}分" if local.minute else ""
    return f"{local.month}月{local.day}日{part}{h12}点{minutes}"


def next_steps(case: Case, online: bool = True) -> str:
    """What happens next and by when, in one or two short sentences."""
    if case.outcome is Outcome.SOLVED_ON_SPOT:
        return "您的诉求今晚已当场解决，此事已办结。如还有问题，请凭查询码联系我们。"
    if case.outcome is Outcome.EXPLAINED:
        return "今晚已当面向您解释说明有关政策规定，此事已办结。如有疑问，请凭查询码咨询。"
    accept_hours = (case.accept_by - case.created_at).total_seconds() / 3600
    close_hours = (case.close_by - case.created_at).total_seconds() / 3600
    # The stall has no network: a forwarded case reaches the platform at the end-of-night sync,
    # and the street's acceptance limit runs from then. The closing time was fixed tonight and
    # travels with the case, so the slip can name it.
    reached = "已录入街道平台" if case.is_synced else "今晚已登记，夜话结束后录入街道平台"
    accept = "录入后立即受理" if accept_hours <= 0 else f"录入后{duration_words(accept_hours)}内受理"
    close = f"{duration_words(close_hours)}内（{moment_words(case.close_by)}前）办结"
    if case.phone and not case.anonymous:
        tell = "，并打电话告诉您结果。"
    else:
        tell = "。结果请扫码查看。" if online else "。请凭查询码询问结果。"
    return f"{reached}；{accept}，{close}{tell}"


OFFLINE = "网上查询暂未开通"


def follow_up(hotline: str, online: bool = True) -> str:
    """How the resident learns the progress: the QR code where its page is known, else the hotline."""
    if online and hotline:
        return f"扫描二维码查看办理进度，或拨打热线 {hotline}，报上查询码。"
    if online:
        return "扫描二维码查看办理进度。请保管好本凭条和查询码。"
    if hotline:
        return f"{OFFLINE}。请拨打热线 {hotline}，报上查询码查询办理进度。"
    return f"{OFFLINE}。请保管好本凭条和查询码，凭查询码向社区或街道查询办理进度。"


def build(
    case: Case,
    session: Session | None,
    settings: StreetSettings,
    url: str,
    copy_number: int,
    summary_limit: int = 40,
) -> SlipContent:
    if session is not None:
        stall = f"{session.venue}（{session.community}）" if session.community else session.venue
    else:
        stall = case.community or settings.street
    local = clock.local(case.created_at)
    when = f"{local.year}年{local.month}月{local.day}日 星期{WEEKDAYS[local.weekday()]} {local:%H:%M}"
    return SlipContent(
        street=settings.street,
        stall=stall,
        when=when,
        code=case.tracking_code,
        category=f"{case.major_name} · {case.category_name}" if case.major_name else case.category_name,
        summary=summarise(case.description, summary_limit),
        name=mask_name(case.resident_name, case.anonymous),
        phone=mask_phone(case.phone, case.anonymous),
        outcome=case.outcome.value,
        next_steps=next_steps(case, online=bool(url)),
        follow_up=follow_up(settings.hotline, online=bool(url)),
        url=url,
        receptionist=case.receptionist,
        notice=NOTICE,
        footer=settings.footer,
        reprint=max(0, copy_number - 1),
        hotline=settings.hotline,
        keep_whole=((moment_words(case.close_by) + "前",) if case.outcome is Outcome.FORWARDED else ())
        + ((case.follows_code,) if case.follows_code else ()),
        follows=follows_words(case.follows_code),
    )


TEST_CODE = "TST-TEST-0"


def test_slip(settings: StreetSettings, at: datetime) -> SlipContent:
    """A slip to try a printer with, in the wizard: looks like a real one, belongs to no case.

    Its code is TST-TEST-0, which no case can have (a laptop's prefix has a digit), and it says
    on every line that matters that it is a test, so it is never handed to a resident. Its QR code
    is there to try the printer: the tracking page's address once it is known, else the test code
    (never a made-up address); the text below it says what real slips will say.
    """
    local = clock.local(at)
    return SlipContent(
        street=settings.street,
        stall="打印测试（不是诉求凭条）",
        when=f"{local.year}年{local.month}月{local.day}日 星期{WEEKDAYS[local.weekday()]} {local:%H:%M}",
        code=TEST_CODE,
        category="打印测试",
        summary="这是一张测试凭条：二维码能扫出来、字清楚、纸张长度合适，打印机就设置好了。",
        name="—",
        phone="—",
        outcome="打印测试",
        next_steps="测试凭条不要交给居民。",
        follow_up=follow_up(settings.hotline, online=bool(settings.base_url)),
        url=settings.base_url.upper() or TEST_CODE,
        receptionist="—",
        notice=NOTICE,
        footer=settings.footer,
        reprint=0,
        hotline=settings.hotline,
    )


def follows_words(code: str) -> str:
    return f"接续前次诉求 {code}（同一件事）" if code else ""
