"""Admin for site-wide chrome: the legal masthead (매체정보)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Masthead


class MastheadViewSet(SnippetViewSet):
    model = Masthead
    icon = "doc-full"
    menu_label = "매체정보"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "site", "registration_number", "publisher"]


register_snippet(MastheadViewSet)
