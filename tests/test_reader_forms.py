"""기사제보 and 정정·반론보도 청구: stored, mailed to the masthead's address, validated in Korean,
protected by a honeypot and a rate limit."""

import html as html_lib
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from contact.demo import create_demo_forms
from contact.forms import CONSENT_FIELD, HONEYPOT_FIELD, particle
from contact.models import ContactFormField, ContactFormPage

BROWSER = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def forms(home, masthead):
    tip, correction = create_demo_forms(home)
    return {"tip": tip, "correction": correction}


def names(page):
    """The form's field names by label (Wagtail derives them from the labels)."""
    return {field.label: field.clean_name for field in page.form_fields.all()}


def tip_data(page, **answers):
    name = names(page)
    data = {
        name["이름"]: "김제보",
        name["연락처"]: "010-1234-5678",
        name["이메일"]: "jebo@example.com",
        name["제목"]: "유성구 도로 파손",
        name["제보 내용"]: "유성구 봉명동 교차로에 큰 구멍이 생겨 차들이 피해 다닙니다.",
        CONSENT_FIELD: "on",
    }
    data.update({name.get(key, key): value for key, value in answers.items()})
    return data


def correction_data(page, **answers):
    name = names(page)
    data = {
        name["청구 종류"]: "정정보도",
        name["이름"]: "이청구",
        name["연락처"]: "042-252-0100",
        name["이메일"]: "claim@example.com",
        name["해당 기사"]: "2022.04.07 '대전시, 업무협약 체결'",
        name["청구 내용"]: "참석 기관 수가 20개가 아니라 19개입니다.",
        CONSENT_FIELD: "on",
    }
    data.update({name.get(key, key): value for key, value in answers.items()})
    return data


def submit(client, page, data, ip="203.0.113.7", **headers):
    return client.post(page.url, data, REMOTE_ADDR=ip, headers={"user-agent": BROWSER, **headers})


def text(response):
    return html_lib.unescape(response.content.decode())


# The pages


def test_the_demo_makes_both_forms_once(home, masthead):
    first = create_demo_forms(home)
    assert [page.title for page in first] == ["기사제보", "정정·반론보도 청구"]
    assert create_demo_forms(home) == []
    assert ContactFormPage.objects.child_of(home).live().count() == 2
    assert ContactFormField.objects.filter(page=first[1]).count() == 6


def test_the_form_page_shows_its_fields_consent_and_a_hidden_honeypot(client, forms):
    response = client.get(forms["tip"].url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in page and "기사제보" in page
    assert 'type="tel"' in page and 'autocomplete="tel"' in page
    assert "개인정보 수집·이용 동의" in page and "보유·이용 기간" in page
    assert f'name="{CONSENT_FIELD}"' in page
    trap = page.split('class="reader-form__trap"', 1)[1].split("</div>", 1)[0]
    assert 'aria-hidden="true"' in trap
    assert f'name="{HONEYPOT_FIELD}"' in trap and 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap
    assert "csrfmiddlewaretoken" in page


def test_form_pages_are_never_cached(client, forms):
    for response in (
        client.get(forms["tip"].url),
        submit(client, forms["tip"], tip_data(forms["tip"])),
    ):
        assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


# Stored and mailed to the masthead's address


def test_a_tip_is_stored_and_mailed_to_the_papers_address(client, forms):
    page = forms["tip"]
    response = submit(client, page, tip_data(page))
    assert response.status_code == 200
    assert "접수되었습니다" in text(response)

    submission = FormSubmission.objects.get(page=page)
    data = submission.get_data()
    assert data[names(page)["제목"]] == "유성구 도로 파손"
    assert data[CONSENT_FIELD] is True
    assert HONEYPOT_FIELD not in data
    assert f"접수번호 {submission.pk}" in text(response).replace("<strong>", "").replace(
        "</strong>", ""
    )

    [message] = mail.outbox
    assert message.to == ["dailycc@dailycc.net"]
    assert message.reply_to == ["jebo@example.com"]
    assert message.subject == "[충청신문] 기사제보"
    assert "유성구 봉명동 교차로" in message.body and f"접수번호: {submission.pk}" in message.body


def test_a_correction_request_goes_to_the_complaints_officer(client, forms):
    page = forms["correction"]
    response = submit(client, page, correction_data(page))
    assert response.status_code == 200
    [message] = mail.outbox
    assert message.to == ["nogol69@dailycc.net"]
    assert "정정보도" in message.body and "19개" in message.body
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_the_address_is_read_from_the_masthead_when_sending(client, forms, masthead):
    masthead.complaints_officer_email = "new-officer@dailycc.net"
    masthead.save()
    submit(client, forms["correction"], correction_data(forms["correction"]))
    assert mail.outbox[0].to == ["new-officer@dailycc.net"]


def test_without_a_masthead_the_pages_own_address_is_used(client, forms, masthead):
    masthead.delete()
    page = forms["tip"]
    page.to_address = "desk@dailycc.net, editor@dailycc.net"
    page.save()
    submit(client, page, tip_data(page))
    assert mail.outbox[0].to == ["desk@dailycc.net", "editor@dailycc.net"]


def test_with_no_address_anywhere_the_submission_is_still_stored(client, forms, masthead):
    masthead.delete()
    response = submit(client, forms["tip"], tip_data(forms["tip"]))
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1 and mail.outbox == []


def test_a_mail_failure_does_not_lose_the_submission(client, forms):
    with mock.patch("contact.models.send_mail", side_effect=OSError("SMTP down")):
        response = submit(client, forms["tip"], tip_data(forms["tip"]))
    assert response.status_code == 200 and "접수되었습니다" in text(response)
    assert FormSubmission.objects.count() == 1


def test_editors_find_submissions_in_the_admin(client, forms):
    submit(client, forms["tip"], tip_data(forms["tip"]))
    editor = User.objects.create_superuser("desk", "desk@dailycc.net", "pw")
    client.force_login(editor)
    listing = client.get(reverse("wagtailforms:list_submissions", args=[forms["tip"].pk]))
    assert listing.status_code == 200 and "유성구 도로 파손" in text(listing)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[forms["tip"].pk]))
    assert edit.status_code == 200 and "입력 항목" in text(edit)


