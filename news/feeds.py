"""RSS 2.0 feeds under /rss/ (issue 7): all sections, a section, most read, a reporter, a series, a tag.

Each carries the latest live public articles with their full text (content:encoded) and main
photo, built in a fixed number of queries however many articles it holds. `alternate_feeds()`
tells the page head which feeds to advertise.
"""

import mimetypes
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.template import Context
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.text import Truncator
from taggit.models import Tag
from wagtail.blocks import StreamValue
from wagtail.embeds.blocks import EmbedBlock
from wagtail.models import Page, Site
from wagtail.rich_text import RichText, expand_db_html

from home.models import HomePage, Masthead
from readership.queries import not_private, ranked_articles

from .blocks import ArticleBodyBlock, caption_for, credit_for, text_for_indexing
from .models import (
    ArticlePage,
    ArticleReporter,
    ArticleTag,
    ArticleType,
    Reporter,
    SectionPage,
    Series,
)
from .templatetags.news_tags import KST, article_body

app_name = "feeds"

FEED_LENGTH = 50
# Feeds may be served from a cache (browsers, a CDN, the page cache) this long: readers poll
# every few minutes, and a new article appearing five minutes late in a feed harms no one.
DEFAULT_MAX_AGE = 300
# The main photo's enclosure: the same rendition as the body's photos and og:image.
ENCLOSURE_FILTER = "width-1200|watermark"  # the photo as the article shows it
DESCRIPTION_LENGTH = 200
# The most-read feed ranks the last 24 hours, like the 많이 본 뉴스 box's default and the old
# CMS's clickTop.xml: a feed is polled every few minutes, so it should say what is read now,
# not what was read last week.
POPULAR_PERIOD = "day"

CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/"

# XML 1.0 cannot carry these; imported text sometimes does (a stray vertical tab).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# href="/…" and src="/…" (not protocol-relative //host/…): made absolute for feed readers.
ROOT_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')
RICH_TEXT_SEPARATOR = "<!--feed-paragraph-->"


def max_age():
    return getattr(settings, "NEWS_FEED_MAX_AGE", DEFAULT_MAX_AGE)


def xml_text(value):
    return XML_FORBIDDEN.sub("", value) if value else value


# The head's <link rel="alternate">


def alternate_feeds(obj, request=None, section=None):
    """[(title, url)] of the RSS feeds the page showing `obj` advertises.

    `obj` is a HomePage (all articles and 많이 본 뉴스), a SectionPage (its feed), an
    ArticlePage (its section's feed), a Reporter, a Series or a taggit Tag (theirs);
    anything else has none. With `request`, titles start with the masthead's title and
    URLs are absolute. On an article page pass its `section` to save a query.
    """
    reader = Reader.of(request) if request is not None else None
    paper = reader.paper if reader else ""

    def titled(name):
        return f"{paper} - {name}" if paper else name

    if isinstance(obj, HomePage):
        feeds = [
            (titled(AllArticlesFeed.name), reverse("feeds:all")),
            (titled(PopularFeed.name), reverse("feeds:popular")),
        ]
    elif isinstance(obj, SectionPage):
        feeds = [(titled(obj.title), section_feed_path(obj, request))]
    elif isinstance(obj, ArticlePage):
        section = section or (obj.get_parent() if obj.pk else None)  # a new article's preview
        feeds = [(titled(section.title), section_feed_path(section, request))] if section else []
    elif isinstance(obj, Reporter):
        feeds = [(titled(obj.byline), reverse("feeds:reporter", args=[obj.pk]))]
    elif isinstance(obj, Series):
        feeds = [(titled(obj.name), reverse("feeds:series", args=[obj.slug]))]
    elif isinstance(obj, Tag):
        feeds = [(titled(f"#{obj.name}"), reverse("feeds:tag", args=[obj.slug]))]
    else:
        feeds = []
    if reader:
        feeds = [(title, reader.absolute(url)) for title, url in feeds]
    return feeds


def section_feed_path(section, request=None):
    """/rss/region/daejeon/: the section's own path, so sections sharing a slug never mix."""
    url_parts = section.get_url_parts(request)
    section_path = url_parts[2].strip("/") if url_parts else ""
    return reverse("feeds:section", args=[section_path or section.slug])


