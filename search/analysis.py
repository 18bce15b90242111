"""Korean text analysis for search: the same analysis at index time and at query time.

PostgreSQL's text search has no Korean morphology, so text is analysed here and
handed to PostgreSQL as ready-made tsvectors and tsqueries (design.md §3).

1. The text is normalised (NFKC, case-folded: `ＡＩ`, `AI` and `ai` are one term)
   and split into words at spaces and punctuation.
2. mecab-ko (the dictionary Lucene's nori uses) tags each word's morphemes, and
   the trailing particles and endings are dropped (`대전시는` → `대전시`,
   `조성했다` → `조성`); a verb keeps its dictionary stem (`밝혔다` → `밝히`).
   Words that editors list as user words are kept whole whatever mecab makes
   of them (`한밭대는` → `한밭대`).
3. Each stem becomes terms: Hangul and Han characters as overlapping bigrams
   (`정부세종청사` → 정부 부세 세종 종청 청사), Latin letters and digits as whole
   runs (`5g`, `19`). Compounds are found by their parts and as a whole, and
   unknown proper nouns stay distinct (`충남대` never matches `한남대`), as with
   Lucene's CJK bigram filter.
4. A Hangul or Han run is also indexed by every part of three to LONGEST_TERM
   characters, at the position of its first bigram (`대전산업단지` also gives
   대전산 … 산업단지 … 대전산업단지). A query word of that length is then one
   lexeme that the GIN index answers exactly; as the phrase of its bigrams
   (`충남<->남대`) it made PostgreSQL read every candidate's whole body vector
   to check positions, 40 µs each, 6,721 candidates for `전시장` at 100,000
   articles. Longer query words are the phrase of their LONGEST_TERM-character
   parts.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import mecab_ko

# Sejong tags (mecab-ko-dic). Particles, endings, the copula and verb-forming
# suffixes (조성+했다) end a stem; symbols split words.
FUNCTIONAL_TAGS = ("J", "E", "XSV", "XSA", "VCP", "VCN")
SYMBOL_TAGS = ("SF", "SE", "SSO", "SSC", "SC", "SY", "SO", "UNKNOWN")
MAX_POSITION = 16383  # PostgreSQL's limit for a position in a tsvector
MAX_TERM_LENGTH = 60  # longer runs (URLs, hashes) are cut; tsvector lexemes max 2 KB
MAX_QUERY_WORDS = 32
MAX_QUERY_LENGTH = 1000
LONGEST_TERM = 8  # characters: Hangul and Han parts indexed as lexemes of their own
_SPACES = re.compile(r"\s")


# Hangul syllables and jamo, and Han characters: scripts with no spaces inside words.
_BIGRAM_CHARS = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"([{_BIGRAM_CHARS}]+)|([^\\W_{_BIGRAM_CHARS}]+)")


@lru_cache(maxsize=100_000)
def stem_terms(stem):
    """Search terms of a stem: bigrams of Hangul and Han, whole runs of letters and digits."""
    terms = []
    for bigram_run, other_run in _RUNS.findall(stem):
        if len(bigram_run) > 1:
            terms.extend(bigram_run[i : i + 2] for i in range(len(bigram_run) - 1))
        else:
            terms.append((bigram_run or other_run)[:MAX_TERM_LENGTH])
    return tuple(terms)


def _runs(stem):
    """(run, is_bigram_run, width) of a stem: width is how many positions the run's terms take."""
    for bigram_run, other_run in _RUNS.findall(stem):
        if len(bigram_run) > 1:
            yield bigram_run, True, len(bigram_run) - 1
        else:
            yield (bigram_run or other_run)[:MAX_TERM_LENGTH], False, 1


@lru_cache(maxsize=100_000)
def stem_index_terms(stem):
    """(term, offset) pairs a stem is indexed by: its terms, and its runs' longer parts.

    The offset counts positions from the stem's first term; a part of three or more
    characters stands at the offset of its first bigram.
    """
    pairs = []
    offset = 0
    for run, is_bigram_run, width in _runs(stem):
        if is_bigram_run:
            pairs.extend((run[i : i + 2], offset + i) for i in range(width))
            for length in range(3, min(len(run), LONGEST_TERM) + 1):
                pairs.extend(
                    (run[i : i + length], offset + i) for i in range(len(run) - length + 1)
                )
        else:
            pairs.append((run, offset))
        offset += width
    return tuple(pairs)


