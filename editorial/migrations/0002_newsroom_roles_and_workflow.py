"""Every install gets the newsroom: 기자, 데스크, 편집국장, 관리자, the sections' desks and 기사 승인.

Frozen: the data and the code below are copies made when this migration was written, so
it does the same on a fresh database whatever editorial/roles.py says later. To change
what a role may do, add a new migration with its own frozen list; do not edit this one.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER = "기자"
DESK = "데스크"
MANAGING_EDITOR = "편집국장"
ADMINISTRATOR = "관리자"
ROLES = (REPORTER, DESK, MANAGING_EDITOR, ADMINISTRATOR)

ARTICLE_WORKFLOW = "기사 승인"
DESK_TASK = "데스크 승인"

# Model permissions of each role group ("app_label.codename"). 관리자 gets every
# permission there is instead of a list.
ROLE_PERMISSIONS = {
    REPORTER: [
        "wagtailadmin.access_admin",
        "news.view_reporter",
        "news.view_series",
    ],
    DESK: [
        "wagtailadmin.access_admin",
        "news.view_reporter",
        "news.view_series",
        "news.add_reporter",
        "news.change_reporter",
        "news.add_series",
        "news.change_series",
        "comments.change_comment",
        "comments.view_comment",
        "comments.add_bannedword",
        "comments.change_bannedword",
        "comments.delete_bannedword",
        "comments.view_bannedword",
        "recycle_bin.view_binnedarticle",
        "recycle_bin.restore_binnedarticle",
    ],
    MANAGING_EDITOR: [
        "wagtailadmin.access_admin",
        "news.view_reporter",
        "news.view_series",
        "news.add_reporter",
        "news.change_reporter",
        "news.add_series",
        "news.change_series",
        "comments.change_comment",
        "comments.view_comment",
        "comments.add_bannedword",
        "comments.change_bannedword",
        "comments.delete_bannedword",
        "comments.view_bannedword",
        "news.delete_reporter",
        "news.delete_series",
        "home.add_masthead",
        "home.change_masthead",
        "home.view_masthead",
        "comments.change_commentsettings",
        "search.add_searchsynonym",
        "search.change_searchsynonym",
        "search.delete_searchsynonym",
        "search.view_searchsynonym",
        "search.add_searchuserword",
        "search.change_searchuserword",
        "search.delete_searchuserword",
        "search.view_searchuserword",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "editorial.manage_sections",
        "editorial.set_breaking_news",
        "recycle_bin.view_binnedarticle",
        "recycle_bin.restore_binnedarticle",
        "recycle_bin.purge_binnedarticle",
    ],
}

# Photos and documents, on the root collection.
ROLE_COLLECTION_PERMISSIONS = {
    REPORTER: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    DESK: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.change_image",
        "wagtaildocs.change_document",
    ],
    MANAGING_EDITOR: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.change_image",
        "wagtaildocs.change_document",
        "wagtailimages.delete_image",
        "wagtaildocs.delete_document",
    ],
    ADMINISTRATOR: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.change_image",
        "wagtaildocs.change_document",
        "wagtailimages.delete_image",
        "wagtaildocs.delete_document",
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
        "wagtailcore.delete_collection",
    ],
}

# Page permissions (wagtailcore codenames) on the tree's root: every section and the front page.
ROLE_PAGE_PERMISSIONS = {
    MANAGING_EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATOR: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
# On each top-level section, for its two groups.
SECTION_REPORTER_PAGE_PERMISSIONS = ["add_page"]
SECTION_DESK_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]

REVIEWING_ROLES = (DESK, MANAGING_EDITOR, ADMINISTRATOR)

WAGTAIL_SAMPLE_GROUPS = ("Moderators", "Editors")
WAGTAIL_SAMPLE_WORKFLOW = "Moderators approval"

GROUP_NAME_LENGTH = 150
PAGE_PATH_STEP = 4  # treebeard's steplen for Wagtail pages


def create_all_permissions(apps):
    # Django creates permissions after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permissions_named(apps, names):
    """Permission rows for "app_label.codename" names; a name that does not exist is an error."""
    Permission = apps.get_model("auth", "Permission")
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = list(
        Permission.objects.filter(
            content_type__app_label__in={app for app, _ in wanted},
            codename__in={codename for _, codename in wanted},
        ).select_related("content_type")
    )
    found = [p for p in found if (p.content_type.app_label, p.codename) in wanted]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"No such permissions: {sorted(missing)}")
    return found


def grant_page_permissions(apps, group, page_id, codenames):
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=permission
        )


def article_workflow(apps):
    """The first active workflow with an active desk approval task."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    DeskTask = apps.get_model("editorial", "SectionDeskApprovalTask")
    desk_tasks = DeskTask.objects.filter(active=True).values("pk")
    return (
        Workflow.objects.filter(active=True, workflow_tasks__task__in=desk_tasks)
        .order_by("pk")
        .first()
    )


