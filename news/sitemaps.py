"""/sitemap.xml (Wagtail's sitemaps), /news-sitemap.xml (Google News) and /robots.txt (issue 7).

/sitemap.xml lists every live, public page of the request's site and the reporter, tag and
series pages that have articles. While everything fits in one sitemap (SITEMAP_PAGE_SIZE,
50,000 URLs by default) it is that sitemap; beyond, it becomes a sitemap index pointing at
/sitemap-<section>.xml?p=N, each page with the latest change of its own URLs.
"""

import datetime
import re

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import Coalesce, Concat, Greatest, RowNumber
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.xmlutils import SimplerXMLGenerator
from taggit.models import Tag
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.models import Page, Site

from home.models import Masthead
from readership.queries import not_private

from .models import ArticlePage, Reporter, Series

# Google's limit for one sitemap file; settings.SITEMAP_PAGE_SIZE may lower it (tests do).
SITEMAP_MAX_URLS = 50_000
NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_MAX_URLS = 1_000
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
KST = datetime.timezone(datetime.timedelta(hours=9))
# XML 1.0 cannot carry these; imported titles sometimes do (a stray vertical tab).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Reader-facing paths that are not content: kept out of search engines by robots.txt.
# /search/ covers the result pages and their suggestions.
ROBOTS_DISALLOW = [
    "/admin/",
    "/search/",
    "/accounts/",
    "/comments/",
    "/readership/",
    "/ads/",
    "/api/",
]


def request_site(request):
    """The request's Wagtail site, else the default one (sitemaps are asked for by robots)."""
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:  # a fresh install before its first site: nothing to list yet
        raise Http404("사이트가 아직 설정되지 않았습니다.")
    return site


def live_public(model=Page):
    """Live, public (not in a private section), started and not expired: what readers see.

    An expired page stays live until Wagtail's publish_scheduled command runs, hence the
    explicit times (as the feeds do).
    """
    now = timezone.now()
    return model.objects.live().filter(
        not_private(),
        Q(go_live_at__isnull=True) | Q(go_live_at__lte=now),
        Q(expire_at__isnull=True) | Q(expire_at__gt=now),
    )


def kst_isoformat(moment):
    """`2022-04-07T16:33:00+09:00`: W3C datetime in KST."""
    return moment.astimezone(KST).isoformat(timespec="seconds")


def sitemap_page_size():
    return getattr(settings, "SITEMAP_PAGE_SIZE", SITEMAP_MAX_URLS)


class SiteSitemap(WagtailSitemap):
    """A sitemap section of one Wagtail site, with absolute URLs from the site's root URL.

    Subclasses give `queryset()`, ordered by `ordering` (unique) and annotated with
    `lastmod_value`, and `location(item)`. Each page of a section costs a fixed number of
    queries, however many URLs it holds.
    """

    ordering = ("pk",)
    # The URL count when the index already counted it (saves the paginator its query).
    known_count = None

    @property
    def limit(self):
        return sitemap_page_size()

    @cached_property
    def paginator(self):
        paginator = Paginator(self.items(), self.limit)
        if self.known_count is not None:
            paginator.count = self.known_count
        return paginator

    @cached_property
    def site(self):
        return request_site(self.request)

    def items(self):
        # Built once: the paginator and the index summaries share it.
        if not hasattr(self, "_queryset"):
            self._queryset = self.queryset()
        return self._queryset

    def lastmod(self, item):
        return item.lastmod_value

    def url_info(self, item):
        return [{"item": item, "location": self.location(item), "lastmod": self.lastmod(item)}]

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            urls.extend(self.url_info(item))
        last_mods = [url.get("lastmod") for url in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def page_summaries(self):
        """(URL count, latest lastmod) of each page of this section, in one query."""
        ranked = (
            self.items()
            .order_by()
            .annotate(
                sitemap_row=Window(RowNumber(), order_by=[F(key).asc() for key in self.ordering])
            )
            .values("sitemap_row", "lastmod_value")
        )
        sql, params = ranked.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT (sitemap_row - 1) / %s AS sitemap_page, COUNT(*), MAX(lastmod_value) "
                f"FROM ({sql}) AS ranked GROUP BY sitemap_page ORDER BY sitemap_page",
                [self.limit, *params],
            )
            summaries = [(count, lastmod) for _page, count, lastmod in cursor.fetchall()]
        self.known_count = sum(count for count, _lastmod in summaries)
        return summaries


class PageSitemap(SiteSitemap):
    """Every live, public page of the site; an alias is left out (its original is listed).

    A page's last change is its last publication, or for a page with pages under it (the
    front page, a section) the latest publication below it, since it lists them.
    Pages are read as plain Page rows, in one query per sitemap page: none of our page
    types changes Wagtail's get_sitemap_urls, and one that does is asked as its specific
    page.
    """

    ordering = ("path",)

    def queryset(self):
        own_change = Coalesce("last_published_at", "latest_revision_created_at")
        # A range on the path (C collation, so "~" sorts after every path character) lets
        # PostgreSQL read the descendants from the path index.
        latest_below = (
            live_public()
            .filter(path__gt=OuterRef("path"), path__lt=Concat(OuterRef("path"), Value("~")))
            .order_by(F("last_published_at").desc(nulls_last=True))
            .values("last_published_at")[:1]
        )
        return (
            live_public()
            .descendant_of(self.site.root_page, inclusive=True)
            .filter(alias_of__isnull=True)
            .annotate(
                lastmod_value=Case(
                    When(numchild__gt=0, then=Greatest(own_change, Subquery(latest_below))),
                    default=own_change,
                )
            )
            .only("id", "path", "depth", "url_path", "content_type_id")
            .order_by("path")
        )

    def url_info(self, item):
        specific_class = item.specific_class
        if specific_class and specific_class.get_sitemap_urls is not Page.get_sitemap_urls:
            return item.specific.get_sitemap_urls(self.request)
        return [
            {
                "item": item,
                "location": item.get_full_url(self.request),
                "lastmod": item.lastmod_value,
            }
        ]


