"""The old CMS's URLs (ND소프트: /news/articleView.html?idxno=N …), 301 to the new pages.

Years of portal links, bookmarks and search-engine entries point at these
addresses. Each form is mapped through a field editors can fill:

- `/news/articleView.html?idxno=N` and `/news/articleViewAmp.html?idxno=N` →
  the live article whose 이전 기사 번호 (`ArticlePage.legacy_idxno`) is N;
- `/news/articleList.html?…` → a section (`sc_section_code`, `sc_sub_section_code`
  → `SectionPage.legacy_code`), a series (`sc_serial_code` → `Series.legacy_code`),
  a reporter (`sc_area=I&sc_word=ID` → `Reporter.legacy_id`), a tag
  (`sc_area=K&sc_word=태그`) or the search (`sc_area=A|T|C&sc_word=…`), keeping
  `page`; with none of these (`view_type=sm` and the like only), the front page;
- `/rss/allArticle.xml`, `/rss/clickTop.xml`, `/rss/S1N1.xml` → the new feeds;
- `/com/privacy.html`, `/com/youthpolicy.html`, `/com/emailno.html` → the standard
  pages with the slugs in FOOTER_PAGES (the slugs load_demo gives them).

A number or code that is missing, malformed or unknown is a 404 (the site's
Korean page), never a 500. A 404 here still passes through Wagtail's
RedirectMiddleware, so an editor can send any old address the mapping misses
(an article that was never imported, a renamed footer page, /com/company.html)
anywhere with a redirect in 설정 › 리디렉트, query string included.

Repeated parameters take the last value, as the old PHP site did.
"""

import re
from urllib.parse import urlencode

from django.db.models import F
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, path, re_path, reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from .models import (
    REPORTER_ID_PATTERN,
    SECTION_CODE_PATTERN,
    SERIES_CODE_PATTERN,
    Reporter,
    SectionPage,
    Series,
)

IDXNO = re.compile(r"[0-9]{1,20}")
SECTION_CODE = re.compile(SECTION_CODE_PATTERN)
SERIES_CODE = re.compile(SERIES_CODE_PATTERN)
REPORTER_ID = re.compile(REPORTER_ID_PATTERN)
PAGE_NUMBER = re.compile(r"[0-9]{1,6}")
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
MAX_WORD_LENGTH = 100

# sc_area of the old article list: I = a reporter's id, K = a keyword (tag);
# A, T, C searched everything, titles, or text: all go to the one search page.
REPORTER_AREA, TAG_AREA, SEARCH_AREAS = "I", "K", ("A", "T", "C")

# Old footer page (/com/NAME.html): slug of the standard page under the site's front page.
FOOTER_PAGES = {
    "privacy": "privacy",  # 개인정보처리방침
    "youthpolicy": "youth-protection",  # 청소년보호정책
    "emailno": "no-email-collection",  # 이메일무단수집거부
}

# Editors may remap an old address later: browsers and proxies keep a 301 a day, not forever.
REDIRECT_MAX_AGE = 60 * 60 * 24


def _moved(url, page_query=""):
    response = HttpResponsePermanentRedirect(url + page_query)
    patch_cache_control(response, public=True, max_age=REDIRECT_MAX_AGE)
    return response


def _param(request, name):
    return request.GET.get(name, "").strip()


def _page_query(request):
    """`?page=N` for a list's page 2 or later; anything else is the first page."""
    page = _param(request, "page")
    if PAGE_NUMBER.fullmatch(page) and int(page) > 1:
        return f"?page={int(page)}"
    return ""


def _page_url(page, request):
    url = page.get_url(request)
    if url is None:  # not under any site
        raise Http404
    return url


@require_safe
def article_view(request):
    """/news/articleView.html?idxno=N (and the AMP page) → the article."""
    idxno = _param(request, "idxno")
    if not IDXNO.fullmatch(idxno):
        raise Http404
    article = (
        Page.objects.live()
        .filter(articlepage__legacy_idxno=str(int(idxno)))  # 0123 is 123
        .only("id", "path", "depth", "url_path")
        .first()
    )
    if article is None:
        raise Http404
    return _moved(_page_url(article, request))


@require_safe
def article_list(request):
    """/news/articleList.html?… → a section, series, reporter, tag, search or the front page."""
    serial_code = _param(request, "sc_serial_code").upper()
    section_codes = [
        code
        for code in (
            _param(request, "sc_sub_section_code").upper(),
            _param(request, "sc_section_code").upper(),
        )
        if code
    ]
    area = _param(request, "sc_area").upper()
    word = _param(request, "sc_word")
    if serial_code:
        return _moved(_series_url(serial_code), _page_query(request))
    if section_codes:
        return _moved(_section_url(request, section_codes), _page_query(request))
    if area == REPORTER_AREA:
        return _moved(_reporter_url(word), _page_query(request))
    if area == TAG_AREA:
        return _moved(_tag_url(word), _page_query(request))
    if area in SEARCH_AREAS and word:
        return _moved(reverse("search") + "?" + urlencode({"q": word[:MAX_WORD_LENGTH]}))
    if area and word:  # a search field the old site had and we do not know
        raise Http404
    return _moved("/")


