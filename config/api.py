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

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import CharField, IntegerField, Q, prefetch_related_objects
from django.db.models.functions import Cast
from django.utils import timezone
from rest_framework.fields import Field
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.documents.models import Document
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, ReferenceIndex

from news.api import Batch, TagNamesField
from news.models import ArticlePage, NewsImage

SEARCH_OPERATORS = ("and", "or")


class CheckedSearchFilter(SearchFilter):
    """Wagtail's search filter, with a bad `search_operator` a 400 rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if "search" in request.GET and operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters, with a value the field cannot hold (`?first_published_at=x`)
    a 400 rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError) as error:
            raise BadRequestError("filter value is not valid for its field") from error


CHECKED = {SearchFilter: CheckedSearchFilter, FieldsFilter: CheckedFieldsFilter}


def _checked(filter_backends):
    return [CHECKED.get(backend, backend) for backend in filter_backends]


class CheckedFindMixin:
    """`find/?id=abc` is a 400, not the ValueError Wagtail lets through."""

    def find_object(self, queryset, request):
        object_id = request.GET.get("id")
        if object_id is not None and not (object_id.isascii() and object_id.isdigit()):
            raise BadRequestError("id must be a number")
        return super().find_object(queryset, request)


def showing_pages():
    """The pages the API serves: live, public, not embargoed and not expired."""
    now = timezone.now()
    return Page.objects.live().public().exclude(Q(go_live_at__gt=now) | Q(expire_at__lte=now))


def used_by_showing_pages(model):
    """Ids of `model` objects (images, documents) that a page readers can see refers to.

    Photos and files uploaded for a draft or an embargoed story stay unlisted until it is
    out. Wagtail's reference index knows what each page uses; articles written by the bulk
    importer are also covered through their listing photo.
    """
    page_ids = showing_pages().annotate(text_id=Cast("pk", CharField())).values("text_id")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            object_id__in=page_ids,
        )
        .annotate(target=Cast("to_object_id", IntegerField()))
        .values("target")
    )


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


class NewsroomPagesAPIViewSet(CheckedFindMixin, BatchedListingMixin, PagesAPIViewSet):
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
        # By id (an indexed filter field), so `?search=` may search this queryset.
        return super().get_base_queryset().filter(pk__in=showing_pages().values("pk"))


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


class NewsroomImagesAPIViewSet(CheckedFindMixin, TagsPrefetchMixin, ImagesAPIViewSet):
    filter_backends = _checked(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        listing_photos = ArticlePage.objects.filter(pk__in=showing_pages().values("pk")).values(
            "listing_image"
        )
        return (
            super()
            .get_queryset()
            .filter(Q(pk__in=used_by_showing_pages(NewsImage)) | Q(pk__in=listing_photos))
        )


class NewsroomDocumentsAPIViewSet(CheckedFindMixin, TagsPrefetchMixin, DocumentsAPIViewSet):
    filter_backends = _checked(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=used_by_showing_pages(Document))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NewsroomPagesAPIViewSet)
api_router.register_endpoint("images", NewsroomImagesAPIViewSet)
api_router.register_endpoint("documents", NewsroomDocumentsAPIViewSet)
