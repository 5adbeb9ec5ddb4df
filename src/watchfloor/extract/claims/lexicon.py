"""The claim layer's lexicons: event classes (en, ru, fa), evidence kinds, and phrases of refusal.

Event classes normalise *what happened* so that reports in different words and languages meet:
"shipped", "delivered a consignment", "доставил", "ارسال کرد" are all ``transfer``. Each class lists
English verb lemmas (with particles as "walk out"), English nouns (nominalisations: "shipment"),
Russian lemmas and Persian stems (matched as the start of a word, after the verbal prefixes
می/نمی/ب/ن are removed). Classes in one :data:`EVENT_GROUPS` entry are compatible (buying from X and
X selling are one transfer). The lexicon is ours, written by hand for the domains watchfloor follows
(arms and dual-use trade, industry, hiring, sanctions, labour, elections, security, environment).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventClass:
    name: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    russian: frozenset[str]
    persian: tuple[str, ...]


def _event(name: str, verbs: str, nouns: str, russian: str, persian: str) -> EventClass:
    return EventClass(
        name,
        frozenset(verbs.split(",")) - {""},
        frozenset(nouns.split()),
        frozenset(russian.split()),
        tuple(persian.split()),
    )


EVENT_CLASSES: tuple[EventClass, ...] = (
    _event(
        "transfer",
        "supply,provide,ship,deliver,send,transport,carry,export,sell,transfer,smuggle,ferry,consign,"
        "hand over,pass on,arm,equip,furnish,dispatch,truck,fly,channel,funnel,offload,unload,"
        "load,re-export,reexport,route,divert,donate,forward,arrive,reach,end up,transit,relabel",
        "supply supplies shipment shipments delivery deliveries consignment consignments export exports "
        "transfer transfers cargo sale sales transport shipping provision smuggling re-export supplier "
        "suppliers exporter exporters shipper shippers",
        "поставлять поставить поставка отправить отправлять доставить доставлять перевезти перевозить "
        "экспортировать продать продавать передать передавать отгрузить отгружать ввезти вывезти "
        "переправить переправлять снабжать снабдить вооружать вооружить груз",
        "ارسال فرستاد فرست تحویل حمل صادرات فروخت فروش تأمین تامین منتقل انتقال مسلح قاچاق اختیار",
    ),
    _event(
        "procure",
        "buy,purchase,acquire,procure,obtain,import,receive,order,source,take delivery",
        "purchase purchases acquisition acquisitions procurement import imports order orders buyer buyers "
        "importer importers",
        "купить покупать закупать закупить приобрести приобретать импортировать получить получать "
        "заказать заказывать закупка",
        "خرید خری واردات دریافت سفارش تهیه",
    ),
    _event(
        "produce",
        "produce,manufacture,make,build,assemble,develop,fabricate,construct,design,turn out,"
        "roll out,churn out",
        "production manufacturing manufacture assembly output development fabrication maker makers "
        "manufacturer manufacturers producer producers",
        "производить произвести выпускать выпустить изготовить изготавливать собирать собрать "
        "строить построить разрабатывать разработать производство выпуск сборка",
        "تولید ساخت بساز سازد می‌ساز مونتاژ طراحی",
    ),
    _event(
        "establish",
        "establish,set up,found,create,expand,convert,relocate,move into,locate,base,site,"
        "situate,house,lease,occupy,operate,run",
        "opening construction expansion conversion",
        "открыть открывать создать создавать основать расширить расширять переоборудовать "
        "разместить размещать располагаться находиться работать",
        "تأسیس تاسیس راه‌اندازی گسترش مستقر واقع فعالیت",
    ),
    _event(
        "hire",
        "hire,recruit,employ,seek,advertise,look for,headhunt,staff,enlist,train,second,post",
        "hiring recruitment vacancy vacancies posting postings job jobs advertisement listing listings "
        "training recruits",
        "нанимать нанять набирать набрать искать вербовать завербовать трудоустроить обучать "
        "обучить вакансия вакансии найм набор",
        "استخدام جذب آموزش به‌کار آگهی",
    ),
    _event(
        "sanction",
        "sanction,designate,blacklist,penalize,penalise,fine,ban,embargo,freeze,indict,charge,"
        "prosecute,restrict",
        "sanction sanctions designation designations fine fines ban embargo indictment penalty",
        "санкция санкции ввести запретить заморозить оштрафовать обвинить",
        "تحریم جریمه ممنوع مسدود",
    ),
    _event(
        "evade",
        "evade,circumvent,skirt,bypass,dodge,breach,violate,flout,break,get around,conceal,hide,"
        "disguise,mislabel,falsify,forge,launder",
        "evasion circumvention breach breaches violation violations",
        "обходить обойти нарушать нарушить скрывать скрыть уклоняться фальсифицировать",
        "نقض پنهان جعل پولشویی",
    ),
    _event(
        "attack",
        "attack,strike,bomb,shell,hit,target,hack,breach,launch,fire,raid,sabotage,destroy,damage,"
        "down,shoot down,infiltrate,compromise,disrupt",
        "attack attacks strike strikes bombing shelling hack hacking raid cyberattack intrusion "
        "breach sabotage",
        "атаковать атака ударить удар обстрелять обстрел бомбить взломать взлом уничтожить повредить сбить",
        "حمله هک بمباران تخریب نفوذ",
    ),
    _event(
        "labour",
        "walk out,strike,stop work,down tools,protest,picket,occupy,demonstrate,lay off,dismiss,fire,"
        "sack,lock out,unionize,unionise",
        "strike strikes walkout walkouts stoppage stoppages protest protests picket lockout layoffs",
        "бастовать забастовать забастовка стачка протестовать протест уволить увольнение митинг",
        "اعتصاب تجمع اعتراض اخراج",
    ),
    _event(
        "election",
        "rig,stuff,falsify,buy,bribe,intimidate,coerce,pressure,bus,win,elect,vote,annul,cancel,"
        "manipulate,inflate,miscount,tamper",
        "fraud vote-buying rigging ballot ballots falsification manipulation irregularities "
        "intimidation turnout vote votes election",
        "фальсифицировать вброс вбросить подкупить скупать выборы голосование нарушения "
        "фальсификация карусель",
        "تقلب رأی رای انتخابات خرید دستکاری",
    ),
    _event(
        "pollute",
        "dump,discharge,spill,pollute,leak,release,emit,contaminate,bury,burn,dispose",
        "dumping discharge spill spills pollution leak leaks emissions contamination waste",
        "сбрасывать сбросить загрязнять загрязнить утечка выброс сброс отходы",
        "آلودگی تخلیه نشت پسماند دفن",
    ),
    _event(
        "pay",
        "pay,fund,finance,bankroll,bribe,transfer money,wire,invest,lend,loan,reimburse",
        "payment payments funding financing bribe bribes investment loan loans",
        "платить заплатить финансировать оплатить инвестировать кредит платёж платеж",
        "پرداخت تأمین‌مالی سرمایه‌گذاری وام رشوه",
    ),
    _event(
        "cooperate",
        "cooperate,collaborate,partner,help,assist,support,aid,work with,team up,ally",
        "cooperation collaboration partnership assistance support help alliance",
        "сотрудничать помогать помочь поддерживать поддержать сотрудничество помощь партнёрство",
        "همکاری کمک حمایت مشارکت",
    ),
    _event(
        "detain",
        "arrest,detain,seize,impound,confiscate,intercept,inspect,expel,deport,jail,imprison",
        "arrest arrests detention seizure seizures interception inspection",
        "задержать задерживать арестовать арест изъять конфисковать перехватить досмотр",
        "بازداشت دستگیر توقیف ضبط",
    ),
)

#: The class of a statement of where something is ("the plant is in the Alabuga zone").
LOCATE = "locate"
#: Event classes that report one event from different sides.
EVENT_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"transfer", "procure"}),
    frozenset({"produce", "establish"}),
    frozenset({"election", "pay"}),  # vote buying
    frozenset({"attack", "labour"}),  # "strike" is both
)

_BY_VERB: dict[str, str] = {}
_BY_NOUN: dict[str, str] = {}
_BY_RUSSIAN: dict[str, str] = {}
for _class in EVENT_CLASSES:
    for _word in _class.verbs:
        _BY_VERB.setdefault(_word, _class.name)
    for _word in _class.nouns:
        _BY_NOUN.setdefault(_word, _class.name)
    for _word in _class.russian:
        _BY_RUSSIAN.setdefault(_word, _class.name)
PERSIAN_STEMS: tuple[tuple[str, str], ...] = tuple(
    sorted(((stem, c.name) for c in EVENT_CLASSES for stem in c.persian), key=lambda p: -len(p[0]))
)


def event_of_verb(lemma: str, particle: str | None = None) -> str | None:
    """The event class of an English verb lemma (with its particle, "walk out"), if any."""
    if particle:
        found = _BY_VERB.get(f"{lemma} {particle}")
        if found:
            return found
    return _BY_VERB.get(lemma)


def event_of_noun(lemma: str) -> str | None:
    return _BY_NOUN.get(lemma)


def event_of_russian(lemma: str) -> str | None:
    return _BY_RUSSIAN.get(lemma)


#: Classes that say how something was done rather than what: compatible with every class ("bypassed
#: treatment" is part of a discharge; "skirted sanctions" part of a shipment).
MANNER_EVENTS = frozenset({"evade"})


def compatible_events(first: str | None, second: str | None) -> bool:
    """Whether two event classes can report one event (an unknown class is compatible with all)."""
    if first is None or second is None or first == second or {first, second} & MANNER_EVENTS:
        return True
    return any(first in group and second in group for group in EVENT_GROUPS)


#: Head nouns of sources that are evidence, not speakers, and the kind of evidence they are.
EVIDENCE_KINDS: dict[str, str] = {
    **dict.fromkeys(
        "photo photos photograph photographs picture pictures image images imagery video videos "
        "footage clip clips livestream".split(),
        "imagery",
    ),
    **dict.fromkeys(
        "posting postings listing listings vacancy vacancies advertisement advertisements ad ads "
        "advert adverts".split(),
        "job postings",
    ),
    **dict.fromkeys(
        "record records manifest manifests filing filings registry register bill bills "
        "invoice invoices declaration declarations file files dossier document documents".split(),
        "records",
    ),
    **dict.fromkeys("data tracking signal signals transponder".split(), "tracking data"),
    **dict.fromkeys("leak leaks cable cables emails email correspondence".split(), "leaked documents"),
}
#: Words that narrow an evidence kind (kind → word → narrower kind): satellite images ≠ residents' photos.
EVIDENCE_QUALIFIERS: dict[str, dict[str, str]] = {
    "imagery": {
        "satellite": "satellite imagery",
        "commercial": "satellite imagery",
        "drone": "aerial imagery",
        "aerial": "aerial imagery",
    },
    "records": {
        "customs": "customs records",
        "shipping": "shipping records",
        "court": "court records",
        "leaked": "leaked documents",
        "company": "company records",
        "registry": "company records",
    },
    "tracking data": {
        "flight": "flight tracking data",
        "ais": "ship tracking data",
        "vessel": "ship tracking data",
        "ship": "ship tracking data",
    },
}
#: Kinds that belong to a broader one without narrowing it from a qualifier of their own.
_FAMILIES = {"leaked documents": "records"}


def evidence_family(kind: str) -> str:
    """The broad kind an evidence kind narrows ("customs records" → records); itself when broad."""
    for broad, narrower in EVIDENCE_QUALIFIERS.items():
        if kind in narrower.values() and kind not in _FAMILIES:
            return broad
    return _FAMILIES.get(kind, kind)


RUSSIAN_EVIDENCE: dict[str, str] = {
    **dict.fromkeys("фото фотография снимок снимки видео кадры запись съёмка съемка".split(), "imagery"),
    **dict.fromkeys("вакансия вакансии объявление объявления".split(), "job postings"),
    **dict.fromkeys("документ документы декларация декларации реестр".split(), "records"),
    "спутниковый": "satellite imagery",
}
PERSIAN_EVIDENCE: dict[str, str] = {
    "تصاویر": "imagery",
    "تصویر": "imagery",
    "عکس": "imagery",
    "ویدئو": "imagery",
    "فیلم": "imagery",
    "آگهی": "job postings",
    "اسناد": "records",
    "سند": "records",
    "ماهواره": "satellite imagery",
}
