"""The site's search backend: Wagtail's PostgreSQL backend (modelsearch) with Korean analysis.

Text is analysed in Python by search.analysis and stored as ready-made tsvectors
(with a GIN index on them, from Wagtail's own IndexEntry table); queries go
through the same analysis into tsqueries. Every Wagtail search API goes
through here: page search, the admin's search, the API's `?search=`,
autocomplete and search promotions.

Besides analysis, three things differ from Wagtail's backend:
- each object's search fields are read once, not five times (a RelatedFields
  field ran its query each time), and no title norms are kept: an archive
  import spent a third of its time there;
- field weights come from fixed boost levels (WEIGHT_FOR_BOOST; a title is A),
  not from all boosts in the project, so another app's model cannot shift ours;
- ranking is ts_rank_cd (proximity-aware) times a recency decay with a floor
  (settings SEARCH_RECENCY_HALF_LIFE_DAYS and SEARCH_RECENCY_FLOOR) for pages,
  over the newest SEARCH_RANK_CANDIDATES matches, the rest following newest first
  (a common word matches tens of thousands of articles, and ranking reads each
  one's body vector); counts are of all matches;
- a published page's vectors also hold its month and year (`'@2026-11'`,
  `'@2026'`, never made by the analysis), so the newest matches of a common word
  are read from the GIN index a window at a time (two months, half a year, a
  year, three) instead of sorting all of its tens of thousands of matches by date.
"""

import atexit
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, FloatField, Func, IntegerField, Max, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Greatest, Now, Power
from django.utils import timezone
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,  # the index table of whichever app provides it (wagtail.search here)
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
    PostgresSearchResults,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from .analysis import analyse_documents
from .dictionary import current_analyzer, current_query_builder

# Boost → tsvector weight. ts_rank_cd's weights for D, C, B, A are RANK_WEIGHTS.
WEIGHT_FOR_BOOST = ((10, "A"), (5, "B"), (2, "C"), (0, "D"))
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
RANK_NORMALIZATION = 1 | 32  # divide by 1 + log(length), then rank/(rank+1)


def weight_for_boost(boost):
    for minimum, weight in WEIGHT_FOR_BOOST:
        if (boost or 0) >= minimum:
            return weight
    return "D"


class NewsroomIndexer(ObjectIndexer):
    """Extracts an object's searchable text once and analyses it into tsvector text."""

    @cached_property
    def prepared(self):
        prepared = []
        for search_field in self.search_fields:
            for field, _weight, text in self.prepare_field(self.obj, search_field):
                if text.strip():
                    is_title = getattr(field, "field_name", None) == "title"
                    weight = "A" if is_title else weight_for_boost(getattr(field, "boost", None))
                    prepared.append((field, weight, text.strip()))
        return prepared

    def texts(self, *, title=False, autocomplete=False):
        """(text, weight) pairs of the title fields, the other fields, or the autocomplete ones."""
        pairs = []
        for field, weight, text in self.prepared:
            if autocomplete:
                wanted = isinstance(field, AutocompleteField)
            else:
                wanted = isinstance(field, SearchField) and (field.field_name == "title") == title
            if wanted:
                pairs.append((text, weight))
        return pairs

    @cached_property
    def document(self):
        """The (text, weight) lists analyse_documents turns into title, body and autocomplete."""
        autocomplete = [(text, "D") for text, _weight in self.texts(autocomplete=True)]
        return (self.texts(title=True), self.texts(), autocomplete)

    @cached_property
    def title_text(self):
        return " ".join(text for text, _weight in self.texts(title=True))

    @cached_property
    def body_text(self):
        return " ".join(text for text, _weight in self.texts())