class ListingSitemap(SiteSitemap):
    """Listing pages outside the page tree (Django views) that list at least one article."""

    def latest_article_change(self, **filters):
        """The last publication among the listed articles, as a subquery."""
        latest = (
            live_public(ArticlePage)
            .descendant_of(self.site.root_page)
            .filter(alias_of__isnull=True, **filters)
            .order_by("-last_published_at")
            .values("last_published_at")[:1]
        )
        return Subquery(latest)

    def location(self, item):
        return self.site.root_url + self.path(item)


class ReporterSitemap(ListingSitemap):
    def queryset(self):
        return (
            Reporter.objects.annotate(
                lastmod_value=self.latest_article_change(article_reporters__reporter=OuterRef("pk"))
            )
            .filter(lastmod_value__isnull=False)
            .only("pk")
            .order_by("pk")
        )

    def path(self, item):
        return item.get_absolute_url()


class TagSitemap(ListingSitemap):
    def queryset(self):
        return (
            Tag.objects.annotate(
                lastmod_value=self.latest_article_change(tagged_items__tag=OuterRef("pk"))
            )
            .filter(lastmod_value__isnull=False)
            .exclude(slug="")  # a name of symbols only (★) has no slug, hence no page
            .only("pk", "slug")
            .order_by("pk")
        )

    def path(self, item):
        return reverse("news:tag", args=[item.slug])


class SeriesSitemap(ListingSitemap):
    def queryset(self):
        return (
            Series.objects.annotate(lastmod_value=self.latest_article_change(series=OuterRef("pk")))
            .filter(lastmod_value__isnull=False)
            .only("pk", "slug")
            .order_by("pk")
        )

    def path(self, item):
        return item.get_absolute_url()


SITEMAP_SECTIONS = {
    "pages": PageSitemap,
    "reporters": ReporterSitemap,
    "tags": TagSitemap,
    "series": SeriesSitemap,
}


def build_sitemaps(request):
    return {name: section(request) for name, section in SITEMAP_SECTIONS.items()}


def sitemap(request):
    """One sitemap while every URL fits in one, else an index of the sections' pages."""
    sitemaps = build_sitemaps(request)
    summaries = {name: section.page_summaries() for name, section in sitemaps.items()}
    total = sum(count for pages in summaries.values() for count, _lastmod in pages)
    if total <= sitemap_page_size():
        return sitemap_views.sitemap(request, sitemaps)
    if "p" in request.GET:
        raise Http404("사이트맵 색인에는 쪽 번호가 없습니다.")
    root_url = request_site(request).root_url
    entries = []
    for name, pages in summaries.items():
        location = root_url + reverse("sitemap_section", args=[name])
        for number, (_count, lastmod) in enumerate(pages, start=1):
            entries.append(
                SitemapIndexItem(location if number == 1 else f"{location}?p={number}", lastmod)
            )
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, build_sitemaps(request), section=section)


def news_sitemap(request):
    """Google News: the site's articles of the last 48 hours, newest first, at most 1,000."""
    site = request_site(request)
    masthead = Masthead.for_request(request)
    paper_name = masthead.title if masthead else settings.WAGTAIL_SITE_NAME
    now = timezone.now()
    articles = (
        live_public(ArticlePage)
        .descendant_of(site.root_page)
        .filter(
            alias_of__isnull=True,
            first_published_at__gte=now - datetime.timedelta(hours=NEWS_SITEMAP_HOURS),
            first_published_at__lte=now,
        )
        .only("id", "path", "url_path", "title", "first_published_at")
        .order_by("-first_published_at", "-pk")[:NEWS_SITEMAP_MAX_URLS]
    )
    response = HttpResponse(content_type="application/xml; charset=utf-8")
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    xml = SimplerXMLGenerator(response, "utf-8")
    xml.startDocument()
    xml.startElement("urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
    for article in articles:
        xml.startElement("url", {})
        xml.addQuickElement("loc", article.get_full_url(request))
        xml.startElement("news:news", {})
        xml.startElement("news:publication", {})
        xml.addQuickElement("news:name", XML_FORBIDDEN.sub("", paper_name))
        xml.addQuickElement("news:language", "ko")
        xml.endElement("news:publication")
        xml.addQuickElement("news:publication_date", kst_isoformat(article.first_published_at))
        xml.addQuickElement("news:title", XML_FORBIDDEN.sub("", article.title))
        xml.endElement("news:news")
        xml.endElement("url")
    xml.endElement("urlset")
    xml.endDocument()
    return response


def robots_txt(request):
    root_url = request_site(request).root_url
    lines = ["User-agent: *", *(f"Disallow: {path_}" for path_ in ROBOTS_DISALLOW), ""]
    lines += [
        f"Sitemap: {root_url}{reverse('sitemap')}",
        f"Sitemap: {root_url}{reverse('news_sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", news_sitemap, name="news_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