# Korean validation, without losing what the reader typed


def test_missing_answers_get_korean_messages_and_the_typed_text_stays(client, forms):
    page = forms["tip"]
    name = names(page)
    data = tip_data(page, 이름="", 연락처="  ", **{"제보 내용": "봉명동 교차로 구멍"})
    del data[CONSENT_FIELD]
    response = submit(client, page, data)
    body = text(response)
    assert response.status_code == 200
    assert "입력한 내용을 확인해 주세요." in body
    assert "이름을 입력해 주세요." in body
    assert "연락처를 입력해 주세요." in body
    assert "개인정보 수집·이용에 동의해야 접수할 수 있습니다." in body
    assert 'value="유성구 도로 파손"' in body  # the title the reader typed
    assert "봉명동 교차로 구멍</textarea>" in body
    assert f'id="id_{name["이름"]}_error"' in body and 'aria-invalid="true"' in body
    assert not FormSubmission.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    "phone",
    [
        "010-1234-5678",
        "01012345678",
        "042) 252-0100",
        "02-252-0100",
        "+82 10-1234-5678",
        "1588-1234",
    ],
)
def test_korean_phone_numbers_are_accepted(client, forms, phone):
    response = submit(client, forms["tip"], tip_data(forms["tip"], 연락처=phone))
    assert "접수되었습니다" in text(response)


@pytest.mark.parametrize(
    "phone", ["12345", "010-1234", "전화 주세요", "+1 212 555 0100", "010-1234-5678-9999"]
)
def test_a_wrong_phone_number_is_refused_with_an_example(client, forms, phone):
    response = submit(client, forms["tip"], tip_data(forms["tip"], 연락처=phone))
    assert "전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678" in text(response) or (
        "국내 전화번호를 적어 주세요" in text(response)
    )
    assert not FormSubmission.objects.exists()


def test_an_email_address_is_checked(client, forms):
    response = submit(client, forms["tip"], tip_data(forms["tip"], 이메일="jebo@"))
    assert "이메일 주소 형식이 올바르지 않습니다. 예: name@example.com" in text(response)


def test_length_limits_say_the_limit_and_the_count(client, forms):
    response = submit(client, forms["tip"], tip_data(forms["tip"], 제목="가" * 101))
    assert "제목은 100자 이내로 써 주세요 (지금 101자)." in text(response)
    assert 'value="' + "가" * 101 + '"' in text(response)  # not cut
    response = submit(client, forms["tip"], tip_data(forms["tip"], **{"제보 내용": "나" * 3001}))
    assert "제보 내용은 3000자 이내로 써 주세요 (지금 3001자)." in text(response)
    assert "(최대 3,000자)" in text(response)
    assert not FormSubmission.objects.exists()


