"""Editors moderate reader comments in the Korean admin: find, read, hide, show, delete, and the log."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from newsroom import KST, add_article
from wagtail.admin.menu import admin_menu
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from accounts.models import ReaderProfile
from comments.actions import (
    delete_comment,
    edit_comment,
    post_comment,
    report_comment,
    toggle_like,
)
from comments.models import BannedWord, Comment, CommentReport, CommentSettings
from comments.rules import CommentRefused

LIST_URL = "wagtailsnippets_comments_comment:list"
INSPECT_URL = "wagtailsnippets_comments_comment:inspect"
HISTORY_URL = "wagtailsnippets_comments_comment:history"
BANNED_ADD_URL = "wagtailsnippets_comments_bannedword:add"


def make_reader(name, email=None):
    user = User.objects.create_user(
        username=name, email=email or f"{name.lower()}@example.com", password="pw-읽기-1234"
    )
    ReaderProfile.objects.create(user=user, display_name=name)
    return user


def admin_user(username, *permissions):
    """A newsroom user who may open the admin, with the given comment permissions."""
    user = User.objects.create_user(username=username, email=f"{username}@dailycc.net")
    group = Group.objects.create(name=f"{username}-group")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="comments", codename__in=permissions),
    )
    user.groups.add(group)
    return user


def bulk_url(action, comments, next_url="/admin/"):
    url = reverse("wagtail_bulk_action", args=("comments", "comment", action))
    return f"{url}?{urlencode([('next', next_url), *(('id', c.pk) for c in comments)])}"


def refused(response):
    """Wagtail answers a permission error with 403, or a redirect to the admin home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def moderate(client, action, *comments):
    return client.post(bulk_url(action, comments))


def listing(client, **params):
    response = client.get(reverse(LIST_URL), params)
    assert response.status_code == 200
    return response.content.decode()


def titles_in(html, comments):
    """Which of `comments` the listing shows (by the row's title id)."""
    return {c for c in comments if f'id="snippet_{c.pk}_title"' in html}


def column_headers(html):
    """The listing table's column headers, after the select-all checkbox."""
    table = html[html.index('<th class="bulk-actions-filter-checkbox"') :]
    table = table[: table.index("</thead>")]
    cells = re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)[1:]
    return [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in cells]


def history_rows(html):
    """(message, user) of each row of a history listing."""
    table = html[html.index('<table class="listing">') :]
    body = table[table.index("<tbody") : table.index("</tbody>")]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        message, user = (re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in cells[:2])
        rows.append((message, user))
    return rows


def set_created(comment, when):
    Comment.objects.filter(pk=comment.pk).update(created_at=when)
    comment.refresh_from_db()
    return comment


@pytest.fixture(autouse=True)
def relaxed_pace(site):
    """Tests post many comments in a second; the pace rule has its own tests."""
    settings = CommentSettings.load()
    settings.min_interval_seconds = 0
    settings.hourly_limit = 1000
    settings.save()
    return settings


@pytest.fixture
def editor(db):
    return User.objects.create_superuser(username="desk", email="desk@dailycc.net", password="pw")


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article(sections, reporter, masthead):
    return add_article(sections["daejeon"], title="대전산단 대개조 본격화", reporters=[reporter])


@pytest.fixture
def other_article(sections, reporter):
    return add_article(sections["politics"], title="세종 행정수도 토론회", reporters=[reporter])


@pytest.fixture
def reader(db):
    return make_reader("한밭독자", "hanbat@example.com")


@pytest.fixture
def other(db):
    return make_reader("으능정이", "eunung@example.com")


# The admin menu


def test_comments_have_their_own_admin_menu_with_moderation_and_banned_words(editor):
    request = RequestFactory().get("/admin/")
    request.user = editor
    group = next(
        item for item in admin_menu.menu_items_for_request(request) if item.label == "댓글"
    )
    labels = [item.label for item in group.menu.menu_items_for_request(request)]
    assert labels == ["댓글 관리", "금칙어"]


# The listing


