"""Wagtail's read-only API v2 at /api/v2/: pages, images and documents, searchable in Korean.

Only live pages that anyone may read are served: drafts, pages waiting for a
scheduled publication (or past their expiry) and pages behind a view restriction
(a password, a login, a group) never appear in a listing, a detail, `find/` or a
search, whoever asks, so every answer is the same for everyone. Only GET (and
HEAD) is routed: POST, PUT, PATCH and DELETE are 405.

`?search=` goes through the site's default search backend (search.backend), so
`/api/v2/pages/?search=대전&type=news.ArticlePage` finds 대전시가, 대전의 … as the
reader search does.

Article fields (news.models.ArticlePage.api_fields, serialised by news/api.py)
load what they need for the whole listing at once, so a listing costs the same
number of queries for 2 articles as for 20 (tests/test_api.py).
"""

from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from rest_framework.fields import Field
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page

from news.api import Batch, TagNamesField

SEARCH_OPERATORS = ("and", "or")


class CheckedSearchFilter(SearchFilter):
    """Wagtail's search filter, with a bad `search_operator` a 400 rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if "search" in request.GET and operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


def _checked(filter_backends):
    return [
        CheckedSearchFilter if backend is SearchFilter else backend for backend in filter_backends
    ]


class BatchedListingMixin:
    """Hands the serialiser fields the whole page of results (news.api.Batch)."""

    def paginate_queryset(self, queryset):
        self.api_batch = Batch(super().paginate_queryset(queryset))
        return self.api_batch.objects


class BatchedLocaleField(Field):
    """Wagtail's `locale` meta field (`?fields=*`), with the listing's locales in one query."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        locales = Batch.of(self, page).load(
            "locales", lambda pages: Locale.objects.in_bulk({p.locale_id for p in pages})
        )
        return locales[page.locale_id].language_code


class BatchedAliasOfField(PageAliasOfField):
    """Wagtail's `alias_of` meta field, with the listing's originals in one query."""

    def get_attribute(self, instance):
        if instance.alias_of_id is None:
            return None
        Batch.of(self, instance).load(
            "alias_of", lambda pages: prefetch_related_objects(pages, "alias_of")
        )
        return instance.alias_of


class NewsroomPagesAPIViewSet(BatchedListingMixin, PagesAPIViewSet):
    filter_backends = _checked(PagesAPIViewSet.filter_backends)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        overrides.setdefault("locale", BatchedLocaleField(read_only=True))
        overrides.setdefault("alias_of", BatchedAliasOfField(read_only=True))
        return overrides

    _base_queryset = None

    def get_base_queryset(self):
        # Asked for by the listing, its serialiser and its filters: built once per request.
        if self._base_queryset is None:
            self._base_queryset = self._public_pages()
        return self._base_queryset

    def _public_pages(self):
        # Wagtail lets a request that passes a restriction (a logged-in reader, a
        # password in the session) see the restricted pages; the API serves none.
        # A live page may carry a future go_live_at (an embargo) or a past expire_at
        # until publish_scheduled runs: neither is served either.
        now = timezone.now()
        not_showing = Page.objects.filter(Q(go_live_at__gt=now) | Q(expire_at__lte=now))
        # By id (an indexed filter field), so `?search=` may search this queryset.
        return super().get_base_queryset().public().exclude(pk__in=not_showing.values("pk"))


class TagsPrefetchMixin(BatchedListingMixin):
    """Tags from one prefetch for the listing instead of one query per item."""

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        overrides.setdefault("tags", TagNamesField(read_only=True))
        return overrides

    def paginate_queryset(self, queryset):
        objects = super().paginate_queryset(queryset)
        self.api_batch.load("tags", lambda items: prefetch_related_objects(items, "tags"))
        return objects


class NewsroomImagesAPIViewSet(TagsPrefetchMixin, ImagesAPIViewSet):
    filter_backends = _checked(ImagesAPIViewSet.filter_backends)


class NewsroomDocumentsAPIViewSet(TagsPrefetchMixin, DocumentsAPIViewSet):
    filter_backends = _checked(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NewsroomPagesAPIViewSet)
api_router.register_endpoint("images", NewsroomImagesAPIViewSet)
api_router.register_endpoint("documents", NewsroomDocumentsAPIViewSet)
