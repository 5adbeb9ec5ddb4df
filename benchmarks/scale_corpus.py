"""A scale corpus of ours: N documents made from a base of really extracted texts, varied and re-dated.

The base is the bundled sample corpus, the scenario corpora and the first BBC News texts (read
from ``../shared/datasets`` at run time, never copied), each read by watchfloor's readers and analysed
by the full default pipeline once (cached outside the repository). Each generated document joins two
base texts of one language, with their analyses **replicated, not re-extracted**:

- re-dated to a random day of 2019–2026 (its time expressions' years shifted with it);
- people and organisations renamed, consistently within the document, from pools of synthetic names in
  the document's script (Latin, Cyrillic, Persian), so the number of distinct entities grows with the
  corpus; places kept, spelled in another transliteration at a known rate (Yelabuga / Elabuga);
- published by one of 80 synthetic outlets;
- at ``syndication`` rate, a republished copy of an earlier generated document (same text with a
  "Republished from …" line at the end, another outlet, a later day), which near-duplicate detection
  must link to its original.

Every span of the analysis (mentions, times, attributions, claim frames) is moved with the edits, so
each replicated claim still carries its evidence span in the new text.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import pickle
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from watchfloor.model import Analysis, Document, TimeExpression
from watchfloor.model.spans import Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
BBC = SHARED / "bbc-news" / "bbc"

# Synthetic names of ours: (Latin, Cyrillic) and (Latin, Persian) pairs.
_RU_FIRST = [("Artem", "Артём"), ("Boris", "Борис"), ("Vadim", "Вадим"), ("Gleb", "Глеб"), ("Denis", "Денис"),
             ("Yegor", "Егор"), ("Ilya", "Илья"), ("Kirill", "Кирилл"), ("Lev", "Лев"), ("Marat", "Марат"),
             ("Nikita", "Никита"), ("Oleg", "Олег"), ("Ruslan", "Руслан"), ("Stepan", "Степан"),
             ("Timofei", "Тимофей"), ("Fyodor", "Фёдор"), ("Anna", "Анна"), ("Vera", "Вера"),
             ("Darya", "Дарья"), ("Zoya", "Зоя"), ("Inna", "Инна"), ("Lidia", "Лидия"), ("Nina", "Нина"),
             ("Polina", "Полина"), ("Yulia", "Юлия")]  # fmt: skip
_RU_LAST = [("Abramov", "Абрамов"), ("Belov", "Белов"), ("Volkov", "Волков"), ("Gusev", "Гусев"),
            ("Denisov", "Денисов"), ("Yermakov", "Ермаков"), ("Zhukov", "Жуков"), ("Zaitsev", "Зайцев"),
            ("Kozlov", "Козлов"), ("Lebedev", "Лебедев"), ("Morozov", "Морозов"), ("Nikitin", "Никитин"),
            ("Orlov", "Орлов"), ("Pavlov", "Павлов"), ("Rodionov", "Родионов"), ("Sokolov", "Соколов"),
            ("Tarasov", "Тарасов"), ("Ulyanov", "Ульянов"), ("Fomin", "Фомин"), ("Khabibullin", "Хабибуллин"),
            ("Tsvetkov", "Цветков"), ("Chernov", "Чернов"), ("Sharipov", "Шарипов"), ("Shchukin", "Щукин"),
            ("Yakovlev", "Яковлев"), ("Galimov", "Галимов"), ("Safin", "Сафин"), ("Valiev", "Валиев"),
            ("Mukhametov", "Мухаметов"), ("Ziganshin", "Зиганшин")]  # fmt: skip
_FA_FIRST = [("Amir", "امیر"), ("Behrouz", "بهروز"), ("Dariush", "داریوش"), ("Farhad", "فرهاد"),
             ("Hamid", "حمید"), ("Kaveh", "کاوه"), ("Mehdi", "مهدی"), ("Navid", "نوید"), ("Omid", "امید"),
             ("Parviz", "پرویز"), ("Reza", "رضا"), ("Saeed", "سعید"), ("Shirin", "شیرین"), ("Maryam", "مریم"),
             ("Laleh", "لاله"), ("Nasrin", "نسرین")]  # fmt: skip
_FA_LAST = [("Ahmadi", "احمدی"), ("Bagheri", "باقری"), ("Farahani", "فراهانی"), ("Ghasemi", "قاسمی"),
            ("Hosseini", "حسینی"), ("Jafari", "جعفری"), ("Karimi", "کریمی"), ("Mousavi", "موسوی"),
            ("Najafi", "نجفی"), ("Rahimi", "رحیمی"), ("Sadeghi", "صادقی"), ("Tehrani", "تهرانی"),
            ("Yazdani", "یزدانی"), ("Zamani", "زمانی"), ("Soltani", "سلطانی"),
            ("Rostami", "رستمی")]  # fmt: skip
_ORG_SUFFIX = {
    "en": ["Holding", "Machine Works", "Trading House", "Group", "Aviation Institute", "Logistics"],
    "ru": ["Холдинг", "Машзавод", "Торговый дом", "Групп", "Авиаинститут", "Логистик"],
    "fa": ["هلدینگ", "صنایع", "بازرگانی", "گروه", "پژوهشکده", "ترابری"],
}
_OUTLETS = [
    f"{a} {b}"
    for a in ("Volga", "Caspian", "Northern", "Gulf", "Steppe", "Harbour", "Eastern", "Kama")
    for b in ("Courier", "Monitor", "Dispatch", "Herald", "Observer", "Wire", "Review", "Ledger", "Sentinel",
              "Bulletin")
]
#: Spelling variants of transliterated place names ("Yelabuga" → "Elabuga"), applied in this order.
_RESPELL = [("Ye", "E"), ("ye", "e"), ("kh", "h"), ("ya", "ia"), ("yu", "iu"), ("iy", "y"), ("ou", "u")]
_YEAR = re.compile(r"^(\d{4})")
_FIRST, _LAST = date(2019, 1, 1), date(2026, 11, 30)


@dataclass(frozen=True, slots=True)
class Base:
    """One really analysed text of the base."""

    document: Document
    analysis: Analysis


@dataclass(slots=True)
class Generated:
    document: Document
    analysis: Analysis
    syndicated: bool = False


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- the base ------------------------------------------------------------------------------------------


def base_documents(bbc_limit: int) -> list[Document]:
    """The sample corpus, the scenario corpora and the first ``bbc_limit`` BBC texts, as read."""
    from watchfloor.config import Settings
    from watchfloor.extract.pipeline import Pipeline
    from watchfloor.service.ingestion import Ingestor
    from watchfloor.store.sql import open_store

    data = resources.files("watchfloor.data")
    folders = [Path(str(data / "sample" / "documents"))]
    folders += sorted(Path(str(data / "scenarios")).glob("*/documents"))
    files = [p for folder in folders for p in sorted(folder.iterdir()) if p.is_file()]
    files += sorted(BBC.rglob("*.txt"))[:bbc_limit]
    with open_store("sqlite://") as store:
        reader = Ingestor(store, Pipeline([]), Settings(db_url="sqlite://"))
        return [d for path in files for d in reader.read_file(path) if isinstance(d, Document)]


def load_base(cache: Path, bbc_limit: int, cluster: str | None) -> list[Base]:
    """The analysed base, from the cache or analysed now (on ``cluster`` when given)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"base-{bbc_limit}.pickle"
    if path.exists():
        loaded: list[Base] = pickle.loads(path.read_bytes())
        return loaded
    from watchfloor.config import Settings
    from watchfloor.extract.executors import DaskExecutor, Executor, LocalExecutor
    from watchfloor.service.ingestion import analysis_of, pipeline_spec
    from watchfloor.store.sql import open_store

    documents = base_documents(bbc_limit)
    with open_store("sqlite://") as store:
        spec = pipeline_spec(store, Settings(db_url="sqlite://"))
    executor: Executor = DaskExecutor(cluster, spec) if cluster else LocalExecutor(spec.build())
    with executor:
        size = executor.batch_size
        sent = [executor.submit([analysis_of(d) for d in documents[i:i + size]])
                for i in range(0, len(documents), size)]
        analyses = [a for pending in sent for a in pending.result()]
    base = [Base(d, a) for d, a in zip(documents, analyses, strict=True)]
    path.write_bytes(pickle.dumps(base))
    return base