def create_article_workflow(apps, reviewer_groups):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    DeskTask = apps.get_model("editorial", "SectionDeskApprovalTask")
    if article_workflow(apps):
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="editorial", model="sectiondeskapprovaltask"
    )
    task = DeskTask.objects.create(name=DESK_TASK, content_type=task_type, active=True)
    task.groups.add(*reviewer_groups)
    workflow = Workflow.objects.create(name=ARTICLE_WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def retire_wagtail_samples(apps):
    """Wagtail's English sample groups and their workflow go, unless someone uses them."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow in Workflow.objects.filter(name=WAGTAIL_SAMPLE_WORKFLOW):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            continue
        task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
        workflow.delete()  # with its WorkflowPage and WorkflowTask rows
        Task.objects.filter(
            pk__in=task_ids, name=WAGTAIL_SAMPLE_WORKFLOW, workflow_tasks__isnull=True
        ).delete()
    Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS, user__isnull=True).delete()


def parent_path(path):
    return path[:-PAGE_PATH_STEP]


def group_name(section_title, role):
    return f"{section_title[: GROUP_NAME_LENGTH - len(role) - 8]} {role}"


def free_group_name(apps, name):
    """`name`, or `name (2)`, `name (3)` … when another group has it."""
    Group = apps.get_model("auth", "Group")
    taken = set(Group.objects.filter(name__startswith=name).values_list("name", flat=True))
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def set_up_section_desk(apps, section):
    """A top-level section's 기자 and 데스크 groups, its review workflow and approvers."""
    SectionDesk = apps.get_model("editorial", "SectionDesk")
    SectionPage = apps.get_model("news", "SectionPage")
    if SectionDesk.objects.filter(section_id=section.pk).exists():
        return
    if SectionPage.objects.filter(path=parent_path(section.path)).exists():
        return  # a subsection: its top-level section's groups cover it
    Group = apps.get_model("auth", "Group")
    reporters = Group.objects.create(
        name=free_group_name(apps, group_name(section.title, REPORTER))
    )
    editors = Group.objects.create(name=free_group_name(apps, group_name(section.title, DESK)))
    grant_page_permissions(apps, reporters, section.pk, SECTION_REPORTER_PAGE_PERMISSIONS)
    grant_page_permissions(apps, editors, section.pk, SECTION_DESK_PAGE_PERMISSIONS)
    SectionDesk.objects.create(
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


def install_newsroom(apps):
    """The four role groups, the 기사 승인 workflow and every top-level section's desk.

    Idempotent: run again, it adds what is missing and leaves the rest as it is.
    """
    Group = apps.get_model("auth", "Group")
    roles = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    for role, names in ROLE_PERMISSIONS.items():
        roles[role].permissions.add(*permissions_named(apps, names))
    Permission = apps.get_model("auth", "Permission")
    administrators = roles[ADMINISTRATOR]
    administrators.permissions.add(*Permission.objects.exclude(group=administrators))

    root_collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for role, names in ROLE_COLLECTION_PERMISSIONS.items():
        for permission in permissions_named(apps, names):
            GroupCollectionPermission.objects.get_or_create(
                group=roles[role], collection=root_collection, permission=permission
            )

    root_page = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    for role, codenames in ROLE_PAGE_PERMISSIONS.items():
        grant_page_permissions(apps, roles[role], root_page.pk, codenames)

    create_article_workflow(apps, [roles[role] for role in REVIEWING_ROLES])
    retire_wagtail_samples(apps)

    SectionPage = apps.get_model("news", "SectionPage")
    section_paths = set(SectionPage.objects.values_list("path", flat=True))
    for section in SectionPage.objects.order_by("path"):
        if parent_path(section.path) not in section_paths:
            set_up_section_desk(apps, section)


def install(apps, schema_editor):
    create_all_permissions(apps)
    install_newsroom(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_section_desks_and_desk_approval"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("comments", "0001_initial"),
        ("home", "0004_masthead_logo"),
        ("news", "0008_reporter_user_account"),
        ("photos", "0001_watermark_settings"),
        ("recycle_bin", "0001_binned_article"),
        ("search", "0002_search_plan_helpers"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
