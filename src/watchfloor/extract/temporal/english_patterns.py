"""The English time-expression rules as regular-expression sources, in lower case.

Each rule is a name (the reading method of :mod:`watchfloor.extract.temporal.english` it goes to) and a
pattern over lower-cased text; :mod:`watchfloor.extract.temporal.detect` compiles :data:`RULE_SOURCES`.
"""

from __future__ import annotations

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)(?![a-z])"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMBER_WORD = (
    rf"(?:{_TENS}(?:[-\s]{_DIGIT_WORD})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a\s+dozen|dozen|"
    r"a\s+couple(?:\s+of)?|a\s+few|few|several|many|dozens\s+of|an?)"
)
NUMBER = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|{_NUMBER_WORD}(?:\s+and\s+(?:a|one)[\s-]+half)?"
    r"(?:\s+or\s+(?:\d+|" + _NUMBER_WORD + r"))?)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnight|months?|quarters?|"
    r"years?|decades?|century|centuries)"
)
_APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
    r"at\s+least|at\s+most|over|under|up\s+to|just|only|barely|another|an\s+additional|"
    r"the\s+better\s+part\s+of|close\s+to)"
)
_MOD = (
    r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
    r"end\s+of|beginning\s+of|start\s+of|middle\s+of|"
    r"the\s+latter\s+part\s+of|the\s+early\s+part\s+of)"
)
_PRE = (
    r"(?P<pre>\b(?:in|on|at|since|until|till|by|before|after|from|to|through|during|for|of|"
    r"over|within|throughout)\s+)?"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_REL = (
    r"(?:last|next|this|past|coming|previous|following|current|same|that\s+same|that|prior|preceding|"
    r"the\s+same|the\s+following|the\s+previous|the\s+next|the\s+preceding|the\s+prior|"
    r"the\s+current|the\s+coming)"
)
_QUARTER_REL = (
    r"(?:latest|current|last|past|previous|year-ago|year-earlier|year\s+ago|year\s+earlier|"
    r"same|comparable|this|next|coming|recent|most\s+recent|just-ended|just\s+ended|"
    r"year-before|prior|fiscal|calendar|the\s+year's|this\s+year's|last\s+year's|"
    r"next\s+year's|" + _YEAR + r"(?:'s)?)"
)

RULE_SOURCES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:t(?P<h>\d{2}):(?P<mi>\d{2}))?\b"),
    (
        "numeric",
        r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]\d)",
    ),
    (
        "month_day",
        rf"{_PRE}\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?P<mod>{_MOD})[\s-]+)?(?:(?P<rel>last|next)\s+)?"
        rf"(?P<mon>{_MONTH})\s*"
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "day_month",
        rf"{_PRE}\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "month",
        rf"{_PRE}\b(?:(?P<mod>{_MOD})[\s-]+)?(?:(?P<rel>last|next|this|past|coming|previous|"
        rf"following|that)\s+)?(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?:(?P<y>{_YEAR}|'\d\d)\b|"
        r"(?P<yrel>last|this|next)\s+year\b))?",
    ),
    (
        "year",
        rf"{_PRE}\b(?:(?P<mod>{_MOD})[\s-]+)?(?P<fiscal>(?:fiscal|calendar|the\s+(?:fiscal\s+)?year|"
        rf"(?:fiscal\s+)?year|fy)\s*)?(?P<y>{_YEAR})(?!\d|s\b|'s\b|-\d|\.\d|,\d|\s*(?:%|percent))",
    ),
    ("short_year", rf"{_PRE}\b(?:(?P<mod>{_MOD})[\s-]+)?(?:fiscal\s+)?(?P<y>'\d\d)(?![\ds])"),
    (
        "spelled_year",
        r"\b(?:the\s+year\s+)?(?:nineteen[\s-](?P<t>" + _TENS + r"|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-](?P<u>"
        + _DIGIT_WORD
        + r"))?|two\s+thousand(?:\s+and)?(?:[\s-](?P<u2>"
        + _DIGIT_WORD
        + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
        r"nineteen|twenty))?)\b",
    ),
    (
        "decade",
        r"\b(?:the\s+)?(?:(?P<mod>"
        + _MOD
        + r"|mid|the\s+(?:first|last|second|latter)\s+half\s+of)[\s-]+(?:the\s+)?)?"
        r"(?P<dec>(?:1[0-9]|20)\d0|'\d0)'?s\b"
        r"|\b(?:the\s+)(?:(?P<mod2>early|mid|late)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|"
        r"sixties|seventies|eighties|nineties)\b",
    ),
    (
        "century",
        r"\b(?:the\s+)?(?:(?P<mod>" + _MOD + r")[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
        r"(?:twenty-)?first|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth)"
        r"[\s-]+century\b",
    ),
    (
        "quarter",
        rf"{_PRE}\b(?P<the>the\s+)?(?:(?P<rel>{_QUARTER_REL})[\s-]+)*(?:fiscal[\s-]+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest)?[\s-]*"
        r"(?:fiscal[\s-]+)?(?:calendar[\s-]+)?(?P<unit>quarter|half|period)(?![\w-])(?:\s+of\s+(?:fiscal\s+)?"
        rf"(?:(?P<y>{_YEAR})|(?P<yrel>this|last|next|the)\s+(?:fiscal\s+)?year)\b)?",
    ),
    (
        "relative",
        rf"{_PRE}\b(?:(?P<mod>{_MOD}|earlier|later)[\s-]+)?(?P<rel>{_REL}|the)\s+(?P<unit>year|"
        rf"month|week|weekend|decade|century|spring|summer|fall|autumn|winter|{_WEEKDAY}|"
        r"morning|afternoon|evening|night|day|quarter|fiscal\s+year)(?![\w-])",
    ),
    (
        "deictic",
        rf"{_PRE}\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|overnight|right\s+now|just\s+now|now|"
        r"nowadays|currently|presently|at\s+present|these\s+days|recently|lately|more\s+recently|"
        r"previously|formerly|soon|the\s+past|the\s+future|the\s+present|the\s+moment|"
        r"current|recent|future|in\s+the\s+past|once|the\s+near\s+future|the\s+(?:near|short|long)\s+term|"
        r"an?\s+(?:later|future)\s+date)(?:\s+(?P<pod>morning|afternoon|evening|night))?"
        r"(?![\w-])",
    ),
    (
        "ago",
        rf"\b(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUMBER})[\s-]+(?:more\s+)?(?P<unit>{_UNIT})\s+"
        r"(?P<dir>ago|earlier|from\s+now|hence|back)\b",
    ),
    ("vague_ago", r"\b(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)\b"),
    (
        "duration",
        rf"\b(?:(?P<approx0>{_APPROX})\s+)?(?:(?P<the>the|a|an)\s+)?"
        r"(?:(?P<q>past|last|next|previous|first|coming|following|final|remaining|latest|initial|"
        rf"recent|preceding|ensuing|subsequent|succeeding|full|entire|whole|same)\s+)?"
        rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUMBER}|\d+\s+to\s+\d+)(?:\s+more)?[\s-]+"
        rf"(?:(?:trading|business|working|calendar|school)\s+)?(?P<unit>{_UNIT})(?P<old>[\s-]+old)?(?![\w-])",
    ),
    (
        "vague_duration",
        r"\b(?:(?P<q>the\s+past|the\s+last|the\s+next|the\s+coming|recent|coming|"
        r"the\s+early|in\s+recent)\s+)?(?P<unit>years|months|weeks|days|decades|hours|"
        r"minutes|centuries|quarters)(?![\w-])(?P<ahead>\s+ahead)?",
    ),
    (
        "set",
        rf"\b(?:(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|"
        rf"semiannually)|(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>{NUMBER})\s+)?"
        rf"(?P<unit>{_UNIT}|{_WEEKDAY}|morning|afternoon|evening|night))\b",
    ),
    (
        "clock_day",
        r"\b(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)|"
        r"(?P<word>noon|midnight))(?:\s+(?P<tz>[ecmp][sd]t|gmt|utc)\b)?,?\s+(?:on\s+)?"
        rf"(?:(?P<wd>{_WEEKDAY})|(?P<rel>today|yesterday|tomorrow)|(?P<mon>{_MONTH})\s*(?P<d>\d{{1,2}})\b)",
    ),
    (
        "clock",
        r"\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)"
        r"(?:\s+(?P<tz>[ecmp][sd]t|gmt|utc)\b)?|\b(?P<word>noon|midnight|midday)\b",
    ),
    (
        "part_of_day",
        rf"\b(?P<day>{_WEEKDAY}|yesterday|today|tomorrow|this|that|early|late|last|the\s+same|mid)"
        r"[\s-]+(?P<pod>morning|afternoon|evening|night)\b",
    ),
    (
        "holiday",
        rf"{_PRE}\b(?:(?P<rel>last|next|this)\s+)?(?P<name>thanksgiving(?:\s+day)?|christmas(?:\s+(?:day|eve))?|"
        r"new\s+year's(?:\s+(?:day|eve))?|independence\s+day|election\s+day|easter(?:\s+sunday)?|"
        rf"labor\s+day|memorial\s+day|veterans\s+day|halloween)(?:\s+(?P<y>{_YEAR}))?(?![\w-])",
    ),
    ("weekday", rf"{_PRE}\b(?P<wd>{_WEEKDAY})(?![\w-])"),
    (
        "season",
        rf"{_PRE}\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>last|next|this|the|that|past|coming)\s+)?"
        rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?(?![\w-])",
    ),
    (
        "whole_unit",
        r"\b(?P<det>the\s+(?:full|whole|entire)|an?\s+(?:additional|extra|full)|another)\s+"
        r"(?P<unit>year|month|week|day|quarter|decade|fiscal\s+year)(?![\w-])",
    ),
    (
        "year_ago",
        r"\b(?:the\s+)?(?P<word>year[\s-](?:ago|earlier)|year[\s-]before|year[\s-]end|year's\s+end)"
        r"(?:\s+(?P<unit>quarter|period|month|level))?(?![\w-])",
    ),
)
