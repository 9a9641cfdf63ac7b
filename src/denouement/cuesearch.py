"""Cue search: running many fixed patterns over many short texts without trying each one on each text.

Most sentences hold none of the cues, and a case-insensitive pattern gets none of the regex engine's
shortcuts for a literal start: trying every cue on every sentence is a full regex scan per cue. So each
pattern is read once for literal strings one of which every match must contain ("dream" or "nightmare"
in ``\bin (?:a|the) (?:dream|nightmare)\b``), its *needles*. Every needle read is numbered in one
index, and a text's lower-cased form is scanned once for all of them; a pattern none of whose needles the
text holds is passed over without being run. Only the answer "cannot match" is taken from this test, so
results are those of the patterns themselves.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["CueList", "cue_list", "folded_text", "may_search", "prepare_search"]

try:
    _PARSER: Any = importlib.import_module("re._parser")  # the parser behind re.compile (Python ≥ 3.11)
    _OPS: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python: every pattern is simply run
    _PARSER = _OPS = None

#: Letters outside ASCII that a case-insensitive pattern matches to an ASCII letter ("ſ" to "s", the
#: Kelvin sign to "k"; found by trying every code point): lower-casing would hide them from the test.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
#: A run of literal alternatives ("(?:a|the) (?:dream|nightmare)") is spelt out up to this many strings.
_MAX_NEEDLES = 8
#: Needles this long are selective enough: beyond it, fewer needles are preferred to longer ones.
_ENOUGH_CHARS = 6
#: A group is read as a set of exact strings up to this many.
_MAX_SPELT = 256
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


#: Texts whose needles are remembered at once; past this many the memory starts again.
_MAX_REMEMBERED = 65536


def folded_text(text: str) -> str | None:
    """``text`` lower-cased for :func:`may_search`, or None when the quick test cannot be trusted."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def may_search(pattern: re.Pattern[str], folded: str | None) -> bool:
    """False only when ``pattern`` cannot match the text whose :func:`folded_text` is ``folded``.

    Meant for fixed patterns used again and again (a pattern is read once and remembered by identity).
    A pattern given to :func:`prepare_search`, tried on a text already scanned for every needle (by a
    :class:`CueList`), is answered from that scan; otherwise the text is searched for this pattern's
    needles alone, which is cheaper when few patterns are tried on it.
    """
    if folded is None:
        return True
    ids = _INDEX.ids_of(pattern)
    found = None if ids is None else _INDEX.found.get(folded)
    if ids is not None and found is not None:
        return not found.isdisjoint(ids)
    needles = _needle_pattern(pattern)
    return needles is None or needles.search(folded) is not None


def prepare_search(patterns: Iterable[re.Pattern[str]]) -> None:
    """Read ``patterns`` for the quick test now, and number their needles in the index that scans a
    text for every needle at once. Meant for fixed patterns, when a pipeline is built: a needle
    numbered later makes the index forget the texts it has scanned."""
    for pattern in patterns:
        _INDEX.add(pattern)
        _needle_pattern(pattern)


