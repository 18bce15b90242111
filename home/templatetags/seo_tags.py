"""The page head search engines, portals and sharing read, for every page type in one place.

`{% seo_head %}` (in base.html) renders includes/seo_head.html: the canonical URL, the
meta description, Open Graph and Twitter card tags, the RSS feeds the page advertises and
JSON-LD (NewsArticle and BreadcrumbList on articles, BreadcrumbList on sections, WebSite
with a SearchAction and the paper as NewsMediaOrganization on the front page). Pages
outside the page tree pass what they show: `{% seo_head reporter=reporter %}`, `tag=…`,
`series=…`. Every URL in it is absolute, every time is ISO 8601 in KST.
"""

import datetime
import json
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from home.models import HomePage, Masthead
from news.blocks import caption_for, text_for_indexing
from news.feeds import alternate_feeds
from news.models import ArticlePage, SectionPage

register = template.Library()

KST = datetime.timezone(datetime.timedelta(hours=9))
SCHEMA_ORG = "https://schema.org"
DESCRIPTION_LENGTH = 300
# og:image: the whole photo 1200 px wide (the body shows the same rendition). JSON-LD adds
# the three crops Google asks news articles for: 16:9, 4:3 and 1:1.
SHARE_IMAGE_FILTER = "width-1200"
# An article's own photo is shared as readers see it, with the paper's logo (photos/); the
# body shows the same rendition, so the page looks it up once.
ARTICLE_SHARE_IMAGE_FILTER = "width-1200|watermark"
ARTICLE_IMAGE_FILTERS = (
    "fill-1200x675|watermark",
    "fill-1200x900|watermark",
    "fill-1200x1200|watermark",
)
LOGO_FILTER = "max-600x600"
# Drawn from the paper's name (static_src/img/): used until an editor sets 매체정보 › 로고.
DEFAULT_LOGO = ("img/logo.png", 512, 512)
DEFAULT_SHARE_IMAGE = ("img/share-default.png", 1200, 630)
REGION_TAGLINE = "대전·세종·충남·충북의 소식을 전하는"

# JSON in a <script> element: nothing in it may close the element or open a comment
# (the same escapes as Django's json_script).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class SharedImage:
    url: str
    width: int
    height: int
    alt: str = ""


@dataclass
class PageHead:
    site_name: str
    title: str
    description: str
    canonical_url: str = ""
    og_type: str = "website"
    image: SharedImage | None = None
    large_image: bool = False  # a photo of the page's own: Twitter's large card
    published_time: str = ""
    modified_time: str = ""
    section: str = ""
    tags: list = field(default_factory=list)
    feeds: list = field(default_factory=list)
    json_ld: list = field(default_factory=list)


def kst_isoformat(moment):
    return moment.astimezone(KST).isoformat(timespec="seconds") if moment else ""


def one_line(text, length=DESCRIPTION_LENGTH):
    return Truncator(" ".join((text or "").split())).chars(length)


