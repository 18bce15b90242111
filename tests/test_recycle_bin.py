"""The safety nets: 휴지통 (a deleted article waits 30 days, restorable by the desk with its
address, revisions and comments) and autosave of drafts."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection, connections
from django.db.backends.signals import connection_created
from django.urls import reverse
from django.utils import timezone
from newsroom import KST, add_article, add_section
from test_embargo import Paper, assert_hidden_everywhere, marks, schedule
from test_scheduling import article_form
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    PageLogEntry,
    Revision,
    Workflow,
    WorkflowState,
    WorkflowTask,
)

from comments.models import Comment
from editorial import worker
from news.models import ArticlePage, SectionPage
from recycle_bin import bin as recycle_bin
from recycle_bin.models import BinnedArticle


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        username="chief", email="chief@dailycc.net", password="pw", first_name="편집국장"
    )


def newsroom_user(username, section, page_permissions, bin_permissions=()):
    """A user of a group with page permissions on `section`, as the role groups give them."""
    group = Group.objects.create(name=f"{username} 그룹")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in bin_permissions:
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group, page=section, permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@dailycc.net", password="pw"
    )
    user.groups.add(group)
    return user


BIN_PERMISSIONS = ("view_binnedarticle", "restore_binnedarticle", "purge_binnedarticle")


@pytest.fixture
def desk(sections):
    """데스크 of 지역: edits and publishes there, and may restore and purge."""
    return newsroom_user(
        "desk", sections["region"], ["add_page", "change_page", "publish_page"], BIN_PERMISSIONS
    )


@pytest.fixture
def reporter_user(sections):
    """기자 of 지역: writes there, may not publish, has no say over the bin."""
    return newsroom_user("reporter", sections["region"], ["add_page"])


@pytest.fixture
def paper(sections, reporter, masthead, home):
    return Paper(sections, reporter, masthead, home)


@pytest.fixture
def article(paper):
    """A live article with history: two revisions, reader comments, a related pick."""
    article = paper.live_article("해오름다리 준공식 취소")
    article.lead = "고친 요약"
    article.save_revision().publish()
    Comment.objects.create(article=article, author=paper.reader, text="아쉽네요")
    return ArticlePage.objects.get(pk=article.pk)


def delete_in_admin(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def clear_messages(client):
    """Show the pending admin messages once, so later pages are free of them."""
    client.get(reverse("wagtailadmin_home"))


def bin_index(client):
    return client.get(reverse("recycle_bin:index"))


# Deleting


def test_deleting_an_article_asks_to_move_it_to_the_bin(client, admin_user, article):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:delete", args=[article.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "휴지통으로 옮기기" in html and "30일" in html
    assert ArticlePage.objects.get(pk=article.pk).live  # asking changes nothing


def test_a_deleted_article_goes_to_the_bin_with_everything_kept(client, admin_user, article):
    url_path, revisions = article.url_path, article.revisions.count()
    client.force_login(admin_user)

    response = delete_in_admin(client, article)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[article.get_parent().pk])
    binned = ArticlePage.objects.get(pk=article.pk)  # still there
    assert not binned.live
    assert binned.url_path == url_path and binned.slug == article.slug
    assert binned.revisions.count() == revisions
    assert Comment.objects.filter(article=binned).count() == 1
    entry = BinnedArticle.objects.get(page=binned)
    assert entry.deleted_by == admin_user and entry.was_live
    assert entry.section.pk == article.get_parent().pk
    assert PageLogEntry.objects.filter(page=binned, action="recycle_bin.move").exists()


def test_a_binned_article_is_nowhere_for_readers(client, admin_user, paper, article):
    paper.make_prominent(article)
    client.force_login(admin_user)
    delete_in_admin(client, article)
    client.logout()

    assert_hidden_everywhere(client, paper, ArticlePage.objects.get(pk=article.pk), marks(article))


def test_a_binned_article_is_out_of_the_editors_way(client, admin_user, article):
    section = article.get_parent()
    client.force_login(admin_user)
    delete_in_admin(client, article)
    clear_messages(client)

    explorer = client.get(reverse("wagtailadmin_explore", args=[section.pk])).content.decode()
    assert article.title not in explorer
    searched = client.get(
        reverse("wagtailadmin_explore", args=[section.pk]), {"q": "준공식"}
    ).content.decode()
    assert article.title not in searched
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[section.pk]))
    assert article.title not in chooser.content.decode()
    listing = client.get("/admin/articles/").content.decode()  # the desk's 기사 목록
    assert article.title not in listing and "기사 목록" in listing
    for view, args in [
        ("edit", [article.pk]),
        ("copy", [article.pk]),
        ("move_confirm", [article.pk, section.get_parent().pk]),
    ]:
        response = client.get(reverse(f"wagtailadmin_pages:{view}", args=args))
        assert response.status_code == 302, view
        assert response["Location"] == reverse("recycle_bin:index"), view
    assert delete_in_admin(client, article)["Location"] == reverse("recycle_bin:index")


def test_the_bin_lists_title_section_who_when_and_days_left(client, admin_user, article):
    client.force_login(admin_user)
    delete_in_admin(client, article)
    entry = BinnedArticle.objects.get()

    html = bin_index(client).content.decode()

    assert article.title in html
    assert "대전" in html  # the section
    assert "편집국장" in html  # who deleted it
    assert f"{timezone.localtime(entry.deleted_at, KST):%Y.%m.%d %H:%M}" in html
    assert "30일" in html  # days left
    assert reverse("recycle_bin:restore", args=[entry.pk]) in html
    assert reverse("recycle_bin:purge", args=[entry.pk]) in html
    sidebar = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("recycle_bin:index") in sidebar  # the 휴지통 menu item


def test_the_bin_is_searched_by_title(client, admin_user, paper):
    for title in ("해오름다리 첫째", "해오름다리 둘째"):
        article = paper.live_article(title)
        recycle_bin.move_to_bin(article, user=admin_user)
    client.force_login(admin_user)

    html = client.get(reverse("recycle_bin:index"), {"q": "둘째"}).content.decode()

    assert "해오름다리 둘째" in html and "해오름다리 첫째" not in html


def test_binning_cancels_the_approval_workflow(admin_user, paper):
    draft = paper.unpublished_article("승인 대기 기사")
    draft.save_revision(user=admin_user)
    workflow = Workflow.objects.create(name="기사 승인")
    task = GroupApprovalTask.objects.create(name="데스크 승인")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    state = workflow.start(draft, admin_user)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    recycle_bin.move_to_bin(draft, user=admin_user)

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED


# Restoring


def test_the_desk_restores_an_article_with_its_url_revisions_and_comments(
    client, admin_user, desk, article
):
    before = ArticlePage.objects.get(pk=article.pk)
    revisions = before.revisions.count()
    client.force_login(admin_user)
    delete_in_admin(client, article)
    entry = BinnedArticle.objects.get()
    client.force_login(desk)

    page = client.get(reverse("recycle_bin:restore", args=[entry.pk]))
    assert page.status_code == 200 and "다시 게재하기" in page.content.decode()
    response = client.post(reverse("recycle_bin:restore", args=[entry.pk]), {"publish": "1"})

    assert response.status_code == 302
    restored = ArticlePage.objects.get(pk=article.pk)
    assert restored.live and restored.url == before.url
    assert restored.revisions.count() == revisions
    assert restored.live_revision == before.live_revision
    # Its content did not change: 입력 and 수정 stay as they were.
    assert restored.first_published_at == before.first_published_at
    assert restored.last_published_at == before.last_published_at
    assert not BinnedArticle.objects.exists()
    assert PageLogEntry.objects.filter(page=restored, action="recycle_bin.restore").exists()
    client.logout()
    reader_page = client.get(before.url)
    assert reader_page.status_code == 200
    thread = client.get(f"/comments/article/{article.pk}/").content.decode()
    assert "아쉽네요" in thread


def test_restoring_without_publishing_gives_back_a_draft(client, admin_user, desk, article):
    client.force_login(admin_user)
    delete_in_admin(client, article)
    client.force_login(desk)

    client.post(reverse("recycle_bin:restore", args=[BinnedArticle.objects.get().pk]))

    restored = ArticlePage.objects.get(pk=article.pk)
    assert not restored.live and not BinnedArticle.objects.exists()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code == 200


def test_a_binned_scheduled_article_is_never_published_and_is_rescheduled_on_restore(
    client, admin_user, paper
):
    scheduled = paper.unpublished_article("해오름다리 예약 기사")
    revision = schedule(scheduled, hours=3)
    client.force_login(admin_user)
    delete_in_admin(client, scheduled)
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    assert worker.run_pass().published == 0

    client.post(
        reverse("recycle_bin:restore", args=[BinnedArticle.objects.get().pk]), {"publish": "1"}
    )

    restored = ArticlePage.objects.get(pk=scheduled.pk)
    assert not restored.live and restored.scheduled_revision == revision


def test_a_reporter_can_bin_a_draft_but_not_see_or_restore_the_bin(client, reporter_user, sections):
    draft = ArticlePage(title="기자의 초안", body=[], live=False, owner=reporter_user)
    sections["daejeon"].add_child(instance=draft)
    draft.save_revision(user=reporter_user)
    client.force_login(reporter_user)

    delete_in_admin(client, draft)

    entry = BinnedArticle.objects.get(page=draft)
    assert entry.deleted_by == reporter_user and not entry.was_live
    refused = reverse("wagtailadmin_home")  # Wagtail's "no permission" redirect
    assert bin_index(client)["Location"] == refused
    assert reverse("recycle_bin:index") not in client.get(refused).content.decode()
    restore = client.post(reverse("recycle_bin:restore", args=[entry.pk]), {"publish": "1"})
    assert restore.status_code == 302 and restore["Location"] == refused
    assert BinnedArticle.objects.filter(pk=entry.pk).exists()


def test_a_desk_sees_only_its_own_sections_articles_in_the_bin(
    client, admin_user, desk, paper, sections
):
    politics_article = add_article(sections["politics"], title="정치 기사")
    region_article = paper.live_article("지역 기사")
    client.force_login(admin_user)
    delete_in_admin(client, politics_article)
    delete_in_admin(client, region_article)
    politics_entry = BinnedArticle.objects.get(page=politics_article)
    clear_messages(client)

    client.force_login(desk)
    html = bin_index(client).content.decode()

    assert "지역 기사" in html and "정치 기사" not in html
    assert client.post(reverse("recycle_bin:restore", args=[politics_entry.pk])).status_code == 404
    assert BinnedArticle.objects.filter(pk=politics_entry.pk).exists()


# Purging


def test_the_worker_purges_after_30_days_and_not_before(client, admin_user, paper, sections):
    old = paper.live_article("31일 전에 지운 기사")
    recent = paper.live_article("29일 전에 지운 기사")
    Comment.objects.create(article=old, author=paper.reader, text="지워질 댓글")
    client.force_login(admin_user)
    delete_in_admin(client, old)
    delete_in_admin(client, recent)
    now = timezone.now()
    BinnedArticle.objects.filter(page=old).update(deleted_at=now - datetime.timedelta(days=31))
    BinnedArticle.objects.filter(page=recent).update(deleted_at=now - datetime.timedelta(days=29))

    result = worker.run_pass()

    assert result.purged == 1 and result.errors == 0
    assert not ArticlePage.objects.filter(pk=old.pk).exists()
    assert not Comment.objects.filter(text="지워질 댓글").exists()
    assert ArticlePage.objects.filter(pk=recent.pk).exists()
    assert BinnedArticle.objects.filter(page=recent).exists()
    assert PageLogEntry.objects.filter(page_id=old.pk, action="wagtail.delete").exists()
    assert worker.run_pass().purged == 0


def test_the_bin_period_is_a_setting(settings, client, admin_user, paper):
    settings.RECYCLE_BIN_DAYS = 7
    article = paper.live_article("일주일 보관")
    client.force_login(admin_user)
    delete_in_admin(client, article)
    BinnedArticle.objects.update(deleted_at=timezone.now() - datetime.timedelta(days=8))
    assert worker.run_pass().purged == 1


def test_days_left_count_the_day_that_has_started(db):
    now = timezone.now()
    entry = BinnedArticle(deleted_at=now)
    assert entry.days_left(now) == 30
    assert entry.days_left(now + datetime.timedelta(days=29, hours=12)) == 1
    assert entry.days_left(now + datetime.timedelta(days=30)) == 0


def test_the_desk_purges_at_once_from_the_bin(client, admin_user, desk, article):
    client.force_login(admin_user)
    delete_in_admin(client, article)
    entry = BinnedArticle.objects.get()
    client.force_login(desk)

    confirm = client.get(reverse("recycle_bin:purge", args=[entry.pk]))
    assert confirm.status_code == 200 and "되돌릴 수 없습니다" in confirm.content.decode()
    client.post(reverse("recycle_bin:purge", args=[entry.pk]))

    assert not ArticlePage.objects.filter(pk=article.pk).exists()
    assert not BinnedArticle.objects.exists()


# Other ways of deleting


def test_bulk_delete_moves_the_selected_articles_to_the_bin(client, admin_user, paper):
    first = paper.live_article("첫째 기사")
    second = paper.live_article("둘째 기사")
    client.force_login(admin_user)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    query = f"?id={first.pk}&id={second.pk}"

    confirm = client.get(url + query).content.decode()
    assert "휴지통으로 옮기기" in confirm and "2건" in confirm
    response = client.post(url + query, {})

    assert response.status_code == 302
    assert set(BinnedArticle.objects.values_list("page_id", flat=True)) == {first.pk, second.pk}
    assert ArticlePage.objects.filter(pk__in=[first.pk, second.pk], live=False).count() == 2


def test_bulk_delete_of_an_article_and_an_empty_section(client, admin_user, paper, home):
    article = paper.live_article("함께 지운 기사")
    empty = add_section(home, "빈 섹션", "empty")
    client.force_login(admin_user)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    explorer = reverse("wagtailadmin_explore", args=[home.pk])
    query = f"?id={article.pk}&id={empty.pk}&next={explorer}"

    confirm = client.get(url + query).content.decode()
    assert "기사 1건을 휴지통으로 옮깁니다" in confirm and "바로 삭제되며" in confirm
    response = client.post(url + query, {}, follow=True)

    assert BinnedArticle.objects.filter(page=article).exists()
    assert not SectionPage.objects.filter(pk=empty.pk).exists()
    assert "기사 1건을 휴지통으로 옮겼습니다" in response.content.decode()


def test_a_section_with_articles_cannot_be_deleted(client, admin_user, article, sections):
    client.force_login(admin_user)

    response = delete_in_admin(client, sections["daejeon"])

    assert response.status_code == 302
    assert SectionPage.objects.filter(pk=sections["daejeon"].pk).exists()
    assert ArticlePage.objects.get(pk=article.pk).live
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    client.post(f"{bulk}?id={sections['region'].pk}", {})
    assert SectionPage.objects.filter(pk=sections["region"].pk).exists()


def test_a_section_whose_only_articles_are_binned_is_still_kept(
    client, admin_user, article, sections
):
    client.force_login(admin_user)
    delete_in_admin(client, article)
    response = delete_in_admin(client, sections["daejeon"])
    assert SectionPage.objects.filter(pk=sections["daejeon"].pk).exists()
    assert ArticlePage.objects.filter(pk=article.pk).exists()
    message = [str(m) for m in response.wsgi_request._messages]
    assert any("휴지통에 있는 기사 1건" in text for text in message), message


def test_an_empty_section_is_deleted_as_wagtail_does(client, admin_user, home):
    empty = add_section(home, "빈 섹션", "empty")
    client.force_login(admin_user)
    delete_in_admin(client, empty)
    assert not SectionPage.objects.filter(pk=empty.pk).exists()
    assert not BinnedArticle.objects.exists()


# Published means not in the bin: no admin path publishes a binned article, and whatever
# publishes one anyway takes it out of the bin, so the worker never purges a live article.


def bulk_url(action, *page_ids, **params):
    query = "&".join([*(f"id={pk}" for pk in page_ids), *(f"{k}={v}" for k, v in params.items())])
    return reverse("wagtail_bulk_action", args=("wagtailcore", "page", action)) + f"?{query}"


def still_binned(article):
    page = ArticlePage.objects.get(pk=article.pk)
    return not page.live and BinnedArticle.objects.filter(page=page).exists()


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_a_binned_article_cannot_be_bulk_published(client, admin_user, article):
    client.force_login(admin_user)
    delete_in_admin(client, article)
    clear_messages(client)

    response = client.post(bulk_url("publish", article.pk), {})

    assert response.status_code == 302
    assert any("휴지통에 있는 기사는 먼저 복원하세요." in text for text in messages_of(response))
    assert still_binned(article)


def test_a_binned_article_cannot_be_bulk_moved_to_another_section(
    client, admin_user, article, sections
):
    client.force_login(admin_user)
    delete_in_admin(client, article)
    politics = sections["politics"]

    response = client.post(bulk_url("move", article.pk), {"chooser": politics.pk})

    assert response.status_code == 302
    assert any("휴지통에 있는 기사는 먼저 복원하세요." in text for text in messages_of(response))
    assert ArticlePage.objects.get(pk=article.pk).get_parent().pk == sections["daejeon"].pk
    assert still_binned(article)


def test_publishing_a_section_with_its_descendants_leaves_binned_articles_in_the_bin(
    client, admin_user, paper, sections
):
    binned = paper.live_article("지운 기사")
    waiting = paper.unpublished_article("게재할 초안")
    waiting.save_revision()
    recycle_bin.move_to_bin(binned, user=admin_user)
    client.force_login(admin_user)

    explorer = reverse("wagtailadmin_explore", args=[sections["region"].pk])
    response = client.post(
        bulk_url("publish", sections["region"].pk, next=explorer),
        {"include_descendants": "on"},
        follow=True,
    )

    assert ArticlePage.objects.get(pk=waiting.pk).live
    assert still_binned(binned)
    assert "휴지통에 있는 기사 1건은 게재하지 않았습니다" in response.content.decode()


def test_select_all_in_a_section_leaves_out_its_binned_articles(
    client, admin_user, paper, sections
):
    binned = paper.live_article("지운 기사")
    waiting = paper.unpublished_article("게재할 초안")
    waiting.save_revision()
    recycle_bin.move_to_bin(binned, user=admin_user)
    client.force_login(admin_user)
    select_all = bulk_url("publish", childOf=sections["daejeon"].pk).replace("?", "?id=all&")

    confirm = client.get(select_all).content.decode()
    assert "게재할 초안" in confirm and "지운 기사" not in confirm
    client.post(select_all, {})

    assert ArticlePage.objects.get(pk=waiting.pk).live
    assert still_binned(binned)


def test_an_article_published_while_in_the_bin_leaves_the_bin_and_is_never_purged(
    admin_user, article
):
    recycle_bin.move_to_bin(article, user=admin_user)
    BinnedArticle.objects.update(deleted_at=timezone.now() - datetime.timedelta(days=31))

    # A path the admin does not offer (a script, the shell): published all the same.
    ArticlePage.objects.get(pk=article.pk).get_latest_revision().publish()

    assert not BinnedArticle.objects.exists()
    assert PageLogEntry.objects.filter(page=article, action="recycle_bin.restore").exists()
    assert worker.run_pass().purged == 0
    assert ArticlePage.objects.get(pk=article.pk).live


def test_the_purge_keeps_an_article_that_is_live_again(admin_user, article):
    """Should an entry outlive the article's publication (written before the rule above,
    or by a direct database write), the purge looks again under the row locks."""
    recycle_bin.move_to_bin(article, user=admin_user)
    entry = BinnedArticle.objects.get()
    ArticlePage.objects.filter(pk=article.pk).update(live=True)

    assert recycle_bin.purge(entry) is False

    assert ArticlePage.objects.filter(pk=article.pk, live=True).exists()
    assert not BinnedArticle.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_lock_while_binning_is_a_korean_message_not_a_500(client, admin_user, paper):
    """Another session (the worker, say) holds the article's row: moving it to the bin
    gives up after the lock timeout, changes nothing, and says so."""
    article = paper.live_article("붙잡힌 기사")

    def short_lock_timeout(sender, connection, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '300ms'")

    other = connections.create_connection("default")
    connection_created.connect(short_lock_timeout, dispatch_uid="test_short_lock_timeout")
    short_lock_timeout(None, connection)  # should the request keep this session
    try:
        other.set_autocommit(False)
        with other.cursor() as cursor:
            cursor.execute("SELECT id FROM wagtailcore_page WHERE id = %s FOR UPDATE", [article.pk])
        client.force_login(admin_user)
        response = delete_in_admin(client, article)
    finally:
        connection_created.disconnect(dispatch_uid="test_short_lock_timeout")
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
        other.rollback()
        other.close()

    assert response.status_code == 302
    assert any("휴지통으로 옮기지 못했습니다" in text for text in messages_of(response))
    assert ArticlePage.objects.get(pk=article.pk).live
    assert not BinnedArticle.objects.exists()


# Autosave, the other safety net


def edit_url(article):
    return reverse("wagtailadmin_pages:edit", args=[article.pk])


def autosave(client, article, reporter, title, **revision_fields):
    data = article_form(reporter, title=title)
    data.pop("action-publish")
    data.update(revision_fields)
    return client.post(edit_url(article), data, HTTP_ACCEPT="application/json")


@pytest.fixture
def live_article(sections, reporter, masthead):
    return add_article(sections["daejeon"], title="처음 제목", reporters=[reporter])


def test_the_article_editor_autosaves(client, admin_user, live_article, sections):
    client.force_login(admin_user)
    edit = client.get(edit_url(live_article)).content.decode()
    assert "w-autosave" in edit and 'data-w-autosave-interval-value="3000"' in edit
    add = client.get(
        reverse("wagtailadmin_pages:add", args=("news", "articlepage", sections["daejeon"].pk))
    ).content.decode()
    assert "w-autosave" in add


def test_an_autosave_keeps_the_draft_and_leaves_the_live_article_alone(
    client, admin_user, live_article, reporter
):
    client.force_login(admin_user)
    latest = live_article.latest_revision
    revisions = live_article.revisions.count()

    response = autosave(
        client,
        live_article,
        reporter,
        "자동 저장된 제목",
        loaded_revision_id=str(latest.pk),
        loaded_revision_created_at=latest.created_at.isoformat(),
    )

    assert response.status_code == 200, response.content.decode()[:500]
    data = response.json()
    assert data["success"] is True
    draft = Revision.objects.get(pk=data["revision_id"])
    assert draft.content["title"] == "자동 저장된 제목"
    page = ArticlePage.objects.get(pk=live_article.pk)
    assert page.title == "처음 제목" and page.draft_title == "자동 저장된 제목"
    assert page.live and page.has_unpublished_changes
    assert "처음 제목" in client.get(page.url).content.decode()
    # The editor reopened later shows the autosaved draft.
    assert "자동 저장된 제목" in client.get(edit_url(page)).content.decode()

    # The next autosave of the same session overwrites its own draft revision.
    again = autosave(
        client, live_article, reporter, "다시 자동 저장", overwrite_revision_id=str(draft.pk)
    )
    assert again.json()["revision_id"] == draft.pk
    assert live_article.revisions.count() == revisions + 1
    assert Revision.objects.get(pk=draft.pk).content["title"] == "다시 자동 저장"


def test_an_autosave_never_overwrites_a_newer_version(client, admin_user, live_article, reporter):
    client.force_login(admin_user)
    loaded = live_article.latest_revision
    newer = ArticlePage.objects.get(pk=live_article.pk)
    newer.title = "다른 편집자가 고친 제목"
    newer.save_revision()  # someone else saved meanwhile

    response = autosave(
        client,
        live_article,
        reporter,
        "덮어쓰면 안 되는 제목",
        loaded_revision_id=str(loaded.pk),
        loaded_revision_created_at=loaded.created_at.isoformat(),
    )

    assert response.status_code == 400
    assert json.loads(response.content)["error_code"] == "invalid_revision"
    latest = ArticlePage.objects.get(pk=live_article.pk).latest_revision
    assert latest.content["title"] == "다른 편집자가 고친 제목"


def test_a_binned_article_is_not_autosaved(client, admin_user, live_article, reporter):
    client.force_login(admin_user)
    recycle_bin.move_to_bin(live_article, user=admin_user)
    response = autosave(client, live_article, reporter, "휴지통에서 고친 제목")
    assert response.status_code == 400
    assert ArticlePage.objects.get(pk=live_article.pk).draft_title == "처음 제목"
