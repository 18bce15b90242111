"""Import articles from JSON Lines: the way in for a newsroom's archive and our demo.

One article per line (schema in the README). Each article imports in its own
transaction, so a bad line is reported and skipped while the others land.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import RichText

from .blocks import PARAGRAPH_FEATURES
from .models import (
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


class ImageSource(NamedTuple):
    path: Path
    caption: str
    credit: str


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
    errors: list = field(default_factory=list)  # (line number, field, reason)

    @property
    def failed(self):
        return len(self.errors)


class ArticleImporter:
    def __init__(self, home, base_dir):
        self.home = home
        self.base_dir = Path(base_dir).resolve()
        self._sections = {}
        self._html_cleaner = ContentstateConverter(PARAGRAPH_FEATURES)

    def import_lines(self, lines):
        report = ImportReport()
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                created = self.import_line(raw)
            except LineError as error:
                report.errors.append((number, error.field, error.reason))
            else:
                if created:
                    report.created += 1
                else:
                    report.updated += 1
        return report

    def import_line(self, raw):
        """Import one JSON line (str or bytes); True when a new article was created."""
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise LineError("-", f"UTF-8이 아닙니다 ({error.start + 1}번째 바이트)") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            raise LineError(
                "-", f"JSON 형식이 아닙니다 ({error.msg}, {error.colno}번째 글자)"
            ) from None
        if not isinstance(data, dict):
            raise LineError("-", "한 줄에 JSON 객체 하나가 있어야 합니다")
        article = self.parse(data)
        try:
            with transaction.atomic():
                return self.save(article)
        except ValidationError as error:
            field_name, reason = _first_validation_message(error)
            raise LineError(field_name, reason) from None
        except IntegrityError as error:
            raise LineError("id", f"데이터베이스가 거부했습니다: {error}".strip()) from None

    # Validation: everything is checked before anything is written.

    def parse(self, data):
        missing = [name for name in REQUIRED_FIELDS if data.get(name) in (None, "", [])]
        if missing:
            raise LineError(missing[0], "필수 항목이 없습니다")
        article = {
            "id": self._id(data["id"]),
            "section": self._section(data["section"]),
            "title": self._text(data, "title", 255, required=True),
            "subtitle": self._text(data, "subtitle", 1000),
            "lead": self._text(data, "lead", 500),
            "dateline": self._text(data, "dateline", 30),
            "published_at": self._datetime(data, "published_at"),
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
        return value

    def _section(self, value):
        if not isinstance(value, str):
            raise LineError("section", "섹션 경로는 문자열이어야 합니다 (예: region/daejeon)")
        slug_path = value.strip("/")
        if slug_path not in self._sections:
            url_path = f"{self.home.url_path}{slug_path}/"
            self._sections[slug_path] = SectionPage.objects.filter(url_path=url_path).first()
        section = self._sections[slug_path]
        if section is None:
            raise LineError("section", f"섹션을 찾을 수 없습니다: {value}")
        return section

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
        return ImageSource(path, caption.strip(), credit.strip())

    # Writing: inside the caller's transaction.

    def save(self, article):
        body = [(kind, self._stored_block(kind, value)) for kind, value in article["body"]]
        main_image = self._stored_image(article["main_image"]) if article["main_image"] else None
        reporters = [self._reporter(name, email) for name, email in article["reporters"]]

        page = ArticlePage.objects.filter(legacy_idxno=article["id"]).first()
        created = page is None
        number = int(article["id"]) if article["id"].isdigit() else None
        if number is not None:
            taken = ArticlePage.objects.filter(article_number=number)
            if not created:
                taken = taken.exclude(pk=page.pk)
            if taken.exists():
                raise LineError("id", f"기사 번호 {number}은(는) 이미 다른 기사가 쓰고 있습니다")
            reserve_article_number(number)
        if created:
            page = ArticlePage(legacy_idxno=article["id"], article_number=number, live=False)
        elif page.get_parent().pk != article["section"].pk:
            page.move(article["section"], pos="last-child")
            page.refresh_from_db()

        page.title = article["title"]
        page.draft_title = article["title"]
        page.subtitle = article["subtitle"]
        page.lead = article["lead"]
        page.dateline = article["dateline"]
        page.article_type = article["type"]
        page.body = body
        page.main_image = main_image
        page.article_reporters = [
            ArticleReporter(reporter=reporter, sort_order=order)
            for order, reporter in enumerate(reporters)
        ]
        page.tags.set(article["tags"])

        if created:
            article["section"].add_child(instance=page)
        revision = page.save_revision(log_action=True)
        if article["status"] == "live":
            revision.publish(log_action=True)
        elif page.live:
            page.unpublish()
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=article["published_at"],
            last_published_at=article["updated_at"] or article["published_at"],
        )
        return created

    def _stored_block(self, kind, value):
        if kind == "image":
            return {**value, "image": self._stored_image(value["image"])}
        return value

    def _stored_image(self, source):
        """The image with this file's contents, uploading it once however often it is used."""
        digest = hashlib.sha1(source.path.read_bytes()).hexdigest()  # Wagtail's own file_hash
        image = NewsImage.objects.filter(file_hash=digest).first()
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
        return image

    def _reporter(self, name, email):
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


def _plain_text_to_html(text):
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs)


def _first_validation_message(error):
    if hasattr(error, "error_dict"):
        field_name, errors = next(iter(error.error_dict.items()))
        return field_name, " ".join(message for item in errors for message in item.messages)
    return "-", " ".join(error.messages)
