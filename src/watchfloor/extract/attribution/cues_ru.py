"""Hand-written Russian cue lexicons for ``attribution.ru``: verbs, prepositional cues, refusals, hedges.

Lemmas as natasha's morphology (pymorphy2) gives them. Written for watchfloor; none is taken from a
corpus.
"""

from __future__ import annotations

import re

#: Verbs of saying, writing, reporting and opinion: the content is a clause, a quotation, or (for
#: some) an object or a prepositional phrase.
SPEECH_VERBS: frozenset[str] = frozenset("""
заявить заявлять сообщить сообщать сказать говорить рассказать рассказывать отметить отмечать подчеркнуть
подчёркивать подчеркивать добавить добавлять уточнить уточнять пояснить пояснять написать писать передать
передавать утверждать считать полагать признать признавать пообещать обещать заверить заверять предупредить
предупреждать отрезать ответить отвечать опровергнуть опровергать отрицать отвергнуть отвергать назвать
называть пожаловаться жаловаться настаивать настоять подсчитать говориться сообщаться цитировать объявить
объявлять подтвердить подтверждать констатировать указать указывать напомнить напоминать заметить замечать
предположить предполагать уверять допустить допускать признаться возразить опасаться сознаться поделиться
сетовать посетовать подсчитывать прогнозировать спрогнозировать оценить оценивать выяснить выяснять
убеждать уверить высказать высказаться рапортовать отчитаться информировать проинформировать известно
""".split())
#: Verbs that are cues only when negated ("не исключил").
NEGATED_ONLY: frozenset[str] = frozenset({"исключить", "исключать"})
#: Denial verbs: the speaker denies the content.
DENIAL_VERBS: frozenset[str] = frozenset("опровергнуть опровергать отрицать отвергнуть отвергать".split())
#: Verbs naming what something is ("назвал сообщения ложью").
CHARACTERISING_VERBS: frozenset[str] = frozenset({"назвать", "называть"})
#: Verbs of concession: a negated content stays asserted ("признала, что проект не прошёл").
CONCESSION_VERBS: frozenset[str] = frozenset({"признать", "признавать", "признаться", "согласиться"})
#: Verbs whose object is the content ("опроверг информацию", "подтвердил данные").
OBJECT_VERBS: frozenset[str] = DENIAL_VERBS | CHARACTERISING_VERBS | frozenset(
    "подтвердить подтверждать цитировать объявить объявлять признать признавать".split())
#: Verbs whose content may follow "на" ("пожаловались на перебои").
ON_VERBS: frozenset[str] = frozenset({"пожаловаться", "жаловаться", "настаивать", "сетовать"})
#: Prepositions that introduce a content phrase after a cue ("сообщила о задержании", "пожаловались на").
CONTENT_PREPOSITIONS: frozenset[str] = frozenset({"о", "об", "обо", "на"})
#: Words of a dismissive characterisation: "назвал … ложью / провокацией / политически мотивированными".
DISMISSIVE_WORDS: frozenset[str] = frozenset("""
ложь ложный фейк фейковый провокация провокационный клевета клеветнический вымысел выдумка дезинформация
мотивированный необоснованный безосновательный абсурд абсурдный бездоказательный голословный фальшивка
инсинуация вброс чушь бред нелепый беспочвенный сфабрикованный заказной
""".split())
#: Nouns that name allegations made elsewhere ("опроверг сообщения", "отверг обвинения").
ALLEGATION_NOUNS: frozenset[str] = frozenset("""
сообщение информация обвинение заявление слух данные утверждение публикация статья новость версия претензия
доклад материал домысел подозрение
""".split())

_PERSONAL = r"(?:его|её|ее|их|моим|нашим|моему|нашему)"
_QUALIFIERS = (r"(?:предварительным|последним|официальным|неофициальным|имеющимся|уточнённым|уточненным|"
               r"свежим|первым|открытым|новым|независимым)")
_NOUNS = (r"(?:словам|данным|мнению|информации|оценке|оценкам|версии|сведениям|подсчётам|подсчетам|"
          r"утверждению|заявлению|прогнозу|прогнозам|расчётам|расчетам|сообщению|сообщениям)")
_DOCUMENTS = (r"(?:отчёту|отчету|докладу|данным|опросу|исследованию|оценке|оценкам|прогнозу|информации|"
              r"заявлению|сообщению|исследованиям|подсчётам|подсчетам|статистике|результатам|документам|"
              r"материалам|сведениям|расчётам|расчетам)")
