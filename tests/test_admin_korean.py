"""The admin speaks the newsroom's Korean: locale/ko fills and corrects Wagtail 8's catalogue.

The catalogue's rules (its .mo is what Django reads, so it must match the .po; every
msgid is one Wagtail really uses; placeholders survive), then what editors see: gettext,
the JavaScript catalogue, the pages listing and the page editor.
"""

import ast
import datetime
import gettext
import json
import re
from pathlib import Path

import pytest
import wagtail
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from newsroom import add_article
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage
from wagtail.rich_text import RichText

from news.models import ArticlePage

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ko" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]
WAGTAIL = Path(wagtail.__file__).parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")

# What Wagtail 8.0.1 said in Korean (or English) before, for the labels editors see most.
WAGTAIL_WORDS_REPLACED = ["라이브", "검토를 위한 제출", "게시 해제", "일반적으로", "작업흐름"]


def read_po(path):
    """{(msgctxt, msgid): entry} of a .po file; entry has 'plural', 'strs' and 'flags'."""
    entries, entry, field = {}, None, None

    def finish():
        if entry and "id" in entry:
            entries[(entry.get("ctxt"), entry["id"])] = entry

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry and "id" in entry:
                finish()
                entry = None
            entry = entry or {"strs": {}, "flags": set()}
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            continue
        keyword, _space, value = line.partition(" ")
        if line.startswith('"'):
            keyword, value = None, line
        elif keyword in ("msgctxt", "msgid") and entry and "id" in entry:
            finish()
            entry = None
        entry = entry or {"strs": {}, "flags": set()}
        text = ast.literal_eval(value)
        if keyword is not None:
            field = {"msgctxt": "ctxt", "msgid": "id", "msgid_plural": "plural"}.get(keyword)
            if field is None:  # msgstr or msgstr[n]
                field = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
        if isinstance(field, int):
            entry["strs"][field] = entry["strs"].get(field, "") + text
        else:
            entry[field] = entry.get(field, "") + text
    finish()
    return entries


def catalogue(domain):
    return {
        key: entry
        for key, entry in read_po(CATALOGUE / f"{domain}.po").items()
        if key[1]  # the header
    }


def wagtail_msgids(domain):
    msgids = set()
    for po in WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
        msgids |= {key for key in read_po(po) if key[1]}
    return msgids


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_compiled_catalogue_is_the_po_file(domain):
    """Django reads the .mo: after editing the .po, recompile (README) or this fails."""
    expected = {}
    for (context, msgid), entry in catalogue(domain).items():
        if "fuzzy" in entry["flags"] or not any(entry["strs"].values()):
            continue  # msgfmt and compilemessages leave these out
        key = f"{context}\x04{msgid}" if context else msgid
        if "plural" in entry:
            expected.update({(key, n): text for n, text in entry["strs"].items()})
        else:
            expected[key] = entry["strs"][0]

    with open(CATALOGUE / f"{domain}.mo", "rb") as compiled:
        mo = gettext.GNUTranslations(compiled)

    assert {key: text for key, text in mo._catalog.items() if key != ""} == expected
    assert mo.plural(5) == 0  # Korean has one plural form
    assert len(expected) > (500 if domain == "django" else 20)


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_msgid_is_one_wagtail_uses(domain):
    """A typo, or a string Wagtail dropped in an upgrade, would silently translate nothing."""
    unknown = set(catalogue(domain)) - wagtail_msgids(domain)
    assert not unknown


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_their_placeholders(domain):
    for (_context, msgid), entry in catalogue(domain).items():
        source = entry.get("plural", msgid)  # Korean's one form follows the plural
        for text in entry["strs"].values():
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), msgid


@pytest.mark.parametrize(
    "msgid, korean",
    [
        ("live", "게재 중"),
        ("scheduled", "게재 예약"),
        ("expired", "게재 종료"),
        ("in moderation", "승인 대기"),
        ("live + draft", "게재 중 + 초안"),
        ("live + in moderation", "게재 중 + 승인 대기"),
        ("Live", "게재 중"),
        ("In Moderation", "승인 대기"),
        ("Publish", "게재"),
        ("Unpublish", "게재 중지"),
        ("Submit for moderation", "승인 요청"),
        ("Schedule to publish", "게재 예약"),
        ("Request changes", "수정 요청"),
        ("Changes requested", "수정 요청"),
        ("Needs changes", "수정 요청"),
        ("Approved", "승인됨"),
        ("Rejected", "반려됨"),
        ("Approve with comment", "의견 달아 승인"),
        ("Cancel workflow ", "승인 절차 취소"),
        ("Restart workflow ", "승인 절차 다시 시작"),
        ("Workflow", "승인 절차"),
        ("Saved", "자동 저장됨"),
        ("Autosave is paused", "자동 저장 일시 중지됨"),
        ("go live date/time", "게재 시작 시각"),
        ("expiry date/time", "게재 종료 시각"),
        ("Set publishing schedule", "게재 일정 설정"),
        ("Compare", "비교"),
        ("History", "기록"),
    ],
)
def test_gettext_speaks_the_newsrooms_korean(msgid, korean):
    with translation.override("ko"):
        assert _(msgid) == korean