def test_listing_shows_newest_first_with_article_author_name_kst_time_and_counts(
    as_editor, article, reader, other
):
    first = post_comment(article, reader, "산단 재생 환영합니다")
    set_created(first, datetime.datetime(2022, 4, 7, 16, 33, tzinfo=KST))
    reply = post_comment(article, other, "저도 같은 생각입니다", parent_id=first.pk)
    set_created(reply, datetime.datetime(2022, 4, 7, 18, 5, tzinfo=KST))

    html = listing(as_editor)

    assert "대전산단 대개조 본격화" in html
    assert "한밭독자" in html and "으능정이" in html
    assert "hanbat@example.com" not in html  # never the reader's email in the list
    assert "2022.04.07 16:33" in html
    assert html.index(f"snippet_{reply.pk}_title") < html.index(f"snippet_{first.pk}_title")
    assert column_headers(html) == [
        "내용",
        "기사",
        "작성자",
        "작성",
        "상태",
        "추천",
        "답글",
        "신고",
    ]


def test_listing_links_the_article_to_the_live_page(as_editor, article, reader):
    post_comment(article, reader, "기사 링크 확인")
    assert f'href="{article.url}"' in listing(as_editor)


def test_status_filter_shows_one_status_or_the_reported(as_editor, editor, article, reader, other):
    visible = post_comment(article, reader, "공개 댓글")
    hidden = post_comment(article, reader, "숨길 댓글")
    hidden.change_status(Comment.Status.HIDDEN, user=editor, action="comments.hide")
    reported = post_comment(article, reader, "신고받은 댓글")
    report_comment(reported, other, CommentReport.Reason.ABUSE)
    everyone = {visible, hidden, reported}

    assert titles_in(listing(as_editor, status="hidden"), everyone) == {hidden}
    assert titles_in(listing(as_editor, status="visible"), everyone) == {visible, reported}
    assert titles_in(listing(as_editor, status="reported"), everyone) == {reported}
    assert titles_in(listing(as_editor), everyone) == everyone


def test_article_filter_uses_a_page_chooser_not_a_list_of_articles(
    as_editor, article, other_article, reader
):
    here = post_comment(article, reader, "이 기사 댓글")
    there = post_comment(other_article, reader, "다른 기사 댓글")

    html = listing(as_editor, article=article.pk)

    assert titles_in(html, {here, there}) == {here}
    assert 'new PageChooser("id_article", {"modelNames": ["news.articlepage"]' in html
    assert not re.search(r'<select[^>]*name="article"', html)


def test_date_filter_takes_the_pickers_format_in_kst(as_editor, article, reader):
    old = set_created(
        post_comment(article, reader, "지난주 댓글"),
        datetime.datetime(2022, 4, 1, 9, 0, tzinfo=KST),
    )
    late = set_created(
        post_comment(article, reader, "밤늦은 댓글"),
        datetime.datetime(2022, 4, 7, 23, 50, tzinfo=KST),
    )
    # 00:10 KST on the 8th is still the 7th in UTC: the range must be read in KST.
    next_day = set_created(
        post_comment(article, reader, "다음날 댓글"),
        datetime.datetime(2022, 4, 8, 0, 10, tzinfo=KST),
    )
    everyone = {old, late, next_day}

    picked = listing(as_editor, created_at_from="2022.04.07", created_at_to="2022.04.07")
    iso = listing(as_editor, created_at_from="2022-04-02")

    assert titles_in(picked, everyone) == {late}
    assert titles_in(iso, everyone) == {late, next_day}


def test_author_filter_matches_display_name_or_email(as_editor, article, reader, other):
    mine = post_comment(article, reader, "한밭독자의 댓글")
    theirs = post_comment(article, other, "으능정이의 댓글")

    assert titles_in(listing(as_editor, author="한밭"), {mine, theirs}) == {mine}
    assert titles_in(listing(as_editor, author="EUNUNG@"), {mine, theirs}) == {theirs}


def test_search_finds_comments_by_their_text(as_editor, article, reader):
    match = post_comment(article, reader, "유성온천 축제 기대됩니다")
    miss = post_comment(article, reader, "교통 대책이 필요합니다")

    assert titles_in(listing(as_editor, q="온천"), {match, miss}) == {match}


