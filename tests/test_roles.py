"""Who may do what in the newsroom admin: the four roles, the section desks and bylines.

Every rule is checked through the admin's own views, signed in as that role.
"""

import ast
import datetime
import importlib
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import Group, User
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import timezone
from newsroom import add_article, add_section
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from editorial.models import SectionDesk, SectionDeskApprovalTask, section_saved
from editorial.roles import (
    ADMINISTRATOR,
    ARTICLE_WORKFLOW,
    DESK,
    MANAGING_EDITOR,
    REPORTER,
    ROLES,
)
from home.models import HomePage
from news.models import ArticlePage, Reporter, SectionPage

PASSWORD = "newsroom-pw-2024"


def staff(username, *group_names):
    user = User.objects.create_user(
        username=username,
        email=f"{username}@dailycc.net",
        password=PASSWORD,
        first_name=username,
        last_name="기자",
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    assert user.groups.count() >= len(group_names), group_names
    return user


def refused(response):
    """Wagtail answers a permission error with 403, or a redirect to the admin home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def article_form(title="대전시, 시민 토론회 연다", reporters=(), **overrides):
    data = {
        "title": title,
        "subtitle": "",
        "lead": "대전시가 시민 토론회를 연다.",
        "dateline": "대전",
        "article_reporters": inline_formset([{"reporter": r.pk} for r in reporters]),
        "series": "",
        "grade": "0",
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        "body": streamfield([("paragraph", rich_text("<p>대전시는 20일 토론회를 연다.</p>"))]),
        "main_image": "",
        "article_type": "news",
        "tags": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def edit_form(client, page, **changes):
    """The article's edit form as the admin renders it for this user, with `changes`."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # The body's blocks are drawn by JavaScript: post them the way its widget would.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>본문</p>"))])}))
    for name, value in changes.items():
        data[name] = value
    return data


@pytest.fixture
def newsroom(sections, masthead):
    """지역 (with 대전 under it) and 정치, one or two people in each role."""
    people = {
        "kwon": staff("kwon", "지역 기자"),
        "lee": staff("lee", "지역 기자"),
        "park": staff("park", "정치 기자"),
        "region_desk": staff("region_desk", "지역 데스크"),
        "politics_desk": staff("politics_desk", "정치 데스크"),
        "chief": staff("chief", MANAGING_EDITOR),
        "admin": staff("admin", ADMINISTRATOR),
    }
    return {**sections, **people}


def article_by(author, section, title="기사", **fields):
    """An article `author` wrote in the admin (Wagtail's owner rule keys on it)."""
    article = add_article(section, title=title, **fields)
    ArticlePage.objects.filter(pk=article.pk).update(owner=author)
    article.refresh_from_db()
    return article


# --- The roles every install has -------------------------------------------------


@pytest.mark.django_db
def test_every_install_has_the_four_korean_roles_and_the_article_workflow():
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)
    # Wagtail's English sample groups are replaced, not kept beside them.
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()

    workflow = Workflow.objects.get(name=ARTICLE_WORKFLOW)
    assert workflow.active
    (task,) = [task.specific for task in workflow.tasks]
    assert isinstance(task, SectionDeskApprovalTask)
    assert {DESK, MANAGING_EDITOR, ADMINISTRATOR} <= set(task.groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_role_groups_hold_what_each_role_needs():
    def can(role, permission):
        return Group.objects.filter(
            name=role,
            permissions__content_type__app_label=permission.split(".")[0],
            permissions__codename=permission.split(".")[1],
        ).exists()

    for role in ROLES:
        assert can(role, "wagtailadmin.access_admin"), role
    assert not can(REPORTER, "home.change_masthead")
    assert not can(DESK, "home.change_masthead")
    assert can(MANAGING_EDITOR, "home.change_masthead")
    assert can(DESK, "comments.change_comment") and not can(REPORTER, "comments.change_comment")
    assert can(MANAGING_EDITOR, "editorial.set_breaking_news")
    assert not can(DESK, "editorial.set_breaking_news")
    assert can(ADMINISTRATOR, "auth.change_user") and not can(MANAGING_EDITOR, "auth.change_user")
    # 관리자 holds every permission, those of every app included.
    administrators = Group.objects.get(name=ADMINISTRATOR)
    from django.contrib.auth.models import Permission

    assert administrators.permissions.count() == Permission.objects.count()


@pytest.mark.django_db
def test_a_new_top_level_section_gets_a_reporters_and_a_desk_group(home):
    economy = add_section(home, "경제", "economy")
    subsection = add_section(economy, "부동산", "realty")

    desk = SectionDesk.objects.get(section=economy)
    assert desk.reporters.name == "경제 기자" and desk.editors.name == "경제 데스크"

    def page_permissions(group):
        return set(
            GroupPagePermission.objects.filter(group=group, page=economy).values_list(
                "permission__codename", flat=True
            )
        )

    assert page_permissions(desk.reporters) == {"add_page"}
    assert page_permissions(desk.editors) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    # Its articles go through 기사 승인, and its desk is among the approvers.
    assert WorkflowPage.objects.get(page=economy).workflow.name == ARTICLE_WORKFLOW
    assert subsection.get_workflow().name == ARTICLE_WORKFLOW
    task = SectionDeskApprovalTask.objects.get()
    assert task.groups.filter(pk=desk.editors.pk).exists()
    # A subsection is covered by its section's groups; it gets none of its own.
    assert not SectionDesk.objects.filter(section=subsection).exists()


def newsroom_migration():
    return importlib.import_module("editorial.migrations.0002_newsroom_roles_and_workflow")


def test_the_roles_migration_is_frozen():
    """0002 carries its own copy of the roles and the code that installs them: editing
    editorial/roles.py (or any app) later cannot change what it does on a fresh database."""
    tree = ast.parse(Path(newsroom_migration().__file__).read_text())
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    ]
    assert imported and all(name.split(".")[0] == "django" for name in imported), imported


