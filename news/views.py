"""Reader pages outside the page tree: a reporter's articles, a tag's, a series'."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from taggit.models import Tag
from wagtail.models import Site

from .models import ArticlePage, ArticleTag, Reporter, Series

PERMALINK_MAX_AGE = 24 * 60 * 60
MAX_ARTICLE_NUMBER = 2**63 - 1  # a PositiveBigIntegerField; more would be a database error


def _listing(request, articles):
    # get_page() turns any ?page= (text, negative, past the end) into a real page.
    return Paginator(articles, settings.NEWS_SECTION_PAGE_SIZE).get_page(request.GET.get("page"))


def _canonical_url(request, path, page_obj):
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return f"{root}{path}" + (f"?page={page_obj.number}" if page_obj.number > 1 else "")


def article_by_number(request, number):
    """/articles/<number>/: the permanent address of an article (the feeds' guid), 301 to its page.

    The page's own URL holds its section, which changes when an editor moves it.
    """
    article = (
        ArticlePage.objects.live().public().filter(article_number=number).first()
        if number <= MAX_ARTICLE_NUMBER
        else None
    )
    if article is None or article.url is None:
        raise Http404("기사를 찾을 수 없습니다.")
    response = redirect(article.url, permanent=True)
    # Permanent, but the article may move again: browsers and CDNs keep it a day, not forever.
    patch_cache_control(response, public=True, max_age=PERMALINK_MAX_AGE)
    return response


def reporter_page(request, pk):
    reporter = get_object_or_404(
        Reporter.objects.select_related("photo").prefetch_related("photo__renditions"), pk=pk
    )
    articles = _listing(request, reporter.listed_articles())
    return render(
        request,
        "news/reporter_page.html",
        {
            "reporter": reporter,
            "articles": articles,
            "canonical_url": _canonical_url(request, reporter.get_absolute_url(), articles),
        },
    )


def tag_page(request, slug):
    if "\x00" in slug:  # PostgreSQL text cannot hold NUL: no such tag
        raise Http404
    tag = get_object_or_404(Tag, slug=slug)
    tagged = ArticlePage.objects.listed().filter(
        pk__in=ArticleTag.objects.filter(tag=tag).values("content_object_id"),
        alias_of__isnull=True,  # an alias shows the same article a second time
    )
    articles = _listing(request, tagged)
    if not articles.paginator.count:
        # Tags come with articles: one that no live article carries would only give away
        # a scheduled (embargoed) or deleted story's keyword. (The count is the listing's.)
        raise Http404("태그를 찾을 수 없습니다.")
    return render(
        request,
        "news/tag_page.html",
        {
            "tag": tag,
            "articles": articles,
            "canonical_url": _canonical_url(request, request.path, articles),
        },
    )


def series_page(request, slug):
    if "\x00" in slug:
        raise Http404
    series = get_object_or_404(
        Series.objects.select_related("image", "columnist__photo").prefetch_related(
            "image__renditions", "columnist__photo__renditions"
        ),
        slug=slug,
    )
    articles = _listing(request, series.listed_articles())
    return render(
        request,
        "news/series_page.html",
        {
            "series": series,
            "articles": articles,
            "canonical_url": _canonical_url(request, series.get_absolute_url(), articles),
        },
    )
