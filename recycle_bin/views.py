"""The bin in the admin: the confirmation that replaces 삭제 for articles, the 휴지통 listing,
and its 복원 / 영구 삭제 pages."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from news.templatetags.news_tags import kst

from . import bin as recycle_bin
from .models import BinnedArticle, bin_days

logger = logging.getLogger(__name__)

RESTORE = "restore"
PURGE = "purge"

# A lock timeout or a deadlock (with the worker publishing the same article, say):
# PostgreSQL rolled the whole change back, so trying again is safe.
BUSY_MESSAGE = (
    "다른 작업과 동시에 처리되어 휴지통으로 옮기지 못했습니다. 바뀐 것은 없습니다. "
    "잠시 뒤 다시 시도하세요."
)


class BinPermissionPolicy(ModelPermissionPolicy):
    """Seeing, restoring and purging binned articles; entries are never added or edited by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def _page_policy():
    return policy_registry.get_by_type(Page)


def entries_for(user):
    """Bin entries of the articles `user` may edit (all of them for administrators)."""
    entries = BinnedArticle.objects.select_related("page", "section", "deleted_by")
    if user.is_superuser:
        return entries
    editable = _page_policy().instances_user_has_any_permission_for(user, {"change", "publish"})
    return entries.filter(page__in=editable.values("pk"))


def may(user, action, entry):
    """May `user` restore or purge this entry? The model permission, and the page's edit right."""
    if not user.has_perm(f"recycle_bin.{action}_binnedarticle"):
        return False
    return entry.page.permissions_for_user(user).can_edit()


# Deleting a page in the admin (before_delete_page)