@pytest.mark.django_db
def test_installing_on_a_paper_with_sections_gives_each_its_desk_once(home):
    """What the data migration does on a site that had sections before this app."""
    post_save.disconnect(sender=SectionPage, dispatch_uid="editorial_section_saved")
    try:
        society = add_section(home, "사회", "society")
        add_section(society, "교육", "education")
    finally:
        post_save.connect(section_saved, sender=SectionPage, dispatch_uid="editorial_section_saved")
    assert not SectionDesk.objects.filter(section=society).exists()

    newsroom_migration().install_newsroom(global_apps)
    newsroom_migration().install_newsroom(global_apps)  # idempotent: a second run adds nothing

    assert SectionDesk.objects.get().section_id == society.pk  # not the subsection
    assert Group.objects.filter(name__startswith="사회 ").count() == 2
    assert WorkflowPage.objects.get(page=society).workflow.name == ARTICLE_WORKFLOW
    assert Workflow.objects.filter(name=ARTICLE_WORKFLOW).count() == 1
    assert SectionDeskApprovalTask.objects.count() == 1


@pytest.mark.django_db
def test_renaming_a_section_renames_its_groups_but_not_a_name_chosen_by_hand(sections):
    politics = sections["politics"]
    desk = SectionDesk.objects.get(section=politics)
    Group.objects.filter(pk=desk.editors.pk).update(name="정치부 데스크(부장)")

    politics.title = "정치·행정"
    politics.save_revision().publish()

    desk.refresh_from_db()
    assert desk.reporters.name == "정치·행정 기자"
    assert desk.editors.name == "정치부 데스크(부장)"
    assert desk.named_after == "정치·행정"


@pytest.mark.django_db
def test_a_drafted_title_does_not_rename_the_groups_until_published(sections):
    politics = SectionPage.objects.get(pk=sections["politics"].pk)
    politics.title = "정치·행정"
    politics.save_revision()  # a draft: the live title is still 정치

    assert SectionDesk.objects.get(section=politics).reporters.name == "정치 기자"


@pytest.mark.django_db
def test_deleting_a_section_removes_its_groups(home):
    culture = add_section(home, "문화", "culture")
    group_ids = SectionDesk.objects.filter(section=culture).values_list("reporters", "editors")[0]

    culture.delete()

    assert not Group.objects.filter(pk__in=group_ids).exists()


@pytest.mark.django_db
def test_two_sections_with_one_title_get_groups_with_distinct_names(home, sections):
    other = add_section(sections["region"], "정치", "politics")  # a subsection: no groups
    assert not SectionDesk.objects.filter(section=other).exists()
    second_site_politics = add_section(home, "정치", "politics-2")
    assert SectionDesk.objects.get(section=second_site_politics).reporters.name == "정치 기자 (2)"


# --- Users are put in sections through Wagtail's user editor -------------------