# -- rewriting a text with its analysis ---------------------------------------------------------------


class _Rewrite:
    """Replacements in a text, and every span of its analysis moved with them."""

    def __init__(self, text: str, edits: Sequence[tuple[int, int, str]], year_shift: int) -> None:
        pieces, last = [], 0
        self.ends: list[int] = []
        self.shifts: list[int] = []
        total = 0
        for start, end, new in sorted(edits):
            if start < last:
                continue  # overlapping mentions: the first one wins
            pieces += [text[last:start], new]
            last = end
            total += len(new) - (end - start)
            self.ends.append(end)
            self.shifts.append(total)
        pieces.append(text[last:])
        self.text = "".join(pieces)
        self.year_shift = year_shift

    def position(self, offset: int) -> int:
        at = bisect.bisect_right(self.ends, offset)
        return min(len(self.text), offset + (self.shifts[at - 1] if at else 0))

    def move(self, value: Any) -> Any:
        if isinstance(value, Span):
            start, end = self.position(value.start), self.position(value.end)
            return Span(start, max(start, end), self.text[start:max(start, end)])
        if isinstance(value, TimeExpression):
            moved = _YEAR.sub(lambda m: str(int(m.group(1)) + self.year_shift), value.value)
            return dataclasses.replace(value, span=self.move(value.span), value=moved)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: self.move(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        if isinstance(value, list):
            return [self.move(v) for v in value]
        if isinstance(value, dict):
            return {k: self.move(v) for k, v in value.items()}
        return value


def _respell(name: str) -> str:
    for old, new in _RESPELL:
        if old in name:
            return name.replace(old, new, 1)
    return name


def _person(rng: random.Random, lang: str | None) -> str:
    first, last = (_FA_FIRST, _FA_LAST) if lang == "fa" else (_RU_FIRST, _RU_LAST)
    script = {"ru": 1, "fa": 1}.get(lang or "en", 0)
    return f"{rng.choice(first)[script]} {rng.choice(last)[script]}"


def _organisation(rng: random.Random, lang: str | None) -> str:
    script = {"ru": 1, "fa": 1}.get(lang or "en", 0)
    suffixes = _ORG_SUFFIX.get(lang or "en", _ORG_SUFFIX["en"])
    return f"{rng.choice(_RU_LAST + _FA_LAST)[script]} {rng.choice(suffixes)}"


def joined(first: Base, second: Base) -> Base:
    """Two base texts as one document (the first's metadata), the second's spans moved after the first."""
    rewrite = _Rewrite(second.analysis.text, [(0, 0, first.analysis.text + "\n\n")], 0)
    after: Analysis = rewrite.move(second.analysis)
    analysis = dataclasses.replace(
        first.analysis, text=rewrite.text,
        entities=[*first.analysis.entities, *after.entities], times=[*first.analysis.times, *after.times],
        attributions=[*first.analysis.attributions, *after.attributions],
        sentences=[*first.analysis.sentences, *after.sentences], extras={},
    )
    return Base(dataclasses.replace(first.document, text=rewrite.text), analysis)


def vary(base: Base, rng: random.Random, respell_rate: float) -> Generated:
    """A new document from a base text: renamed people and organisations, respelled places, new date."""
    analysis = base.analysis
    renamed: dict[str, str] = {}
    edits = []
    for mention in analysis.entities:
        label, said = mention.label, mention.span.text
        if label in ("PERSON", "PER") and mention.entity_key is None:
            new = renamed.setdefault(said, _person(rng, analysis.lang))
        elif label == "ORG" and mention.entity_key is None and rng.random() < 0.6:
            new = renamed.setdefault(said, _organisation(rng, analysis.lang))
        elif label in ("GPE", "LOC", "FAC") and said.isascii() and rng.random() < respell_rate:
            new = renamed.setdefault(said, _respell(said))
        else:
            continue
        edits.append((mention.span.start, mention.span.end, new))
    day = _FIRST + timedelta(days=rng.randrange((_LAST - _FIRST).days))
    old_day = base.document.published_date or day
    rewrite = _Rewrite(analysis.text, edits, day.year - old_day.year)
    moved: Analysis = rewrite.move(analysis)
    moved.text, moved.date = rewrite.text, day
    moved.entities = [dataclasses.replace(m, base=m.span.text) if m.base else m for m in moved.entities]
    document = dataclasses.replace(
        base.document, text=rewrite.text, publisher=rng.choice(_OUTLETS),
        published_at=datetime.combine(day, datetime.min.time(), UTC), source_path=None, url=None,
        metadata={},
    )
    return Generated(document, moved)


def republished(original: Generated, rng: random.Random) -> Generated:
    """A syndicated copy: the same text and a line at its end (no span moves), another outlet, later."""
    outlet = rng.choice([o for o in _OUTLETS if o != original.document.publisher])
    text = f"{original.document.text}\n\nRepublished from {original.document.publisher}."
    published = original.document.published_at
    later = published + timedelta(days=rng.randrange(1, 4)) if isinstance(published, datetime) else None
    document = dataclasses.replace(original.document, text=text, publisher=outlet, published_at=later)
    analysis = dataclasses.replace(original.analysis, text=text, publisher=outlet)
    return Generated(document, analysis, syndicated=True)


def generate(base: Sequence[Base], count: int, seed: int, syndication: float = 0.05,
             respell_rate: float = 0.3) -> Iterator[Generated]:
    """``count`` documents; the same seed gives the same corpus."""
    rng = random.Random(seed)
    by_lang: dict[str, list[Base]] = {}
    for item in base:
        by_lang.setdefault(item.analysis.lang or "en", []).append(item)
    langs = [lang for lang, items in by_lang.items() if len(items) >= 2]
    weights = [len(by_lang[lang]) for lang in langs]
    recent: list[Generated] = []
    for number in range(count):
        if recent and rng.random() < syndication:
            made = republished(rng.choice(recent), rng)
        else:
            pool = by_lang[rng.choices(langs, weights)[0]]
            first, second = rng.sample(pool, 2)
            made = vary(joined(first, second), rng, respell_rate)
            recent = [*recent[-49:], made]
        made.document.source_path = f"scale:{seed}:{number}"
        made.document.title = f"{made.document.title or 'Report'} [{number}]"
        yield made
