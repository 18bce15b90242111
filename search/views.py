"""Reader search: the results page and the search box's suggestions.

Both go through the Korean search backend (search.backend). The results page
runs in a fixed number of queries whatever the number of results: reporters are
prefetched, each result's section title comes in the results query itself, and
view restrictions are read once for the sections, results and promotions.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Length, Substr
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from news.models import ArticlePage, ArticleReporter, SectionPage

from .dictionary import current_query_builder
from .forms import MAX_QUERY_LENGTH, SORT_CHOICES, SearchForm, period_start, without_nul
from .highlight import Highlighter, article_text

MAX_SUGGESTIONS = 8
MAX_SUGGEST_QUERY_LENGTH = 100


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def private_pages():
    """Pages behind a view restriction, as a filter for .exclude().

    PageQuerySet.public() reads the restrictions each time it is called; the
    search page reads them once for its sections, results and promotions.
    """
    return Page.objects.private_q()


def top_level_sections(root, private=None):
    """The sections a reader can narrow a search to, in menu order."""
    if root is None:
        return []
    private = private if private is not None else private_pages()
    return list(SectionPage.objects.child_of(root).live().exclude(private).order_by("path"))


def is_searchable(query):
    """Whether the query has a word the index can match (not only particles or symbols)."""
    return bool(query) and bool(current_query_builder().query_words(query))


def article_results(query, *, root=None, section=None, since=None, sort="relevance", private=None):
    """Live, public articles matching `query`, with what a result list shows, in fixed queries."""
    private = private if private is not None else private_pages()
    articles = ArticlePage.objects.live().exclude(private)
    if root is not None:
        articles = articles.descendant_of(root)
    if section is not None:
        articles = articles.descendant_of(section)  # the section and its subsections
    if since is not None:
        articles = articles.filter(first_published_at__gte=since)
    # The parent's title, by the parent's path (the article's path less one step).
    parent_title = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("title")[:1]
    articles = articles.annotate(section_title=Subquery(parent_title)).prefetch_related(
        Prefetch("article_reporters", queryset=ArticleReporter.objects.select_related("reporter"))
    )
    if sort == "newest":
        # `id`, not `pk`: the search backend orders only by indexed filter fields.
        return articles.order_by("-first_published_at", "-id").search(
            query, order_by_relevance=False
        )
    return articles.search(query)


def promotions_for(query, private=None):
    """Editors' picks for the query: live, public pages and external links, in their order.

    Read-only: Query.get(query).editors_picks would create a Query row for every
    query a reader types.
    """
    private = private if private is not None else private_pages()
    public_pages = Page.objects.live().exclude(private).values("pk")
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=public_pages))
        .select_related("page")
        .order_by("sort_order", "pk")
    )


@require_GET
def search(request):
    root = _site_root(request)
    private = private_pages()
    form = SearchForm(request.GET, sections=top_level_sections(root, private))
    context = {"form": form, "query": "", "results": None, "promotions": []}
    if not form.is_valid():
        # The header box keeps what the reader typed; the form shows what is wrong.
        context["query"] = " ".join(form.data.get("q", "").split())[:MAX_QUERY_LENGTH]
        context["errors"] = form.error_messages_text
        return TemplateResponse(request, "search/search.html", context, status=400)

    data = form.cleaned_data
    query = data["q"]
    section = form.selected_section
    context.update(
        query=query,
        sort=data["sort"],
        filtered=bool(section or data["period"]),
        search_params=_search_params(data),
        sort_links=[
            (value, label, _search_params(data, sort=value)) for value, label in SORT_CHOICES
        ],
    )
    if not query:
        return TemplateResponse(request, "search/search.html", context)

    if is_searchable(query):
        matches = article_results(
            query,
            root=root,
            section=section,
            since=period_start(data["period"], timezone.now()),
            sort=data["sort"],
            private=private,
        )
        results = Paginator(matches, settings.NEWS_SECTION_PAGE_SIZE).get_page(data["page"])
        highlighter = Highlighter(query)
        for article in results:
            article.highlighted_title = highlighter.highlight(article.title)
            article.excerpt = highlighter.excerpt(article_text(article))
        context["results"] = results
    if context["results"] is None or context["results"].number == 1:
        context["promotions"] = promotions_for(query, private)
    return TemplateResponse(request, "search/search.html", context)


def _search_params(data, **changes):
    """The search as URL parameters, defaults left out, for pagination and sort links."""
    params = {
        "q": data["q"],
        "section": data["section"],
        "period": data["period"],
        "sort": data["sort"],
        **changes,
    }
    if params["sort"] == "relevance":
        params["sort"] = ""
    return urlencode({name: value for name, value in params.items() if value})


@require_GET
@cache_control(max_age=60, public=True)
def suggest(request):
    """Up to eight live, public articles whose titles start like the query, as JSON."""
    query = " ".join(without_nul(request.GET).get("q", "").split())
    suggestions = []
    if len(query) <= MAX_SUGGEST_QUERY_LENGTH and is_searchable(query):
        root = _site_root(request)
        articles = ArticlePage.objects.live().public().defer_streamfields()
        if root is not None:
            articles = articles.descendant_of(root)
        for article in articles.autocomplete(query)[:MAX_SUGGESTIONS]:
            suggestions.append({"title": article.title, "url": article.get_url(request)})
    return JsonResponse(
        {"query": query, "suggestions": suggestions},
        json_dumps_params={"ensure_ascii": False},
    )
