"""Wagtail's read-only API v2 at /api/v2/: live, public pages, searchable in Korean.

`?search=` goes through the site's default search backend (search.backend), so
`/api/v2/pages/?search=대전&type=news.ArticlePage` finds 대전시가, 대전의 … as the
reader search does. Drafts and pages behind a view restriction never appear
(Wagtail's get_public_pages_queryset).
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

SEARCH_OPERATORS = ("and", "or")


class CheckedSearchFilter(SearchFilter):
    """Wagtail's search filter, with a bad `search_operator` a 400 rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if "search" in request.GET and operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


class NewsroomPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        CheckedSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NewsroomPagesAPIViewSet)
