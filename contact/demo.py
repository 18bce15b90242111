"""The demo's two reader forms: 기사제보 and 정정·반론보도 청구 (called by load_demo)."""

from .models import ContactFormField, ContactFormPage

TIP_INTRO = (
    "<p>독자 여러분이 보고 겪은 일을 알려 주세요. 제보하신 내용은 기자가 확인해 취재하며, "
    "제보자의 신원은 보호합니다.</p>"
    "<p>사진이나 영상은 접수번호와 함께 대표 이메일로 보내 주세요.</p>"
)
CORRECTION_INTRO = (
    "<p>충청신문은 「열린보도원칙」에 따라 보도로 피해를 입은 분이 정정보도, 반론보도, "
    "추후보도를 청구할 수 있는 창구를 열어 두고 있습니다. 접수된 청구는 고충처리인이 직접 "
    "확인합니다.</p>"
    "<ul><li><b>정정보도</b>: 보도 내용이 사실과 다를 때</li>"
    "<li><b>반론보도</b>: 보도된 사실에 대해 반박할 내용이 있을 때</li>"
    "<li><b>추후보도</b>: 범죄 혐의 등으로 보도된 뒤 무혐의·무죄 등으로 끝났을 때</li></ul>"
    "<p>「언론중재 및 피해구제 등에 관한 법률」에 따라 정정·반론보도는 보도가 있음을 안 날부터 "
    "3개월, 보도 후 6개월 안에 청구할 수 있습니다.</p>"
)
TIP_PRIVACY = """\
1. 수집·이용 목적: 제보 내용의 확인과 취재, 제보자에게 회신
2. 수집 항목: 이름, 연락처(전화번호), 이메일 주소, 제보 내용에 들어 있는 개인정보
3. 보유·이용 기간: 접수일로부터 1년. 기간이 지나면 지체 없이 파기합니다.
4. 동의를 거부할 권리가 있습니다. 다만 동의하지 않으면 제보를 접수할 수 없습니다."""
CORRECTION_PRIVACY = """\
1. 수집·이용 목적: 정정·반론·추후보도 청구의 확인과 처리, 청구인에게 회신
2. 수집 항목: 이름, 연락처(전화번호), 이메일 주소, 청구 내용에 들어 있는 개인정보
3. 보유·이용 기간: 청구 처리를 마친 날부터 3년. 분쟁 대응을 위해 보관하며, 기간이 지나면 지체 없이 파기합니다.
4. 동의를 거부할 권리가 있습니다. 다만 동의하지 않으면 청구를 접수할 수 없습니다."""

# Plain ASCII names for the answers (Wagtail would derive u110b… codes from Hangul labels).
FORMS = [
    {
        "slug": "news-tip",
        "title": "기사제보",
        "recipient": ContactFormPage.Recipient.NEWSROOM,
        "intro": TIP_INTRO,
        "privacy_notice": TIP_PRIVACY,
        "subject": "[충청신문] 기사제보",
        "fields": [
            ("이름", "singleline", True, {"clean_name": "name", "max_length": 50}),
            ("연락처", "phone", True, {"clean_name": "phone", "help_text": "기자가 확인 전화를 드립니다. 예: 010-1234-5678"}),
            ("이메일", "email", False, {"clean_name": "email"}),
            ("제목", "singleline", True, {"clean_name": "title", "max_length": 100}),
            ("제보 내용", "multiline", True, {
                "clean_name": "message",
                "max_length": 3000,
                "help_text": "언제, 어디서, 무슨 일이 있었는지 적어 주세요.",
            }),
        ],
    },
    {
        "slug": "correction-request",
        "title": "정정·반론보도 청구",
        "recipient": ContactFormPage.Recipient.COMPLAINTS,
        "intro": CORRECTION_INTRO,
        "privacy_notice": CORRECTION_PRIVACY,
        "subject": "[충청신문] 정정·반론보도 청구",
        "fields": [
            ("청구 종류", "radio", True, {"clean_name": "request_type", "choices": "정정보도\n반론보도\n추후보도"}),
            ("이름", "singleline", True, {"clean_name": "name", "max_length": 50}),
            ("연락처", "phone", True, {"clean_name": "phone"}),
            ("이메일", "email", True, {"clean_name": "email", "help_text": "처리 결과를 이 주소로 알려 드립니다."}),
            ("해당 기사", "singleline", True, {
                "clean_name": "article",
                "max_length": 300,
                "help_text": "기사 주소나 제목과 날짜. 예: 2022.04.07 '대전시, 업무협약 체결'",
            }),
            ("청구 내용", "multiline", True, {
                "clean_name": "message",
                "max_length": 5000,
                "help_text": "사실과 다른 부분과 바로잡을 내용, 또는 실어 달라는 반론을 적어 주세요.",
            }),
        ],
    },
]  # fmt: skip


def create_demo_forms(home):
    """Add the two form pages under `home` unless a page with their slug is there already."""
    created = []
    for spec in FORMS:
        if home.get_children().filter(slug=spec["slug"]).exists():
            continue
        page = ContactFormPage(
            title=spec["title"],
            slug=spec["slug"],
            recipient=spec["recipient"],
            intro=spec["intro"],
            privacy_notice=spec["privacy_notice"],
            subject=spec["subject"],
            form_fields=[
                ContactFormField(
                    label=label, field_type=field_type, required=required, sort_order=order, **extra
                )
                for order, (label, field_type, required, extra) in enumerate(spec["fields"])
            ],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created