@register.filter
def ld_json(data):
    """JSON-LD for a `<script type="application/ld+json">` element, `</` made harmless."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context, reporter=None, tag=None, series=None):
    builder = HeadBuilder(context)
    if reporter is not None:
        head = builder.for_reporter(reporter)
    elif tag is not None:
        head = builder.for_tag(tag)
    elif series is not None:
        head = builder.for_series(series)
    else:
        head = builder.for_page(context.get("page"))
    return {"head": head}


class HeadBuilder:
    """What the head says about the page in `context`, for the request's site and masthead."""

    def __init__(self, context):
        self.context = context
        self.request = request = context.get("request")
        self.site = Site.find_for_request(request) if request is not None else None
        self.masthead = Masthead.for_request(request) if request is not None else None
        if self.masthead:
            self.paper = self.masthead.title
        else:
            self.paper = (self.site.site_name if self.site else "") or settings.WAGTAIL_SITE_NAME
        if self.site:
            self.root_url = self.site.root_url
        elif request is not None:
            self.root_url = request.build_absolute_uri("/").rstrip("/")
        else:
            self.root_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    def absolute(self, url):
        return urljoin(self.root_url + "/", url)

    # Shared parts

    def default_description(self):
        """The front page's 검색엔진 설명, else a line about the paper."""
        root = self.site.root_page if self.site else None
        return one_line(root.search_description if root else "") or (
            f"{REGION_TAGLINE} {self.paper}"
        )

    def default_image(self):
        path, width, height = DEFAULT_SHARE_IMAGE
        return SharedImage(self.absolute(static(path)), width, height, self.paper)

    def image(self, photo, alt="", rendition=None):
        try:
            rendition = rendition or photo.get_rendition(SHARE_IMAGE_FILTER)
        except SourceImageIOError:  # the original file is gone: the paper's share image
            return self.default_image()
        return SharedImage(
            self.absolute(rendition.url),
            rendition.width,
            rendition.height,
            alt or photo.default_caption or photo.title,
        )

    @cached_property
    def logo(self):
        """매체정보's 로고 (600 px at most), else the static logo drawn from the paper's name."""
        logo = self.masthead.logo if self.masthead and self.masthead.logo_id else None
        try:
            rendition = logo.get_rendition(LOGO_FILTER) if logo is not None else None
        except SourceImageIOError:  # the uploaded file is gone: the static logo
            rendition = None
        if rendition is not None:
            url, width, height = self.absolute(rendition.url), rendition.width, rendition.height
        else:
            path, width, height = DEFAULT_LOGO
            url = self.absolute(static(path))
        return {"@type": "ImageObject", "url": url, "width": width, "height": height}

    def publisher(self):
        return {
            "@type": "NewsMediaOrganization",
            "name": self.paper,
            "url": self.absolute("/"),
            "logo": self.logo,
        }

    def breadcrumb_list(self, sections):
        """홈 › the sections down to this one, as the page's breadcrumbs show them."""
        crumbs = [("홈", self.absolute("/"))]
        crumbs += [(section.title, section.get_full_url(self.request)) for section in sections]
        return {
            "@context": SCHEMA_ORG,
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": name, "item": url}
                for position, (name, url) in enumerate(crumbs, start=1)
            ],
        }

    def feeds(self, obj, **kwargs):
        return alternate_feeds(obj, request=self.request, **kwargs)

    def head(self, **values):
        values.setdefault("description", self.default_description())
        values.setdefault("image", self.default_image())
        return PageHead(site_name=self.paper, **values)

    # Page types

    def for_page(self, page):
        if page is None:
            return self.head(title=self.paper)
        if isinstance(page, ArticlePage):
            return self.for_article(page)
        if isinstance(page, SectionPage):
            return self.for_section(page)
        if isinstance(page, HomePage):
            return self.for_home(page)
        return self.head(
            title=page.seo_title or page.title,
            description=one_line(page.search_description) or self.default_description(),
            canonical_url=self.canonical_url(page),
        )

    def canonical_url(self, page):
        if page.alias_of_id:  # the same page in a second place: the original is the one
            original = Page.objects.filter(pk=page.alias_of_id).first()
            if original is not None:
                return original.get_full_url(self.request)
        return page.get_full_url(self.request) or ""

    def for_home(self, page):
        home_url = self.canonical_url(page)
        website = {
            "@context": SCHEMA_ORG,
            "@type": "WebSite",
            "name": self.paper,
            "url": home_url,
            "inLanguage": "ko",
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": self.absolute(reverse("search")) + "?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            },
        }
        organization = {"@context": SCHEMA_ORG, **self.publisher()}
        return self.head(
            title=page.seo_title or self.paper,
            description=one_line(page.search_description) or self.default_description(),
            canonical_url=home_url,
            feeds=self.feeds(page),
            json_ld=[website, organization],
        )

    def for_section(self, page):
        canonical_url = self.canonical_url(page)
        listing = self.context.get("articles")
        if getattr(listing, "number", 1) > 1:
            canonical_url += f"?page={listing.number}"
        breadcrumbs = self.context.get("breadcrumbs")
        if breadcrumbs is None:
            breadcrumbs = page.breadcrumbs()
        description = one_line(page.search_description) or one_line(page.description)
        return self.head(
            title=page.seo_title or page.title,
            description=description or f"{self.paper} {page.title} 섹션의 최신 기사",
            canonical_url=canonical_url,
            feeds=self.feeds(page),
            json_ld=[self.breadcrumb_list(breadcrumbs)],
        )

    def for_article(self, page):
        section = self.context.get("section")
        if section is None and page.pk:
            section = page.get_parent().specific
        breadcrumbs = self.context.get("breadcrumbs")
        if breadcrumbs is None:
            breadcrumbs = section.breadcrumbs() if isinstance(section, SectionPage) else []
        tags = self.context.get("tags")
        if tags is None:
            tags = list(page.tags.all())
        canonical_url = self.canonical_url(page)
        description = (
            one_line(page.search_description)
            or one_line(page.lead)
            or one_line(self.first_paragraph(page))
            or self.default_description()
        )
        photo, alt = self.article_photo(page)
        # One lookup for all of them (the renditions cache, else one query).
        try:
            renditions = (
                photo.get_renditions(ARTICLE_SHARE_IMAGE_FILTER, *ARTICLE_IMAGE_FILTERS)
                if photo
                else {}
            )
        except SourceImageIOError:  # an imported photo whose file is missing: no image
            photo, renditions = None, {}
        image = self.image(photo, alt, renditions[ARTICLE_SHARE_IMAGE_FILTER]) if photo else None
        published = page.first_published_at
        modified = page.updated_at or published
        article = {
            "@context": SCHEMA_ORG,
            "@type": "NewsArticle",
            "headline": page.title,
            "description": description,
            "inLanguage": "ko",
            "isAccessibleForFree": True,
            "publisher": self.publisher(),
            "author": self.authors(page),
        }
        if canonical_url:  # not in the preview of an article never published
            article["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical_url}
            article["url"] = canonical_url
        if page.subtitle_lines:
            article["alternativeHeadline"] = page.subtitle_lines[0]
        if renditions:
            article["image"] = list(
                dict.fromkeys(self.absolute(rendition.url) for rendition in renditions.values())
            )
        if published:
            article["datePublished"] = kst_isoformat(published)
            article["dateModified"] = kst_isoformat(modified)
        if section is not None:
            article["articleSection"] = section.title
        if tags:
            article["keywords"] = [tag.name for tag in tags]
        if page.dateline:
            article["dateline"] = page.dateline
        json_ld = [article]
        if breadcrumbs:
            json_ld.append(self.breadcrumb_list(breadcrumbs))
        return self.head(
            title=page.seo_title or page.title,
            description=description,
            canonical_url=canonical_url,
            og_type="article",
            image=image or self.default_image(),
            large_image=image is not None,
            published_time=kst_isoformat(published),
            modified_time=kst_isoformat(modified),
            section=section.title if section is not None else "",
            tags=[tag.name for tag in tags],
            feeds=self.feeds(page, section=section),
            json_ld=json_ld,
        )

    def article_photo(self, page):
        """(photo, caption) of the article's main photo: the chosen one, else the body's first."""
        if page.main_image_id:
            return page.main_image, ""
        for block in page.body:
            if block.block_type == "image" and block.value.get("image"):
                return block.value["image"], caption_for(block.value)
        return None, ""

    def first_paragraph(self, page):
        for block in page.body:
            if block.block_type == "paragraph":
                text = text_for_indexing(block.value.source)
                if text:
                    return text
        return ""

    def authors(self, page):
        reporters = page.reporters
        if not reporters:  # an editorial speaks for the paper
            return [self.publisher()]
        return [
            {
                "@type": "Person",
                "name": reporter.name,
                "jobTitle": reporter.title,
                "url": self.absolute(reporter.get_absolute_url()),
            }
            for reporter in reporters
        ]

    def for_reporter(self, reporter):
        desk = f"{reporter.desk} " if reporter.desk else ""
        return self.head(
            title=reporter.byline,
            description=f"{self.paper} {desk}{reporter.byline}의 기사 목록",
            canonical_url=self.context.get("canonical_url", ""),
            image=(
                self.image(reporter.photo, alt=reporter.byline)
                if reporter.photo_id
                else self.default_image()
            ),
            feeds=self.feeds(reporter),
        )

    def for_tag(self, tag):
        return self.head(
            title=f"#{tag.name}",
            description=f"{self.paper}의 '{tag.name}' 관련 기사 목록",
            canonical_url=self.context.get("canonical_url", ""),
            feeds=self.feeds(tag),
        )

    def for_series(self, series):
        image = self.image(series.image) if series.image_id else None
        return self.head(
            title=series.name,
            description=one_line(series.description) or f"{self.paper} 연재 「{series.name}」",
            canonical_url=self.context.get("canonical_url", ""),
            image=image or self.default_image(),
            large_image=image is not None,
            feeds=self.feeds(series),
        )
