"""The newsroom's admin: reporters as a snippet with filters and search."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Reporter


class ReporterViewSet(SnippetViewSet):
    model = Reporter
    icon = "user"
    menu_label = "기자"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "title", "desk", "email", "active"]
    list_filter = ["active", "desk"]
    search_fields = ["name", "email"]


register_snippet(ReporterViewSet)
