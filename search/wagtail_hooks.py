"""The search dictionary in the admin: synonyms, user words, and the reindex they may need."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from news.models import ArticlePage

from .models import SearchSynonym, SearchUserWord
from .tasks import rebuild_search_index


class UserWordIndexView(IndexView):
    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                "검색 색인 다시 만들기", url=reverse("search_reindex"), icon_name="resubmit"
            ),
        ]


class SynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "list-ul"
    menu_label = "동의어"
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["words", "note"]


class UserWordViewSet(SnippetViewSet):
    model = SearchUserWord
    icon = "openquote"
    menu_label = "사용자 단어"
    index_view_class = UserWordIndexView
    list_display = ["word", "note", "updated_at"]
    search_fields = ["word", "note"]


class SearchDictionaryGroup(SnippetViewSetGroup):
    items = (SynonymViewSet, UserWordViewSet)
    menu_icon = "search"
    menu_label = "검색 사전"
    menu_order = 220


register_snippet(SearchDictionaryGroup)


@permission_required("search.change_searchuserword")
@require_http_methods(["GET", "POST"])
def reindex(request):
    if request.method == "POST":
        rebuild_search_index.enqueue()
        messages.success(
            request, "검색 색인을 다시 만들도록 했습니다. 기사가 많으면 몇 분 걸립니다."
        )
        return redirect("wagtailsnippets_search_searchuserword:list")
    return TemplateResponse(
        request,
        "search/admin/reindex.html",
        {"article_count": ArticlePage.objects.count()},
    )


@hooks.register("register_admin_urls")
def register_reindex_url():
    return [path("search-dictionary/reindex/", reindex, name="search_reindex")]