def stem_tsquery(stem, prefix=False):
    """tsquery text for one stem: one lexeme per run where it can, runs at their distances."""
    parts = []  # (tsquery text, width)
    for run, is_bigram_run, width in _runs(stem):
        if is_bigram_run and len(run) > LONGEST_TERM:
            pieces = [run[i : i + LONGEST_TERM] for i in range(len(run) - LONGEST_TERM + 1)]
            parts.append(([_quote(piece) for piece in pieces], width))
        else:
            parts.append(([_quote(run)], width))
    if not parts:
        return None
    if prefix:
        parts[-1][0][-1] += ":*"
    text, distance = "", 0
    for lexemes, width in parts:
        chain = " <-> ".join(lexemes)
        text = chain if not text else f"{text} <{distance}> {chain}"
        distance = width - (len(lexemes) - 1)  # from the run's last lexeme to the next run
    return f"({text})" if "<" in text else text


@dataclass(frozen=True)
class Word:
    """A word's stem, and where the word's content stands in the original text."""

    stem: str
    start: int
    end: int


def _lemma(surface, features):
    """The content part of an inflected form: 밝혔 (밝히/VV+었/EP) → 밝히."""
    fields = features.split(",")
    if len(fields) < 8 or fields[4] not in ("Inflect", "Preanalysis") or fields[7] == "*":
        return surface
    parts = []
    for part in fields[7].split("+"):
        part_surface, tag = part.split("/")[:2]
        if tag.startswith(FUNCTIONAL_TAGS):
            break
        parts.append(part_surface)
    return "".join(parts) or surface


def normalise(text):
    """NFKC and case folding, mapped back to `text`.

    Returns the normalised text (all whitespace made plain spaces) and, for each
    of its characters, the index of the original character it came from.
    """
    text = unicodedata.normalize("NFC", text)
    folded = _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    if len(folded) == len(text):  # nearly always: Hangul and full-width forms map one to one
        return folded, range(len(text))
    out, origin = [], []
    for index, char in enumerate(text):
        one = unicodedata.normalize("NFKC", char).casefold() if not char.isspace() else " "
        out.append(one)
        origin.extend([index] * len(one))
    return "".join(out), origin


class KoreanAnalyzer:
    """Stems and search terms of Korean text; `user_words` are kept whole."""

    _tagger = None

    def __init__(self, user_words=()):
        self.user_words = {normalise(word)[0] for word in user_words if word.strip()}
        self.user_word_list = tuple(sorted(self.user_words))  # hashable, for worker processes
        self._user_word_lengths = sorted({len(word) for word in self.user_words}, reverse=True)

    @classmethod
    def tagger(cls):
        # One tagger per process, loaded before web workers fork (see config/wsgi.py).
        if cls._tagger is None:
            cls._tagger = mecab_ko.Tagger()
        return cls._tagger

    # Words and stems

    def words(self, text):
        """The words of `text` with particles and endings removed, in order."""
        if not text or not text.strip():
            return []
        normalised, origin = normalise(text)
        # mecab reads the whole text at once: a word is tagged better in its sentence.
        return [
            Word(stem, origin[start], origin[end - 1] + 1)
            for stem, start, end in self._stems(normalised)
        ]

    def _stems(self, text, offset=0):
        """(stem, start, end) of each word in normalised `text`, in one pass over mecab's output.

        A word ends at a space or a symbol (한밭대·목원대 and K-배터리 are two words
        each); its stem runs to its last morpheme that is not a particle or an
        ending, in dictionary form when inflected (밝혔다 → 밝히).
        """
        stems = []
        find = text.find
        position = 0
        parts = []  # surfaces of the current word's morphemes
        group_start = group_end = stem_end = -1
        stem_length = 0  # morphemes up to and including the last content one
        lemma = None
        previous_tag = ""

        def close_word():
            if lemma is not None:
                word = self._user_word_stem(text, group_start, group_end, offset)
                stems.append(
                    word
                    or (
                        "".join(parts[: stem_length - 1]) + lemma,
                        offset + group_start,
                        offset + stem_end,
                    )
                )

        for line in self.tagger().parse(text).split("\n"):
            surface, tab, features = line.partition("\t")
            if not tab:
                continue  # EOS
            start = find(surface, position)
            if start < 0:  # mecab does not change the text; guard against the impossible
                continue
            position = start + len(surface)
            tag = features[: features.find(",")].partition("+")[0]
            if tag in SYMBOL_TAGS or start != group_end:
                close_word()
                parts, lemma, stem_length, previous_tag = [], None, 0, ""
                group_start = start
                if tag in SYMBOL_TAGS:
                    group_end = -1
                    continue
            parts.append(surface)
            group_end = position
            # An ending right after a noun is mecab misreading a name (세종/NNP 시/EP).
            functional = tag.startswith(FUNCTIONAL_TAGS) and not (
                tag[0] == "E"
                and previous_tag[:1] in ("N", "S", "X")
                and not previous_tag.startswith(("XSV", "XSA"))
            )
            if not functional:
                stem_length, stem_end = len(parts), position
                # Dictionary form for verbs only: mecab also contracts nouns (를 = 의대+를).
                lemma = _lemma(surface, features) if tag[0] == "V" and "+" in features else surface
            previous_tag = tag
        close_word()
        return stems

    def _user_word_stem(self, text, start, end, offset):
        """A word that starts with a user word: 한밭대는 → 한밭대, 한밭대학교를 → 한밭대학교."""
        if not self.user_words:
            return None
        for length in self._user_word_lengths:
            if length <= end - start and text[start : start + length] in self.user_words:
                break
        else:
            return None
        after = start + length
        rest = self._stems(text[after:end], offset=offset + after)
        if rest and rest[0][1] == offset + after:
            tail, _tail_start, tail_end = rest[0]
            return text[start:after] + tail, offset + start, tail_end
        return text[start:after], offset + start, offset + after

    # Terms

    @staticmethod
    def terms(stem):
        return list(stem_terms(stem))

    def stems(self, text):
        """The stems of `text`'s words, in order (words() without the offsets)."""
        if not text or not text.strip():
            return []
        return [stem for stem, _start, _end in self._stems(normalise(text)[0])]


