"""Hand-written Persian cue lexicons for ``attribution.fa``: verb forms, prepositional cues, hedges.

Persian has no parser here: cues are phrases matched on the text (a word boundary includes ZWNJ, so
``گفت`` never matches inside ``گفت‌وگو``), sources and contents are read from their position in the
clause. Written for watchfloor; none is taken from a corpus.
"""

from __future__ import annotations

import re

B = r"(?<![\w\u200c])"  # start of a word (ZWNJ joins the parts of one word)
E = r"(?![\w\u200c])"  # end of a word


def _forms(past: str, present: str) -> str:
    """Past, plural, perfect, pluperfect and present forms of a verb (past and present stems)."""
    return (rf"(?:{past}(?:ند)?(?:ه(?:\s+است|\s+بود(?:ند)?|‌اند|‌ایم|\s+بودند))?|می‌{present}(?:د|ند)|"
            rf"{past}ه‌اند)")


_KARD = _forms("کرد", "کن")
_DAD = _forms("داد", "ده")
_SHOD = _forms("شد", "شو")
#: Nouns of compound speech verbs with کردن / دادن / شدن.
_KARD_NOUNS = ("اعلام|تأکید|تاکید|تصریح|تکذیب|رد|تأیید|تایید|ادعا|عنوان|بیان|خاطرنشان|اذعان|پیش‌بینی|اعتراف|"
               "ابراز|اشاره")
_DAD_NOUNS = "گزارش|خبر|هشدار|وعده|اطلاع|توضیح"
_SHOD_NOUNS = "مدعی|یادآور|متذکر|یادآوری|خواستار"
#: Adjectives of a dismissive characterisation: "… را بی‌اساس خواند".
DISMISSIVE: tuple[str, ...] = ("بی‌پایه و اساس", "خلاف واقع", *"""
بی‌اساس بی‌پایه ساختگی سیاسی دروغ کذب واهی مغرضانه جعلی نادرست غیرواقعی شایعه بی‌معنا مضحک
""".split())
_DISMISSIVE = "|".join(sorted(DISMISSIVE, key=len, reverse=True))
VERB_CUES = re.compile(
    rf"{B}(?:(?P<called>{_DISMISSIVE})\s+(?:خواند(?:ند)?(?:ه\s+است|ه‌اند)?|دانست(?:ند)?|توصیف\s+{_KARD})"
    rf"|(?:{_KARD_NOUNS})\s+{_KARD}|(?:{_DAD_NOUNS})\s+{_DAD}|(?:{_SHOD_NOUNS})\s+{_SHOD}"
    rf"|اظهار\s+(?:داشت(?:ند)?|کرد(?:ند)?)|{_forms('گفت', 'گوی')}|{_forms('نوشت', 'نویس')}"
    rf"|{_forms('افزود', 'افزای')}|گفته\s+می‌شود|معتقد\s+(?:است|بود|هستند|اند)){E}",
)
#: Denial cues (the noun or form starting the cue).
DENIAL = re.compile(rf"^(?:تکذیب|رد|{_DISMISSIVE}){E}")
#: Cues that take an object before را ("… را تکذیب کرد") or a phrase with از ("از … خبر داد").
OBJECT_CUES = re.compile(rf"^(?:تکذیب|رد|تأیید|تایید|اعلام|{_DISMISSIVE}){E}")
#: Prepositional cues, with the document noun before the author: "به گزارش", "بر اساس گزارش".
FRAMES = re.compile(
    rf"{B}(?:به\s+گزارش|به\s+نقل\s+از|به\s+گفته|به\s+ادعای|به\s+نوشته|به\s+اعتقاد|به\s+باور|به\s+عقیده"
    rf"|از\s+قول|به\s+استناد|بنا\s+بر(?:\s+گزارش)?|بر\s+اساس(?:\s+(?:گزارش|نظرسنجی|آمار|اعلام|ارزیابی))?"
    rf"|طبق(?:\s+(?:آمار|اعلام|گزارش|نظرسنجی|ارزیابی))?){E}"
)
#: Citation markers inside a source: what follows is cited, what precedes cites it.
CITATION = re.compile(rf"{B}(?:به\s+نقل\s+از|با\s+استناد\s+به|به\s+استناد|از\s+قول|که\s+به){E}\s*")
#: Second cues beside a main verb: "با بیان اینکه …، گفت", "با رد …".
ASIDES = re.compile(rf"{B}(?:با\s+(?:بیان|اشاره\s+به|تأکید\s+بر|تاکید\s+بر)\s+(?:اینکه|این‌که|این\s+که)"
                    rf"|با\s+رد|با\s+تکذیب){E}")