class NewsroomIndex(PostgresIndex):
    """Wagtail's index table, written with analysed text.

    The title norms Wagtail keeps are left at 1.0: the ranking here does not use
    them, and updating them after each write rewrote every new row and its GIN
    entries a second time.
    """

    pipelined = False  # set by NewsroomRebuilder while update_index runs
    _pending = None

    def _refresh_title_norms(self, full=False):
        pass

    def add_items(self, model, objs):
        pending = self.analyse(model, objs)
        if not self.pipelined:
            self.add_analysed(pending)
            return
        # update_index: this chunk is analysed in the worker processes while the
        # previous one is written and the next one read (NewsroomRebuilder.finish
        # writes the last).
        self.flush()
        self._pending = pending

    def flush(self):
        pending, self._pending = self._pending, None
        if pending is not None:
            self.add_analysed(pending)

    def analyse(self, model, objs):
        """Start analysing `objs`; add_analysed() writes the result.

        A large batch is analysed by a pool of processes, one per core, while the
        caller goes on (the archive import writes its other rows meanwhile).
        """
        if not model.get_search_fields():
            return model, [], lambda: []
        indexers = [NewsroomIndexer(obj, self.backend) for obj in objs]
        documents = [indexer.document for indexer in indexers]
        user_words = current_analyzer().user_word_list
        if len(documents) < PARALLEL_MINIMUM:
            vectors = analyse_documents(user_words, documents)
            return model, indexers, lambda: vectors
        size = -(-len(documents) // WORKERS)
        futures = [
            analysis_pool().submit(analyse_documents, user_words, documents[i : i + size])
            for i in range(0, len(documents), size)
        ]
        return model, indexers, lambda: [v for future in futures for v in future.result()]

    def add_analysed(self, pending):
        model, indexers, vectors = pending
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        params = []
        for indexer, (title, body, autocomplete) in zip(indexers, vectors(), strict=True):
            dates = date_terms(indexer.obj)
            params += [content_type_pk, indexer.id, title + dates, autocomplete + dates]
            params += [body + dates]
            params += [indexer.title_text, indexer.body_text]
        rows = ", ".join(
            ["(%s, %s, %s::tsvector, %s::tsvector, %s::tsvector, 1.0, %s, %s)"] * len(indexers)
        )
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                     title_norm, title_text, body_text)
                VALUES {rows}
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                params,
            )


def date_terms(obj):
    """` '@2026-11' '@2026'`: the month and year a page was first published (KST), as lexemes."""
    published = getattr(obj, "first_published_at", None)
    if published is None:
        return ""
    local = timezone.localtime(published)
    return f" '@{local:%Y-%m}' '@{local:%Y}'"


def recent_windows(newest):
    """(months, tsquery text) for ever wider windows back from the month of `newest` (KST).

    The months a window surely covers, and the date lexemes of its months or
    years; each also takes the month or year after, where newer articles are.
    """
    local = timezone.localtime(newest)
    month = local.year * 12 + local.month - 1

    def months(back):
        return [f"@{m // 12:04d}-{m % 12 + 1:02d}" for m in range(month + 1, month - back, -1)]

    def years(back):
        return [f"@{y:04d}" for y in range(local.year + 1, local.year - back, -1)]

    for span, lexemes in ((2, months(2)), (6, months(6)), (12, months(12)), (24, years(3))):
        yield span, " | ".join(f"'{lexeme}'" for lexeme in lexemes)


WORKERS = os.cpu_count() or 1
PARALLEL_MINIMUM = 64  # fewer objects are analysed in the process itself
_pool = None


