"""The model's rule components — the attribute ruler and the rule lemmatizer — applied in bulk.

``en_core_web_sm`` turns fine tags into parts of speech, morphology and some lemmas with an attribute
ruler (179 token patterns run by spaCy's ``Matcher``), then lemmatises the rest with a rule lemmatizer
that visits every token in Python. On prose the two cost about a seventh of the model's time, although
what they write depends only on a handful of attributes of each token. The functions here give exactly
the same annotations: each distinct token signature is worked out once — by evaluating the ruler's own
patterns, or by asking the lemmatizer itself — and the results are written into the Doc as arrays.

Patterns these functions do not understand (operators such as ``"OP"``, attributes beyond the ones
below) make :func:`bulk_attribute_ruler` return ``None``, and the caller keeps spaCy's component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.symbols import IDS
from spacy.tokens import Doc

__all__ = ["bulk_attribute_ruler", "bulk_lemmatizer"]

Component = Callable[[Doc], Doc]

#: Token attributes a pattern may test, and how to read each from a token's row of the Doc's array.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Attributes a rule may write in bulk; any other (DEP, extensions) is written token by token.
_WRITTEN = ("TAG", "POS", "MORPH", "LEMMA")
#: How many token signatures each function remembers before it starts afresh (memory stays bounded
#: over a corpus of any size).
_REMEMBERED = 200_000
#: What rules write to one token: tag, part of speech, morphology and lemma (as the Doc's array holds
#: them), then a dependency label; ``None`` where nothing is written.
_Values = tuple[int | None, int | None, int | None, int | None, str | None]
_NOTHING: _Values = (None, None, None, None, None)
#: One test on a token: attribute, operation (``==``, ``in``, ``not in``, ``regex``) and operand.
_Test = tuple[str, str, Any]


@dataclass(frozen=True)
class _Rule:
    """One pattern of the ruler: token tests in sequence, the token it writes (an index into the
    sequence) and what it writes. Rules apply in order; a later one overwrites an earlier one."""

    order: int
    tests: tuple[tuple[_Test, ...], ...]
    index: int
    attrs: Mapping[str, Any]

    @property
    def target(self) -> int:
        """The written token's offset from the first token of a match."""
        return self.index if self.index >= 0 else len(self.tests) + self.index


def bulk_attribute_ruler(ruler: AttributeRuler) -> Component | None:
    """A function doing what ``ruler`` does to a Doc, or ``None`` if its patterns go beyond plain token
    tests on tag, lowercase form, dependency label and whitespace."""
    rules = _rules(ruler.patterns)
    if rules is None:
        return None
    single = [rule for rule in rules if len(rule.tests) == 1]
    multiple = [rule for rule in rules if len(rule.tests) > 1]
    by_tag = _by_tag(single)
    vocab = ruler.vocab
    strings = vocab.strings
    signatures: dict[tuple[int, ...], tuple[_Values, list[_Rule]]] = {}

    def matching(key: tuple[int, ...]) -> tuple[_Values, list[_Rule]]:
        """What the single-token rules write to a token with this signature, and the longer rules
        whose first token it can be."""
        found = signatures.get(key)
        if found is None:
            if len(signatures) >= _REMEMBERED:
                signatures.clear()
            values = _values(key, strings)
            candidates = sorted(by_tag.get(values["TAG"], []) + by_tag.get(None, []), key=_order)
            own = [rule for rule in candidates if _passes(rule.tests[0], values)]
            found = (_resolved(own, vocab), [rule for rule in multiple if _passes(rule.tests[0], values)])
            signatures[key] = found
        return found

    def apply(doc: Doc) -> Doc:
        keys = list(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()))
        written = [matching(key) for key in keys]
        resolved = [values for values, _ in written]
        longer: dict[int, list[_Rule]] = {}
        for i, (_, starting) in enumerate(written):
            for rule in starting:
                if _sequence_passes(rule, keys, i, strings):
                    longer.setdefault(i + rule.target, []).append(rule)
        for target, rules in longer.items():
            own = [rule for rule in single if _passes(rule.tests[0], _values(keys[target], strings))]
            resolved[target] = _resolved(sorted(own + rules, key=_order), vocab)
        _write(doc, resolved)
        return doc

    return apply


def bulk_lemmatizer(lemmatizer: Lemmatizer) -> Component | None:
    """A function doing what a rule-mode ``lemmatizer`` (that does not overwrite) does to a Doc: each
    token without a lemma gets the lemmatizer's answer for its form, part of speech and morphology,
    asked once per distinct triple."""
    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return None
    strings = lemmatizer.vocab.strings
    known: dict[tuple[int, int, int], int] = {}

    def apply(doc: Doc) -> Doc:
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = array.tolist()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                if len(known) >= _REMEMBERED:
                    known.clear()
                value = strings.add(lemmatizer.lemmatize(doc[i])[0])
                known[key] = value
            array[i, 3] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], cast(Any, numpy.ascontiguousarray(array[:, 3:4])))
        return doc

    return apply


