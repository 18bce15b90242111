"""The newsroom's desks: each top-level section's two groups, and the desk's approval task.

The receivers at the end keep them in step with the sections and user accounts; the
rules they apply live in editorial/roles.py.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState
from wagtail.permissions import policy_registry
from wagtail.signals import init_new_page

from news.models import SectionPage


class SectionDesk(models.Model):
    """A top-level section's reporters (add pages) and desk (edit, approve, publish) groups."""

    section = models.OneToOneField(
        SectionPage, verbose_name="섹션", on_delete=models.CASCADE, related_name="desk"
    )
    reporters = models.OneToOneField(
        Group,
        verbose_name="기자 그룹",
        null=True,
        on_delete=models.SET_NULL,
        related_name="reporters_of",
    )
    editors = models.OneToOneField(
        Group,
        verbose_name="데스크 그룹",
        null=True,
        on_delete=models.SET_NULL,
        related_name="editors_of",
    )
    # The section title the groups were last named after, so a renamed section
    # renames them, and a name an administrator chose is left alone.
    named_after = models.CharField("그룹 이름의 기준 제목", max_length=255)

    class Meta:
        verbose_name = "섹션 데스크"
        verbose_name_plural = "섹션 데스크"
        default_permissions = ()
        permissions = [
            ("manage_sections", "섹션 만들기·고치기·옮기기·지우기"),
            ("set_breaking_news", "속보 지정"),
        ]

    def __str__(self):
        return self.named_after


class SectionDeskApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, narrowed to the sections where the reviewer may publish.

    A member of the chosen groups reviews a page only when the page permissions
    (GroupPagePermission) let them publish it: the 정치 desk approves 정치 articles,
    never 경제 ones, though both desks are in the task's groups.
    """

    def _may_review(self, obj, user):
        if user.is_superuser:
            return True
        if not self._user_in_groups(user):
            return False
        if isinstance(obj, Page):
            return obj.permissions_for_user(user).can_publish()
        return True

    def user_can_access_editor(self, obj, user):
        return self._may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_review(obj, user)

    def get_actions(self, obj, user):
        if self._may_review(obj, user):
            return super().get_actions(obj, user)
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        if not self._user_in_groups(user):
            return TaskState.objects.none()
        on_pages = in_progress.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page)
        )
        # Few articles wait for review at a time: check only those against the
        # user's publish permissions, not every page the user may publish.
        waiting = [int(pk) for pk in on_pages.values_list("workflow_state__object_id", flat=True)]
        publishable = (
            policy_registry.get_by_type(Page)
            .instances_user_has_any_permission_for(user, {"publish"})
            .filter(pk__in=waiting)
            .values_list("pk", flat=True)
        )
        return on_pages.filter(workflow_state__object_id__in=[str(pk) for pk in publishable])

    @classmethod
    def get_description(cls):
        return "고른 그룹에 속하고, 그 기사가 있는 섹션에 게시 권한이 있는 사람이 승인합니다."

    class Meta:
        verbose_name = "데스크 승인"
        verbose_name_plural = "데스크 승인"


@receiver(post_save, sender=SectionPage, dispatch_uid="editorial_section_saved")
def section_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    from . import roles

    if created:
        roles.set_up_section_desk(instance)
    else:
        roles.rename_section_desk(instance)


@receiver(post_delete, sender=SectionDesk, dispatch_uid="editorial_section_desk_deleted")
def section_desk_deleted(sender, instance, **kwargs):
    # The section is gone: its groups grant nothing any more.
    Group.objects.filter(pk__in=[instance.reporters_id, instance.editors_id]).delete()


@receiver(
    m2m_changed, sender=get_user_model().groups.through, dispatch_uid="editorial_groups_changed"
)
def user_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove"):
        return
    from . import roles

    user_ids = pk_set if reverse else {instance.pk}
    roles.keep_roles_of_section_members(user_ids or ())


@receiver(init_new_page, dispatch_uid="editorial_prefill_byline")
def new_page_opened(sender, page, parent, **kwargs):
    from . import roles

    roles.prefill_byline(page)


@receiver(post_migrate, dispatch_uid="editorial_administrators_hold_everything")
def after_migrate(sender, using, apps=None, **kwargs):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from . import roles

    # Django creates this app's permissions in a receiver that runs after this one:
    # create them first (it is idempotent) so 관리자 gets them in the same run.
    create_permissions(sender, verbosity=0, using=using, apps=apps or global_apps)
    roles.grant_everything_to_administrators(using=using)
