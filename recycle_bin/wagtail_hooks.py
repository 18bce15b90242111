"""The bin in the admin: 삭제 moves articles to 휴지통, binned articles are out of the way of
every other admin action, and the 휴지통 menu lists them with 복원 and 영구 삭제."""

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from . import bin as recycle_bin
from . import views
from .bulk_actions import PAGE_BULK_ACTIONS, MoveToBinBulkAction
from .models import BinnedArticle

# Before any view asks for the model's policy, or Wagtail makes a default one.
register_permission_policy(BinnedArticle, views.BinPermissionPolicy(BinnedArticle))


class RecycleBinViewSet(ModelViewSet):
    model = BinnedArticle
    name = "recycle_bin"
    url_prefix = "recycle-bin"
    icon = "bin"
    menu_label = "휴지통"
    menu_order = 1000  # near the bottom of the menu, above 리포트 and 설정
    add_to_admin_menu = True
    index_view_class = views.BinIndexView
    copy_view_enabled = False
    add_to_reference_index = False
    search_fields = ["page__title"]
    search_backend_name = None  # entries are not in the search index: plain icontains
    list_per_page = 50

    def get_permissions_to_register(self):
        # Shown under 설정 › 그룹: who may see the bin, restore, and purge.
        return Permission.objects.filter(
            content_type__app_label="recycle_bin",
            codename__in=["view_binnedarticle", "restore_binnedarticle", "purge_binnedarticle"],
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("restore/<int:pk>/", views.RestoreView.as_view(), name="restore"),
            path("purge/<int:pk>/", views.PurgeView.as_view(), name="purge"),
        ]


@hooks.register("register_admin_viewset")
def register_recycle_bin():
    return RecycleBinViewSet()


@hooks.register("before_delete_page")
def bin_articles_instead_of_deleting(request, page):
    return views.delete_page(request, page)


# The hook takes the class itself; after Wagtail's own page bulk actions (order 0), so each
# takes the place of Wagtail's action of the same name.
for bulk_action_class in PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action_class, order=100)


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_binned_pages(request, action_type, objects, action_class_instance):
    """A binned article is not published, unpublished or moved in bulk either (selected by
    its id in the address: listings do not show it). The bin's own 삭제 knows it already."""
    if isinstance(action_class_instance, MoveToBinBulkAction):
        return None
    page_ids = [obj.pk for obj in objects if isinstance(obj, Page)]
    binned = (
        BinnedArticle.objects.filter(page_id__in=page_ids).select_related("page").first()
        if page_ids
        else None
    )
    if binned is None:
        return None
    messages.error(
        request,
        f"'{binned.page.get_admin_display_title()}' 기사는 휴지통에 있습니다. "
        "휴지통에 있는 기사는 먼저 복원하세요.",
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("recycle_bin:index"))


@hooks.register("construct_explorer_page_queryset")
def hide_binned_pages_from_explorer(parent_page, pages, request):
    return pages.exclude(pk__in=recycle_bin.binned_page_ids())


@hooks.register("construct_page_chooser_queryset")
def hide_binned_pages_from_choosers(pages, request):
    return pages.exclude(pk__in=recycle_bin.binned_page_ids())


@hooks.register("before_edit_page")
@hooks.register("before_copy_page")
@hooks.register("before_move_page")  # called with the destination as well
@hooks.register("before_convert_alias_page")
def closed_while_binned(request, page, *args):
    """A binned article is not edited, published, copied or moved: restore it first."""
    if recycle_bin.is_binned(page):
        messages.warning(
            request,
            f"'{page.get_admin_display_title()}' 기사는 휴지통에 있습니다. 먼저 복원하세요.",
        )
        return redirect("recycle_bin:index")
    return None


@hooks.register("register_log_actions")
def register_bin_log_actions(actions):
    actions.register_action("recycle_bin.move", "휴지통으로 이동", "휴지통으로 옮김")
    actions.register_action("recycle_bin.restore", "휴지통에서 복원", "휴지통에서 복원함")
