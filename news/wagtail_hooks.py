"""The newsroom's admin: reporters and series as snippets, and how imports read in page history."""

from django.db.models import Count
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .bulk_pages import IMPORT_LOG_ACTION
from .models import Reporter, Series


class ReporterViewSet(SnippetViewSet):
    model = Reporter
    icon = "user"
    menu_label = "기자"
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "name",
        "title",
        "desk",
        "email",
        Column("user", label="로그인 계정"),
        BooleanColumn("active", label="재직 중"),
    ]
    list_filter = ["active", "desk"]
    search_fields = ["name", "email"]

    def get_queryset(self, request):
        return Reporter.objects.select_related("user")


register_snippet(ReporterViewSet)


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "list-ul"
    menu_label = "연재"
    menu_order = 211
    add_to_admin_menu = True
    list_display = [
        "name",
        "columnist",
        Column("article_count", label="기사 수"),
        BooleanColumn("active", label="연재 중"),
    ]
    list_filter = ["active"]
    search_fields = ["name"]

    def get_queryset(self, request):
        # The list's article counts and columnists in the list's own query.
        return Series.objects.select_related("columnist").annotate(article_count=Count("articles"))


register_snippet(SeriesViewSet)


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    @actions.register_action(IMPORT_LOG_ACTION)
    class ImportedFromFile(LogFormatter):
        label = "가져오기"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return f"{data.get('source', '파일')} {data.get('line', '?')}번째 줄에서 가져옴"
