"""Reader pages of the newsroom outside the page tree: reporters, tags, series, and an
article's permanent address by its number."""

from django.urls import path

from . import views

app_name = "news"

# Tag and series slugs may be Korean (대전산단), hence <str:…> rather than <slug:…>.
urlpatterns = [
    path("reporters/<int:pk>/", views.reporter_page, name="reporter"),
    path("tags/<str:slug>/", views.tag_page, name="tag"),
    path("series/<str:slug>/", views.series_page, name="series"),
    path("articles/<int:number>/", views.article_by_number, name="article_by_number"),
]