# Which articles a feed may carry


def visible(articles, site, now=None):
    """Live, public, started and not expired; not an alias (the same article a second time).

    An expired page stays live until Wagtail's publish_scheduled command runs, and a live
    page can carry a future go_live_at (an embargo), hence the explicit times.
    """
    now = now or timezone.now()
    articles = articles.live().filter(
        not_private(),
        Q(go_live_at__isnull=True) | Q(go_live_at__lte=now),
        Q(expire_at__isnull=True) | Q(expire_at__gt=now),
        alias_of__isnull=True,
    )
    if site is not None:
        articles = articles.descendant_of(site.root_page)
    return articles


def newest_first(articles):
    return articles.order_by("-first_published_at", "-pk")


def with_feed_relations(articles):
    """Everything an item shows but the body, in a fixed number of queries."""
    return articles.select_related("listing_image").prefetch_related(
        "listing_image__renditions",
        Prefetch("article_reporters", queryset=ArticleReporter.objects.select_related("reporter")),
        Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag").order_by("pk")),
    )


# The XML


class NewsFeedGenerator(Rss201rev2Feed):
    """RSS 2.0 with the full text (content:encoded) and the photo's caption (Media RSS)."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NAMESPACE,
            "xmlns:media": MEDIA_NAMESPACE,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_encoded"):
            handler.addQuickElement("content:encoded", item["content_encoded"])
        photo = item.get("photo")
        if photo:
            handler.startElement(
                "media:content",
                {
                    "url": photo.url,
                    "type": photo.mime_type,
                    "medium": "image",
                    "fileSize": str(photo.length),
                    "width": str(photo.width),
                    "height": str(photo.height),
                },
            )
            if photo.description:
                handler.addQuickElement("media:description", photo.description, {"type": "plain"})
            if photo.credit:
                handler.addQuickElement("media:credit", photo.credit)
            handler.endElement("media:content")

    def latest_post_date(self):
        """lastBuildDate in KST, like the items' pubDate."""
        return timezone.localtime(super().latest_post_date(), KST)


# The channel


def site_root(request, site):
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


@dataclass
class Reader:
    """Who asks: the request, its Wagtail site and masthead (one lookup each per request)."""

    request: object
    site: Site | None
    masthead: Masthead | None

    @classmethod
    def of(cls, request):
        return cls(request, Site.find_for_request(request), Masthead.for_request(request))

    @property
    def paper(self):
        if self.masthead:
            return self.masthead.title
        return (self.site.site_name if self.site else "") or settings.WAGTAIL_SITE_NAME

    @property
    def root(self):
        return site_root(self.request, self.site)

    def absolute(self, url):
        return urljoin(self.root + "/", url)


@dataclass
class Channel:
    """What one feed is about, and its articles (ordered, not yet sliced)."""

    reader: Reader
    name: str
    link: str
    description: str
    articles: object

    @property
    def title(self):
        return f"{self.reader.paper} - {self.name}"