def test_choices_are_checked(client, forms):
    page = forms["correction"]
    response = submit(client, page, correction_data(page, **{"청구 종류": "손해배상"}))
    assert "목록에 있는 항목 중에서 골라 주세요." in text(response)
    data = correction_data(page)
    del data[names(page)["청구 종류"]]
    assert "청구 종류를 선택해 주세요." in text(submit(client, page, data))


@pytest.mark.parametrize(
    "garbage",
    [
        {"이름": "김\x00제보"},
        {"이름": "가" * 100_000},
        {"이메일": "a@b" * 500},
        {"연락처": "０１０-１２３４-５６７８"},
        {CONSENT_FIELD: "아마도"},
        {"csrfmiddlewaretoken": "x" * 5000},
    ],
)
def test_garbage_never_breaks_the_page(client, forms, garbage):
    response = submit(client, forms["tip"], tip_data(forms["tip"], **garbage))
    assert response.status_code in (200, 400)


def test_bytes_that_are_not_utf8_are_harmless(client, forms):
    page = forms["tip"]
    name = names(page)
    body = f"{name['이름']}=%FF%FE%C0&{CONSENT_FIELD}=on&{name['제목']}=%ED%A0%80".encode()
    response = client.generic(
        "POST",
        page.url,
        body,
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200 and "입력한 내용을 확인해 주세요." in text(response)
    assert not FormSubmission.objects.exists()


def test_repeated_values_and_unknown_fields_are_harmless(client, forms):
    page = forms["tip"]
    data = tip_data(page)
    data[names(page)["이름"]] = ["하나", "둘"]
    data["is_staff"] = "1"
    response = submit(client, page, data)
    assert response.status_code == 200
    stored = FormSubmission.objects.get().get_data()
    assert "is_staff" not in stored


def test_korean_particles_follow_the_last_syllable():
    assert particle("이름", "을", "를") == "을"
    assert particle("연락처", "을", "를") == "를"
    assert particle("제목", "은", "는") == "은"
    assert particle("E-mail", "을", "를") == "을(를)"


# Spam: honeypot and rate limit


def test_a_filled_honeypot_looks_accepted_but_nothing_is_kept_or_sent(client, forms):
    data = tip_data(forms["tip"], **{HONEYPOT_FIELD: "http://spam.example"})
    response = submit(client, forms["tip"], data)
    assert response.status_code == 200 and "접수되었습니다" in text(response)
    assert not FormSubmission.objects.exists() and mail.outbox == []


def test_six_submissions_in_an_hour_from_one_address_are_refused_with_429(client, forms):
    page = forms["tip"]
    for n in range(5):
        assert submit(client, page, tip_data(page, 제목=f"제보 {n}")).status_code == 200
    response = submit(client, page, tip_data(page, 제목="여섯째 제보"))
    body = text(response)
    assert response.status_code == 429
    assert "접수가 너무 잦습니다" in body and "분 뒤에 다시 보내 주세요" in body
    assert 'value="여섯째 제보"' in body  # what the reader typed is still there
    assert FormSubmission.objects.count() == 5 and len(mail.outbox) == 5

    other_reader = submit(client, page, tip_data(page, 제목="다른 독자"), ip="198.51.100.20")
    assert other_reader.status_code == 200
    assert FormSubmission.objects.count() == 6


def test_the_limit_covers_both_forms_and_honeypot_hits(client, forms):
    for _ in range(3):
        submit(client, forms["tip"], tip_data(forms["tip"], **{HONEYPOT_FIELD: "x"}))
    for _ in range(2):
        submit(client, forms["correction"], correction_data(forms["correction"]))
    assert submit(client, forms["tip"], tip_data(forms["tip"])).status_code == 429


def test_forms_with_mistakes_do_not_use_up_the_limit(client, forms):
    page = forms["tip"]
    for _ in range(6):
        submit(client, page, tip_data(page, 이름=""))
    assert submit(client, page, tip_data(page)).status_code == 200


def test_behind_a_proxy_the_readers_address_counts_not_the_proxys(client, forms, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    page = forms["tip"]
    for n in range(5):
        submit(
            client,
            page,
            tip_data(page),
            ip="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, 203.0.113.{n}",
        )
    assert FormSubmission.objects.count() == 5  # five readers, one proxy
    # A reader cannot escape the limit by writing their own X-Forwarded-For entries.
    for n in range(6):
        response = submit(
            client,
            page,
            tip_data(page),
            ip="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"9.9.9.{n}, 198.51.100.9",
        )
    assert response.status_code == 429