def _rules(patterns: Sequence[Mapping[str, Any]]) -> list[_Rule] | None:
    rules = []
    for order, entry in enumerate(patterns):
        if any(name not in (*_WRITTEN, "DEP") for name in entry["attrs"]):
            return None
        for sequence in entry["patterns"]:
            tests = [_compiled(token) for token in sequence]
            index = int(entry.get("index", 0))
            if not tests or not -len(tests) <= index < len(tests):
                return None
            if any(test is None for test in tests):
                return None
            rules.append(_Rule(order, tuple(t for t in tests if t is not None), index, dict(entry["attrs"])))
    return rules


def _compiled(token: Any) -> tuple[_Test, ...] | None:
    """One token's pattern as tests, or ``None`` if it uses anything beyond plain values, ``IN``,
    ``NOT_IN`` and ``REGEX`` on the attributes in :data:`_TESTED`."""
    if not isinstance(token, Mapping):
        return None
    tests: list[_Test] = []
    for name, wanted in token.items():
        if name not in _TESTED:
            return None
        if isinstance(wanted, str | bool | int):
            tests.append((name, "==", wanted))
        elif isinstance(wanted, Mapping) and all(key in ("IN", "NOT_IN", "REGEX") for key in wanted):
            if "IN" in wanted:
                tests.append((name, "in", frozenset(wanted["IN"])))
            if "NOT_IN" in wanted:
                tests.append((name, "not in", frozenset(wanted["NOT_IN"])))
            if "REGEX" in wanted:
                tests.append((name, "regex", re.compile(wanted["REGEX"])))
        else:
            return None
    return tuple(tests)


def _passes(tests: tuple[_Test, ...], values: Mapping[str, Any]) -> bool:
    """Whether a token with these attribute values passes every test, as spaCy's Matcher decides."""
    for name, op, wanted in tests:
        value = values[name]
        if op == "==":
            if value != wanted:
                return False
        elif op == "in":
            if value not in wanted:
                return False
        elif op == "not in":
            if value in wanted:
                return False
        elif not (isinstance(value, str) and wanted.search(value)):
            return False
    return True


def _by_tag(rules: list[_Rule]) -> dict[str | None, list[_Rule]]:
    """Single-token rules filed under the tags they require (``None``: rules that take any tag)."""
    filed: dict[str | None, list[_Rule]] = {}
    for rule in rules:
        tags: Iterable[str | None] = [None]
        for name, op, wanted in rule.tests[0]:
            if name == "TAG" and op == "==":
                tags = [wanted]
            elif name == "TAG" and op == "in":
                tags = wanted
        for tag in tags:
            filed.setdefault(tag, []).append(rule)
    return filed


def _order(rule: _Rule) -> int:
    return rule.order


def _values(key: tuple[int, ...], strings: Any) -> dict[str, Any]:
    """A token's tested attributes, from its row of ``TAG, LOWER, DEP, IS_SPACE``."""
    return {
        "TAG": strings[key[0]],
        "LOWER": strings[key[1]],
        "DEP": strings[key[2]],
        "IS_SPACE": bool(key[3]),
    }


def _sequence_passes(rule: _Rule, keys: list[tuple[int, ...]], start: int, strings: Any) -> bool:
    if start + len(rule.tests) > len(keys):
        return False
    return all(
        _passes(tests, _values(keys[start + offset], strings))
        for offset, tests in enumerate(rule.tests[1:], start=1)
    )


def _resolved(rules: Sequence[_Rule], vocab: Any) -> _Values:
    """What ``rules``, applied in order, leave written on a token."""
    if not rules:
        return _NOTHING
    values: list[Any] = list(_NOTHING)
    for rule in rules:
        for name, value in rule.attrs.items():
            if name == "TAG":
                values[0] = vocab.strings.add(value)
            elif name == "POS":
                values[1] = IDS[value]
            elif name == "MORPH":
                values[2] = vocab.morphology.add(value)
            elif name == "LEMMA":
                values[3] = vocab.strings.add(value)
            else:  # DEP, the only other attribute :func:`_rules` lets through
                values[4] = value
    return (values[0], values[1], values[2], values[3], values[4])


def _write(doc: Doc, resolved: list[_Values]) -> None:
    """The written values into the Doc: the array ones at once, dependency labels token by token."""
    rows = doc.to_array([TAG, POS, MORPH, LEMMA]).tolist()
    labels = []
    for i, values in enumerate(resolved):
        if values is _NOTHING:
            continue
        row = rows[i]
        for column in range(4):
            if values[column] is not None:
                row[column] = values[column]
        if values[4] is not None:
            labels.append((i, values[4]))
    doc.from_array([TAG, POS, MORPH, LEMMA], cast(Any, numpy.array(rows, dtype="uint64")))
    for i, label in labels:
        doc[i].dep_ = label