#: Prepositional cues: "по словам", "По её словам", "По предварительным данным", "Согласно отчёту".
PREPOSITIONAL = re.compile(
    rf"\b(?:по\s+(?P<pron>{_PERSONAL}\s+)?(?P<qual>{_QUALIFIERS}\s+)?{_NOUNS}"
    rf"|согласно(?:\s+(?P<qual2>{_QUALIFIERS}\s+)?{_DOCUMENTS})?)\b",
    re.IGNORECASE,
)
#: Citation markers: what follows is the cited party, what precedes the one citing it.
CITATION = re.compile(
    r",?\s*(?:(?:котор(?:ое|ый|ая|ые)|что)\s*,?\s*(?:в\s+свою\s+очередь\s*,\s*)?)?"
    r"(?:со\s+ссылкой\s+на|ссылаясь\s+на|ссылается\s+на|ссылаются\s+на|ссылающ\w+\s+на)\s+",
    re.IGNORECASE,
)
#: Media before an outlet that was told ("в интервью Радио Свобода", "в эфире «Эха»").
MEDIUM = re.compile(r"\b(?:в\s+интервью|в\s+эфире|в\s+беседе\s+с|в\s+разговоре\s+с)\s+", re.IGNORECASE)
#: Line labels that are not speakers before a colon ("Вакансия: ищем инженера").
NOT_SPEAKER_LABELS: frozenset[str] = frozenset("""
вакансия обязанность обязанности требование требования условие условия обновление обновлено важно внимание
фото видео справка контакты адрес телефон зарплата итог итоги цитата подробности молния срочно тема вопрос
ответ примечание
""".split())
#: Nouns of people and bodies that can speak in a "Name: claim" headline.
SPEAKER_NOUNS: frozenset[str] = frozenset("""
глава министр замминистра представитель директор гендиректор пресс-секретарь губернатор мэр президент
премьер премьер-министр вице-премьер спикер посол эксперт аналитик депутат источник сенатор председатель
руководитель начальник командующий прокурор следователь адвокат профсоюз минобороны мид кремль
""".split())
#: Hedge words and phrases (lower case) and their ICD 203 level (see extract/attribution/hedge.py).
HEDGES: dict[str, str] = {
    "якобы": "roughly even chance", "предположительно": "roughly even chance",
    "возможно": "roughly even chance", "может": "roughly even chance", "могут": "roughly even chance",
    "мог": "roughly even chance", "могла": "roughly even chance", "могли": "roughly even chance",
    "могло": "roughly even chance", "не исключил": "roughly even chance",
    "не исключила": "roughly even chance",
    "не исключили": "roughly even chance", "не исключает": "roughly even chance",
    "не исключают": "roughly even chance", "предварительным": "roughly even chance",
    "предварительной": "roughly even chance", "по слухам": "roughly even chance",
    "вероятно": "likely", "по всей видимости": "likely", "судя по всему": "likely", "видимо": "likely",
    "скорее всего": "likely", "по-видимому": "likely", "очевидно": "very likely",
    "маловероятно": "unlikely", "вряд ли": "unlikely", "наверняка": "almost certain",
    "несомненно": "almost certain", "безусловно": "almost certain",
}
HEDGE_PATTERN = re.compile(r"(?<![\w-])(?:" + "|".join(
    re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE)
#: Words of time that are never a source ("сообщили в четверг").
TIME_NOUNS: frozenset[str] = frozenset("""
понедельник вторник среда четверг пятница суббота воскресенье январь февраль март апрель май июнь июль август
сентябрь октябрь ноябрь декабрь год месяц неделя день утро вечер ночь время период момент итог ходе
конференция интервью эфир телеграм-канал телеграм соцсеть заявление сообщение связь ответ
""".split())
#: Pronouns that stand for a person named earlier; sources that are the document's own voice.
PERSON_PRONOUNS: frozenset[str] = frozenset({"он", "она", "его", "её", "ее", "ему", "ей", "им", "ним", "нём"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"они", "их"})
DOCUMENT_VOICE: frozenset[str] = frozenset({"мы", "редакция", "нас"})
#: Subordinators dropped from the start of a content.
CONTENT_OPENERS: frozenset[str] = frozenset({"что", "чтобы", "будто"})
#: Heads of unnamed sources: they stay unnamed whatever organisation they are in.
ANONYMOUS: frozenset[str] = frozenset("""
источник источники источника источников источнику собеседник собеседники собеседника собеседников очевидец
очевидцы очевидцев свидетель свидетели пользователь пользователи сми жители жителей житель жителя
""".split())
#: Evidence cues: "Об этом можно судить по фотографиям …" (the content: the sentence before), "Судя по
#: снимкам, …".
JUDGING = re.compile(r"\b(?:об\s+этом|о\s+ч[её]м|это)\s+"
                     r"(?P<cue>(?:можно|позволяют|позволяет)\s+судить\s+по)\b"
                     r"|\b(?P<cue2>судя\s+по)\b(?!\s+всему)", re.IGNORECASE)