# Every filter on (the article chooser reads its page). Both include the one
# query of Wagtail's 양식 menu item (are there form pages?).
QUERY_BUDGET_LISTING = 13
QUERY_BUDGET_INSPECT = 10


def count_queries(fetch):
    fetch()  # the first request of a test also fills per-process caches (content types)
    with CaptureQueriesContext(connection) as queries:
        response = fetch()
    assert response.status_code == 200
    return len(queries)


def test_listing_reads_a_fixed_number_of_queries(
    as_editor, article, reader, other, django_assert_max_num_queries
):
    def fetch():
        return as_editor.get(reverse(LIST_URL))

    parent = post_comment(article, reader, "첫 댓글")
    report_comment(parent, other, CommentReport.Reason.SPAM)
    few = count_queries(fetch)
    for number in range(30):
        author = reader if number % 2 else other
        post_comment(article, author, f"댓글 {number}", parent_id=parent.pk if number % 3 else None)
    many = count_queries(fetch)

    assert many == few
    every_filter = {
        "status": "reported",
        "article": article.pk,
        "author": "독자",
        "created_at_from": "2022.01.01",
        "q": "댓글",
    }
    with django_assert_max_num_queries(QUERY_BUDGET_LISTING):
        listing(as_editor, **every_filter)


# Editors never write, rewrite or erase a comment


def test_admin_has_no_add_edit_or_delete_for_comments_even_for_superusers(
    as_editor, article, reader
):
    comment = post_comment(article, reader, "증거로 남을 댓글")
    urls = [
        reverse("wagtailsnippets_comments_comment:add"),
        reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk]),
        reverse("wagtailsnippets_comments_comment:delete", args=[comment.pk]),
    ]

    for url in urls:
        assert refused(as_editor.get(url)), url
        assert refused(as_editor.post(url, {"text": "편집자가 바꾼 글"})), url
    html = listing(as_editor)
    inspect = as_editor.get(reverse(INSPECT_URL, args=[comment.pk])).content.decode()

    for url in urls:
        assert url not in html and url not in inspect
    comment.refresh_from_db()
    assert comment.text == "증거로 남을 댓글"


def test_bulk_delete_marks_comments_deleted_and_keeps_the_rows(as_editor, editor, article, reader):
    comment = post_comment(article, reader, "지워질 댓글")

    response = moderate(as_editor, "delete", comment)

    assert response.status_code == 302
    comment.refresh_from_db()  # Wagtail's own snippet delete would have removed the row
    assert comment.status == Comment.Status.DELETED
    assert ModelLogEntry.objects.filter(
        object_id=str(comment.pk), action="comments.delete_by_editor", user=editor
    ).exists()


# Moderation actions


def test_hiding_and_showing_many_replies_keeps_the_parents_reply_count(
    as_editor, editor, article, reader, other
):
    parent = post_comment(article, reader, "원 댓글")
    replies = [post_comment(article, other, f"답글 {n}", parent_id=parent.pk) for n in range(3)]
    parent.refresh_from_db()
    assert parent.reply_count == 3

    moderate(as_editor, "hide", replies[0], replies[1])
    parent.refresh_from_db()
    assert parent.reply_count == 1
    assert {r.status for r in Comment.objects.filter(pk__in=[replies[0].pk, replies[1].pk])} == {
        Comment.Status.HIDDEN
    }

    moderate(as_editor, "show", *replies)  # the third is visible already: left alone
    parent.refresh_from_db()
    assert parent.reply_count == 3

    moderate(as_editor, "delete", replies[2], parent)
    parent.refresh_from_db()
    assert parent.reply_count == 2
    assert parent.status == Comment.Status.DELETED

    logged = ModelLogEntry.objects.filter(content_type__model="comment", user=editor)
    assert sorted(logged.values_list("action", "object_id")) == sorted(
        [
            ("comments.hide", str(replies[0].pk)),
            ("comments.hide", str(replies[1].pk)),
            ("comments.show", str(replies[0].pk)),
            ("comments.show", str(replies[1].pk)),
            ("comments.delete_by_editor", str(replies[2].pk)),
            ("comments.delete_by_editor", str(parent.pk)),
        ]
    )