class _NeedleIndex:
    """Every needle read so far, numbered, in a trie; and, per text, the numbers of those it holds.

    A text is scanned once: a pattern of all needles, as a look-ahead, stops at each place where one
    begins, and the trie is walked from there to collect every needle that begins at that place.
    """

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.trie: dict[str, Any] = {}
        self.starts: re.Pattern[str] | None = None
        self.found: dict[str, frozenset[int]] = {}
        self.patterns: dict[int, tuple[re.Pattern[str], frozenset[int]]] = {}

    def add(self, pattern: re.Pattern[str]) -> None:
        """Number the needles of ``pattern`` (one with none known is left out)."""
        needles = _pattern_needles(pattern)
        if needles and id(pattern) not in self.patterns:
            self.patterns[id(pattern)] = (pattern, self.number(needles))

    def ids_of(self, pattern: re.Pattern[str]) -> frozenset[int] | None:
        """The numbers of the needles of ``pattern``, when it was added (None otherwise)."""
        entry = self.patterns.get(id(pattern))
        return entry[1] if entry is not None and entry[0] is pattern else None

    def number(self, needles: Collection[str]) -> frozenset[int]:
        """The numbers of ``needles``, numbering the new ones (which resets what texts were found to hold)."""
        new = [n for n in needles if n not in self.numbers]
        for needle in new:
            self.numbers[needle] = len(self.numbers)
            node = self.trie
            for char in needle:
                node = node.setdefault(char, {})
            node[""] = self.numbers[needle]
        if new:
            self.starts = None
            self.found.clear()
        return frozenset(self.numbers[n] for n in needles)

    def found_in(self, folded: str) -> frozenset[int]:
        """The numbers of the needles ``folded`` holds."""
        found = self.found.get(folded)
        if found is None:
            found = self._scan(folded)
            if len(self.found) >= _MAX_REMEMBERED:
                self.found.clear()
            self.found[folded] = found
        return found

    def _scan(self, folded: str) -> frozenset[int]:
        if self.starts is None:
            if not self.numbers:
                return frozenset()
            self.starts = re.compile("(?=" + _trie_source(self.numbers) + ")")
        trie = self.trie
        found: set[int] = set()
        for m in self.starts.finditer(folded):
            node = trie
            for char in folded[m.start() :]:
                node = node.get(char)  # type: ignore[assignment]
                if node is None:
                    break
                number = node.get("")
                if number is not None:
                    found.add(number)
        return frozenset(found)


_INDEX = _NeedleIndex()


@dataclass(frozen=True)
class CueList:
    """A list of patterns with the quick test prepared for the whole list and for each pattern.

    When every pattern was given to :func:`prepare_search` first, the test is a look-up in the text's
    scan for all needles; otherwise each pattern's own needles are searched for.
    """

    patterns: tuple[re.Pattern[str], ...]
    any_needle: frozenset[int] | None  # the numbered needles of all the patterns (None: not all known)
    needles: tuple[frozenset[int] | None, ...]  # each pattern's numbered needles

    def matches(self, text: str, folded: str | None) -> Iterator[re.Match[str]]:
        """The match of each pattern on ``text`` that has one, in the order of the patterns
        (``folded`` is :func:`folded_text` of ``text``)."""
        if self.any_needle is None:
            for pattern in self.patterns:
                m = pattern.search(text) if may_search(pattern, folded) else None
                if m:
                    yield m
            return
        found = None if folded is None else _INDEX.found_in(folded)
        if found is not None and found.isdisjoint(self.any_needle):
            return
        for pattern, needles in zip(self.patterns, self.needles, strict=True):
            if found is None or needles is None or not found.isdisjoint(needles):
                m = pattern.search(text)
                if m:
                    yield m


class _ByIdentity(Generic[_Key, _Value]):
    """A cache keyed by object identity, for the cue patterns and lists (fixed objects, made once):
    hashing a compiled pattern hashes its whole program, which would cost more than the quick test
    saves. Each entry holds its key, so an id is never reused while cached; at most ``limit`` entries."""

    def __init__(self, make: Callable[[_Key], _Value], limit: int = 1024) -> None:
        self.make = make
        self.limit = limit
        self.entries: dict[int, tuple[_Key, _Value]] = {}

    def __call__(self, key: _Key) -> _Value:
        entry = self.entries.get(id(key))
        if entry is not None and entry[0] is key:
            return entry[1]
        value = self.make(key)
        if len(self.entries) < self.limit:
            self.entries[id(key)] = (key, value)
        return value


def _prepare_cue_list(patterns: tuple[re.Pattern[str], ...]) -> CueList:
    """The :class:`CueList` of ``patterns``: the numbered needles of all, and each one's own."""
    each = tuple(_INDEX.ids_of(p) for p in patterns)
    known = bool(each) and all(ids is not None for ids in each)
    return CueList(patterns, frozenset().union(*each) if known else None, each)  # type: ignore[arg-type]


#: The :class:`CueList` of a tuple of patterns, prepared once per tuple (by identity). Give its
#: patterns to :func:`prepare_search` before asking for it.
cue_list = _ByIdentity(_prepare_cue_list)


