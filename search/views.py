"""Reader search. For now Wagtail's stock backend; the Korean analyser replaces it later."""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from news.models import ArticlePage

from .forms import SearchForm


def search(request):
    form = SearchForm(request.GET)
    query, error, results = "", "", None
    if form.is_valid():
        query = form.cleaned_data["q"]
        if query:
            matches = ArticlePage.objects.live().public().search(query)
            paginator = Paginator(matches, settings.NEWS_SECTION_PAGE_SIZE)
            results = paginator.get_page(form.cleaned_data["page"])
    else:
        error = " ".join(message for messages in form.errors.values() for message in messages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "error": error},
        status=400 if error else 200,
    )
