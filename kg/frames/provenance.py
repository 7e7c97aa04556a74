"""Where a frame's fact was read: the provenance of a fact from its tokens."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Provenance
from kg.nlp import Parsed

__all__ = ["fact_provenance"]


def fact_provenance(parsed: Parsed, tokens: list[Token], rule: str, conf: float) -> Provenance:
    """The provenance of a fact read on some tokens of a sentence.

    Args:
        parsed: the article and its parse.
        tokens: the tokens the fact was read on (their flat names count too).
        rule: the rule id.
        conf: the fact's confidence, rounded to 3 places here.

    Returns:
        The span from the first to the last token, in its sentence.
    """
    doc = tokens[0].doc
    tokens = tokens + [c for t in tokens for c in t.subtree if c.dep_.startswith("flat")]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    start, _ = parsed.span_offsets(doc[first])
    _, end = parsed.span_offsets(doc[last])
    sent = doc[first].sent
    return Provenance(
        parsed.article.id, start, end, parsed.original(sent).strip(), rule, round(conf, 3)
    )
