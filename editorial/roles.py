"""Who may do what in the admin: the newsroom roles, section desks and bylines.

Four role groups carry what a person may do anywhere (기자, 데스크, 편집국장, 관리자);
each top-level section has two more groups that say where: "정치 기자" may add pages in
정치 and, by Wagtail's owner rule, edit the articles they created there for as long as
the articles exist, live or not (a 기자 cannot publish, so a change to a live article
goes to the desk for approval like a new one; while it is in review it is locked for
them), never a colleague's; "정치 데스크" may edit, publish and approve anything in 정치.

The role groups, the 기사 승인 workflow and the desks of the sections that existed then
were made by editorial/migrations/0002 from its own frozen copy of the permission lists.
To change roles later, add a new migration with its own frozen list (never import this
module from a migration, never edit 0002): a fresh database must end up as the
migrations say, whatever this module says by then. What is here serves the running
site: a new section's desk, renamed sections, group memberships, bylines, and the
admin's refusals.
"""

import re

from django.apps import apps as global_apps
from django.contrib.auth.models import Group as LiveGroup
from django.contrib.auth.models import Permission as LivePermission
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import Page as LivePage
from wagtail.models import TaskState
from wagtail.signals import task_submitted

REPORTER = "기자"
DESK = "데스크"
MANAGING_EDITOR = "편집국장"
ADMINISTRATOR = "관리자"
ROLES = (REPORTER, DESK, MANAGING_EDITOR, ADMINISTRATOR)

ARTICLE_WORKFLOW = "기사 승인"
DESK_TASK = "데스크 승인"

MANAGE_SECTIONS = "editorial.manage_sections"
SET_BREAKING_NEWS = "editorial.set_breaking_news"

# A new top-level section's two groups get these page permissions on it.
SECTION_REPORTER_PAGE_PERMISSIONS = ["add_page"]
SECTION_DESK_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]

GROUP_NAME_LENGTH = 150


# --- Section desks (the running site) --------------------------------------


def grant_page_permissions(apps, group, page_id, codenames):
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=permission
        )


def article_workflow(apps=global_apps):
    """The workflow sections get: the first active one with an active desk approval task.

    Found by its task, not its name, so renaming it in the admin changes nothing.
    """
    Workflow = apps.get_model("wagtailcore", "Workflow")
    DeskTask = apps.get_model("editorial", "SectionDeskApprovalTask")
    desk_tasks = DeskTask.objects.filter(active=True).values("pk")
    return (
        Workflow.objects.filter(active=True, workflow_tasks__task__in=desk_tasks)
        .order_by("pk")
        .first()
    )


def _parent_path(path):
    return path[: -LivePage.steplen]


def group_name(section_title, role):
    return f"{section_title[: GROUP_NAME_LENGTH - len(role) - 8]} {role}"


def _free_group_name(apps, name, exclude_pk=None):
    """`name`, or `name (2)`, `name (3)` … when another group has it (two sites, one title)."""
    Group = apps.get_model("auth", "Group")
    taken = set(
        Group.objects.filter(name__startswith=name)
        .exclude(pk=exclude_pk)
        .values_list("name", flat=True)
    )
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def _named_after(group_name_, base):
    return group_name_ == base or re.fullmatch(rf"{re.escape(base)} \(\d+\)", group_name_)


def set_up_section_desk(section, apps=global_apps):
    """A top-level section's 기자 and 데스크 groups, its review workflow and approvers."""
    SectionDesk = apps.get_model("editorial", "SectionDesk")
    SectionPage = apps.get_model("news", "SectionPage")
    if SectionDesk.objects.filter(section_id=section.pk).exists():
        return None
    if SectionPage.objects.filter(path=_parent_path(section.path)).exists():
        return None  # a subsection: its top-level section's groups cover it
    Group = apps.get_model("auth", "Group")
    reporters = Group.objects.create(
        name=_free_group_name(apps, group_name(section.title, REPORTER))
    )
    editors = Group.objects.create(name=_free_group_name(apps, group_name(section.title, DESK)))
    grant_page_permissions(apps, reporters, section.pk, SECTION_REPORTER_PAGE_PERMISSIONS)
    grant_page_permissions(apps, editors, section.pk, SECTION_DESK_PAGE_PERMISSIONS)
    desk = SectionDesk.objects.create(
        section_id=section.pk, reporters=reporters, editors=editors, named_after=section.title
    )

    DeskTask = apps.get_model("editorial", "SectionDeskApprovalTask")
    for task in DeskTask.objects.filter(active=True):
        task.groups.add(editors)
    workflow = article_workflow(apps)
    if workflow:
        apps.get_model("wagtailcore", "WorkflowPage").objects.get_or_create(
            page_id=section.pk, defaults={"workflow": workflow}
        )
    return desk


def rename_section_desk(section):
    """After a section's title changes, its groups follow (unless renamed by hand)."""
    from .models import SectionDesk

    desk = (
        SectionDesk.objects.filter(section_id=section.pk)
        .select_related("reporters", "editors")
        .first()
    )
    if desk is None or desk.named_after == section.title:
        return
    for group, role in ((desk.reporters, REPORTER), (desk.editors, DESK)):
        if group and _named_after(group.name, group_name(desk.named_after, role)):
            group.name = _free_group_name(
                global_apps, group_name(section.title, role), exclude_pk=group.pk
            )
            group.save(update_fields=["name"])
    desk.named_after = section.title
    desk.save(update_fields=["named_after"])


