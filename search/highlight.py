"""Search result excerpts with the words the query matched wrapped in <mark>.

Matching uses the search's own analysis, so a result shows why it was found:
the query 조성했다 (stem 조성) marks 조성 in "조성한다고", and 대전 marks 대전시 in
"대전시가" (its terms 대전 전시 contain the query's 대전). A text word matches when
its terms contain a query word's terms as a contiguous run, as the phrase query
in the index does. Only the word's content is marked, not its particle
(`<mark>대전시</mark>가`).

Everything is plain text until the end, where each piece is escaped on its own:
article text can hold `<`, `&` and quotes, and none of it may become markup.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.rich_text import get_text_for_indexing

from .dictionary import current_query_builder

EXCERPT_LENGTH = 150
CONTEXT_BEFORE = 40  # characters shown before the first match, so it reads in context
MAX_TEXT_LENGTH = 20_000  # characters of an article looked at; enough for any news story
CHUNK_LENGTH = 200  # characters analysed at a time, cut at a space
MAX_CHUNKS_TRIED = 6  # analysed in search of a first match before the lead's opening is shown


def article_text(article):
    """The article's lead and body as plain-text segments, from the stored body (no queries).

    The body's raw data is read rather than its blocks, which would load each
    article's photos one article at a time.
    """
    segments = [article.lead]
    for block in article.body.raw_data:
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph" and isinstance(value, str):
            segments.append(get_text_for_indexing(value))
        elif kind == "subheading" and isinstance(value, str):
            segments.append(value)
        elif kind == "quote" and isinstance(value, dict):
            segments.append(value.get("text") or "")
    return segments


class Highlighter:
    """Marks the words of a text that match a query."""

    def __init__(self, query):
        builder = current_query_builder()
        self.analyzer = builder.analyzer
        needles = set()
        for terms, alternatives in builder.query_words(query):
            needles.add(tuple(terms))
            # Editors' synonyms find articles too; show them as matches.
            for alternative in alternatives:
                needles.update(tuple(stem_terms) for stem_terms in alternative if stem_terms)
        self.needles = sorted(needles, key=len)
        probes = [_probe(needle) for needle in self.needles]
        self.probe = None if None in probes else re.compile("|".join(probes))

    def __bool__(self):
        return bool(self.needles)

    def matches(self, text):
        """(start, end) of each matching word's content in `text`."""
        if not self.needles or not text:
            return []
        spans = []
        for word in self.analyzer.words(text):
            terms = self.analyzer.terms(word.stem)
            if any(_contains(terms, needle) for needle in self.needles):
                spans.append((word.start, word.end))
        return spans

    def may_match(self, text):
        """False when `text` surely has no match: none of the query's words can start in it."""
        if self.probe is None:
            return True
        return bool(self.probe.search(unicodedata.normalize("NFKC", text).casefold()))

    def highlight(self, text):
        """The whole text, escaped, with its matching words marked (for titles)."""
        text = _clean(text)
        return _render(text, self.matches(text), 0, len(text))

    def excerpt(self, segments, length=EXCERPT_LENGTH):
        """About `length` characters around the first match, or from the start without one.

        The analyser (mecab) costs about 1 ms per 100 characters, so a result list
        cannot analyse whole articles: the text is cut at spaces into chunks, and
        only chunks that may hold a match are analysed until one does, then those
        the excerpt shows.
        """
        text, chunks = _chunked(segments)
        if not text:
            return ""
        found = {}  # chunk index → its matches, in `text` coordinates

        def matches_in(index):
            if index not in found:
                start, end = chunks[index]
                found[index] = [(s + start, e + start) for s, e in self.matches(text[start:end])]
            return found[index]

        first, tried = None, 0
        for index, (start, end) in enumerate(chunks):
            if tried >= MAX_CHUNKS_TRIED:
                break
            if self.may_match(text[start:end]):
                tried += 1
                if matches_in(index):
                    first = matches_in(index)[0]
                    break
        start, end = _window(text, first, length)
        spans = []
        for index, (chunk_start, chunk_end) in enumerate(chunks):
            overlaps = chunk_start < end and chunk_end > start
            if overlaps and (index in found or self.may_match(text[chunk_start:chunk_end])):
                spans.extend(
                    (max(s, start), min(e, end))
                    for s, e in matches_in(index)
                    if s < end and e > start
                )
        return _render(text, spans, start, end)


