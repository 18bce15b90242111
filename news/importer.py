"""Import articles from JSON Lines: the way in for a newsroom's archive and our demo.

One article per line (schema in the README). New articles go in by batches
through news.bulk_pages; a batch is one transaction and a bad line only fails
itself. Lines whose content hash matches the article's are skipped, so a run
that was interrupted can simply be started again.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import DatabaseError, connection, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.log_actions import log
from wagtail.models import Collection
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends
from wagtail.utils.file import hash_filelike

from . import bulk_pages
from .blocks import PARAGRAPH_FEATURES
from .models import (
    ARTICLE_NUMBER_SEQUENCE,
    ArticlePage,
    ArticleReporter,
    ArticleType,
    NewsImage,
    Reporter,
    SectionPage,
    reserve_article_number,
)

REQUIRED_FIELDS = ("id", "section", "title", "published_at", "body")
BODY_TYPES = ("paragraph", "image", "subheading", "quote", "html", "embed")
TYPE_CHOICES = {choice.value for choice in ArticleType}
STATUSES = ("live", "draft")
ASCII_DIGITS = re.compile(r"[0-9]{1,15}")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
MAX_ARTICLE_NUMBER = 10**15 - 1  # far below bigint, so the number sequence never runs out
PUBLISHED_AT_TOLERANCE = timedelta(minutes=5)  # clocks of the old system may run a little fast
# Fields that bulk validation skips: the tree is placed afterwards, and foreign
# keys point at rows this importer has just found or created.
UNVALIDATED_PAGE_FIELDS = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "slug",
    "content_type",
    "locale",
    "translation_key",
    "live_revision",
    "latest_revision",
    "main_image",
    "listing_image",
    "owner",
    "locked_by",
    "alias_of",
    "page_ptr",
]


class ImageSource(NamedTuple):
    path: Path
    caption: str
    credit: str
    digest: str  # SHA-1 of the file, as Wagtail's own NewsImage.file_hash


class NewSection(NamedTuple):
    """A section a line asks for by path and titles, created when the line is written."""

    slug_path: str
    titles: tuple


class LineError(Exception):
    """A problem with one line, named by the field it is in."""

    def __init__(self, field_name, reason):
        super().__init__(reason)
        self.field = field_name
        self.reason = reason


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    lines: int = 0
    errors: list = field(default_factory=list)  # (line number, field, reason)

    @property
    def failed(self):
        return len(self.errors)

    def summary(self):
        return (
            f"새 기사 {self.created}건, 갱신 {self.updated}건, "
            f"변경 없음 {self.unchanged}건, 실패 {self.failed}건"
        )


class ArticleImporter:
    """Validates lines and writes articles: new ones in bulk, changed ones one by one.

    A batch of new articles is one transaction; if the database refuses it, its
    articles are retried one at a time so that only the bad line fails.
    """

    def __init__(
        self, home, base_dir, source_name="", batch_size=250, dry_run=False, one_by_one=False
    ):
        self.home = home
        self.base_dir = Path(base_dir).resolve()
        self.source_name = source_name
        self.batch_size = batch_size
        self.dry_run = dry_run
        self.one_by_one = one_by_one  # Wagtail's own calls for every article (slow; a baseline)
        self._sections = {}
        self._reporter_cache = {}
        self._tag_cache = {}
        self._image_pks = {}
        self._new_files = []  # photo files written for the batch or line in progress
        self._root_collection_id = None
        self._html_cleaner = ContentstateConverter(PARAGRAPH_FEATURES)

    def import_lines(self, lines, progress=None):
        """Import an iterable of lines (str or bytes); `progress(report)` after each batch."""
        report = ImportReport()
        batch = {}
        for number, raw in enumerate(lines, start=1):
            report.lines = number
            if not raw.strip():
                continue
            try:
                article = self.parse_line(raw)
            except LineError as error:
                report.errors.append((number, error.field, error.reason))
                continue
            article["line"] = number
            if article["id"] in batch:  # the same id twice: the later line wins, in order
                self._write_batch(list(batch.values()), report)
                batch = {}
            batch[article["id"]] = article
            if len(batch) >= self.batch_size:
                self._write_batch(list(batch.values()), report)
                batch = {}
                if progress:
                    progress(report)
        self._write_batch(list(batch.values()), report)
        if progress:
            progress(report)
        return report

    def parse_line(self, raw):
        """One line (str or bytes) to a validated article dict; LineError if it is bad."""
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise LineError("-", f"UTF-8이 아닙니다 ({error.start + 1}번째 바이트)") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            raise LineError("-", f"JSON 형식이 아닙니다 ({error.colno}번째 글자 부근)") from None
        if not isinstance(data, dict):
            raise LineError("-", "한 줄에 JSON 객체 하나가 있어야 합니다")
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
        if _contains_nul(data):
            raise LineError("-", "NUL 문자(\\u0000)는 쓸 수 없습니다")
        article = self.parse(data)
        photos = [value["image"].digest for kind, value in article["body"] if kind == "image"]
        if article["main_image"]:
            photos.append(article["main_image"].digest)
        article["hash"] = hashlib.sha256("|".join([canonical, *photos]).encode()).hexdigest()
        return article

    # Writing

    def _write_batch(self, articles, report):
        if not articles:
            return
        if not self.dry_run:
            self._create_sections(articles)
        existing = dict(
            ArticlePage.objects.filter(legacy_idxno__in=[a["id"] for a in articles]).values_list(
                "legacy_idxno", "import_hash"
            )
        )
        new = []
        for article in articles:
            if article["id"] not in existing:
                new.append(article)
            elif existing[article["id"]] == article["hash"]:
                report.unchanged += 1
            elif self.dry_run:
                report.updated += 1
            else:
                self._write_one(article, report)
        new = self._assign_numbers(new, report)
        if self.dry_run:
            report.created += len(new)
            return
        if self.one_by_one:
            for article in new:
                self._write_one(article, report)
            return
        try:
            self._create_in_bulk(new, report)
        except (DatabaseError, ValidationError):
            # One line is bad in a way only the database or the model sees: roll the
            # batch back, forget what it created, and write its lines one at a time.
            self._forget_created_rows()
            for article in new:
                self._write_one(article, report)

    def _assign_numbers(self, articles, report):
        """Numbers for new articles: `number`, else a numeric id, else the next in sequence."""
        numbered = {}
        for article in articles:
            number = wanted_number(article)
            if number is not None:
                if number in numbered:
                    report.errors.append(
                        (article["line"], "id", f"기사 번호 {number}이(가) 이 파일에서 겹칩니다")
                    )
                    continue
                numbered[number] = article
        taken = set(
            ArticlePage.objects.filter(article_number__in=list(numbered)).values_list(
                "article_number", flat=True
            )
        )
        accepted = []
        for article in articles:
            number = wanted_number(article)
            if number is not None and (number in taken or numbered.get(number) is not article):
                if number in taken:
                    report.errors.append(
                        (
                            article["line"],
                            "id",
                            f"기사 번호 {number}은(는) 이미 다른 기사가 쓰고 있습니다",
                        )
                    )
                continue
            article["number"] = number
            accepted.append(article)
        if not self.dry_run and accepted:
            numbers = [a["number"] for a in accepted if a["number"] is not None]
            if numbers:
                reserve_article_number(max(numbers))
            missing = [a for a in accepted if a["number"] is None]
            for article, number in zip(missing, next_article_numbers(len(missing)), strict=True):
                article["number"] = number
        return accepted

    def _create_in_bulk(self, articles, report):
        pages_by_section = {}
        with transaction.atomic():
            self._store_photos_in_bulk(articles)
            for article in articles:
                page = ArticlePage(
                    article_number=article["number"],
                    slug=str(article["number"]),
                    legacy_idxno=article["id"],
                    live=article["status"] == "live",
                )
                self._fill(page, article)
                page.clean_fields(exclude=UNVALIDATED_PAGE_FIELDS)
                entry = (page, self._log_data(article))
                pages_by_section.setdefault(article["section"], []).append(entry)
            bulk_pages.place_in_tree(pages_by_section)
            bulk_pages.add_articles(pages_by_section)
        self._new_files.clear()
        report.created += len(articles)

    def _forget_created_rows(self):
        """After a rollback: drop cached rows that no longer exist and their photo files."""
        self._reporter_cache.clear()
        self._tag_cache.clear()
        self._image_pks.clear()
        storage = NewsImage._meta.get_field("file").storage
        for name in self._new_files:
            storage.delete(name)
        self._new_files.clear()

    def _write_one(self, article, report):
        """Create or update one article the way the admin does, in its own transaction."""
        try:
            with transaction.atomic():
                created = self.save(article)
        except (LineError, ValidationError, DatabaseError, ValueError) as error:
            self._forget_created_rows()  # whatever this line created was rolled back
            report.errors.append((article["line"], *_error_field_and_reason(error)))
        else:
            self._new_files.clear()
            report.created += created
            report.updated += not created

    def _log_data(self, article):
        return {"source": self.source_name, "line": article["line"], "id": article["id"]}

    # Validation: everything is checked before anything is written.

    def parse(self, data):
        missing = [name for name in REQUIRED_FIELDS if data.get(name) in (None, "", [])]
        if missing:
            raise LineError(missing[0], "필수 항목이 없습니다")
        article = {
            "id": self._id(data["id"]),
            "section": self._section(data["section"], data.get("section_titles")),
            "requested_number": self._number(data.get("number")),
            "title": self._text(data, "title", 255, required=True),
            "subtitle": self._text(data, "subtitle", 1000),
            "lead": self._text(data, "lead", 500),
            "dateline": self._text(data, "dateline", 30),
            "published_at": self._published_at(data),
            "updated_at": self._datetime(data, "updated_at") if data.get("updated_at") else None,
            "type": data.get("type") or ArticleType.NEWS,
            "status": data.get("status") or "live",
            "reporters": self._reporters(data.get("reporters") or []),
            "tags": self._tags(data.get("tags") or []),
        }
        if article["type"] not in TYPE_CHOICES:
            raise LineError("type", f"알 수 없는 기사 유형입니다: {article['type']!r}")
        if article["status"] not in STATUSES:
            raise LineError("status", "live 또는 draft여야 합니다")
        if article["updated_at"] and article["updated_at"] < article["published_at"]:
            raise LineError("updated_at", "수정 시각이 입력 시각보다 이릅니다")
        article["body"] = self._body(data["body"])
        main_image = data.get("main_image")
        article["main_image"] = self._image(main_image, "main_image") if main_image else None
        return article

    def _id(self, value):
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise LineError("id", "문자열이나 숫자여야 합니다")
        value = str(value).strip()
        if not value or len(value) > 32:
            raise LineError("id", "1~32자여야 합니다")
        if value.isascii() and value.isdigit() and article_number_from_id(value) is None:
            raise LineError("id", f"기사 번호로 쓸 수 있는 숫자는 1~{MAX_ARTICLE_NUMBER}입니다")
        return value

    def _number(self, value):
        if value is None:
            return None
        number = article_number_from_id(str(value)) if isinstance(value, int | str) else None
        if isinstance(value, bool) or number is None:
            raise LineError("number", f"기사 번호는 1~{MAX_ARTICLE_NUMBER}의 정수여야 합니다")
        return number

    def _section(self, value, titles=None):
        """The section at a slug path, or, given its titles, one to create when writing."""
        if not isinstance(value, str) or not value.strip("/"):
            raise LineError("section", "섹션 경로는 문자열이어야 합니다 (예: region/daejeon)")
        slug_path = value.strip("/")
        if slug_path not in self._sections:
            url_path = f"{self.home.url_path}{slug_path}/"
            self._sections[slug_path] = SectionPage.objects.filter(url_path=url_path).first()
        section = self._sections[slug_path]
        if section is not None:
            return section
        slugs = slug_path.split("/")
        if titles is None:
            raise LineError("section", f"섹션을 찾을 수 없습니다: {value}")
        if (
            not isinstance(titles, list)
            or len(titles) != len(slugs)
            or not all(isinstance(t, str) and 0 < len(t.strip()) <= 255 for t in titles)
        ):
            raise LineError("section_titles", "섹션 경로의 단계마다 제목이 하나씩 있어야 합니다")
        if not all(SLUG.fullmatch(slug) for slug in slugs):
            raise LineError(
                "section", f"섹션 주소에는 영문 소문자, 숫자, -만 쓸 수 있습니다: {value}"
            )
        return NewSection(slug_path, tuple(title.strip() for title in titles))

    def _create_sections(self, articles):
        """Create the sections that lines named with titles, before their articles go in."""
        for article in articles:
            if isinstance(article["section"], NewSection):
                article["section"] = self._ensure_section(article["section"])

    def _ensure_section(self, new_section):
        parent, path = self.home, ""
        for slug, title in zip(new_section.slug_path.split("/"), new_section.titles, strict=True):
            path = f"{path}/{slug}".strip("/")
            section = (
                self._sections.get(path)
                or SectionPage.objects.filter(url_path=f"{self.home.url_path}{path}/").first()
            )
            if section is None:
                section = SectionPage(title=title, slug=slug)
                parent.add_child(instance=section)
                section.save_revision().publish()
            self._sections[path] = section
            parent = section
        return parent

    def _text(self, data, name, max_length, required=False):
        value = data.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise LineError(name, "문자열이어야 합니다")
        value = value.strip()
        if required and not value:
            raise LineError(name, "비어 있습니다")
        if len(value) > max_length:
            raise LineError(name, f"{max_length}자를 넘습니다 ({len(value)}자)")
        return value

    def _datetime(self, data, name):
        value = data.get(name)
        try:
            parsed = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise LineError(name, f"ISO 8601 날짜가 아닙니다: {value!r}") from None
        if timezone.is_naive(parsed):
            # Korean archives routinely omit the zone; their times are KST.
            parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
        return parsed

    def _published_at(self, data):
        published_at = self._datetime(data, "published_at")
        if published_at > timezone.now() + PUBLISHED_AT_TOLERANCE:
            # Embargoed stories are scheduled in the admin, never published early by an import.
            raise LineError(
                "published_at", "입력 시각이 미래입니다. 예약 게재는 편집 화면에서 하세요"
            )
        return published_at

    def _reporters(self, value):
        if not isinstance(value, list):
            raise LineError("reporters", "목록이어야 합니다")
        reporters = []
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise LineError("reporters", "각 기자는 name을 가진 객체여야 합니다")
            name = item["name"].strip()
            email = (item.get("email") or "").strip().lower()
            if not name or len(name) > 50:
                raise LineError("reporters", "기자 이름은 1~50자여야 합니다")
            if email and ("@" not in email or len(email) > 254):
                raise LineError("reporters", f"이메일 주소가 올바르지 않습니다: {email}")
            reporters.append((name, email))
        return reporters

    def _tags(self, value):
        if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
            raise LineError("tags", "문자열 목록이어야 합니다")
        tags = [tag.strip() for tag in value if tag.strip()]
        too_long = [tag for tag in tags if len(tag) > 100]
        if too_long:
            raise LineError("tags", f"태그가 100자를 넘습니다: {too_long[0][:20]}…")
        return tags

    def _body(self, value):
        if not isinstance(value, list):
            raise LineError("body", "블록 목록이어야 합니다")
        blocks = []
        for index, block in enumerate(value, start=1):
            where = f"body[{index}]"
            if not isinstance(block, dict) or block.get("type") not in BODY_TYPES:
                raise LineError(where, f"type은 {', '.join(BODY_TYPES)} 중 하나여야 합니다")
            kind = block["type"]
            if kind == "paragraph":
                blocks.append(
                    (
                        "paragraph",
                        RichText(_plain_text_to_html(self._block_text(block, where, "text"))),
                    )
                )
            elif kind == "html":
                html = self._clean_html(self._block_text(block, where, "html"))
                if html:
                    blocks.append(("paragraph", RichText(html)))
            elif kind == "subheading":
                blocks.append(("subheading", self._block_text(block, where, "text", 200)))
            elif kind == "quote":
                attribution = block.get("attribution") or ""
                if not isinstance(attribution, str) or len(attribution) > 100:
                    raise LineError(f"{where}.attribution", "100자 이내의 문자열이어야 합니다")
                blocks.append(
                    (
                        "quote",
                        {
                            "text": self._block_text(block, where, "text"),
                            "attribution": attribution,
                        },
                    )
                )
            elif kind == "embed":
                blocks.append(("embed", self._block_text(block, where, "url", 500)))
            elif kind == "image":
                source = self._image(block, where)
                blocks.append(
                    ("image", {"image": source, "caption": source.caption, "credit": source.credit})
                )
        if not blocks:
            raise LineError("body", "본문이 비어 있습니다")
        return blocks

    def _block_text(self, block, where, key, max_length=None):
        value = block.get(key)
        if not isinstance(value, str) or not value.strip():
            raise LineError(f"{where}.{key}", "비어 있거나 문자열이 아닙니다")
        if max_length and len(value) > max_length:
            raise LineError(f"{where}.{key}", f"{max_length}자를 넘습니다")
        return value.strip()

    def _clean_html(self, html):
        """Reduce any HTML to Wagtail's rich-text whitelist, as a paste into the editor would."""
        return self._html_cleaner.to_database_format(self._html_cleaner.from_database_format(html))

    def _image(self, block, where):
        if not isinstance(block, dict):
            raise LineError(where, "src를 가진 객체여야 합니다")
        src = block.get("src")
        if not isinstance(src, str) or not src.strip():
            raise LineError(f"{where}.src", "이미지 경로가 없습니다")
        caption = block.get("caption") or ""
        credit = block.get("credit") or ""
        if not isinstance(caption, str) or len(caption) > 500:
            raise LineError(f"{where}.caption", "500자 이내의 문자열이어야 합니다")
        if not isinstance(credit, str) or len(credit) > 100:
            raise LineError(f"{where}.credit", "100자 이내의 문자열이어야 합니다")
        path = (self.base_dir / src).resolve()
        if not path.is_relative_to(self.base_dir):
            raise LineError(f"{where}.src", "가져오기 파일이 있는 폴더 밖의 경로입니다")
        if not path.is_file():
            raise LineError(f"{where}.src", f"이미지 파일이 없습니다: {src}")
        try:
            with PILImage.open(path) as picture:
                picture.verify()
        except Exception:
            raise LineError(f"{where}.src", f"이미지 파일로 읽을 수 없습니다: {src}") from None
        with path.open("rb") as file:
            digest = hash_filelike(file)
        return ImageSource(path, caption.strip(), credit.strip(), digest)

    def _fill(self, page, article):
        """Copy an article's content onto a page, resolving photos, reporters and tags."""
        page.title = page.draft_title = article["title"]
        page.subtitle = article["subtitle"]
        page.lead = article["lead"]
        page.dateline = article["dateline"]
        page.article_type = article["type"]
        page.body = [(kind, self._stored_block(kind, value)) for kind, value in article["body"]]
        page.main_image = (
            self._stored_image(article["main_image"]) if article["main_image"] else None
        )
        page.listing_image = page.main_image or page.first_body_image()
        page.article_reporters = [
            ArticleReporter(reporter=self._reporter(name, email), sort_order=order)
            for order, (name, email) in enumerate(article["reporters"])
        ]
        page.tags.set([self._tag(name) for name in article["tags"]])
        page.first_published_at = article["published_at"]
        page.last_published_at = article["updated_at"] or article["published_at"]
        page.import_hash = article["hash"]

    def save(self, article):
        """Create or update one article through Wagtail's own calls; True if created."""
        page = ArticlePage.objects.filter(legacy_idxno=article["id"]).first()
        created = page is None
        if created:
            number = article.get("number") or wanted_number(article)
            if number is not None:
                if ArticlePage.objects.filter(article_number=number).exists():
                    raise LineError(
                        "id", f"기사 번호 {number}은(는) 이미 다른 기사가 쓰고 있습니다"
                    )
                reserve_article_number(number)
            page = ArticlePage(legacy_idxno=article["id"], article_number=number, live=False)
        elif page.get_parent().pk != article["section"].pk:
            page.move(article["section"], pos="last-child")
            page.refresh_from_db()

        self._fill(page, article)
        if created:
            article["section"].add_child(instance=page)
        revision = page.save_revision(log_action=False)
        if article["status"] == "live":
            revision.publish(log_action=False)
        elif page.live:
            page.unpublish(log_action=False)
        log(page, bulk_pages.IMPORT_LOG_ACTION, revision=revision, data=self._log_data(article))
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=article["published_at"],
            last_published_at=article["updated_at"] or article["published_at"],
            import_hash=article["hash"],
        )
        return created

    def _stored_block(self, kind, value):
        if kind == "image":
            return {**value, "image": self._stored_image(value["image"])}
        return value

    def _store_photos_in_bulk(self, articles):
        """Upload a batch's new photos with one INSERT and one search-index write."""
        sources = {}
        for article in articles:
            for source in _photo_sources(article):
                if source.digest not in self._image_pks:
                    sources.setdefault(source.digest, source)
        if not sources:
            return
        self._image_pks.update(
            NewsImage.objects.filter(file_hash__in=list(sources)).values_list("file_hash", "pk")
        )
        images = []
        for digest, source in sources.items():
            if digest in self._image_pks:
                continue
            image = NewsImage(
                title=(source.caption or source.path.stem)[:255],
                default_caption=source.caption,
                default_credit=source.credit,
                collection_id=self._root_collection(),
                file_hash=digest,
                file_size=source.path.stat().st_size,
            )
            with source.path.open("rb") as file:
                image.file.save(source.path.name, ImageFile(file), save=False)
            self._new_files.append(image.file.name)
            images.append(image)
        NewsImage.objects.bulk_create(images)
        prefetch_related_objects(images, "tags")  # one query, not one per image for its index
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(NewsImage, images)
        self._image_pks.update((image.file_hash, image.pk) for image in images)

    def _root_collection(self):
        if self._root_collection_id is None:
            self._root_collection_id = Collection.get_first_root_node().pk
        return self._root_collection_id

    def _stored_image(self, source):
        """The image with this file's contents, uploading it once however often it is used."""
        if source.digest in self._image_pks:
            # A reference is all a block needs; the collection saves the query for its default.
            return NewsImage(
                pk=self._image_pks[source.digest], collection_id=self._root_collection()
            )
        image = NewsImage.objects.filter(file_hash=source.digest).first()
        if image is None:
            with source.path.open("rb") as file:
                image = NewsImage(
                    title=(source.caption or source.path.stem)[:255],
                    default_caption=source.caption,
                    default_credit=source.credit,
                )
                image.file = ImageFile(file, name=source.path.name)
                image._set_image_file_metadata()
                image.save()
                self._new_files.append(image.file.name)
        self._image_pks[source.digest] = image.pk
        return image

    def _reporter(self, name, email):
        if (name, email) not in self._reporter_cache:
            self._reporter_cache[(name, email)] = self._find_or_create_reporter(name, email)
        return self._reporter_cache[(name, email)]

    def _find_or_create_reporter(self, name, email):
        reporter = None
        if email:
            reporter = Reporter.objects.filter(email__iexact=email).first()
        if reporter is None:
            reporter = Reporter.objects.filter(name=name).order_by("pk").first()
            if reporter is not None and email and reporter.email:
                reporter = None  # the same name with another address is another person
            elif reporter is not None and email:
                reporter.email = email
                reporter.save(update_fields=["email"])
        if reporter is None:
            reporter = Reporter.objects.create(name=name, email=email)
        return reporter

    def _tag(self, name):
        key = name.lower()  # tags are case-insensitive (TAGGIT_CASE_INSENSITIVE)
        if key not in self._tag_cache:
            tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
            self._tag_cache[key] = tag
        return self._tag_cache[key]


def wanted_number(article):
    return article["requested_number"] or article_number_from_id(article["id"])


def article_number_from_id(value):
    """A numeric legacy id is also the article's number, when it fits one."""
    if ASCII_DIGITS.fullmatch(value) and 0 < int(value) <= MAX_ARTICLE_NUMBER:
        return int(value)
    return None


def next_article_numbers(count):
    if not count:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)", [ARTICLE_NUMBER_SEQUENCE, count]
        )
        return [row[0] for row in cursor.fetchall()]


def _photo_sources(article):
    for kind, value in article["body"]:
        if kind == "image":
            yield value["image"]
    if article["main_image"]:
        yield article["main_image"]


def _contains_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(item) for item in value)
    return False


def _plain_text_to_html(text):
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs)


def _error_field_and_reason(error):
    if isinstance(error, LineError):
        return error.field, error.reason
    if isinstance(error, ValidationError):
        return _first_validation_message(error)
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return "-", f"저장하지 못했습니다: {reason}"


def _first_validation_message(error):
    if hasattr(error, "error_dict"):
        field_name, errors = next(iter(error.error_dict.items()))
        return field_name, " ".join(message for item in errors for message in item.messages)
    return "-", " ".join(error.messages)
