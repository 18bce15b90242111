"""Add many new articles to Wagtail's page tree at once, for archive imports.

Creating pages one by one (add_child, save_revision, publish) costs about a
hundred queries an article; an archive of 100,000 would take hours. Wagtail
has no bulk API, so this module writes what those calls write, in a handful of
queries per batch: the tree rows (path, depth, numchild, url_path), the
article rows, byline and tag rows, one revision per article (so every article
opens in the editor), a log entry saying where it came from, the reference
index (image usage) and the search index. `manage.py fixtree` finds nothing
to fix afterwards; the tests check it.

Signals such as page_published are not sent: an import is not a publication.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from .models import ArticlePage, ArticleReporter, ArticleTag

IMPORT_LOG_ACTION = "news.import"


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
        page.comments = []  # a new page has no editor comments; saves a query per revision

    # Page rows first (their ids are the articles' primary keys), then the article rows.
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    ArticlePage._base_manager._insert(
        pages, fields=ArticlePage._meta.local_concrete_fields, using=connection.alias
    )
    for section, section_pages in pages_by_section.items():
        Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + len(section_pages))

    bylines, taggings = [], []
    for page in pages:
        for link in page.article_reporters.all():
            link.page_id = page.pk
            bylines.append(link)
        for tagging in page.tagged_items.all():
            tagging.content_object_id = page.pk
            taggings.append(tagging)
    ArticleReporter.objects.bulk_create(bylines)
    ArticleTag.objects.bulk_create(taggings)

    article_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=article_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            content=page.serializable_data(),
            object_str=page.title,
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.live_revision = revision if page.live else None
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])

    PageLogEntry.objects.bulk_create(
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
    )

    ReferenceIndex.objects.bulk_create(
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
    )

    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, pages)