def _prepare_needle_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A plain pattern that finds the needles of ``pattern`` in lower-cased text (None: none known)."""
    needles = _pattern_needles(pattern)
    return re.compile(_trie_source(needles)) if needles else None


_needle_pattern = _ByIdentity(_prepare_needle_pattern)


def _trie_source(needles: Collection[str]) -> str:
    """A pattern that finds any of ``needles``, its alternatives nested by common prefix
    ("d(?:ay|ream)"): the regex engine then tries one branch per character, not every needle."""
    trie: dict[str, Any] = {}
    for needle in needles:
        node = trie
        for char in needle:
            node = node.setdefault(char, {})
        node[""] = {}  # a needle ends here: any longer one through this node is found by it

    def source(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        branches = [re.escape(char) + source(node[char]) for char in sorted(node)]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return source(trie)


def _read_needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which (lower-cased) is in every match of ``pattern``, from its parse."""
    if _PARSER is None:  # pragma: no cover
        return None
    try:
        needles = _needed(_PARSER.parse(pattern.pattern, pattern.flags))
    except Exception:  # a construct this reading does not expect: always run the pattern
        return None
    return frozenset(needles) if needles else None


_pattern_needles = _ByIdentity(_read_needles)


def _needed(items: Any) -> set[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` contains (None: none known).

    Consecutive items that match only a few exact strings form one run whose strings are all spelt out
    ("in the" + "dream"); every run, and every group that must match, offers a set of needles, and the
    most selective set is kept.
    """
    options: list[set[str]] = []
    run = {""}  # the exact strings the current run of items can match
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None and len(run) * len(exact) <= _MAX_NEEDLES:
            run = {a + b for a in run for b in exact}
            continue
        options.append(run)
        run = exact if exact is not None else {""}
        if exact is None:
            options.append(_needed_inside(op, av) or set())
    options.append(run)
    useful = [option for option in options if option and "" not in option]
    return max(useful, key=_selectivity, default=None)


def _selectivity(needles: set[str]) -> tuple[int, int]:
    """How rarely a sentence holds one of ``needles``, roughly: by the shortest needle (spaces and
    punctuation aside, so "the " counts as the common word it is), then by how few there are."""
    shortest = min(len(n.strip(" ,.;:'-")) for n in needles)
    return min(shortest, _ENOUGH_CHARS), -len(needles)


def _needed_inside(op: Any, av: Any) -> set[str] | None:
    """:func:`_needed` of an item that must match but is not a few exact strings."""
    if op is _OPS.SUBPATTERN:
        return _needed(av[-1])
    if op is _OPS.BRANCH:
        alternatives = [_needed(seq) for seq in av[1]]
        return set().union(*alternatives) if all(alternatives) else None  # type: ignore[arg-type]
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT) and av[0] >= 1:
        return _needed(av[2])
    return None


def _exact(op: Any, av: Any) -> set[str] | None:
    """Every string (lower-cased) a parsed item can match, when that is a set of ASCII literals; a
    zero-width item (``\\b``, ``^``, a look-around) matches the empty string. None otherwise."""
    if op is _OPS.LITERAL:
        return {chr(av).lower()} if av < 0x80 else None
    if op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
        return {""}
    if op is _OPS.IN:  # a character class of ASCII characters only: "[?!]"
        literal = all(kind is _OPS.LITERAL and c < 0x80 for kind, c in av)
        return {chr(c).lower() for _, c in av} if literal else None
    if op is _OPS.SUBPATTERN:
        return _exact_sequence(av[-1])
    if op is _OPS.BRANCH:
        alternatives = [_exact_sequence(seq) for seq in av[1]]
        if any(a is None for a in alternatives):
            return None
        union: set[str] = set().union(*alternatives)  # type: ignore[arg-type]
        return union if len(union) <= _MAX_SPELT else None
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT) and av[1] <= 1:
        body = _exact_sequence(av[2])
        return None if body is None else body | {""} if av[0] == 0 else body
    return None


def _exact_sequence(items: Any) -> set[str] | None:
    """:func:`_exact` of a sequence: the strings of its items joined in order."""
    strings = {""}
    for op, av in items:
        exact = _exact(op, av)
        if exact is None or len(strings) * len(exact) > _MAX_SPELT:
            return None
        strings = {a + b for a in strings for b in exact}
    return strings