def user_form(user, *groups, **fields):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "password1": "",
        "password2": "",
        "is_active": "on",
        "groups": [str(group.pk) for group in groups],
    }
    data.update(fields)
    return data


@pytest.mark.django_db
def test_administrator_assigns_a_reporter_to_a_section_in_the_user_editor(client, newsroom):
    newcomer = User.objects.create_user(
        username="newcomer", email="newcomer@dailycc.net", first_name="신", last_name="입"
    )
    client.force_login(newsroom["admin"])
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200

    response = client.post(
        reverse("wagtailusers_users:edit", args=(newcomer.pk,)),
        user_form(newcomer, Group.objects.get(name="정치 기자")),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    # A member of a section's group is also in its role's group (admin access, photos).
    assert set(newcomer.groups.values_list("name", flat=True)) == {"정치 기자", REPORTER}
    client.force_login(newcomer)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(add_url(newsroom["politics"])).status_code == 200
    assert refused(client.get(add_url(newsroom["region"])))


@pytest.mark.django_db
def test_unticking_the_role_but_keeping_the_section_keeps_the_role(client, newsroom):
    client.force_login(newsroom["admin"])
    kwon = newsroom["kwon"]

    response = client.post(
        reverse("wagtailusers_users:edit", args=(kwon.pk,)),
        user_form(kwon, Group.objects.get(name="지역 기자")),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(kwon.groups.values_list("name", flat=True)) == {"지역 기자", REPORTER}


@pytest.mark.django_db
def test_only_the_administrator_manages_users(client, newsroom):
    for name in ("kwon", "region_desk", "chief"):
        client.force_login(newsroom[name])
        assert refused(client.get(reverse("wagtailusers_users:index"))), name
        assert refused(client.get(reverse("wagtailusers_groups:index"))), name

    client.force_login(newsroom["admin"])
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "jeong",
            "email": "jeong@dailycc.net",
            "first_name": "정",
            "last_name": "기자",
            "password1": "Seoul-news-2024!",
            "password2": "Seoul-news-2024!",
            "groups": [str(Group.objects.get(name="지역 기자").pk)],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(username="jeong").groups.filter(name=REPORTER).exists()
    assert client.get(reverse("wagtailusers_groups:index")).status_code == 200


# --- Reporters ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reporters_publish_attempt_saves_a_draft_and_publishes_nothing(client, newsroom):
    client.force_login(newsroom["kwon"])

    response = client.post(
        add_url(newsroom["daejeon"]), article_form(**{"action-publish": "action-publish"})
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get(title="대전시, 시민 토론회 연다")
    assert not article.live and article.first_published_at is None
    assert article.owner == newsroom["kwon"]
    # Nor can the draft be published from its edit page, or unpublished once live.
    response = client.post(
        edit_url(article), edit_form(client, article, **{"action-publish": "action-publish"})
    )
    article.refresh_from_db()
    assert not article.live
    assert refused(client.get(reverse("wagtailadmin_pages:unpublish", args=(article.pk,))))


@pytest.mark.django_db
def test_a_reporter_writes_only_in_their_own_sections(client, newsroom):
    client.force_login(newsroom["kwon"])
    assert client.get(add_url(newsroom["daejeon"])).status_code == 200  # 지역 › 대전
    assert refused(client.get(add_url(newsroom["politics"])))

    client.force_login(newsroom["park"])
    politics_story = article_by(newsroom["park"], newsroom["politics"], "정치 기사")
    client.force_login(newsroom["kwon"])
    assert refused(client.get(edit_url(politics_story)))


@pytest.mark.django_db
def test_a_reporter_cannot_edit_another_reporters_article(client, newsroom):
    mine = article_by(newsroom["kwon"], newsroom["daejeon"], "권 기자의 기사")
    theirs = article_by(newsroom["lee"], newsroom["daejeon"], "이 기자의 기사")
    client.force_login(newsroom["kwon"])

    assert client.get(edit_url(mine)).status_code == 200
    assert refused(client.get(edit_url(theirs)))
    assert refused(client.post(edit_url(theirs), article_form(title="고쳐 쓴 제목")))
    theirs.refresh_from_db()
    assert theirs.title == "이 기자의 기사"
    assert refused(client.get(reverse("wagtailadmin_pages:delete", args=(theirs.pk,))))


@pytest.mark.django_db
def test_a_reporter_cannot_touch_sections(client, newsroom):
    client.force_login(newsroom["kwon"])
    region = newsroom["region"]

    response = client.post(
        reverse("wagtailadmin_pages:add", args=("news", "sectionpage", region.pk)),
        {"title": "새 섹션", "slug": "new-section", "description": ""},
        follow=True,
    )

    assert not SectionPage.objects.filter(title="새 섹션").exists()
    assert "섹션은 편집국장과 관리자만 만들 수 있습니다." in response.content.decode()
    assert refused(client.get(edit_url(region)))
    assert refused(client.get(reverse("wagtailadmin_pages:delete", args=(region.pk,))))


@pytest.mark.django_db
def test_a_reporter_cannot_touch_the_masthead_or_the_front_page(client, newsroom, home):
    client.force_login(newsroom["kwon"])
    masthead = home.get_site().masthead
    assert refused(client.get(reverse("wagtailsnippets_home_masthead:list")))
    assert refused(client.get(reverse("wagtailsnippets_home_masthead:edit", args=(masthead.pk,))))
    assert refused(client.get(edit_url(home)))


@pytest.mark.django_db
def test_a_reporter_uploads_and_chooses_photos(client, newsroom):
    client.force_login(newsroom["kwon"])
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert client.get(reverse("wagtailimages_chooser:choose")).status_code == 200
    # Bylines and series are chosen in the article editor.
    assert client.get(reverse("wagtailsnippetchoosers_news_reporter:choose")).status_code == 200


# --- Bylines --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_linked_reporters_new_article_starts_with_their_byline(client, newsroom):
    kwon = newsroom["kwon"]
    profile = Reporter.objects.create(name="권예진", email="kwon@dailycc.net", user=kwon)
    client.force_login(kwon)

    response = client.get(add_url(newsroom["daejeon"]))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert data["article_reporters-TOTAL_FORMS"] == "1"
    assert data["article_reporters-0-reporter"] == str(profile.pk)

    # Sent as the form stands (title and body typed in), the byline is kept.
    data.update(
        nested_form_data(
            {
                "title": "권 기자가 쓴 기사",
                "body": streamfield([("paragraph", rich_text("<p>본문</p>"))]),
            }
        )
    )
    data["action-submit"] = "action-submit"
    response = client.post(add_url(newsroom["daejeon"]), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    article = ArticlePage.objects.get(title="권 기자가 쓴 기사")
    draft = article.get_latest_revision_as_object()
    assert [link.reporter for link in draft.article_reporters.all()] == [profile]


@pytest.mark.django_db
def test_an_unlinked_or_retired_reporter_gets_an_empty_byline(client, newsroom):
    Reporter.objects.create(name="이승훈", user=newsroom["lee"], active=False)
    for name in ("kwon", "lee"):
        client.force_login(newsroom[name])
        response = client.get(add_url(newsroom["daejeon"]))
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        assert data["article_reporters-TOTAL_FORMS"] == "0", name


@pytest.mark.django_db
def test_only_the_administrator_links_a_byline_to_an_account(client, newsroom):
    profile = Reporter.objects.create(name="권예진", email="kwon@dailycc.net")
    url = reverse("wagtailsnippets_news_reporter:edit", args=(profile.pk,))

    client.force_login(newsroom["region_desk"])
    assert 'name="user"' not in client.get(url).content.decode()

    client.force_login(newsroom["admin"])
    html = client.get(url).content.decode()
    assert 'name="user"' in html
    # Only newsroom accounts are offered, never readers' accounts.
    User.objects.create_user(username="a-reader", email="reader@example.com")
    html = client.get(url).content.decode()
    assert ">kwon<" in html and ">a-reader<" not in html

    response = client.post(
        url,
        {
            "name": "권예진",
            "title": "기자",
            "email": "kwon@dailycc.net",
            "desk": "",
            "photo": "",
            "active": "on",
            "legacy_id": "",
            "user": str(newsroom["kwon"].pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    profile.refresh_from_db()
    assert profile.user == newsroom["kwon"]


# --- Desks ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_desk_edits_and_publishes_any_article_in_its_section(client, newsroom):
    story = article_by(newsroom["kwon"], newsroom["daejeon"], "권 기자의 초고")
    ArticlePage.objects.filter(pk=story.pk).update(live=False)
    client.force_login(newsroom["region_desk"])

    response = client.post(
        edit_url(story),
        edit_form(
            client, story, title="데스크가 다듬은 제목", **{"action-publish": "action-publish"}
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    assert story.live and story.title == "데스크가 다듬은 제목"
    assert client.get(reverse("wagtailadmin_pages:unpublish", args=(story.pk,))).status_code == 200


@pytest.mark.django_db
def test_a_desk_cannot_edit_or_publish_in_another_section(client, newsroom):
    politics_story = article_by(newsroom["park"], newsroom["politics"], "정치 기사")
    client.force_login(newsroom["region_desk"])

    assert refused(client.get(edit_url(politics_story)))
    assert refused(client.get(add_url(newsroom["politics"])))
    assert refused(client.get(reverse("wagtailadmin_pages:unpublish", args=(politics_story.pk,))))


@pytest.mark.django_db
def test_a_desk_cannot_change_its_section_page_itself(client, newsroom):
    region = newsroom["region"]
    client.force_login(newsroom["region_desk"])

    response = client.get(edit_url(region), follow=True)
    assert "섹션은 편집국장과 관리자만 고칠 수 있습니다." in response.content.decode()

    client.post(reverse("wagtailadmin_pages:unpublish", args=(region.pk,)))
    bulk_unpublish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish"))
    client.post(f"{bulk_unpublish}?id={region.pk}", {"include_descendants": "on"})
    region.refresh_from_db()
    assert region.live
    daejeon = newsroom["daejeon"]
    client.post(reverse("wagtailadmin_pages:delete", args=(daejeon.pk,)))
    assert SectionPage.objects.filter(pk=daejeon.pk).exists()


@pytest.mark.django_db
def test_a_desk_moderates_comments_but_a_reporter_does_not(client, newsroom):
    comments_url = reverse("wagtailsnippets_comments_comment:list")
    client.force_login(newsroom["region_desk"])
    assert client.get(comments_url).status_code == 200
    client.force_login(newsroom["kwon"])
    assert refused(client.get(comments_url))


# --- Breaking news, the front page and the masthead: 편집국장 -------------------


@pytest.mark.django_db
def test_only_the_managing_editor_sets_breaking_news(client, newsroom):
    story = article_by(newsroom["kwon"], newsroom["daejeon"], "속보 후보")
    until = (timezone.localtime() + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")

    client.force_login(newsroom["region_desk"])
    form = edit_form(client, story, **{"action-publish": "action-publish"})
    assert "breaking_until" not in form  # the desk's form has no such field
    form["breaking_until"] = until  # and one sent anyway is ignored
    assert client.post(edit_url(story), form).status_code == 302
    story.refresh_from_db()
    assert story.breaking_until is None

    client.force_login(newsroom["chief"])
    form = edit_form(client, story, **{"action-publish": "action-publish"})
    assert "breaking_until" in form
    form["breaking_until"] = until
    assert client.post(edit_url(story), form).status_code == 302
    story.refresh_from_db()
    assert story.breaking_until is not None and story.breaking_until > timezone.now()


@pytest.mark.django_db
def test_only_the_managing_editor_curates_the_front_page(client, newsroom, home):
    story = article_by(newsroom["kwon"], newsroom["daejeon"], "톱기사 후보")
    client.force_login(newsroom["region_desk"])
    assert refused(client.get(edit_url(home)))

    client.force_login(newsroom["chief"])
    response = client.get(edit_url(home))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["top_story"] = str(story.pk)
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(home), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert HomePage.objects.get(pk=home.pk).top_story_id == story.pk


@pytest.mark.django_db
def test_only_the_managing_editor_edits_the_masthead(client, newsroom, home):
    masthead = home.get_site().masthead
    url = reverse("wagtailsnippets_home_masthead:edit", args=(masthead.pk,))
    client.force_login(newsroom["region_desk"])
    assert refused(client.get(url))
    client.force_login(newsroom["chief"])
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_managing_editor_creates_sections_and_works_in_every_one(client, newsroom, home):
    client.force_login(newsroom["chief"])
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("news", "sectionpage", home.pk)),
        nested_form_data(
            {"title": "스포츠", "slug": "sports", "description": "", "action-publish": "1"}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    sports = SectionPage.objects.get(slug="sports")
    assert sports.live and SectionDesk.objects.filter(section=sports).exists()

    politics_story = article_by(newsroom["park"], newsroom["politics"], "정치 기사")
    assert client.get(edit_url(politics_story)).status_code == 200
    assert client.get(add_url(newsroom["daejeon"])).status_code == 200