def _probe(needle):
    """A pattern that any text word matching `needle` contains as written; None if unsure.

    Inflection changes a Hangul stem's written form (밝히 → 밝혔, 흐르 → 흘러, 돕 → 도와,
    하 → 해), but never the first consonant and vowel of a longer stem's first
    syllable, nor, in a stem of three or more syllables, of its second (게으르 →
    게을러). A one-syllable stem can change its vowel, so it has no safe pattern.
    Letters, digits and Han characters are never changed.
    """
    first = needle[0]
    if not _is_bigram_text(first):
        return re.escape(first)
    if len(first) < 2:
        return None
    syllables = first if len(needle) >= 2 else first[0]
    return "".join(_same_onset_and_vowel(char) for char in syllables)


def _same_onset_and_vowel(char):
    """A character class of the Hangul syllables sharing `char`'s first consonant and vowel."""
    code = ord(char)
    if 0xAC00 <= code <= 0xD7A3:
        base = code - (code - 0xAC00) % 28
        return f"[{chr(base)}-{chr(base + 27)}]"
    return re.escape(char)


def _is_bigram_text(term):
    """Hangul or Han (terms made of bigrams), as opposed to runs of letters and digits."""
    code = ord(term[0])
    return (
        0xAC00 <= code <= 0xD7A3
        or 0x1100 <= code <= 0x11FF
        or 0x3130 <= code <= 0x318F
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
    )


def _chunked(segments):
    """The segments as one text, and (start, end) chunks of it cut at spaces."""
    parts, chunks, position = [], [], 0
    for segment in segments:
        segment = _clean(segment or "")
        if not segment:
            continue
        if position >= MAX_TEXT_LENGTH:
            break
        segment = segment[: MAX_TEXT_LENGTH - position]
        start = 0
        while start < len(segment):
            end = len(segment)
            if end - start > CHUNK_LENGTH:
                cut = segment.rfind(" ", start + CHUNK_LENGTH // 2, start + CHUNK_LENGTH)
                end = cut if cut != -1 else start + CHUNK_LENGTH
            chunks.append((position + start, position + end))
            start = end + 1 if end < len(segment) and segment[end] == " " else end
        parts.append(segment)
        position += len(segment) + 1
    return " ".join(parts), chunks


def _clean(text):
    """NFC (the analyser's offsets are into NFC text) with whitespace runs made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _contains(terms, needle):
    size = len(needle)
    return any(tuple(terms[i : i + size]) == needle for i in range(len(terms) - size + 1))


def _window(text, first_match, length):
    """(start, end) of the excerpt: from a word boundary a little before the first match."""
    if len(text) <= length:
        return 0, len(text)
    if first_match is None:
        start = 0
        match_start = match_end = 0
    else:
        match_start, match_end = first_match
        start = max(0, match_start - CONTEXT_BEFORE)
        if start + length > len(text):
            start = max(0, len(text) - length)
        if start > 0:
            space = text.find(" ", start - 1, match_start)
            if space != -1:
                start = space + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", max(match_end, start + length // 2), end + 1)
        if space != -1:
            end = space
    return start, end


def _render(text, spans, start, end):
    """Escaped text[start:end] with `spans` in <mark>, and … where text was cut."""
    pieces = ["…" if start > 0 else ""]
    position = start
    for span_start, span_end in sorted(set(spans)):
        if span_start < position or span_end <= span_start:
            continue  # overlapping or empty after clipping
        pieces.append(escape(text[position:span_start]))
        pieces.append("<mark>" + escape(text[span_start:span_end]) + "</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))
