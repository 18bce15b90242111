"""Export articles as JSON Lines in the import schema: the way out of the newsroom's archive.

`articles.jsonl` plus the photos under `images/`, so that `import_articles` reproduces the
articles with their reporters, tags, photos and times on this site or another.
"""

import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime, time
from itertools import islice
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from django.db.models import F, prefetch_related_objects
from django.db.models.functions import Coalesce
from taggit.models import Tag
from wagtail.models import Page, Revision

from .models import ArticlePage, NewsImage, Reporter, SectionPage

KST = ZoneInfo("Asia/Seoul")
BATCH_SIZE = 500


@dataclass
class ExportReport:
    articles: int = 0
    images: int = 0
    missing_images: list = field(default_factory=list)  # (image pk, stored file name)


def find_section(home, slug_path):
    """The section at a slug path under the front page (`region/daejeon`), as the importer finds it."""
    slug_path = slug_path.strip("/")
    if not slug_path:
        return None
    return SectionPage.objects.filter(url_path=f"{home.url_path}{slug_path}/").first()


class ArticleExporter:
    def __init__(self, home, out_dir, batch_size=BATCH_SIZE):
        self.home = home
        self.out_dir = Path(out_dir)
        self.image_dir = self.out_dir / "images"
        self.batch_size = batch_size
        self._written_images = set()  # image pks, so each photo file is copied once
        self._titles = None  # page path: title, for the sections' titles

    def articles(self, section=None, since=None):
        """Live and draft articles under `section` (default: the whole site), oldest first.

        `since` is a date: articles first published on or after its start in KST. A draft
        never published counts from its latest revision, which is also its exported time.
        """
        articles = (
            ArticlePage.objects.descendant_of(section or self.home)
            .annotate(
                export_published_at=Coalesce("first_published_at", "latest_revision_created_at")
            )
            .order_by(F("export_published_at").asc(nulls_last=True), "pk")
        )
        if since:
            start = datetime.combine(since, time.min, tzinfo=KST)
            articles = articles.filter(export_published_at__gte=start)
        return articles

    def export(self, articles):
        """Write OUT_DIR/articles.jsonl and OUT_DIR/images/; a batch at a time, so memory stays flat."""
        report = ExportReport()
        self.image_dir.mkdir(parents=True, exist_ok=True)
        path = self.out_dir / "articles.jsonl"
        # An interrupted export must not leave a file that looks complete.
        partial = path.with_name(f"{path.name}.partial")
        with partial.open("w", encoding="utf-8") as out:
            pages = articles.iterator(chunk_size=self.batch_size)
            while batch := list(islice(pages, self.batch_size)):
                for record in self._records(batch, report):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    report.articles += 1
        partial.replace(path)
        return report

    def _records(self, pages, report):
        contents = self._contents(pages)
        links = {
            page.pk: sorted(content.article_reporters.all(), key=lambda link: link.sort_order or 0)
            for page, content in zip(pages, contents, strict=True)
        }
        tagged = {
            page.pk: [item.tag_id for item in content.tagged_items.all()]
            for page, content in zip(pages, contents, strict=True)
        }
        reporters = Reporter.objects.in_bulk(
            {link.reporter_id for page_links in links.values() for link in page_links}
        )
        tag_names = dict(
            Tag.objects.filter(pk__in={pk for ids in tagged.values() for pk in ids}).values_list(
                "pk", "name"
            )
        )
        images = NewsImage.objects.in_bulk(
            {pk for content in contents for pk in _image_ids(content)}
        )

        for page, content in zip(pages, contents, strict=True):
            record = {
                "id": page.legacy_idxno or str(page.article_number),
                "number": page.article_number,
                "section": self._section_path(page),
                "section_titles": self._section_titles(page),
                "title": content.title,
                "subtitle": content.subtitle,
                "lead": content.lead,
                "dateline": content.dateline,
                "reporters": [
                    {"name": reporter.name, "email": reporter.email}
                    for link in links[page.pk]
                    if (reporter := reporters.get(link.reporter_id))
                ],
                "published_at": _kst(page.export_published_at),
            }
            if page.updated_at:
                record["updated_at"] = _kst(page.updated_at)
            record["type"] = content.article_type
            record["tags"] = sorted(tag_names[pk] for pk in tagged[page.pk] if pk in tag_names)
            record["body"] = list(self._body(content.body.raw_data, images, report))
            main_image = images.get(content.main_image_id)
            if main_image:
                record["main_image"] = self._image(main_image, "", "", report)
            record["status"] = "live" if page.live else "draft"
            yield record

    def _contents(self, pages):
        """What each article says: the live page, or a draft's latest revision.

        Wagtail keeps a draft's edits only in its revisions; the page row still holds the
        text from when the page was created.
        """
        revisions = Revision.objects.in_bulk(
            [page.latest_revision_id for page in pages if not page.live and page.latest_revision_id]
        )
        contents = [
            ArticlePage.from_serializable_data(revisions[page.latest_revision_id].content)
            if page.latest_revision_id in revisions
            else page
            for page in pages
        ]
        rows = [content for page, content in zip(pages, contents, strict=True) if content is page]
        prefetch_related_objects(rows, "article_reporters", "tagged_items")
        return contents

    def _section_titles(self, page):
        """Titles from the top-level section down, so an empty site can recreate them."""
        if self._titles is None:  # every section's title, in one query for the whole export
            self._titles = dict(Page.objects.descendant_of(self.home).values_list("path", "title"))
        parent_path = page.path[: -page.steplen]
        first = len(self.home.path) + page.steplen
        return [
            self._titles[parent_path[:end]]
            for end in range(first, len(parent_path) + 1, page.steplen)
        ]

    def _section_path(self, page):
        below_home = page.url_path.removeprefix(self.home.url_path).strip("/")
        return below_home.rpartition("/")[0]

    def _body(self, raw_body, images, report):
        for block in raw_body:
            kind, value = block["type"], block["value"]
            if kind == "paragraph" and value and value.strip():
                yield {"type": "html", "html": value}
            elif kind == "subheading" and value and value.strip():
                yield {"type": "subheading", "text": value}
            elif kind == "quote" and (value.get("text") or "").strip():
                yield {
                    "type": "quote",
                    "text": value["text"],
                    "attribution": value.get("attribution") or "",
                }
            elif kind == "embed" and value:
                yield {"type": "embed", "url": value}
            elif kind == "image" and value.get("image") in images:
                image = images[value["image"]]
                caption, credit = value.get("caption") or "", value.get("credit") or ""
                yield {"type": "image", **self._image(image, caption, credit, report)}

    def _image(self, image, caption, credit, report):
        """The photo's place in the export, copying its original file the first time it is used."""
        name = f"{image.pk}-{PurePosixPath(image.file.name).name}"
        if image.pk not in self._written_images:
            self._written_images.add(image.pk)
            try:
                with image.file.open("rb") as source, (self.image_dir / name).open("wb") as copy:
                    shutil.copyfileobj(source, copy)
            except OSError:
                report.missing_images.append((image.pk, image.file.name))
            else:
                report.images += 1
        return {
            "src": f"images/{name}",
            "caption": caption or image.default_caption,
            "credit": credit or image.default_credit,
        }


def _image_ids(content):
    for block in content.body.raw_data:
        if block["type"] == "image" and block["value"].get("image"):
            yield block["value"]["image"]
    if content.main_image_id:
        yield content.main_image_id


def _kst(moment):
    # None only for a page saved without any revision; the importer then names the line.
    return moment.astimezone(KST).isoformat() if moment else None