def delete_page(request, page):
    """Wagtail's delete view asks here first. Articles go to the bin; a page holding
    articles is not deleted; anything else (an empty section) is Wagtail's to delete.
    Returns a response, or None to let Wagtail go on."""
    next_url = get_valid_next_url_from_request(request)
    if recycle_bin.is_binned(page):
        messages.warning(request, "이미 휴지통에 있는 기사입니다.")
        return redirect("recycle_bin:index")
    if recycle_bin.is_article(page):
        return _move_to_bin(request, page, next_url)
    blocked = _refusal_for_page_with_articles(page)
    if blocked:
        messages.error(request, blocked)
        return redirect(next_url or reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


def _refusal_for_page_with_articles(page):
    articles = recycle_bin.articles_under(page)
    count = articles.count()
    if not count:
        return ""
    binned = articles.filter(pk__in=recycle_bin.binned_page_ids()).count()
    in_bin = f"(휴지통에 있는 기사 {binned}건 포함) " if binned else ""
    return (
        f"'{page.get_admin_display_title()}' 아래에 기사 {count}건{in_bin}이 있어 삭제할 수 없습니다. "
        "기사를 다른 섹션으로 옮기거나 하나씩 삭제(휴지통)한 뒤 다시 시도하세요."
    )


def _move_to_bin(request, page, next_url):
    parent = page.get_parent()
    cancel_url = next_url or reverse("wagtailadmin_explore", args=[parent.pk])
    if request.method == "POST":
        try:
            recycle_bin.move_to_bin(page, user=request.user)
        except recycle_bin.BinError as error:
            messages.error(request, str(error))
            return redirect(cancel_url)
        except OperationalError:
            logger.warning(
                "moving page pk=%s to the bin failed on a database lock", page.pk, exc_info=True
            )
            messages.error(request, BUSY_MESSAGE)
            return redirect(cancel_url)
        messages.success(
            request,
            f"'{page.get_admin_display_title()}' 기사를 휴지통으로 옮겼습니다. "
            f"{bin_days()}일 안에 휴지통에서 복원할 수 있습니다.",
        )
        # The article's own pages (edit, preview) are closed to it now: back to its section.
        if next_url and str(page.pk) not in next_url:
            return redirect(next_url)
        return redirect("wagtailadmin_explore", parent.pk)
    return TemplateResponse(
        request,
        "recycle_bin/confirm_move_to_bin.html",
        {
            "page": page,
            "section": parent,
            "days": bin_days(),
            "next": next_url,
            "cancel_url": cancel_url,
            "form_url": request.get_full_path(),
        },
    )


# The 휴지통 listing


def previous_state(entry):
    if entry.was_live:
        return "게재 중이었음"
    if entry.scheduled_at:
        return f"게재 예약 {kst(entry.scheduled_at)}"
    return "초안"


def days_left_label(entry):
    days = entry.days_left()
    return f"{days}일" if days else "오늘 영구 삭제"


class BinIndexView(IndexView):
    page_title = "휴지통"
    any_permission_required = ["view"]
    default_ordering = "-deleted_at"

    def get_base_queryset(self):
        return entries_for(self.request.user)

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")

    @cached_property
    def columns(self):
        title_column_class = self._get_title_column_class(TitleColumn)  # with the row's buttons
        return [
            title_column_class(
                "title",
                label="제목",
                accessor=lambda entry: entry.page.get_admin_display_title(),
                get_url=lambda entry: reverse("wagtailadmin_pages:history", args=[entry.page_id]),
            ),
            Column(
                "section",
                label="섹션",
                accessor=lambda entry: entry.section.title if entry.section else "",
            ),
            Column(
                "deleted_by",
                label="삭제한 사람",
                accessor=lambda entry: (
                    get_user_display_name(entry.deleted_by) if entry.deleted_by else ""
                ),
            ),
            Column(
                "deleted_at",
                label="삭제 시각",
                accessor=lambda entry: kst(entry.deleted_at),
                sort_key="deleted_at",
            ),
            StatusTagColumn(
                "days_left",
                label="남은 기간",
                accessor=days_left_label,
                primary=lambda entry: entry.days_left() > 3,
            ),
            Column("previous_state", label="삭제 전 상태", accessor=previous_state),
        ]

    def get_list_buttons(self, instance):
        user = self.request.user
        buttons = []
        if may(user, RESTORE, instance):
            buttons.append(
                ListingButton(
                    "복원",
                    url=reverse("recycle_bin:restore", args=[instance.pk]),
                    icon_name="rotate",
                    attrs={"aria-label": f"'{instance}' 복원"},
                    priority=10,
                )
            )
        if may(user, PURGE, instance):
            buttons.append(
                ListingButton(
                    "영구 삭제",
                    url=reverse("recycle_bin:purge", args=[instance.pk]),
                    icon_name="bin",
                    classname="serious",
                    attrs={"aria-label": f"'{instance}' 영구 삭제"},
                    priority=20,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bin_days"] = bin_days()
        return context


class BinEntryActionView(WagtailAdminTemplateMixin, View):
    """The confirmation page and the POST for 복원 or 영구 삭제 of one entry."""

    action = None
    header_icon = "bin"

    def dispatch(self, request, pk):
        self.entry = get_object_or_404(entries_for(request.user), pk=pk)
        if not may(request.user, self.action, self.entry):
            raise PermissionDenied
        self.page = self.entry.page.specific
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("recycle_bin:index"), "label": "휴지통"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(entry=self.entry, page=self.page, index_url=reverse("recycle_bin:index"))
        return context


class RestoreView(BinEntryActionView):
    action = RESTORE
    page_title = "휴지통에서 복원"
    template_name = "recycle_bin/confirm_restore.html"
    header_icon = "rotate"

    def can_publish(self):
        return self.page.permissions_for_user(self.request.user).can_publish()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.entry
        context["can_publish"] = self.can_publish()
        context["offers_publish"] = entry.was_live or bool(entry.scheduled_at)
        context["previous_state"] = previous_state(entry)
        return context

    def post(self, request, pk):
        publish = bool(request.POST.get("publish")) and self.can_publish()
        try:
            outcome = recycle_bin.restore(self.entry, user=request.user, publish=publish)
        except recycle_bin.BinError as error:
            messages.error(request, str(error))
            return redirect("recycle_bin:index")
        title = self.page.get_admin_display_title()
        text = {
            recycle_bin.RESTORED_LIVE: f"'{title}' 기사를 복원해 다시 게재했습니다. 주소는 그대로입니다.",
            recycle_bin.RESTORED_SCHEDULED: f"'{title}' 기사를 복원하고 게재 예약을 다시 걸었습니다.",
            recycle_bin.RESTORED_AS_DRAFT: f"'{title}' 기사를 초안으로 복원했습니다. 편집한 뒤 게재하세요.",
        }[outcome]
        messages.success(
            request,
            text,
            buttons=[
                messages.button(reverse("wagtailadmin_pages:edit", args=[self.page.pk]), "편집")
            ],
        )
        return redirect("recycle_bin:index")


class PurgeView(BinEntryActionView):
    action = PURGE
    page_title = "영구 삭제"
    template_name = "recycle_bin/confirm_purge.html"

    def post(self, request, pk):
        title = self.page.get_admin_display_title()
        if recycle_bin.purge(self.entry, user=request.user):
            messages.success(request, f"'{title}' 기사를 영구 삭제했습니다.")
        else:
            messages.error(request, "휴지통에 없는 기사입니다. 이미 복원했거나 영구 삭제했습니다.")
        return redirect("recycle_bin:index")