def analysis_pool():
    """Worker processes for analysis, started on first use (never in a web request's path)."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"))
        atexit.register(_pool.shutdown)
    return _pool


def start_adding(model, objs):
    """Begin indexing `objs` in every auto-updated backend; call the result to finish."""
    pending = []
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(model)
        if isinstance(index, NewsroomIndex):
            analysed = index.analyse(model, objs)
            pending.append(lambda index=index, analysed=analysed: index.add_analysed(analysed))
        else:
            pending.append(lambda backend=backend: backend.add_bulk(model, objs))
    return lambda: [finish() for finish in pending]


class PipelinedRebuild:
    """update_index with analysis overlapped with reading and writing (NewsroomIndex.add_items)."""

    def start(self):
        index = super().start()
        index.pipelined = True
        return index

    def finish(self):
        try:
            self.index.flush()
        finally:
            self.index.pipelined = False
        super().finish()


class NewsroomRebuilder(PipelinedRebuild, PostgresSearchRebuilder):
    pass


class NewsroomAtomicRebuilder(PipelinedRebuild, PostgresSearchAtomicRebuilder):
    """The default (ATOMIC_REBUILD): readers keep the old index until the new one is done."""


class TSQuery(SearchQuery):
    """A tsquery given as text (no parser or dictionary in between): `'세종' <-> '종시'`."""

    def __init__(self, text, *, invert=False):
        super().__init__(Value(text), invert=invert)
        self.text = text

    def as_sql(self, compiler, connection, function=None, template=None):
        sql = "%s::tsquery"
        if self.invert:
            sql = f"!!({sql})"
        return sql, [self.text]


class KoreanQueryMixin:
    """Turns Wagtail's query objects into tsqueries through the Korean analysis."""

    LAST_TERM_IS_PREFIX = False
    total = None  # how many match, once count() has run (a results page counts first)

    @cached_property
    def query_builder(self):
        return current_query_builder()

    def tsquery_text(self, query):
        """A reader's words as tsquery text ('' when only particles or punctuation)."""
        return (
            self.query_builder.tsquery(
                query.query_string,
                prefix=self.LAST_TERM_IS_PREFIX,
                operator="|" if getattr(query, "operator", "and") == "or" else "&",
            )
            or ""
        )

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase):
            # No searchable word: an empty tsquery matches nothing, without an error.
            return TSQuery(self.tsquery_text(query), invert=invert)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, PlainText | Phrase):
            rank = SearchRank(
                vector,
                self.build_tsquery(query, config=config),
                weights=RANK_WEIGHTS,
                cover_density=True,
                normalization=Value(RANK_NORMALIZATION),
            )
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_search_vectors(self, search_query):
        # Always the analysed index columns: Wagtail's per-field vectors would run
        # PostgreSQL's own parser on the raw text, which knows no Korean.
        vectors = self.get_index_vectors(search_query)
        if self.fields is not None and set(self.fields) == {"title"}:
            vectors = vectors[:1]
        return vectors

    def is_korean_query(self):
        return isinstance(self.query, PlainText | Phrase | And | Or | Not) and not (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        )

    def matching(self, config):
        """The queryset filtered to matches, and the index vectors to rank them on."""
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        # `title @@ q OR body @@ q` lets PostgreSQL use each column's GIN index;
        # Wagtail's `(title || body) @@ q` makes it read every index row.
        matches = Q()
        for vector, _boost in vectors:
            matches |= Q(**{vector.name: search_query})
        return self.queryset.filter(matches), vectors

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self.is_korean_query():
            return super().search(config, start, stop, score_field, backend)
        queryset, vectors = self.matching(config)
        if self.order_by_relevance and issubclass(self.queryset.model, Page) and stop is not None:
            # Ranking reads each match's whole body vector, and a common word matches
            # most of the archive. The newest RANK_CANDIDATES matches are ranked; the
            # pages after them list the rest, newest first, so every match is reachable.
            limit = settings.SEARCH_RANK_CANDIDATES
            by_date = queryset.order_by(*NEWEST_FIRST)
            if (start or 0) >= limit:
                if score_field is not None:
                    by_date = by_date.annotate(**{score_field: Value(0.0)})
                return by_date[start:stop]
            newest = None
            if self.total is None or self.total > limit:  # few matches: one query
                newest = self.newest_matches(vectors, limit)
            if newest is None:
                queryset = self.queryset.filter(pk__in=by_date.values("pk")[:limit])
            else:
                # As a set to join (unnest), not a list of values: PostgreSQL then
                # looks each page up by its key instead of scanning them all.
                queryset = self.queryset.filter(
                    pk__in=RawSQL("SELECT unnest(%s::integer[])", [newest])
                )
            stop = min(stop, limit)
        return self._apply_ordering_and_scoring(
            queryset,
            self._build_rank_expression(vectors, config),
            start,
            stop,
            score_field,
        )

    def newest_matches(self, vectors, limit):
        """The pks of the newest `limit` matches (fewer when there are fewer), or None.

        A common word matches a large part of the archive, and finding its newest
        matches by date means reading and sorting all of them. Its matches of the
        last months are few, and the GIN index finds them alone when the window's
        date lexemes are part of the tsquery. The first window (the newest
        article's month and the one before) tells how far back `limit` matches
        go; wider windows are tried only when they promise enough, then the
        whole archive. None for queries other than a reader's words (Wagtail's
        And/Or/Not) and for an archive without dates.
        """
        if not isinstance(self.query, PlainText | Phrase):
            return None
        text = self.tsquery_text(self.query)
        if not text:
            return []
        content_types = get_descendants_content_types_pks(self.queryset.model)
        # On wagtailcore_page alone, so PostgreSQL reads its date index backwards.
        newest_date = Page.objects.filter(content_type_id__in=content_types).aggregate(
            newest=Max("first_published_at")
        )["newest"]
        if newest_date is None:
            return None
        entries = IndexEntry._default_manager.filter(content_type_id__in=content_types)
        fields = [vector.name.removeprefix("index_entries__") for vector, _boost in vectors]

        def newest(tsquery):
            matches = entries.filter(Q.create([(field, tsquery) for field in fields], Q.OR))
            # The entries' ids as integers, so PostgreSQL looks each page up by its key.
            pks = matches.values(pk=Cast("object_id", IntegerField()))
            by_date = self.queryset.filter(pk__in=pks).order_by(*NEWEST_FIRST)
            return list(by_date.values_list("pk", flat=True)[:limit])

        needed = 0  # months that should hold `limit` matches, by what a window held
        for span, window in recent_windows(newest_date):
            if span < needed:
                continue
            found = newest(TSQuery(f"({text}) & ({window})"))
            if len(found) >= limit:
                return found
            # None found says nothing of how rare the word is: try the next window.
            needed = span * limit / len(found) if found else 0
        return newest(TSQuery(text))

    def count(self, config, start, stop):
        """How many match (all of them, not just the ranked candidates)."""
        total = self.total = self.matching(config)[0].count()
        end = total if stop is None else min(total, stop)
        return max(0, end - (start or 0))

    def _build_rank_expression(self, vectors, config):
        rank = super()._build_rank_expression(vectors, config)
        if issubclass(self.queryset.model, Page):
            rank = rank * recency()
        return rank


