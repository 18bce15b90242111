"""Reader search. For now Wagtail's stock backend; the Korean analyser replaces it later."""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from news.models import ArticlePage

MAX_QUERY_LENGTH = 100


def search(request):
    query = request.GET.get("q", "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = f"검색어는 {MAX_QUERY_LENGTH}자 이내로 입력해 주세요."
    elif query:
        matches = ArticlePage.objects.live().public().search(query)
        paginator = Paginator(matches, settings.NEWS_SECTION_PAGE_SIZE)
        results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "error": error},
        status=400 if error else 200,
    )
