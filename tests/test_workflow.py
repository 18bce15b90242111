"""기사 승인: a reporter submits, the section's desk approves (live) or asks for changes.

The whole round trip goes through the admin's views, as the people in it would click.
"""

import json

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from editorial.roles import DESK_TASK, MANAGING_EDITOR
from news.models import ArticlePage

CHANGES_WANTED = "발신지와 사진 출처를 확인해 주세요."


def staff(username, *group_names):
    user = User.objects.create_user(username=username, email=f"{username}@dailycc.net")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def refused(response):
    """Wagtail answers a permission error with 403, or a redirect to the admin home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def newsroom(sections):
    return {
        **sections,
        "kwon": staff("kwon", "지역 기자"),
        "region_desk": staff("region_desk", "지역 데스크"),
        "politics_desk": staff("politics_desk", "정치 데스크"),
        "chief": staff("chief", MANAGING_EDITOR),
    }


def article_form(title, **overrides):
    data = {
        "title": title,
        "subtitle": "",
        "lead": "",
        "dateline": "대전",
        "article_reporters": inline_formset([]),
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
        "comment_notifications": "on",  # ticked by default in the editor
    }
    data.update(overrides)
    return nested_form_data(data)


def submit_article(client, reporter, section, title="대전시, 시민 토론회 연다"):
    """The reporter writes an article and presses 기사 승인 요청."""
    client.force_login(reporter)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk)),
        article_form(title, **{"action-submit": "action-submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return ArticlePage.objects.get(title=title)


def workflow_action(client, article, action, comment=""):
    task_state = article.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def edit_page(client, article):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_submitted_article_waits_for_its_sections_desk(client, newsroom):
    mail.outbox.clear()
    article = submit_article(client, newsroom["kwon"], newsroom["daejeon"])

    assert not article.live
    assert article.workflow_in_progress
    assert article.current_workflow_task.name == DESK_TASK
    # The notice goes to the region desk and 편집국장, not to the politics desk.
    notified = {address for message in mail.outbox for address in message.to}
    assert "region_desk@dailycc.net" in notified and "chief@dailycc.net" in notified
    assert "politics_desk@dailycc.net" not in notified

    # The region desk finds it on its dashboard; the politics desk does not.
    client.force_login(newsroom["region_desk"])
    assert article.title in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(newsroom["politics_desk"])
    assert article.title not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not TaskState.objects.reviewable_by(newsroom["politics_desk"]).exists()


@pytest.mark.django_db
def test_reporter_submits_and_the_desk_approves_and_the_article_is_live(client, newsroom):
    article = submit_article(client, newsroom["kwon"], newsroom["daejeon"])

    client.force_login(newsroom["politics_desk"])  # not their section
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))))
    assert refused(workflow_action(client, article, "approve"))
    article.refresh_from_db()
    assert not article.live

    client.force_login(newsroom["region_desk"])
    assert f"{DESK_TASK}" in edit_page(client, article)
    response = workflow_action(client, article, "approve", comment="좋습니다.")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live and not article.workflow_in_progress
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    reader_view = client.get(article.url)
    assert reader_view.status_code == 200 and article.title in reader_view.content.decode()


@pytest.mark.django_db
def test_desk_asks_for_changes_and_the_reporter_sees_why(client, newsroom):
    article = submit_article(client, newsroom["kwon"], newsroom["daejeon"])
    mail.outbox.clear()

    client.force_login(newsroom["region_desk"])
    response = workflow_action(client, article, "reject", comment=CHANGES_WANTED)

    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The reporter is told by mail and sees the request and its comment in the editor.
    assert any(
        "kwon@dailycc.net" in message.to and CHANGES_WANTED in message.body
        for message in mail.outbox
    )
    client.force_login(newsroom["kwon"])
    html = edit_page(client, article)
    assert "region_desk 님이 수정 요청" in html and CHANGES_WANTED in html
    history = client.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    assert CHANGES_WANTED in history.content.decode()

    # The reporter fixes it and sends it back to the same review.
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>고친 본문</p>"))])})
    )
    data["dateline"] = "대전=세종"
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=(article.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert article.get_latest_revision_as_object().dateline == "대전=세종"


@pytest.mark.django_db
def test_while_in_review_only_reviewers_change_the_article(client, newsroom):
    article = submit_article(client, newsroom["kwon"], newsroom["daejeon"])

    client.force_login(newsroom["kwon"])
    html = edit_page(client, article)
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>몰래 고침</p>"))])})
    )
    data["title"] = "심사 중에 바꾼 제목"
    client.post(reverse("wagtailadmin_pages:edit", args=(article.pk,)), data)

    assert article.get_latest_revision_as_object().title == "대전시, 시민 토론회 연다"


@pytest.mark.django_db
def test_the_managing_editor_approves_in_any_section(client, newsroom):
    reporter = staff("park", "정치 기자")
    article = submit_article(client, reporter, newsroom["politics"], title="국회, 예산안 처리")

    client.force_login(newsroom["region_desk"])
    assert refused(workflow_action(client, article, "approve"))

    client.force_login(newsroom["chief"])
    assert workflow_action(client, article, "approve").status_code == 302
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_desk_comments_on_a_field_during_review_and_the_reporter_reads_it(client, newsroom):
    article = submit_article(client, newsroom["kwon"], newsroom["daejeon"])
    comment = "제목에 날짜를 넣어 주세요."

    client.force_login(newsroom["region_desk"])
    data = querydict_from_html(edit_page(client, article), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>본문</p>"))])}))
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-INITIAL_FORMS": "0",
            "comments-0-id": "",
            "comments-0-contentpath": "title",
            "comments-0-text": comment,
            "comments-0-position": "",
            "comments-0-resolved": "",
            "comments-0-DELETE": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "1000",
        }
    )
    mail.outbox.clear()
    response = client.post(reverse("wagtailadmin_pages:edit", args=(article.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    workflow_action(client, article, "reject", comment="댓글을 보고 고쳐 주세요.")

    assert article.wagtail_admin_comments.get().text == comment
    # The writer follows the article's comments: they are told by mail and see it in the editor.
    assert any("kwon@dailycc.net" in m.to and comment in m.body for m in mail.outbox)
    client.force_login(newsroom["kwon"])
    html = edit_page(client, article)
    assert json.dumps(comment)[1:-1] in html  # in the comments panel's JSON


WAGTAIL_NOTIFIER_UID = "group_approval_task_submitted_email_notification"


@pytest.mark.django_db
def test_the_section_desk_notifier_is_installed_as_the_app_starts(client, newsroom):
    """EditorialConfig.ready() puts the section desk's notifier in the place of Wagtail's
    (which mails every desk), in every process: a shell or a management command that
    submits an article never loads the admin's hooks."""
    from django.apps import apps
    from wagtail.admin.signal_handlers import task_submission_email_notifier
    from wagtail.signals import task_submitted

    from editorial import roles

    # A process as Wagtail starts it: its own notifier, under its own dispatch_uid.
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_NOTIFIER_UID)
    task_submitted.connect(
        task_submission_email_notifier, sender=TaskState, dispatch_uid=WAGTAIL_NOTIFIER_UID
    )
    try:
        apps.get_app_config("editorial").ready()
        mail.outbox.clear()
        submit_article(client, newsroom["kwon"], newsroom["daejeon"])
    finally:
        task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_NOTIFIER_UID)
        task_submitted.connect(
            roles.section_desk_submission_notifier,
            sender=TaskState,
            dispatch_uid=WAGTAIL_NOTIFIER_UID,
        )

    notified = {address for message in mail.outbox for address in message.to}
    assert "region_desk@dailycc.net" in notified
    assert "politics_desk@dailycc.net" not in notified