NEWEST_FIRST = (F("first_published_at").desc(nulls_last=True), "-pk")


def recency():
    """1 for a page published now, halving every half-life, never below the floor."""
    age_days = Func(
        Now() - Coalesce(F("first_published_at"), Now()),
        function="EXTRACT",
        template="EXTRACT(EPOCH FROM %(expressions)s) / 86400.0",
        output_field=FloatField(),
    )
    half_life = float(settings.SEARCH_RECENCY_HALF_LIFE_DAYS)
    return Greatest(
        Power(Value(0.5), age_days / Value(half_life)),
        Value(float(settings.SEARCH_RECENCY_FLOOR)),
        output_field=FloatField(),
    )


class KoreanSearchQueryCompiler(KoreanQueryMixin, PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        # Without Wagtail's title_norm: it is fixed when a row is written, from the
        # average title length then, so of two equal stories the older could win.
        return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]


class KoreanAutocompleteQueryCompiler(KoreanQueryMixin, PostgresAutocompleteQueryCompiler):
    LAST_TERM_IS_PREFIX = True


class NewsroomSearchResults(PostgresSearchResults):
    def _do_count(self):
        compiler = self.query_compiler
        if isinstance(compiler, KoreanQueryMixin) and compiler.is_korean_query():
            config = compiler.get_config(self.backend)
            return compiler.count(config, self.start, self.stop)
        return super()._do_count()


class NewsroomSearchBackend(PostgresSearchBackend):
    query_compiler_class = KoreanSearchQueryCompiler
    autocomplete_query_compiler_class = KoreanAutocompleteQueryCompiler
    index_class = NewsroomIndex
    results_class = NewsroomSearchResults
    rebuilder_class = NewsroomRebuilder
    atomic_rebuilder_class = NewsroomAtomicRebuilder


SearchBackend = NewsroomSearchBackend
