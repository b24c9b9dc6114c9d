"""Chinese text as features: characters and character bigrams, no dictionary.

Petitions are short (10–60 characters) and full of place names and colloquial words a
segmenter's dictionary lacks (拖椅子, 炸街, 飞线); overlapping character bigrams match them
without one and cost nothing to load. jieba was measured against this on the held-out set (see
docs/benchmarks.md) and is not used. Runs of Latin letters and digits count as one word (KTV, 8栋).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_RUN = re.compile(r"[\u3400-\u9fff]+|[a-z]+|[0-9]+")
# Characters and bigrams that say nothing about the matter: the way residents open and close.
_STOP_CHARS = frozenset("的了是在我们有很都也就还又不要说一个这那和与及把被给让吧呢啊吗呀嘛")
_STOP_BIGRAMS = frozenset({
    "我们", "希望", "问题", "反映", "一下", "一直", "已经", "没有", "不能", "可以", "能不", "什么",
    "怎么", "现在", "每天", "时候", "请求", "帮忙", "解决", "处理", "居民", "大家", "这个", "那个",
    "这边", "那边", "里面", "上次", "还是", "太多", "非常", "特别", "好几", "一些", "有人", "经常",
})


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def features(text: str, unigram_weight: float = 0.5) -> Counter[str]:
    """Bigrams (weight 1) and single characters (``unigram_weight``) of the text's Chinese runs;
    Latin and digit runs as whole words."""
    counts: Counter[str] = Counter()
    for run in _RUN.findall(normalise(text)):
        if not ("\u3400" <= run[0] <= "\u9fff"):
            counts[run] += 1
            continue
        for ch in run:
            if ch not in _STOP_CHARS:
                counts[ch] += unigram_weight
        for i in range(len(run) - 1):
            pair = run[i:i + 2]
            if pair not in _STOP_BIGRAMS and not (pair[0] in _STOP_CHARS and pair[1] in _STOP_CHARS):
                counts[pair] += 1
    return counts