def _series_url(code):
    if not SERIES_CODE.fullmatch(code):
        raise Http404
    slug = Series.objects.filter(legacy_code=code).values_list("slug", flat=True).first()
    return _reverse("news:series", slug)


def _section_url(request, codes):
    """The first of the codes (sub-section before section) that names a live section."""
    if not all(SECTION_CODE.fullmatch(code) for code in codes):
        raise Http404
    sections = {
        section.legacy_code: section
        for section in SectionPage.objects.live()
        .filter(legacy_code__in=codes)
        .only("id", "path", "depth", "url_path", "legacy_code")
    }
    for code in codes:
        if code in sections:
            return _page_url(sections[code], request)
    raise Http404


def _reporter_url(legacy_id):
    if not REPORTER_ID.fullmatch(legacy_id):
        raise Http404
    pk = Reporter.objects.filter(legacy_id=legacy_id).values_list("pk", flat=True).first()
    return _reverse("news:reporter", pk)


def _tag_url(name):
    # A control character (NUL above all, which PostgreSQL refuses) is in no tag.
    if not name or len(name) > MAX_WORD_LENGTH or CONTROL_CHARACTER.search(name):
        raise Http404
    # Only a tag that articles use: taggit's tags are shared with photos.
    slug = (
        Tag.objects.filter(name__iexact=name, news_articletag_items__isnull=False)
        .order_by("pk")
        .values_list("slug", flat=True)
        .first()
    )
    return _reverse("news:tag", slug)


def _reverse(name, *args):
    if any(arg in (None, "") for arg in args):
        raise Http404
    try:
        return reverse(name, args=args)
    except NoReverseMatch as error:  # e.g. a feed not served, an odd tag slug
        raise Http404 from error


@require_safe
def all_articles_feed(request):
    return _moved(_reverse("feeds:all"))


@require_safe
def most_read_feed(request):
    return _moved(_reverse("feeds:popular"))


@require_safe
def section_feed(request, code):
    """/rss/S1N1.xml → the feed of the section with that code (/rss/region/daejeon/)."""
    code = code.upper()
    if not SECTION_CODE.fullmatch(code):
        raise Http404
    section = (
        SectionPage.objects.live()
        .filter(legacy_code=code)
        .only("id", "path", "depth", "url_path", "slug")
        .first()
    )
    if section is None:
        raise Http404
    # The feed's address is the section's own path, as news.feeds.section_feed_path makes it.
    url_parts = section.get_url_parts(request)
    section_path = url_parts[2].strip("/") if url_parts else ""
    return _moved(_reverse("feeds:section", section_path or section.slug))


@require_safe
def footer_page(request, name):
    """/com/privacy.html → the standard page, also after a rename (Wagtail's own redirect)."""
    slug = FOOTER_PAGES.get(name.lower())
    if slug is None:
        raise Http404
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = (
        Page.objects.live()
        .child_of(site.root_page)
        .filter(slug=slug)
        .only("id", "path", "depth", "url_path")
        .first()
    )
    if page is not None:
        return _moved(_page_url(page, request))
    # Renamed or moved: Wagtail recorded its old address as a redirect.
    renamed = (
        Redirect.get_for_site(site)
        .filter(old_path=Redirect.normalise_path(f"/{slug}/"))
        .order_by(F("site").asc(nulls_last=True))  # this site's before any site's
        .select_related("redirect_page")
        .first()
    )
    if renamed is None or renamed.link is None:
        raise Http404
    return _moved(renamed.link)


urlpatterns = [
    path("news/articleView.html", article_view, name="legacy_article"),
    path("news/articleViewAmp.html", article_view, name="legacy_article_amp"),
    path("news/articleList.html", article_list, name="legacy_article_list"),
    path("rss/allArticle.xml", all_articles_feed, name="legacy_feed_all"),
    path("rss/clickTop.xml", most_read_feed, name="legacy_feed_popular"),
    # Any name, so an odd one is this view's 404 rather than APPEND_SLASH's detour to a feed.
    re_path(r"^rss/(?P<code>[^/]+)\.xml$", section_feed, name="legacy_feed_section"),
    re_path(r"^com/(?P<name>[^/]+)\.html$", footer_page, name="legacy_footer_page"),
]
