"""URL map: admin, search, the API, reader accounts, comments, view counts, banners, feeds,
sitemaps, the old CMS's addresses, media in development, then pages."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("api/v2/", api_router.urls),
    # Our account pages first: they add to and restyle allauth's under the same prefix.
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("comments/", include("comments.urls")),
    path("readership/", include("readership.urls")),
    path("ads/", include("ads.urls")),
    path("rss/", include("news.feeds")),
    path("", include("news.sitemaps")),
    path("", include("news.legacy")),
    path("", include("news.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
