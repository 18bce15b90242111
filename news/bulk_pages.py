"""Add many new articles to Wagtail's page tree at once, for archive imports.

Creating pages one by one (add_child, save_revision, publish) costs about a
hundred queries an article; an archive of 100,000 would take hours. Wagtail
has no bulk API, so this module writes what those calls write, in a handful of
queries per batch: the tree rows (path, depth, numchild, url_path), the
article rows, byline and tag rows, one revision per article (so every article
opens in the editor), a log entry saying where it came from, the reference
index (image usage) and the search index. `manage.py fixtree` finds nothing
to fix afterwards; the tests check it.

Rows go in with PostgreSQL's COPY rather than bulk_create: on PostgreSQL,
Django's bulk_create sends each column as an array, and psycopg quotes every
element of an array in Python, which for JSON-heavy bodies and revisions cost a
fifth of an import's time. COPY's quoting is psycopg's C code.

Signals such as page_published are not sent: an import is not a publication.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Field
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME

from search.backend import start_adding

from .models import ArticlePage, ArticleReporter, ArticleTag

IMPORT_LOG_ACTION = "news.import"


def copy_rows(model, objs):
    """INSERT `objs` into `model`'s own table with COPY, as bulk_create would.

    Primary keys that are not set yet are drawn from the table's sequence first,
    so the objects know their ids afterwards, as they do after bulk_create.
    """
    meta = model._meta
    fields = meta.local_concrete_fields
    objs = list(objs)
    if not objs:
        return objs
    pk = meta.pk.attname  # for a Page table row of an ArticlePage, Page.id, not page_ptr_id
    without_pk = [obj for obj in objs if getattr(obj, pk) is None]
    for obj, value in zip(without_pk, next_ids(meta, len(without_pk)), strict=True):
        setattr(obj, pk, value)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    # Values psycopg adapts as they are skip Django's per-field preparation, a
    # tenth of an import's time; the rest (JSON, StreamField …) go through it.
    plain = [field.attname for field in fields if _is_plain(field)]
    prepared = [field for field in fields if not _is_plain(field)]
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                values = {name: getattr(obj, name) for name in plain}
                for field in prepared:
                    values[field.attname] = field.get_db_prep_save(
                        field.pre_save(obj, True), connection
                    )
                copy.write_row([values[field.attname] for field in fields])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs


PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "UUIDField",
}


def _is_plain(field):
    """A column whose Python value psycopg writes as it is (no auto_now, no encoder)."""
    target = field.target_field if field.is_relation else field
    return (
        target.get_internal_type() in PLAIN_TYPES
        and type(target).pre_save is Field.pre_save
        and not field.choices  # a TextChoices member: psycopg would write its name
    )


def next_ids(meta, count):
    if not count:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def next_child_paths(section, count):
    """Tree paths for `count` new last children of `section`."""
    last = (
        Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    first_step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    return [
        Page._get_path(section.path, section.depth + 1, step)
        for step in range(first_step, first_step + count)
    ]


def place_in_tree(pages_by_section):
    """Give unsaved article pages their tree position and URL under their section."""
    for section, entries in pages_by_section.items():
        pages = [page for page, _log_data in entries]
        for page, path in zip(pages, next_child_paths(section, len(pages)), strict=True):
            page.path = path
            page.depth = section.depth + 1
            page.numchild = 0
            page.url_path = f"{section.url_path}{page.slug}/"
            page.locale_id = section.locale_id
            page.translation_key = uuid.uuid4()


@transaction.atomic
def add_articles(pages_by_section):
    """Insert placed, validated ArticlePages (with in-memory bylines and tags).

    `pages_by_section` maps each section to (page, log data) pairs; the log data
    is stored with the page's import log entry (source file and line).
    """
    entries = [entry for section_entries in pages_by_section.values() for entry in section_entries]
    pages = [page for page, _log_data in entries]
    if not pages:
        return
    now = timezone.now()
    for page in pages:
        page.latest_revision_created_at = now
        page.has_unpublished_changes = not page.live
        # A new page has no editor comments: saying so saves two queries an article
        # (the revision's content and the reference index both read them).
        setattr(page, COMMENTS_RELATION_NAME, [])

    # Ids first, so that every row goes in once, already linked, by COPY.
    for page, page_id in zip(pages, next_ids(Page._meta, len(pages)), strict=True):
        page.id = page.page_ptr_id = page_id
    # The search analysis runs in worker processes while the rows below are written.
    finish_indexing = start_adding(ArticlePage, pages)
    bylines, taggings = [], []
    for page in pages:
        for link in page.article_reporters.all():
            link.page_id = page.pk
            bylines.append(link)
        for tagging in page.tagged_items.all():
            tagging.content_object_id = page.pk
            taggings.append(tagging)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=article_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            content=page.serializable_data(),
            object_str=page.title,
        )
        for page in pages
    ]
    revision_ids = next_ids(Revision._meta, len(revisions))
    for page, revision, revision_id in zip(pages, revisions, revision_ids, strict=True):
        revision.id = revision_id
        page.latest_revision = revision
        page.live_revision = revision if page.live else None

    copy_rows(Page, pages)
    copy_rows(ArticlePage, pages)
    for section, section_pages in pages_by_section.items():
        Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + len(section_pages))
    copy_rows(ArticleReporter, bylines)
    copy_rows(ArticleTag, taggings)
    copy_rows(Revision, revisions)

    copy_rows(
        PageLogEntry,
        (
            PageLogEntry(
                content_type=article_type,
                label=page.title,
                action=IMPORT_LOG_ACTION,
                page_id=page.pk,
                revision=revision,
                timestamp=now,
                data=log_data,
                content_changed=True,
            )
            for (page, log_data), revision in zip(entries, revisions, strict=True)
        ),
    )

    copy_rows(
        ReferenceIndex,
        (
            ReferenceIndex(
                content_type=article_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for page in pages
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            )
        ),
    )

    finish_indexing()