def test_messages_after_an_action_fill_in_their_names():
    with translation.override("ko"):
        submitted = _("Page '%(page_title)s' has been submitted for moderation.")
        scheduled = _("Submit to %(workflow_name)s") % {"workflow_name": "기사 승인"}
        deleted = ngettext(
            "Deleting this page will also delete %(descendant_count)s child page.",
            "Deleting this page will also delete %(descendant_count)s more child pages.",
            3,
        )

    assert (
        submitted % {"page_title": "대전시 예산"} == "'대전시 예산' 페이지의 승인을 요청했습니다."
    )
    assert scheduled == "기사 승인 요청"
    assert (
        deleted % {"descendant_count": 3}
        == "이 페이지를 삭제하면 하위 페이지 3개도 함께 삭제됩니다."
    )


@pytest.fixture
def editor(db, client):
    user = User.objects.create_superuser("desk-chief", "chief@dailycc.net", "pw")
    client.force_login(user)
    return user


def test_the_admins_javascript_speaks_korean_too(client, editor):
    """Autosave's messages come from the JavaScript catalogue (/admin/jsi18n/)."""
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    script = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    script = json.dumps(script, ensure_ascii=False)

    assert "변경 사항을 자동 저장했습니다." in script
    assert "자동 저장 중…" in script
    assert "댓글로 이동" in script and "인기 댓글" not in script


def add_draft(section, title):
    article = ArticlePage(
        title=title, body=[("paragraph", RichText("<p>본문입니다.</p>"))], live=False
    )
    section.add_child(instance=article)
    article.save_revision()
    return article


def article_workflow(article):
    """The section's approval workflow (기사 승인), or one made here if none is assigned."""
    workflow = article.get_workflow()
    if workflow is None:
        workflow = Workflow.objects.create(name="기사 승인")
        task = GroupApprovalTask.objects.create(name="데스크 승인")
        workflow.workflow_tasks.create(task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=article.get_parent())
    return workflow


@pytest.fixture
def desk_day(sections, editor):
    """One article in each state a desk sees in a day, in 대전."""
    daejeon = sections["daejeon"]
    live = add_article(daejeon, title="게재된 기사")
    corrected = add_article(daejeon, title="고치는 중인 기사")
    corrected.title = "고치는 중인 기사 (수정)"
    corrected.save_revision()
    draft = add_draft(daejeon, "쓰는 중인 기사")
    waiting = add_draft(daejeon, "승인 기다리는 기사")
    article_workflow(waiting).start(waiting, editor)
    sent_back = add_draft(daejeon, "돌려받은 기사")
    article_workflow(sent_back).start(sent_back, editor)
    sent_back.current_workflow_task_state.reject(user=editor, comment="출처를 밝혀 주세요.")
    scheduled = add_draft(daejeon, "예약된 기사")
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    return {
        "live": live,
        "corrected": corrected,
        "draft": draft,
        "waiting": waiting,
        "sent_back": sent_back,
        "scheduled": scheduled,
    }


def status_of(html, title):
    """The status cell's text on the listing row of the article with this title."""
    title_cell = re.compile(rf">\s*{re.escape(title)}\s*<")
    row = next(row for row in html.split("<tr")[1:] if title_cell.search(row))
    cell = row[row.index('class="w-status') :]
    cell = cell[cell.index(">") + 1 : cell.index("</td>")]
    return " ".join(re.sub(r"<[^>]+>", " ", cell).split())


def test_the_pages_listing_shows_korean_status_labels(client, desk_day, sections):
    html = client.get(reverse("wagtailadmin_explore", args=[sections["daejeon"].pk]))
    html = html.content.decode()

    assert status_of(html, "쓰는 중인 기사") == "현재 페이지 상태: 초안"
    assert status_of(html, "게재된 기사") == "현재 페이지 상태: 게재 중"
    assert status_of(html, "고치는 중인 기사 (수정)") == "현재 페이지 상태: 게재 중 + 초안"
    assert status_of(html, "승인 기다리는 기사") == "현재 페이지 상태: 승인 대기"
    assert status_of(html, "예약된 기사") == "현재 페이지 상태: 게재 예약"
    for english in ("live + draft", "in moderation", ">scheduled<", ">draft<"):
        assert english not in html
    for replaced in WAGTAIL_WORDS_REPLACED:
        assert replaced not in html


def test_the_editor_of_a_live_article_speaks_korean(client, desk_day):
    article = desk_day["live"]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    header_status = re.search(r'class="page-status-tag".*?</svg>(.*?)</a>', html, re.S)
    assert header_status.group(1).strip() == "게재 중"
    assert "게재 중지" in html  # the action menu
    assert "자동 저장됨" in html and "자동 저장 일시 중지됨" in html
    assert "게재 일정 설정" in html  # the publishing schedule dialog
    assert "기사 승인 요청" in html  # Submit to 기사 승인
    assert "Autosave is paused" not in html and ">Saved<" not in html
    for replaced in WAGTAIL_WORDS_REPLACED:
        assert replaced not in html


def test_the_editor_of_an_article_in_review_offers_the_desk_korean_actions(client, desk_day):
    article = desk_day["waiting"]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert "승인 대기" in html  # the status panel
    assert "승인 후 게재" in html and "수정 요청" in html  # the reviewer's actions
    assert "승인 절차 취소" in html
    assert "Request changes" not in html and "In Moderation" not in html
    for replaced in WAGTAIL_WORDS_REPLACED:
        assert replaced not in html


def test_an_article_sent_back_tells_the_reporter_in_korean(client, desk_day):
    article = desk_day["sent_back"]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert "수정 요청됨" in html  # "방금 수정 요청됨" in the status panel
    assert "데스크 승인 다시 요청" in html  # Resubmit to 데스크 승인
    assert "Changes requested" not in html and "Resubmit" not in html