class QueryBuilder:
    """tsquery text for a reader's query, from the analyser's terms and editors' synonyms."""

    def __init__(self, analyzer, synonyms=None):
        self.analyzer = analyzer
        self.synonyms = synonyms or {}  # stem → alternatives, each a list of stems

    def query_stems(self, query):
        """Each searchable word of the query as its stem, with its synonyms (lists of stems)."""
        words = []
        for word in self.analyzer.words(query[:MAX_QUERY_LENGTH])[:MAX_QUERY_WORDS]:
            if stem_terms(word.stem):
                words.append((word.stem, self.synonyms.get(word.stem, ())))
        return words

    def query_words(self, query):
        """Each searchable word of the query as its term list, with its synonyms' term lists."""
        return [
            (
                list(stem_terms(stem)),
                [[list(stem_terms(one)) for one in stems] for stems in alternatives],
            )
            for stem, alternatives in self.query_stems(query)
        ]

    def tsquery(self, query, prefix=False, operator="&"):
        """The tsquery text, or None when the query has no searchable word."""
        words = self.query_stems(query)
        if not words:
            return None
        parts = []
        for index, (stem, alternatives) in enumerate(words):
            options = [stem_tsquery(stem, prefix=prefix and index == len(words) - 1)]
            for stems in alternatives:
                alternative = [stem_tsquery(one) for one in stems if stem_terms(one)]
                if alternative:
                    options.append(" & ".join(alternative))
            if len(options) == 1:
                parts.append(options[0])
            else:
                parts.append("(" + " | ".join(f"({option})" for option in options) + ")")
        return f" {operator} ".join(parts)


def _quote(term):
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(weighted_texts, analyzer):
    """tsvector text for (text, weight) pairs, positions running on across them.

    Positions count terms (a part of a run shares its first bigram's), with one
    gap between words, so a phrase never spans two, and two between texts.
    """
    positions = {}
    position = 1
    for text, weight in weighted_texts:
        for stem in analyzer.stems(text):
            width = 0
            for term, offset in stem_index_terms(stem):
                at = position + offset
                spot = f"{at if at < MAX_POSITION else MAX_POSITION}{weight}"
                spots = positions.get(term)
                if spots is None:
                    positions[term] = [spot]
                else:
                    spots.append(spot)
                width = max(width, offset + 1)
            position += width + 1
        position += 1
    return " ".join(f"{_quote(term)}:{','.join(spots)}" for term, spots in positions.items())


_analyzers = {}


def analyse_documents(user_words, documents):
    """tsvector texts for documents given as (title, body, autocomplete) (text, weight) lists.

    A plain function of its arguments, so a pool of worker processes can run it
    (search.backend spreads a large batch over the machine's cores).
    """
    analyzer = _analyzers.get(user_words)
    if analyzer is None:
        analyzer = _analyzers[user_words] = KoreanAnalyzer(user_words)
    return [tuple(tsvector(texts, analyzer) for texts in document) for document in documents]
