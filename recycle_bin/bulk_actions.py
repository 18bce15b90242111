"""Bulk actions on pages, out of the bin's way.

삭제 of several pages moves the articles among them to the bin. The other page bulk actions
(게재, 게재 중지, 이동) are Wagtail's, with binned articles left out of "select all" and of
게재's "include descendants"; a binned article selected by its id is refused by the
before_bulk_action hook in wagtail_hooks.py.
"""

import logging

from django.db import OperationalError
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction

from . import bin as recycle_bin
from .models import BinnedArticle, bin_days
from .views import BUSY_MESSAGE, _refusal_for_page_with_articles

logger = logging.getLogger(__name__)


class LeavesTheBinAlone:
    """ "Select all" takes a section's children from the page tree, binned articles included,
    though the listing the user chose from does not show them: leave them out."""

    def get_all_objects_in_listing_query(self, parent_id):
        page_ids = super().get_all_objects_in_listing_query(parent_id)
        binned = set(BinnedArticle.objects.values_list("page_id", flat=True))
        return [pk for pk in page_ids if pk not in binned]


class MoveToBinBulkAction(LeavesTheBinAlone, DeleteBulkAction):
    """Replaces Wagtail's bulk delete for pages (same action name, registered after it).

    Selected articles are moved to the bin; other selected pages (an empty section) are
    deleted as Wagtail does. A selection that holds a page with articles under it is
    refused as a whole, before anything changes.
    """

    template_name = "recycle_bin/confirm_bulk_move_to_bin.html"

    def check_perm(self, page):
        return super().check_perm(page) and not recycle_bin.is_binned(page)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = [item for item in context["items"] if recycle_bin.is_article(item["item"])]
        context["article_count"] = len(articles)
        context["other_count"] = len(context["items"]) - len(articles)
        context["bin_days"] = bin_days()
        # Moving to the bin can be undone: no need to type the site's name for articles.
        if not context["other_count"]:
            context["type_to_confirm_before_delete"] = False
        return context

    def prepare_action(self, objects, objects_without_access):
        for page in objects:
            if not recycle_bin.is_article(page):
                refusal = _refusal_for_page_with_articles(page)
                if refusal:
                    messages.error(self.request, refusal)
                    return redirect(self.next_url)
        return None

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except OperationalError:
            # A lock timeout or deadlock with the worker: everything was rolled back.
            logger.warning("bulk move to the bin failed on a database lock", exc_info=True)
            messages.error(self.request, BUSY_MESSAGE)
            return redirect(self.next_url)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        pages = children = 0
        for page in objects:
            pages += 1
            if recycle_bin.is_article(page):
                recycle_bin.move_to_bin(page, user=user)
            else:
                children += page.get_descendant_count()
                page.delete(user=user)
        return pages, children

    def get_success_message(self, num_parent_objects, num_child_objects):
        binned = sum(1 for page in self.actionable_objects if recycle_bin.is_article(page))
        deleted = num_parent_objects - binned
        parts = []
        if binned:
            parts.append(
                f"기사 {binned}건을 휴지통으로 옮겼습니다({bin_days()}일 안에 복원할 수 있습니다)."
            )
        if deleted:
            also = f"(하위 페이지 {num_child_objects}개 포함)" if num_child_objects else ""
            parts.append(f"페이지 {deleted}개{also}를 삭제했습니다.")
        return " ".join(parts)


class PublishOutsideTheBinBulkAction(LeavesTheBinAlone, PublishBulkAction):
    """Wagtail's bulk 게재, whose "include descendants" skips the binned articles below."""

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, **kwargs):
        num_parent_objects, _ = super().execute_action(
            objects, include_descendants=False, user=user
        )
        num_child_objects = 0
        if include_descendants:
            # Wagtail's own loop (PublishBulkAction.execute_action), less the bin.
            for page in objects:
                drafts = (
                    page.get_descendants()
                    .not_live()
                    .exclude(pk__in=recycle_bin.binned_page_ids())
                    .defer_streamfields()
                    .specific()
                )
                for draft in drafts.iterator():
                    if user is None or draft.permissions_for_user(user).can_publish():
                        revision = draft.get_latest_revision() or draft.save_revision(user=user)
                        revision.publish(user=user)
                        num_child_objects += 1
        return num_parent_objects, num_child_objects

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = super().get_success_message(num_parent_objects, num_child_objects)
        if not self.cleaned_form.cleaned_data["include_descendants"]:
            return message
        left_in_bin = sum(
            recycle_bin.articles_under(page).filter(pk__in=recycle_bin.binned_page_ids()).count()
            for page in self.actionable_objects
        )
        if left_in_bin:
            message = f"{message} 휴지통에 있는 기사 {left_in_bin}건은 게재하지 않았습니다."
        return message


class UnpublishOutsideTheBinBulkAction(LeavesTheBinAlone, UnpublishBulkAction):
    pass


class MoveOutsideTheBinBulkAction(LeavesTheBinAlone, MoveBulkAction):
    pass


# Each takes the place of Wagtail's action of the same name (registered after it).
PAGE_BULK_ACTIONS = (
    MoveToBinBulkAction,
    PublishOutsideTheBinBulkAction,
    UnpublishOutsideTheBinBulkAction,
    MoveOutsideTheBinBulkAction,
)
