"""The site's search backend: Wagtail's PostgreSQL backend (modelsearch), made for bulk writes.

Wagtail's `ObjectIndexer` reads each search field of an object five times (for the
title, body and autocomplete vectors and the two plain-text copies), and a
RelatedFields field runs its query each time. Indexing an archive of 100,000
articles spent a third of its time there. This backend reads every field once per
object, writes a batch of index rows with one INSERT whose vectors PostgreSQL
builds from plain text parameters, and updates the title norms of those rows only.
"""

from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,  # the index table of whichever app provides it (wagtail.search here)
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk


class NewsroomIndexer(ObjectIndexer):
    """An ObjectIndexer that extracts an object's searchable text once."""

    @cached_property
    def prepared(self):
        return [
            prepared
            for field in self.search_fields
            for prepared in self.prepare_field(self.obj, field)
        ]

    def texts(self, *, title, autocomplete=False):
        """(text, weight) pairs of the search fields that are (or are not) the title."""
        pairs = []
        for field, weight, text in self.prepared:
            if autocomplete:
                wanted = isinstance(field, AutocompleteField)
            else:
                wanted = isinstance(field, SearchField) and (field.field_name == "title") == title
            text = text.strip()
            if wanted and text:
                pairs.append((text, weight))
        return pairs

    @cached_property
    def title_texts(self):
        return self.texts(title=True)

    @cached_property
    def body_texts(self):
        return self.texts(title=False)

    @cached_property
    def autocomplete_texts(self):
        return self.texts(title=False, autocomplete=True)

    @cached_property
    def title_text(self):
        return " ".join(text for text, _weight in self.title_texts)

    @cached_property
    def body_text(self):
        return " ".join(text for text, _weight in self.body_texts)


class NewsroomIndex(PostgresIndex):
    indexer_class = NewsroomIndexer

    def vector_sql(self, texts, config):
        """SQL and parameters for a weighted tsvector of `texts` (config None: the server's)."""
        if not texts:
            return "''::tsvector", []
        if config is None:
            one, params = "setweight(to_tsvector(%s), %s)", [v for pair in texts for v in pair]
        else:
            one = "setweight(to_tsvector(%s::regconfig, %s), %s)"
            params = [value for text, weight in texts for value in (config, text, weight)]
        return " || ".join([one] * len(texts)), params

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        config = self.backend.config
        autocomplete_config = self.backend.autocomplete_config
        rows, params = [], []
        for indexer in indexers:
            title_sql, title_params = self.vector_sql(indexer.title_texts, config)
            body_sql, body_params = self.vector_sql(indexer.body_texts, config)
            autocomplete_sql, autocomplete_params = self.vector_sql(
                indexer.autocomplete_texts, autocomplete_config
            )
            rows.append(f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)")
            params += [content_type_pk, indexer.id, *title_params, *autocomplete_params]
            params += [*body_params, indexer.title_text, indexer.body_text]
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm,
                     title_text, body_text)
                VALUES {", ".join(rows)}
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
            # Wagtail's _refresh_title_norms scans the whole index for rows still at
            # 1.0 after every write; the rows just written are known.
            cursor.execute(
                f"""
                UPDATE {IndexEntry._meta.db_table}
                SET title_norm = (
                    SELECT AVG(LENGTH(title)) FROM {IndexEntry._meta.db_table}
                    WHERE LENGTH(title) > 0
                ) / LENGTH(title)
                WHERE content_type_id = %s AND object_id = ANY(%s) AND LENGTH(title) > 0
                """,
                [content_type_pk, [indexer.id for indexer in indexers]],
            )


class NewsroomSearchBackend(PostgresSearchBackend):
    index_class = NewsroomIndex


SearchBackend = NewsroomSearchBackend
