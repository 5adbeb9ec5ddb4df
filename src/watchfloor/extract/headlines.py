"""Title-case headlines in sentence case, so that the statistical tagger and parser read them as prose.

"Trump Calls On Obama To Resign" defeats a model trained on running text: every word looks like a
name. Before parsing, each title-case or all-capitals line is put in sentence case ("Trump calls on
Obama to resign"): a word is lower-cased when the rest of the text writes it in lower case, or when it
is a function word or a form of an English verb that the rest of the text never writes capitalised
mid-sentence ("Trump" stays when the article says "Mr. Trump"); names and unknown words keep their
capital. The change keeps every character offset, and :func:`transfer` puts the parse of the recased
text onto a Doc of the original words, so spans still slice the analysed text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

#: Shortest line (in words) treated as a headline.
MIN_WORDS = 3
#: Share of a line's words that must be capitalised for it to count as title case.
TITLE_SHARE = 0.7
#: All-capitals words up to this length are kept as acronyms ("GOP", "FBI", "NATO").
ACRONYM_LENGTH = 5
#: Function words, lower-cased in a headline whatever the rest of the text does.
FUNCTION_WORDS = frozenset("""
a an the and or but nor of to in on at by for from with as vs via into over onto upon off out up down
about after before under again once than then so if not no yes this that these those it its they them
their he him his she her we us our you your i me my is are was were be been being am do does did has
have had will would can could should may might must shall what which who whom whose when where why how
all any each every some such only just very also too more most other own same both few yet here there
""".split())
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
_SENTENCE_OPENERS = frozenset(".!?:;\"“‘(\n")


@dataclass(frozen=True, slots=True)
class VerbForms:
    """Whether a word is a form of an English verb, by the model's lemmatizer tables."""

    bases: frozenset[str]
    rules: tuple[tuple[str, str], ...]
    irregular: frozenset[str]

    def __contains__(self, word: str) -> bool:
        if word in self.bases or word in self.irregular:
            return True
        return any(word.endswith(old) and word[: len(word) - len(old)] + new in self.bases
                   for old, new in self.rules if old)


@cache
def verb_forms(nlp: Language) -> VerbForms | None:
    """The lemmatizer's verb base forms, suffix rules and irregular forms, if the model has them."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    tables = ("lemma_index", "lemma_rules", "lemma_exc")
    if not all(lookups.has_table(name) for name in tables):
        return None
    index, rules, exceptions = (lookups.get_table(name) for name in tables)
    return VerbForms(frozenset(index.get("verb", [])), tuple(tuple(r) for r in rules.get("verb", [])),
                     frozenset(exceptions.get("verb", {})))


def sentence_case(text: str, verbs: VerbForms) -> str:
    """The text with its title-case lines in sentence case; same length, same offsets."""
    lines = text.split("\n")
    headlines = {i for i, line in enumerate(lines) if _title_case(line)}
    if not headlines:
        return text
    capitalised, lower = _usage(line for i, line in enumerate(lines) if i not in headlines)
    for i in headlines:
        lines[i] = _recase(lines[i], verbs, capitalised, lower)
    return "\n".join(lines)


def _title_case(line: str) -> bool:
    words = _WORD.findall(line)
    if len(words) < MIN_WORDS:
        return False
    content = [w for w in words if w.lower() not in FUNCTION_WORDS] or words
    if not any(w.islower() for w in words) and sum(w.isupper() for w in words) == len(words):
        return True
    return sum(w[0].isupper() for w in content) >= TITLE_SHARE * len(content) and sum(
        w[0].isupper() for w in words) > len(words) / 2


def _usage(lines: Iterable[str]) -> tuple[set[str], set[str]]:
    """Words written capitalised mid-sentence, and words written in lower case, in the other lines."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for line in lines:
        for match in _WORD.finditer(line):
            word = match.group()
            if word.islower():
                lower.add(word)
            elif word[0].isupper() and not _sentence_start(line, match.start()):
                capitalised.add(word.lower())
    return capitalised, lower


def _sentence_start(line: str, position: int) -> bool:
    before = line[:position].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def _recase(line: str, verbs: VerbForms, capitalised: set[str], lower: set[str]) -> str:
    out = list(line)
    shouting = not any(c.islower() for c in line)
    for number, match in enumerate(_WORD.finditer(line)):
        word = match.group()
        folded = word.lower()
        if word.isupper() and len(word) <= ACRONYM_LENGTH and not shouting and folded not in FUNCTION_WORDS:
            continue  # an acronym ("GOP", "FBI")
        seen_capitalised = folded in capitalised
        if number > 0 and (folded in FUNCTION_WORDS or (folded in lower and not seen_capitalised) or (
                folded in verbs and not seen_capitalised)):
            out[match.start():match.end()] = folded
        elif word.isupper() and len(word) > 1:  # "EUROPEANS" → "Europeans"
            out[match.start() + 1:match.end()] = folded[1:]
    return "".join(out)


def transfer(parsed: Doc, text: str) -> Doc:
    """A Doc of ``text``'s own characters carrying the annotations of ``parsed`` (same offsets)."""
    if parsed.text == text:
        return parsed
    if len(parsed.text) != len(text):
        raise ValueError("a recased text must keep the length of the original")
    words = [text[t.idx:t.idx + len(t.text)] for t in parsed]
    return Doc(
        parsed.vocab, words=words, spaces=[bool(t.whitespace_) for t in parsed],
        tags=[t.tag_ for t in parsed], pos=[t.pos_ for t in parsed], morphs=[str(t.morph) for t in parsed],
        lemmas=[t.lemma_ for t in parsed], heads=[t.head.i for t in parsed], deps=[t.dep_ for t in parsed],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in parsed],
    )