def test_showing_a_reported_comment_resolves_its_reports(as_editor, editor, article, reader, other):
    relaxed = CommentSettings.load()
    relaxed.report_threshold = 1
    relaxed.save()
    comment = post_comment(article, reader, "신고 누적 댓글")
    report_comment(comment, other, CommentReport.Reason.FALSE)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING

    response = as_editor.post(bulk_url("show", [comment]), follow=True)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert comment.report_count == 0
    assert CommentReport.objects.get(comment=comment).resolved_by == editor
    assert "댓글 1개를 다시 공개했습니다." in response.content.decode()


def test_confirmation_page_is_in_korean_and_changes_nothing_until_confirmed(
    as_editor, article, reader
):
    comment = post_comment(article, reader, "확인 전에는 그대로")

    response = as_editor.get(bulk_url("hide", [comment]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "이 댓글을 숨길까요?" in html
    assert "확인 전에는 그대로" in html
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_a_rows_menu_hides_that_one_comment(as_editor, article, reader):
    target = post_comment(article, reader, "이 댓글만 숨김")
    bystander = post_comment(article, reader, "이 댓글은 그대로")
    html = listing(as_editor)
    hide_url = bulk_url("hide", [target], next_url=reverse(LIST_URL)).replace("&", "&amp;")
    assert hide_url in html

    response = as_editor.post(bulk_url("hide", [target], next_url=reverse(LIST_URL)))

    assert response.status_code == 302
    assert response["Location"] == reverse(LIST_URL)
    target.refresh_from_db()
    bystander.refresh_from_db()
    assert (target.status, bystander.status) == (Comment.Status.HIDDEN, Comment.Status.VISIBLE)


def test_rows_fetched_by_the_filter_script_return_to_the_full_listing(as_editor, article, reader):
    comment = post_comment(article, reader, "필터 후 숨김")
    results = reverse("wagtailsnippets_comments_comment:list_results")

    html = as_editor.get(results, {"status": "visible", "_w_filter_fragment": "1"}).content.decode()

    back_to_listing = f"{reverse(LIST_URL)}?status=visible"
    assert bulk_url("hide", [comment], next_url=back_to_listing).replace("&", "&amp;") in html


def test_select_all_in_listing_and_made_up_ids_are_refused(as_editor, article, reader):
    comment = post_comment(article, reader, "전체 선택으로 숨기면 안 됨")
    url = reverse("wagtail_bulk_action", args=("comments", "comment", "hide"))

    assert as_editor.post(url + "?id=all").status_code == 404
    assert as_editor.post(url + "?id=abc").status_code == 404
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_a_comment_its_author_deleted_cannot_be_brought_back(as_editor, article, reader):
    comment = post_comment(article, reader, "내가 지운 댓글")
    delete_comment(comment, reader)

    html = as_editor.get(bulk_url("show", [comment])).content.decode()
    moderate(as_editor, "show", comment)
    moderate(as_editor, "hide", comment)

    assert "작성자가 직접 삭제한 댓글은 편집자가 바꿀 수 없습니다." in html
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert "삭제 (작성자)" in listing(as_editor)


# Permissions


def test_a_user_with_the_change_permission_can_moderate(client, article, reader):
    moderator = admin_user("moderator", "change_comment")
    comment = post_comment(article, reader, "검토 대상")
    client.force_login(moderator)

    assert client.get(reverse(LIST_URL)).status_code == 200
    assert client.get(reverse(INSPECT_URL, args=[comment.pk])).status_code == 200
    assert moderate(client, "hide", comment).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert refused(client.get(reverse("wagtailsnippets_comments_comment:add")))


def test_a_user_without_the_permission_cannot_see_or_moderate(client, article, reader):
    outsider = admin_user("sports-desk")
    comment = post_comment(article, reader, "다른 부서는 못 봄")
    client.force_login(outsider)

    assert refused(client.get(reverse(LIST_URL)))
    assert refused(client.get(reverse(INSPECT_URL, args=[comment.pk])))
    assert refused(client.get(reverse(HISTORY_URL, args=[comment.pk])))
    assert refused(moderate(client, "hide", comment))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_a_view_only_user_reads_but_gets_no_moderation_buttons(client, article, reader):
    viewer = admin_user("viewer", "view_comment")
    comment = post_comment(article, reader, "읽기만 가능")
    client.force_login(viewer)

    html = client.get(reverse(LIST_URL)).content.decode()

    assert titles_in(html, {comment}) == {comment}
    assert bulk_url("hide", [comment], next_url=reverse(LIST_URL)).replace("&", "&amp;") not in html
    assert refused(moderate(client, "hide", comment))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


# The comment's own page and its history


def test_inspect_view_shows_the_comment_its_thread_and_its_reports(
    as_editor, editor, article, reader, other
):
    parent = post_comment(article, other, "부모 댓글입니다")
    comment = post_comment(
        article, reader, "<script>alert(1)</script>\n둘째 줄", parent_id=parent.pk
    )
    third = make_reader("세번째독자", "third@example.com")
    report_comment(comment, other, CommentReport.Reason.ABUSE, "욕설이 있어요")
    report_comment(comment, third, CommentReport.Reason.SPAM)
    CommentReport.objects.filter(user=third).update(
        resolved_at=datetime.datetime(2022, 4, 8, 9, 0, tzinfo=KST), resolved_by=editor
    )

    html = as_editor.get(reverse(INSPECT_URL, args=[comment.pk])).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>둘째 줄" in html
    assert "<script>alert(1)</script>" not in html
    assert "대전산단 대개조 본격화" in html
    assert "한밭독자 (hanbat@example.com)" in html  # editors see who wrote it
    assert "부모 댓글입니다" in html
    assert reverse(INSPECT_URL, args=[parent.pk]) in html
    assert "욕설·비방" in html and "욕설이 있어요" in html and "으능정이" in html
    assert "광고·스팸" in html and "처리됨 2022.04.08 09:00" in html
    assert "처리 전" in html
    assert "신고 2건" in html


def test_inspect_view_reads_a_fixed_number_of_queries(
    as_editor, article, reader, django_assert_max_num_queries
):
    parent = post_comment(article, reader, "부모")
    comment = post_comment(article, reader, "신고 많이 받을 댓글", parent_id=parent.pk)

    def fetch():
        return as_editor.get(reverse(INSPECT_URL, args=[comment.pk]))

    report_comment(comment, make_reader("신고자0"), CommentReport.Reason.ABUSE)
    few = count_queries(fetch)
    for number in range(1, 4):  # below the auto-hide threshold
        report_comment(comment, make_reader(f"신고자{number}"), CommentReport.Reason.OTHER, "기타")
    many = count_queries(fetch)

    assert many == few
    with django_assert_max_num_queries(QUERY_BUDGET_INSPECT):
        fetch()


def test_history_lists_every_reader_and_editor_action_in_korean(
    as_editor, editor, article, reader, other
):
    relaxed = CommentSettings.load()
    relaxed.report_threshold = 1
    relaxed.save()
    comment = post_comment(article, reader, "처음 쓴 글")
    edit_comment(comment, reader, "고쳐 쓴 글")
    toggle_like(comment, other)
    toggle_like(comment, other)
    report_comment(comment, other, CommentReport.Reason.PRIVACY)
    moderate(as_editor, "show", comment)
    moderate(as_editor, "hide", comment)
    moderate(as_editor, "delete", comment)

    html = as_editor.get(reverse(HISTORY_URL, args=[comment.pk])).content.decode()

    assert history_rows(html) == [  # newest first: what, who
        ("편집자가 삭제", "desk"),
        ("편집자가 숨김", "desk"),
        ("편집자가 다시 공개 (신고 처리)", "desk"),
        ("신고가 쌓여 자동으로 숨김 (검토 대기)", "system"),  # Wagtail's word, untranslated
        ("신고: 개인정보 노출", "으능정이"),
        ("추천 취소", "으능정이"),
        ("추천", "으능정이"),
        ("수정 (이전: 처음 쓴 글)", "한밭독자"),
        ("작성", "한밭독자"),
    ]


def test_every_comment_keeps_its_own_history_after_a_bulk_action(as_editor, article, reader):
    comments = [post_comment(article, reader, f"함께 숨김 {n}") for n in range(3)]

    moderate(as_editor, "hide", *comments)

    for comment in comments:
        html = as_editor.get(reverse(HISTORY_URL, args=[comment.pk])).content.decode()
        assert "편집자가 숨김" in html, comment.text


def test_log_actions_have_korean_labels():
    labels = dict(log_registry.get_choices())
    assert {action: labels.get(action) for action in EXPECTED_LABELS} == EXPECTED_LABELS


EXPECTED_LABELS = {
    "comments.post": "작성",
    "comments.edit": "수정",
    "comments.delete": "작성자 삭제",
    "comments.like": "추천",
    "comments.unlike": "추천 취소",
    "comments.report": "신고",
    "comments.auto_hide": "신고 누적 자동 숨김",
    "comments.hide": "숨김",
    "comments.show": "다시 보이기",
    "comments.delete_by_editor": "편집자 삭제",
}


# Banned words


def test_editor_adds_a_banned_word_and_comments_holding_it_are_refused(as_editor, article, reader):
    response = as_editor.post(reverse(BANNED_ADD_URL), {"word": "바보", "note": "비하 표현"})

    assert response.status_code == 302
    assert BannedWord.objects.filter(word="바보").exists()
    with pytest.raises(CommentRefused) as refused:
        post_comment(article, reader, "이런 바 보 같은 정책")
    assert "바보" not in refused.value.message and "바 보" not in refused.value.message
    assert not Comment.objects.exists()


@pytest.mark.parametrize("duplicate", ["바보", "바 보", "ＢＡＢＯ", "b.a.b.o"])
def test_a_banned_word_already_listed_is_refused_in_korean(as_editor, duplicate):
    BannedWord.objects.create(word="바보")
    BannedWord.objects.create(word="babo")

    response = as_editor.post(reverse(BANNED_ADD_URL), {"word": duplicate, "note": ""})

    assert response.status_code == 200
    assert "이미 등록된 금칙어입니다" in response.content.decode()
    assert BannedWord.objects.count() == 2


def test_banned_word_listing_shows_word_note_and_date_and_searches(as_editor):
    BannedWord.objects.create(word="바보", note="비하 표현")
    BannedWord.objects.create(word="멍청이", note="")

    html = as_editor.get(reverse("wagtailsnippets_comments_bannedword:list")).content.decode()
    found = as_editor.get(
        reverse("wagtailsnippets_comments_bannedword:list"), {"q": "비하"}
    ).content.decode()

    assert "바보" in html and "비하 표현" in html and "등록일" in html
    assert "바보" in found and "멍청이" not in found


# Comment settings


def settings_url():
    return reverse(
        "wagtailsettings:edit", args=["comments", "commentsettings", CommentSettings.load().pk]
    )


def settings_form(**overrides):
    data = {
        "best_count": 3,
        "best_min_score": 5,
        "report_threshold": 5,
        "min_interval_seconds": 15,
        "hourly_limit": 30,
        "page_size": 20,
    }
    data.update(overrides)
    return data


def test_comment_settings_are_edited_under_settings(as_editor, editor):
    request = RequestFactory().get("/admin/")
    request.user = editor
    settings_menu = next(
        item for item in admin_menu.menu_items_for_request(request) if item.name == "settings"
    )
    assert "댓글 설정" in [
        item.label for item in settings_menu.menu.menu_items_for_request(request)
    ]
    form = as_editor.get(settings_url()).content.decode()
    assert "자동 숨김 신고 수" in form and "BEST댓글 수" in form

    response = as_editor.post(settings_url(), settings_form(report_threshold=3, page_size=30))

    assert response.status_code == 302
    saved = CommentSettings.load()
    assert (saved.report_threshold, saved.page_size) == (3, 30)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("report_threshold", 0, "1 이상이어야 합니다."),
        ("page_size", 500, "1에서 100 사이로 정해 주세요."),
        ("hourly_limit", 0, "1 이상이어야 합니다."),
    ],
)
def test_comment_settings_refuse_invalid_values_in_korean(as_editor, field, value, message):
    response = as_editor.post(settings_url(), settings_form(**{field: value}))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert getattr(CommentSettings.load(), field) != value