class ArticleFeed(Feed):
    """An RSS 2.0 feed of articles; each subclass's `channel()` says which."""

    feed_type = NewsFeedGenerator
    language = "ko"
    name = ""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=max_age())
        return response

    def get_object(self, request, **kwargs):
        return self.channel(Reader.of(request), **kwargs)

    def channel(self, reader, **kwargs):
        raise NotImplementedError

    def ttl(self):
        return max(1, max_age() // 60)  # minutes, as RSS counts them

    def title(self, channel):
        return xml_text(channel.title)

    def link(self, channel):
        return channel.link

    def feed_url(self, channel):
        """atom:link rel=self, on the same host as the articles' links."""
        return channel.reader.absolute(channel.reader.request.path)

    def description(self, channel):
        return xml_text(channel.description)

    def feed_copyright(self, channel):
        masthead = channel.reader.masthead
        return xml_text(masthead.copyright_line) if masthead else None

    def items(self, channel):
        return build_entries(channel)

    # An item is a FeedEntry (below): everything already computed in fixed queries.

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        # By number alone: moving the article to another section keeps its guid.
        return entry.guid

    def item_guid_is_permalink(self, entry):
        return True

    def item_description(self, entry):
        return entry.description

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated

    # Django writes an author name without an email as <dc:creator>, which feed readers
    # show as the author; RSS's own <author> must be an email address, and the byline is names.
    def item_author_name(self, entry):
        return entry.byline or None

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        photo = entry.photo
        return [Enclosure(photo.url, str(photo.length), photo.mime_type)] if photo else []

    def item_extra_kwargs(self, entry):
        return {"content_encoded": entry.content, "photo": entry.photo}


class AllArticlesFeed(ArticleFeed):
    name = "전체 기사"

    def channel(self, reader):
        return Channel(
            reader,
            self.name,
            link=reader.absolute("/"),
            description=f"{reader.paper}의 모든 섹션 최신 기사",
            articles=newest_first(visible(ArticlePage.objects.all(), reader.site)),
        )


class PopularFeed(ArticleFeed):
    name = "많이 본 뉴스"

    def channel(self, reader):
        # readership.queries.most_read() is this ranking sliced, without the bodies; a feed
        # needs the bodies and its own prefetches, so it starts from the ranking itself.
        return Channel(
            reader,
            self.name,
            link=reader.absolute("/"),
            description=f"{reader.paper}에서 최근 24시간 동안 독자가 많이 읽은 기사",
            articles=visible(ranked_articles(POPULAR_PERIOD), reader.site),
        )


class SectionFeed(ArticleFeed):
    def channel(self, reader, slug):
        section = find_section(reader.site, slug)
        return Channel(
            reader,
            section.title,
            link=section.get_full_url(reader.request),
            description=section.description or f"{reader.paper} {section.title} 기사",
            articles=newest_first(visible(ArticlePage.objects.descendant_of(section), reader.site)),
        )


def find_section(site, slug):
    """A live public section by its path under the site (region/daejeon) or its slug.

    Slugs are unique only among siblings; by slug alone, the shallowest section wins.
    """
    slug = slug.strip("/")
    if not slug or "\x00" in slug:
        raise Http404("섹션을 찾을 수 없습니다.")
    sections = SectionPage.objects.live().filter(not_private())
    if site is not None:
        sections = sections.descendant_of(site.root_page)
    if "/" in slug:
        if site is None:
            raise Http404("섹션을 찾을 수 없습니다.")
        sections = sections.filter(url_path=f"{site.root_page.url_path}{slug}/")
    else:
        sections = sections.filter(slug=slug)
    section = sections.order_by("depth", "path").first()
    if section is None:
        raise Http404("섹션을 찾을 수 없습니다.")
    return section


class ReporterFeed(ArticleFeed):
    def channel(self, reader, pk):
        reporter = Reporter.objects.filter(pk=pk).first()
        if reporter is None:
            raise Http404("기자를 찾을 수 없습니다.")
        by_reporter = ArticlePage.objects.filter(
            pk__in=ArticleReporter.objects.filter(reporter=reporter).values("page_id")
        )
        return Channel(
            reader,
            reporter.byline,
            link=reader.absolute(reporter.get_absolute_url()),
            description=f"{reader.paper} {reporter.byline}의 기사",
            articles=newest_first(visible(by_reporter, reader.site)),
        )


class SeriesFeed(ArticleFeed):
    def channel(self, reader, slug):
        series = Series.objects.filter(slug=slug).first() if "\x00" not in slug else None
        if series is None:
            raise Http404("연재를 찾을 수 없습니다.")
        return Channel(
            reader,
            series.name,
            link=reader.absolute(series.get_absolute_url()),
            description=series.description or f"{reader.paper} 연재 {series.name}",
            articles=newest_first(visible(ArticlePage.objects.filter(series=series), reader.site)),
        )


class TagFeed(ArticleFeed):
    def channel(self, reader, slug):
        # Only a tag that a visible article carries: the tag of a scheduled (embargoed) or
        # deleted article alone would give its story away. Still one query.
        shown = ArticleTag.objects.filter(
            content_object__in=visible(ArticlePage.objects.all(), reader.site)
        )
        tag = (
            Tag.objects.filter(slug=slug, pk__in=shown.values("tag_id")).first()
            if "\x00" not in slug
            else None
        )
        if tag is None:
            raise Http404("태그를 찾을 수 없습니다.")
        tagged = ArticlePage.objects.filter(
            pk__in=ArticleTag.objects.filter(tag=tag).values("content_object_id")
        )
        return Channel(
            reader,
            f"#{tag.name}",
            link=reader.absolute(reverse("news:tag", args=[tag.slug])),
            description=f"{reader.paper}의 '{tag.name}' 태그 기사",
            articles=newest_first(visible(tagged, reader.site)),
        )


# The items


@dataclass
class FeedPhoto:
    url: str
    length: int
    mime_type: str
    width: int
    height: int
    caption: str
    credit: str

    @property
    def description(self):
        """`caption (사진=credit)`, as the article page prints it after ▲."""
        credit = f"(사진={self.credit})" if self.credit else ""
        return " ".join(part for part in (self.caption, credit) if part)


@dataclass
class FeedEntry:
    title: str
    link: str
    guid: str
    description: str
    content: str
    published: object
    updated: object
    byline: str
    categories: list = field(default_factory=list)
    photo: FeedPhoto | None = None


class FeedBodyBlock(ArticleBodyBlock):
    """The article body as the article page renders it, but an embed is a plain link.

    The page keeps an embed's player in a <template> behind a button (loaded on request);
    a feed reader runs neither, and rendering the player would fetch from the provider.
    """

    embed = EmbedBlock(label="동영상·SNS 삽입", template="news/feeds/embed_block.html")


FEED_BODY = FeedBodyBlock()


def build_entries(channel):
    """The channel's first FEED_LENGTH articles as FeedEntry, in a fixed number of queries."""
    articles = list(with_feed_relations(channel.articles)[:FEED_LENGTH])
    section_titles = dict(
        SectionPage.objects.filter(
            path__in={article.path[: -Page.steplen] for article in articles}
        ).values_list("path", "title")
    )
    bodies = FeedBodies(articles, channel)
    entries = []
    for article in articles:
        section_title = section_titles.get(article.path[: -Page.steplen])
        tags = [tagged.tag.name for tagged in article.tagged_items.all()]
        categories = list(dict.fromkeys(filter(None, [section_title, *tags])))
        published = article.first_published_at or article.last_published_at
        updated = article.updated_at or published
        entries.append(
            FeedEntry(
                title=xml_text(article.title),
                link=article.get_full_url(channel.reader.request),
                guid=channel.reader.absolute(
                    reverse("news:article_by_number", args=[article.article_number])
                ),
                description=xml_text(bodies.summary(article)),
                content=xml_text(bodies.content(article)),
                published=timezone.localtime(published, KST),
                updated=timezone.localtime(updated, KST),
                byline=xml_text(article.byline),
                categories=[xml_text(category) for category in categories],
                photo=main_photo(article, bodies.blocks(article), channel),
            )
        )
    return entries


class FeedBodies:
    """The bodies of a feed's articles, their photos and links looked up once for all of them.

    Rendering each article's StreamField on its own would cost a query for its photos,
    one per photo for the rendition and one per paragraph with an internal link.
    """

    def __init__(self, articles, channel):
        self.channel = channel
        self._blocks = {}
        raw_by_type = defaultdict(list)  # block type → [(article pk, position, raw value, id)]
        for article in articles:
            raw_blocks = [
                raw for raw in article.body.raw_data if raw["type"] in FEED_BODY.child_blocks
            ]
            self._blocks[article.pk] = [None] * len(raw_blocks)
            for position, raw in enumerate(raw_blocks):
                raw_by_type[raw["type"]].append((article.pk, position, raw["value"], raw.get("id")))
        for block_type, raws in raw_by_type.items():
            child_block = FEED_BODY.child_blocks[block_type]
            values = child_block.bulk_to_python([raw[2] for raw in raws])  # one query per type
            if block_type == "paragraph":
                values = expand_links(values)
            for (pk, position, _raw, block_id), value in zip(raws, values, strict=True):
                self._blocks[pk][position] = StreamValue.StreamChild(
                    child_block, value, id=block_id
                )
        photos = [
            block.value["image"]
            for blocks in self._blocks.values()
            for block in blocks
            if block.block_type == "image" and block.value.get("image")
        ]
        prefetch_related_objects(photos, "renditions")

    def blocks(self, article):
        """The body's blocks; photos whose image was deleted are left out."""
        return [
            block
            for block in self._blocks.get(article.pk, [])
            if block.block_type != "image" or block.value.get("image")
        ]

    def summary(self, article):
        """The lead, or the body's opening words when the article has none."""
        if article.lead.strip():
            return article.lead.strip()
        text = " ".join(
            text_for_indexing(block.value.source)
            for block in self.blocks(article)
            if block.block_type == "paragraph"
        )
        return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)

    def content(self, article):
        """The body's HTML as the article page shows it, with absolute URLs."""
        blocks = self.blocks(article)
        if (
            article.article_type == ArticleType.PHOTO
            and article.main_image_id
            and article.listing_image
            and not any(block.block_type == "image" for block in blocks)
        ):
            # A 포토 article opens with its main photo; the page looks it up itself, so the
            # feed hands it over from the listing image (the same photo, renditions prefetched).
            image_block = FEED_BODY.child_blocks["image"]
            value = image_block.normalize({"image": article.listing_image})
            blocks = [StreamValue.StreamChild(image_block, value, id=None), *blocks]
        # article_body() reads page.body: give it the prepared blocks, not the stored ones.
        article.__dict__["body"] = StreamValue(FEED_BODY, blocks)
        reader = self.channel.reader
        context = Context({"request": reader.request, "page": article})
        html = article_body(context, article, reader.paper)
        subtitles = "".join(
            str(format_html("<p><strong>{}</strong></p>", line)) for line in article.subtitle_lines
        )
        notice = (
            str(format_html("<p>{}</p>", reader.masthead.article_copyright_notice))
            if reader.masthead and reader.masthead.article_copyright_notice
            else ""
        )
        root = reader.root
        return ROOT_RELATIVE_URL.sub(
            lambda match: f'{match[1]}{root}{match[2]}"', subtitles + html + notice
        )