HEDGES: dict[str, str] = {
    "احتمالاً": "likely", "احتمالا": "likely", "به احتمال زیاد": "very likely", "ظاهراً": "likely",
    "ظاهرا": "likely", "گویا": "roughly even chance", "احتمال دارد": "roughly even chance",
    "ممکن است": "roughly even chance", "شاید": "roughly even chance", "گفته می‌شود": "roughly even chance",
    "بعید است": "unlikely", "قطعاً": "almost certain", "یقیناً": "almost certain", "به نظر می‌رسد": "likely",
}
HEDGE_PATTERN = re.compile(B + "(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+")
                                               for h in sorted(HEDGES, key=len, reverse=True)) + ")" + E)
#: Words that end a source phrase (they begin an adjunct or the predicate).
STOP_WORDS: frozenset[str] = frozenset("""
را اما ولی نیز هم بارها هنوز تاکنون امروز دیروز همچنین روز با به از برای درباره طی ضمن پس پیش بعد طبق بر
سپس اکنون همواره تنها فقط پیشتر پیش‌تر روزهای شامگاه صبح عصر
""".split())
#: Nouns after در that begin an adjunct ("در گفت‌وگو با", "در اطلاعیه‌ای", "در ماه ژوئن").
ADJUNCT_NOUNS: tuple[str, ...] = tuple("""
گفت‌وگو گفتگو مصاحبه اطلاعیه بیانیه توییت پیام نشست جلسه ماه روز هفته سال ادامه حساب شبکه صفحه کانال یادداشت
نامه گزارش سخنرانی همایش حاشیه پاسخ واکنش این آن برنامه مراسم جمع تماس دیدار پی حالی خصوص مورد رابطه سفر
جریان پایان آغاز ابتدای اواخر اوایل تلویزیون
""".split())
#: Words before به or از inside a noun phrase ("نزدیک به سپاه", "یکی از نمایندگان").
LINKED_BEFORE: frozenset[str] = frozenset(
    "نزدیک وابسته متعلق مربوط منسوب یکی برخی بسیاری شماری تعدادی هیچ‌یک".split())
LEADING_ADVERBS: frozenset[str] = frozenset("پیش‌تر پیشتر همچنین ضمناً ضمنا سپس همزمان امروز دیروز اما".split())
#: Nouns naming allegations ("این اتهامات را رد کرد", "شایعه تعطیلی … را تکذیب کرد").
ALLEGATIONS: tuple[str, ...] = tuple("""
گزارش‌ها گزارش ادعای ادعاها ادعا شایعه شایعات خبر اخبار اتهامات اتهام ادعاهای گزارش‌های اظهارات
""".split())
OUTLETS: tuple[str, ...] = tuple(sorted("""
ایرنا ایسنا ایلنا فارس تسنیم مهر میزان ایسکانیوز رویترز بی‌بی‌سی سی‌ان‌ان اینترنشنال آسوشیتدپرس
فرانس‌پرس بلومبرگ الجزیره العربیه یورونیوز دویچه‌وله تایمز ژورنال گاردین اکسیوس همشهری کیهان
""".split(), key=len, reverse=True))
MEDIA_NOUNS: frozenset[str] = frozenset("خبرگزاری روزنامه شبکه رادیو تلویزیون هفته‌نامه پایگاه وب‌سایت نشریه "
                                        "کانال رسانه رسانه‌های خبرنگار".split())
SPEAKER_NOUNS: frozenset[str] = frozenset("""
وزیر سخنگو سخنگوی رئیس مدیر مدیرعامل معاون نماینده سفیر فرمانده دادستان استاندار فرماندار رئیس‌جمهور
دبیرکل دبیر مشاور منبع مقام
""".split())
NOT_SPEAKER_LABELS: frozenset[str] = frozenset("آگهی شرایط مزایا توضیح نکته تیتر فوری خبر عکس ویدئو".split())
PERSON_PRONOUNS: frozenset[str] = frozenset({"وی", "او"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"آنها", "آن‌ها", "ایشان"})
DOCUMENT_VOICE: frozenset[str] = frozenset({"ما"})
ANONYMOUS: frozenset[str] = frozenset("""
منبع منابع مقام مقام‌های مقامات شاهد شاهدان کاربر کاربران کارشناس کارشناسان فعالان دیپلمات‌های دیپلمات
""".split())