def keep_roles_of_section_members(user_ids):
    """A member of "정치 기자" is a 기자, of "정치 데스크" a 데스크: the role group gives
    the admin access, photos and bylines the section group does not repeat."""
    from django.contrib.auth import get_user_model

    from .models import SectionDesk

    Membership = get_user_model().groups.through
    desks = list(SectionDesk.objects.values_list("reporters_id", "editors_id"))
    if not desks or not user_ids:
        return
    role_of = {}
    for reporters_id, editors_id in desks:
        role_of[reporters_id], role_of[editors_id] = REPORTER, DESK
    role_ids = dict(LiveGroup.objects.filter(name__in=[REPORTER, DESK]).values_list("name", "pk"))
    held = {}
    for user_id, group_id in Membership.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "group_id"
    ):
        held.setdefault(user_id, set()).add(group_id)
    missing = [
        Membership(user_id=user_id, group_id=role_ids[role])
        for user_id, groups in held.items()
        for role in {role_of[group_id] for group_id in groups if group_id in role_of}
        if role in role_ids and role_ids[role] not in groups
    ]
    # bulk_create sends no m2m_changed, so this does not call itself again.
    Membership.objects.bulk_create(missing, ignore_conflicts=True)


def grant_everything_to_administrators(using="default"):
    """관리자 holds every permission, including those of apps installed later."""
    administrators = LiveGroup.objects.using(using).filter(name=ADMINISTRATOR).first()
    if administrators is None:
        return
    missing = LivePermission.objects.using(using).exclude(group=administrators)
    if missing.exists():
        administrators.permissions.add(*missing)


# --- Bylines ------------------------------------------------------------------


def prefill_byline(page):
    """A new article opened by a reporter with a linked profile starts with their byline."""
    from news.models import ArticlePage, ArticleReporter, Reporter

    if not isinstance(page, ArticlePage) or not page.owner_id or page.article_reporters.all():
        return
    reporter = Reporter.objects.filter(user_id=page.owner_id, active=True).first()
    if reporter:
        page.article_reporters = [ArticleReporter(reporter=reporter, sort_order=0)]


# --- Sections are the managing editor's -------------------------------------


def _is_section(page):
    from news.models import SectionPage

    return issubclass(page.specific_class or LivePage, SectionPage)


def _refuse(request, page, verb):
    messages.error(request, f"섹션은 편집국장과 관리자만 {verb} 수 있습니다.")
    return redirect("wagtailadmin_explore", page.pk)


@hooks.register("before_create_page")
def refuse_new_sections(request, parent_page, page_class):
    from news.models import SectionPage

    if issubclass(page_class, SectionPage) and not request.user.has_perm(MANAGE_SECTIONS):
        return _refuse(request, parent_page, "만들")
    return None


@hooks.register("before_edit_page")
def refuse_section_edits(request, page):
    if _is_section(page) and not request.user.has_perm(MANAGE_SECTIONS):
        return _refuse(request, page, "고칠")
    return None


@hooks.register("before_delete_page")
def refuse_section_deletion(request, page):
    if _is_section(page) and not request.user.has_perm(MANAGE_SECTIONS):
        return _refuse(request, page, "지울")
    return None


@hooks.register("before_unpublish_page")
def refuse_section_unpublishing(request, page):
    if _is_section(page) and not request.user.has_perm(MANAGE_SECTIONS):
        return _refuse(request, page, "내릴")
    return None


@hooks.register("before_move_page")
def refuse_section_moves(request, page, destination):
    if _is_section(page) and not request.user.has_perm(MANAGE_SECTIONS):
        return _refuse(request, page, "옮길")
    return None


@hooks.register("before_copy_page")
def refuse_section_copies(request, page):
    if _is_section(page) and not request.user.has_perm(MANAGE_SECTIONS):
        return _refuse(request, page, "복사할")
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_section_changes(request, action_type, objects, action_class_instance):
    if request.user.has_perm(MANAGE_SECTIONS):
        return None
    sections = [page for page in objects if isinstance(page, LivePage) and _is_section(page)]
    if sections:
        return _refuse(request, sections[0].get_parent() or sections[0], "바꿀")
    return None


@hooks.register("register_permissions")
def newsroom_permissions():
    return LivePermission.objects.filter(
        content_type__app_label="editorial", codename__in=["manage_sections", "set_breaking_news"]
    )


# --- Review notices go to the section's desk, not every desk ---------------------


class SectionDeskSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Wagtail mails every member of the task's groups; of those, only the ones who may
    review this article (its section's desk, 편집국장, 관리자) hear about it."""

    def get_recipient_users(self, task_state, **kwargs):
        from .models import SectionDeskApprovalTask

        recipients = super().get_recipient_users(task_state, **kwargs)
        task = task_state.task.specific
        if not isinstance(task, SectionDeskApprovalTask):
            return recipients
        page = task_state.workflow_state.content_object
        return {user for user in recipients.distinct() if task.user_can_access_editor(page, user)}


section_desk_submission_notifier = SectionDeskSubmissionNotifier()
WAGTAIL_TASK_NOTIFIER_UID = "group_approval_task_submitted_email_notification"


def install_review_notifier():
    """Ours takes the place of Wagtail's under Wagtail's own dispatch_uid: if Wagtail
    connected first it is replaced, if we come first Wagtail's connect() is skipped.

    Called by EditorialConfig.ready(), so every process (the site, the worker, a shell,
    a management command) mails only the article's own desk.
    """
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_TASK_NOTIFIER_UID)
    task_submitted.connect(
        section_desk_submission_notifier, sender=TaskState, dispatch_uid=WAGTAIL_TASK_NOTIFIER_UID
    )