def expand_links(rich_texts):
    """Rich text with its internal links expanded, for all paragraphs in one lookup."""
    if not rich_texts:
        return rich_texts
    expanded = expand_db_html(RICH_TEXT_SEPARATOR.join(text.source for text in rich_texts))
    parts = expanded.split(RICH_TEXT_SEPARATOR)
    if len(parts) != len(rich_texts):  # a paragraph held the separator itself
        parts = [expand_db_html(text.source) for text in rich_texts]
    return [RichText(part) for part in parts]


def main_photo(article, blocks, channel):
    """The main photo's enclosure, with the caption and credit the article shows for it."""
    image = article.listing_image
    if image is None:
        return None
    try:
        rendition = image.get_rendition(ENCLOSURE_FILTER)
        length = rendition.file.size
    except OSError:  # the photo's file is missing from storage: no enclosure rather than a 500
        return None
    caption, credit = image.default_caption, image.default_credit
    if not article.main_image_id:  # the listing image is the body's first photo
        first = next(
            (
                block.value
                for block in blocks
                if block.block_type == "image" and block.value["image"].pk == image.pk
            ),
            None,
        )
        if first is not None:
            caption, credit = caption_for(first), credit_for(first)
    return FeedPhoto(
        url=channel.reader.absolute(rendition.url),
        length=length,
        mime_type=mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
        width=rendition.width,
        height=rendition.height,
        caption=xml_text(caption),
        credit=xml_text(credit),
    )


# The fixed feeds come before the section feed, whose path takes anything.
urlpatterns = [
    path("", AllArticlesFeed(), name="all"),
    path("popular/", PopularFeed(), name="popular"),
    path("reporter/<int:pk>/", ReporterFeed(), name="reporter"),
    path("series/<str:slug>/", SeriesFeed(), name="series"),
    path("tag/<str:slug>/", TagFeed(), name="tag"),
    path("<path:slug>/", SectionFeed(), name="section"),
]
