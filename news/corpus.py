"""Synthetic Korean news articles in the import schema, for benchmarks and load tests.

`generate(n, seed)` streams article dicts that read like a regional daily's archive:
sentences are templates whose slots are filled from the region's places, institutions and
people, and every particle agrees with the last syllable of its noun (대전시는, 법원은,
서울로, 법원으로), so a reader sees grammar, however nonsensical, and never random syllables.
The same (n, seed) always gives the same articles, byte for byte.
"""

import math
import random
import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageDraw

KST = timezone(timedelta(hours=9), "KST")
ARCHIVE_END = datetime(2026, 11, 1, tzinfo=KST)
ARCHIVE_START = datetime(2016, 11, 1, tzinfo=KST)
FIRST_ARTICLE_ID = 1_000_001
PHOTO_SIZE = (640, 400)

# --- Particles (조사) -------------------------------------------------------------

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
RIEUL = 8  # index of ㄹ among the final consonants (종성)

# How Latin letters and digits are read aloud decides the particle: 5G is 오지 (no final
# consonant, 5G를), UAM ends in 엠 (UAM을), 3-0 ends in 영 (3-0으로), 2-1 in 일 (2-1로).
LETTER_FINALS = {"L": 8, "M": 16, "N": 4, "R": 8}  # 엘, 엠, 엔, 알; other letters end in a vowel
DIGIT_FINALS = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
# a number ending in zeros is read by its last unit: 10 십, 100 백, 1000 천, 10000 만, 억, 조
ZERO_RUN_FINALS = {1: 17, 2: 1, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4, 8: 1, 9: 1, 10: 1, 11: 1}
SYMBOL_FINALS = {"%": 0, "㎡": 0, "㎞": 0, "㎜": 0, "℃": 0}
TRAILING_DIGITS = re.compile(r"[\d,]+$")

PARTICLE_PAIRS = (  # (after a final consonant, after a vowel)
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("과", "와"),
    ("으로", "로"),
    ("이라고", "라고"),
    ("이라며", "라며"),
    ("이라는", "라는"),
    ("이며", "며"),
    ("이나", "나"),
    ("이다", "다"),
)
PARTICLE_FORMS = {form: pair for pair in PARTICLE_PAIRS for form in pair}


def final_consonant(noun):
    """The index (1-27) of the final consonant (받침) the noun is read with; 0 when none."""
    text = noun.rstrip().rstrip("'\"‘’“”")
    # a gloss in brackets is not read before the particle: 한국과학기술원(KAIST)은
    if text.endswith(")") and "(" in text:
        text = text[: text.rindex("(")].rstrip()
    if not text:
        return 0
    last = text[-1]
    code = ord(last)
    if HANGUL_FIRST <= code <= HANGUL_LAST:
        return (code - HANGUL_FIRST) % 28
    if last.isdigit():
        digits = TRAILING_DIGITS.search(text).group().replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros == len(digits) or zeros == 0:
            return DIGIT_FINALS[last]
        return ZERO_RUN_FINALS.get(zeros, 0)
    if last.isascii() and last.isalpha():
        return LETTER_FINALS.get(last.upper(), 0)
    return SYMBOL_FINALS.get(last, 0)


@lru_cache(maxsize=8192)
def josa(noun, particle):
    """The noun with the form of the particle its last sound asks for: josa("대전시", "은") is
    "대전시는", josa("법원", "로") is "법원으로", josa("서울", "으로") is "서울로"."""
    after_consonant, after_vowel = PARTICLE_FORMS[particle]
    final = final_consonant(noun)
    if final == 0 or (final == RIEUL and after_consonant == "으로"):
        return noun + after_vowel
    return noun + after_consonant


# --- Vocabulary -------------------------------------------------------------------


class Institution(NamedTuple):
    name: str  # as first written: 한국과학기술원(KAIST)
    short: str  # as referred to afterwards: 시, 도, KAIST
    head: str  # the chief's title after a name: 대전시장
    residents: str = "시민"
    budget: str = "자체 예산"
    dateline: str = ""

    @property
    def headline(self):
        """The name in a headline, where space is short: KAIST rather than its full name."""
        if self.name.endswith(")"):
            return self.name[self.name.index("(") + 1 : -1]
        return self.name


def _city(name, head, dateline=""):
    return Institution(name, "시", head, "시민", "시비", dateline)


def _county(name, head, dateline=""):
    return Institution(name, "군", head, "군민", "군비", dateline)


def _district(name, head):
    return Institution(name, "구", head, "구민", "구비")


class Topic(NamedTuple):
    phrase: str  # a noun phrase that takes the particle: 스마트공장 보급 사업
    tag: str  # the same without spaces, for tags
    kind: str  # project, policy, event or bill: which verbs go with it


class Region(NamedTuple):
    name: str
    section: str
    phone_prefix: str
    datelines: tuple
    neighbourhoods: tuple
    venues: tuple
    governments: tuple  # the province or city first, then its cities, counties, districts
    council: Institution
    education: Institution
    police: Institution
    fire: Institution
    court: str
    bodies: tuple  # universities, agencies, research institutes of the region
    economy: tuple
    culture: tuple
    sports_bodies: tuple
    hospitals: tuple
    topics: tuple
    festivals: tuple


VERBS = {
    "project": ("추진", "본격 추진", "확대", "점검", "재검토", "본격화", "준비"),
    "policy": ("시행", "확대", "강화", "본격 시행", "마련", "개편", "점검"),
    "event": ("개최", "준비", "마련", "개최", "기획"),
    "bill": ("심의", "의결", "처리", "논의", "심사"),
}
HEADLINE_VERBS = {
    "project": ("본격 추진", "속도 낸다", "첫 삽", "밑그림 나왔다", "탄력", "청신호"),
    "policy": ("시행", "확대", "강화", "본격 시행", "손질", "새로 도입"),
    "event": ("연다", "개최", "준비 한창", "막 올린다", "성황"),
    "bill": ("처리", "심사 착수", "본회의 통과", "상임위 통과", "가결"),
}

REGION_TOPICS = (
    Topic("원도심 활성화 사업", "원도심", "project"),
    Topic("공공도서관 건립 사업", "공공도서관", "project"),
    Topic("노후 하수관로 정비 사업", "하수관로", "project"),
    Topic("둘레길 조성 사업", "둘레길", "project"),
    Topic("공영주차장 확충 사업", "공영주차장", "project"),
    Topic("청년 임대주택 건립", "청년주택", "project"),
    Topic("스마트 버스정류장 설치", "스마트정류장", "project"),
    Topic("하천 생태공원 조성", "생태공원", "project"),
    Topic("전통시장 현대화 사업", "전통시장", "project"),
    Topic("도시재생 뉴딜 사업", "도시재생", "project"),
    Topic("수소 충전소 구축", "수소충전소", "project"),
    Topic("공공 산후조리원 건립", "산후조리원", "project"),
    Topic("CCTV 통합관제센터 구축", "CCTV", "project"),
    Topic("5G 기반 스마트시티 구축", "스마트시티", "project"),
    Topic("AI 민원 상담 서비스", "AI행정", "policy"),
    Topic("청년 월세 지원", "청년월세", "policy"),
    Topic("어르신 일자리 사업", "노인일자리", "policy"),
    Topic("출산 장려금 지원", "출산장려", "policy"),
    Topic("소상공인 경영안정자금 지원", "소상공인", "policy"),
    Topic("폭염 대비 무더위 쉼터 운영", "폭염", "policy"),
    Topic("미세먼지 저감 대책", "미세먼지", "policy"),
    Topic("탄소중립 실천 계획", "탄소중립", "policy"),
    Topic("지역화폐 할인 판매", "지역화폐", "policy"),
    Topic("마을버스 노선 개편", "마을버스", "policy"),
    Topic("1인 가구 안전 지원", "1인가구", "policy"),
    Topic("일자리 박람회", "일자리박람회", "event"),
    Topic("주민 설명회", "주민설명회", "event"),
    Topic("농산물 직거래 장터", "직거래장터", "event"),
)
ECONOMY_TOPICS = (
    Topic("스마트공장 보급 사업", "스마트공장", "project"),
    Topic("AI 반도체 인력 양성 사업", "AI반도체", "project"),
    Topic("5G 특화망 구축", "5G특화망", "project"),
    Topic("R&D 성과 사업화 지원", "R&D", "policy"),
    Topic("데이터센터 유치", "데이터센터", "project"),
    Topic("수출 바우처 지원 사업", "수출바우처", "policy"),
    Topic("청년 창업 지원 사업", "청년창업", "policy"),
    Topic("중소기업 정책자금 지원", "정책자금", "policy"),
    Topic("딥테크 스타트업 육성", "스타트업", "project"),
    Topic("외국인 투자 유치", "투자유치", "project"),
    Topic("K-배터리 실증 단지 조성", "K-배터리", "project"),
    Topic("수소 산업 클러스터 구축", "수소산업", "project"),
    Topic("ESG 경영 컨설팅 지원", "ESG", "policy"),
    Topic("코로나19 피해 소상공인 회복 지원", "코로나19", "policy"),
    Topic("투자 설명회", "투자설명회", "event"),
    Topic("채용 박람회", "채용박람회", "event"),
    Topic("K-푸드 수출 상담회", "K-푸드", "event"),
)
EDUCATION_TOPICS = (
    Topic("늘봄학교 운영", "늘봄학교", "policy"),
    Topic("고교학점제 준비", "고교학점제", "policy"),
    Topic("학교폭력 예방 교육", "학교폭력", "policy"),
    Topic("AI 디지털 교과서 도입", "디지털교과서", "policy"),
    Topic("노후 학교 시설 개선 사업", "학교시설", "project"),
    Topic("기초학력 보장 프로그램", "기초학력", "policy"),
    Topic("진로 체험 박람회", "진로체험", "event"),
    Topic("다문화 학생 한국어 교육", "다문화교육", "policy"),
)
SAFETY_TOPICS = (
    Topic("스쿨존 안전 점검", "스쿨존", "policy"),
    Topic("보이스피싱 예방 캠페인", "보이스피싱", "event"),
    Topic("음주운전 특별 단속", "음주운전", "policy"),
    Topic("전세사기 피해 상담", "전세사기", "policy"),
    Topic("여름철 물놀이 안전 대책", "물놀이안전", "policy"),
    Topic("화재 예방 캠페인", "화재예방", "event"),
    Topic("노인 보행자 교통안전 대책", "교통안전", "policy"),
)
HEALTH_TOPICS = (
    Topic("코로나19 방역 대책", "코로나19", "policy"),
    Topic("응급의료 체계 개선", "응급의료", "policy"),
    Topic("독감 예방접종", "예방접종", "policy"),
    Topic("치매 안심센터 운영", "치매", "policy"),
    Topic("공공 심야약국 운영", "심야약국", "policy"),
    Topic("건강 걷기 대회", "걷기대회", "event"),
)
BILLS = (
    Topic("추가경정예산안", "추경", "bill"),
    Topic("청년 기본 조례 개정안", "청년조례", "bill"),
    Topic("주민참여예산 조례안", "주민참여예산", "bill"),
    Topic("탄소중립 기본 조례안", "탄소중립", "bill"),
    Topic("전통시장 지원 조례 개정안", "전통시장", "bill"),
    Topic("외국인 주민 지원 조례안", "외국인주민", "bill"),
    Topic("반려동물 보호 조례안", "반려동물", "bill"),
    Topic("지역화폐 운영 조례 개정안", "지역화폐", "bill"),
    Topic("행정수도 완성 촉구 결의안", "행정수도", "bill"),
    Topic("공공기관 2차 이전 촉구 결의안", "공공기관이전", "bill"),
    Topic("충청권 광역철도 조기 착공 건의안", "광역철도", "bill"),
    Topic("내년도 본예산안", "본예산", "bill"),
)
CULTURE_TOPICS = (
    Topic("가을 음악회", "음악회", "event"),
    Topic("미술 특별전", "특별전", "event"),
    Topic("국악 공연", "국악", "event"),
    Topic("독립영화제", "독립영화", "event"),
    Topic("문화재 야행", "문화재야행", "event"),
    Topic("K-컬처 박람회", "K-컬처", "event"),
    Topic("어린이 과학 축제", "과학축제", "event"),
    Topic("북 콘서트", "북콘서트", "event"),
    Topic("뮤지컬 갈라 콘서트", "뮤지컬", "event"),
    Topic("사진 공모전", "사진공모전", "event"),
    Topic("청년 예술인 창작 지원", "청년예술인", "policy"),
)
SPORTS_TOPICS = (
    Topic("생활체육 대축전", "생활체육", "event"),
    Topic("유소년 축구 교실", "유소년축구", "event"),
    Topic("하프 마라톤 대회", "마라톤", "event"),
    Topic("e스포츠 대회", "e스포츠", "event"),
    Topic("어르신 게이트볼 대회", "게이트볼", "event"),
    Topic("전국체육대회 출정식", "전국체전", "event"),
)

NATIONAL_BODIES = (
    Institution("국토교통부", "국토부", "국토교통부 장관"),
    Institution("산업통상자원부", "산업부", "산업통상자원부 장관"),
    Institution("과학기술정보통신부", "과기정통부", "과학기술정보통신부 장관"),
    Institution("중소벤처기업부", "중기부", "중소벤처기업부 장관"),
    Institution("행정안전부", "행안부", "행정안전부 장관"),
    Institution("환경부", "환경부", "환경부 장관"),
    Institution("특허청", "특허청", "특허청장"),
    Institution("조달청", "조달청", "조달청장"),
    Institution("통계청", "통계청", "통계청장"),
    Institution("산림청", "산림청", "산림청장"),
    Institution("한국수자원공사", "수자원공사", "한국수자원공사 사장"),
    Institution("한국철도공사", "코레일", "한국철도공사 사장"),
    Institution("한국조폐공사", "조폐공사", "한국조폐공사 사장"),
    Institution("한국전자통신연구원(ETRI)", "ETRI", "ETRI 원장"),
    Institution("한국원자력연구원", "원자력연", "한국원자력연구원장"),
    Institution("한국생명공학연구원", "생명연", "한국생명공학연구원장"),
    Institution("연구개발특구진흥재단", "특구재단", "연구개발특구진흥재단 이사장"),
)

DAEJEON = Region(
    name="대전",
    section="region/daejeon",
    phone_prefix="042",
    datelines=("대전",),
    neighbourhoods=(
        "유성구 봉명동",
        "서구 둔산동",
        "중구 은행동",
        "동구 대동",
        "대덕구 신탄진동",
        "유성구 관평동",
        "서구 관저동",
        "중구 대흥동",
        "동구 판암동",
        "대덕구 오정동",
        "유성구 도룡동",
        "원도심",
        "대덕연구개발특구",
    ),
    venues=(
        "시청 대회의실",
        "대전컨벤션센터",
        "엑스포시민광장",
        "유성구청 대강당",
        "한밭수목원",
        "대전시청 북문 광장",
        "으능정이 문화의 거리",
    ),
    governments=(
        _city("대전시", "대전시장"),
        _district("유성구", "유성구청장"),
        _district("대덕구", "대덕구청장"),
        _district("대전 서구", "서구청장"),
        _district("대전 중구", "중구청장"),
        _district("대전 동구", "동구청장"),
    ),
    council=Institution("대전시의회", "시의회", "대전시의회 의장"),
    education=Institution("대전시교육청", "시교육청", "대전시교육감", "학생과 학부모"),
    police=Institution("대전경찰청", "경찰", "대전경찰청장"),
    fire=Institution("대전소방본부", "소방본부", "대전소방본부장"),
    court="대전지법",
    bodies=(
        Institution("한국과학기술원(KAIST)", "KAIST", "KAIST 총장"),
        Institution("충남대", "충남대", "충남대 총장"),
        Institution("한남대", "한남대", "한남대 총장"),
        Institution("대전도시공사", "공사", "대전도시공사 사장"),
        Institution("대덕연구개발특구", "특구", "연구개발특구진흥재단 이사장"),
    ),
    economy=(
        Institution("대전테크노파크", "테크노파크", "대전테크노파크 원장"),
        Institution("대전상공회의소", "상의", "대전상공회의소 회장"),
        Institution("대전정보문화산업진흥원", "진흥원", "대전정보문화산업진흥원장"),
        Institution("대전신용보증재단", "재단", "대전신용보증재단 이사장"),
    ),
    culture=(
        Institution("대전예술의전당", "예술의전당", "대전예술의전당 관장"),
        Institution("대전시립미술관", "미술관", "대전시립미술관장"),
        Institution("대전문화재단", "재단", "대전문화재단 대표이사"),
        Institution("국립중앙과학관", "과학관", "국립중앙과학관장"),
    ),
    sports_bodies=(Institution("대전시체육회", "체육회", "대전시체육회장"),),
    hospitals=(
        Institution("충남대병원", "병원", "충남대병원장"),
        Institution("건양대병원", "병원", "건양대병원장"),
    ),
    topics=(
        Topic("도시철도 2호선 트램 건설", "대전트램", "project"),
        Topic("대전산업단지 재생 사업", "대전산단", "project"),
        Topic("갑천 생태호수공원 조성", "갑천호수공원", "project"),
        Topic("대덕특구 재창조 사업", "대덕특구", "project"),
        Topic("나노·반도체 국가산업단지 조성", "국가산단", "project"),
        Topic("대전-세종 BRT 노선 확대", "BRT", "project"),
        Topic("UAM 실증 사업", "UAM", "project"),
    ),
    festivals=(
        Topic("대전 0시 축제", "0시축제", "event"),
        Topic("대전 사이언스페스티벌", "사이언스페스티벌", "event"),
        Topic("유성온천문화축제", "유성온천축제", "event"),
    ),
)

SEJONG = Region(
    name="세종",
    section="region/sejong",
    phone_prefix="044",
    datelines=("세종",),
    neighbourhoods=(
        "조치원읍",
        "나성동",
        "보람동",
        "어진동",
        "도담동",
        "고운동",
        "소담동",
        "새롬동",
        "연기면",
        "부강면",
        "금남면",
        "세종 신도심",
    ),
    venues=(
        "세종시청 여민실",
        "세종호수공원",
        "세종중앙공원",
        "정부세종청사",
        "국립세종도서관",
        "조치원 문화정원",
    ),
    governments=(_city("세종시", "세종시장"),),
    council=Institution("세종시의회", "시의회", "세종시의회 의장"),
    education=Institution("세종시교육청", "시교육청", "세종시교육감", "학생과 학부모"),
    police=Institution("세종경찰청", "경찰", "세종경찰청장"),
    fire=Institution("세종소방본부", "소방본부", "세종소방본부장"),
    court="대전지법",
    bodies=(
        Institution("행정중심복합도시건설청", "행복청", "행복청장"),
        Institution("고려대 세종캠퍼스", "고려대", "고려대 세종부총장"),
        Institution("국토연구원", "국토연", "국토연구원장"),
        Institution("한국개발연구원(KDI)", "KDI", "KDI 원장"),
    ),
    economy=(
        Institution("세종테크노파크", "테크노파크", "세종테크노파크 원장"),
        Institution("세종상공회의소", "상의", "세종상공회의소 회장"),
    ),
    culture=(
        Institution("세종시문화관광재단", "재단", "세종시문화관광재단 대표이사"),
        Institution("국립세종도서관", "도서관", "국립세종도서관장"),
    ),
    sports_bodies=(Institution("세종시체육회", "체육회", "세종시체육회장"),),
    hospitals=(Institution("세종충남대병원", "병원", "세종충남대병원장"),),
    topics=(
        Topic("KTX 세종역 신설", "KTX세종역", "project"),
        Topic("국회 세종의사당 건립", "국회세종의사당", "project"),
        Topic("대통령 세종집무실 설치", "세종집무실", "project"),
        Topic("세종 스마트 국가산업단지 조성", "스마트산단", "project"),
        Topic("자율주행 버스 시범 운행", "자율주행", "policy"),
    ),
    festivals=(
        Topic("조치원 복숭아 축제", "조치원복숭아", "event"),
        Topic("세종축제", "세종축제", "event"),
    ),
)

CHUNGNAM = Region(
    name="충남",
    section="region/chungnam",
    phone_prefix="041",
    datelines=("내포", "천안", "아산", "공주", "논산", "서산", "당진", "보령", "홍성"),
    neighbourhoods=(
        "천안시 불당동",
        "아산시 배방읍",
        "공주시 웅진동",
        "논산시 연무읍",
        "서산시 대산읍",
        "당진시 송악읍",
        "보령시 대천동",
        "홍성군 홍북읍",
        "예산군 삽교읍",
        "부여군 규암면",
        "태안군 안면읍",
        "금산군 금산읍",
        "계룡시 엄사면",
        "내포신도시",
    ),
    venues=(
        "도청 문예회관",
        "도청 대회의실",
        "천안종합운동장",
        "공주 공산성",
        "내포신도시 홍예공원",
        "천안 독립기념관",
        "부여 정림사지",
    ),
    governments=(
        Institution("충남도", "도", "충남도지사", "도민", "도비", "내포"),
        _city("천안시", "천안시장", "천안"),
        _city("아산시", "아산시장", "아산"),
        _city("공주시", "공주시장", "공주"),
        _city("논산시", "논산시장", "논산"),
        _city("서산시", "서산시장", "서산"),
        _city("당진시", "당진시장", "당진"),
        _city("보령시", "보령시장", "보령"),
        _county("홍성군", "홍성군수", "홍성"),
        _county("예산군", "예산군수", "예산"),
        _county("부여군", "부여군수", "부여"),
    ),
    council=Institution("충남도의회", "도의회", "충남도의회 의장", "도민", dateline="내포"),
    education=Institution(
        "충남도교육청", "도교육청", "충남도교육감", "학생과 학부모", dateline="내포"
    ),
    police=Institution("충남경찰청", "경찰", "충남경찰청장", dateline="내포"),
    fire=Institution("충남소방본부", "소방본부", "충남소방본부장", dateline="내포"),
    court="대전지법 천안지원",
    bodies=(
        Institution("순천향대", "순천향대", "순천향대 총장", dateline="아산"),
        Institution("공주대", "공주대", "공주대 총장", dateline="공주"),
        Institution("호서대", "호서대", "호서대 총장", dateline="아산"),
        Institution("충남개발공사", "공사", "충남개발공사 사장", dateline="내포"),
        Institution("충남연구원", "충남연", "충남연구원장", dateline="공주"),
    ),
    economy=(
        Institution("충남테크노파크", "테크노파크", "충남테크노파크 원장", dateline="천안"),
        Institution("충남경제진흥원", "진흥원", "충남경제진흥원장", dateline="내포"),
        Institution("천안상공회의소", "상의", "천안상공회의소 회장", dateline="천안"),
    ),
    culture=(
        Institution("충남문화관광재단", "재단", "충남문화관광재단 대표이사", dateline="내포"),
        Institution("국립공주박물관", "박물관", "국립공주박물관장", dateline="공주"),
        Institution("천안문화재단", "재단", "천안문화재단 대표이사", dateline="천안"),
    ),
    sports_bodies=(Institution("충남도체육회", "체육회", "충남도체육회장", dateline="내포"),),
    hospitals=(Institution("단국대병원", "병원", "단국대병원장", dateline="천안"),),
    topics=(
        Topic("내포 혁신도시 조성", "내포혁신도시", "project"),
        Topic("서해선 복선전철 연계 사업", "서해선", "project"),
        Topic("천안아산역 역세권 개발", "역세권개발", "project"),
        Topic("가로림만 해양정원 조성", "가로림만", "project"),
        Topic("석탄화력발전소 폐지 지역 지원", "탈석탄", "policy"),
        Topic("스마트 농업 단지 조성", "스마트팜", "project"),
    ),
    festivals=(
        Topic("백제문화제", "백제문화제", "event"),
        Topic("금산세계인삼축제", "금산인삼축제", "event"),
        Topic("천안흥타령춤축제", "흥타령춤축제", "event"),
        Topic("보령머드축제", "보령머드축제", "event"),
    ),
)

CHUNGBUK = Region(
    name="충북",
    section="region/chungbuk",
    phone_prefix="043",
    datelines=("청주", "충주", "제천", "옥천", "진천", "음성", "괴산", "단양"),
    neighbourhoods=(
        "청주시 오송읍",
        "청주시 오창읍",
        "청주시 상당구",
        "청주시 흥덕구",
        "충주시 호암동",
        "제천시 청전동",
        "옥천군 옥천읍",
        "진천군 덕산읍",
        "음성군 맹동면",
        "괴산군 괴산읍",
        "단양군 단양읍",
        "증평군 증평읍",
    ),
    venues=(
        "도청 대회의실",
        "청주 오스코",
        "청주국제공항",
        "충주 탄금호",
        "청주 문화제조창",
        "청주체육관",
        "청남대",
    ),
    governments=(
        Institution("충북도", "도", "충북도지사", "도민", "도비", "청주"),
        _city("청주시", "청주시장", "청주"),
        _city("충주시", "충주시장", "충주"),
        _city("제천시", "제천시장", "제천"),
        _county("진천군", "진천군수", "진천"),
        _county("음성군", "음성군수", "음성"),
        _county("옥천군", "옥천군수", "옥천"),
        _county("단양군", "단양군수", "단양"),
    ),
    council=Institution("충북도의회", "도의회", "충북도의회 의장", "도민", dateline="청주"),
    education=Institution(
        "충북도교육청", "도교육청", "충북도교육감", "학생과 학부모", dateline="청주"
    ),
    police=Institution("충북경찰청", "경찰", "충북경찰청장", dateline="청주"),
    fire=Institution("충북소방본부", "소방본부", "충북소방본부장", dateline="청주"),
    court="청주지법",
    bodies=(
        Institution("충북대", "충북대", "충북대 총장", dateline="청주"),
        Institution("오송첨단의료산업진흥재단", "재단", "오송재단 이사장", dateline="청주"),
        Institution("한국교통대", "교통대", "한국교통대 총장", dateline="충주"),
        Institution("충북연구원", "충북연", "충북연구원장", dateline="청주"),
    ),
    economy=(
        Institution("충북테크노파크", "테크노파크", "충북테크노파크 원장", dateline="청주"),
        Institution("청주상공회의소", "상의", "청주상공회의소 회장", dateline="청주"),
        Institution("충북기업진흥원", "진흥원", "충북기업진흥원장", dateline="청주"),
    ),
    culture=(
        Institution(
            "청주시문화산업진흥재단", "재단", "청주시문화산업진흥재단 대표이사", dateline="청주"
        ),
        Institution("국립청주박물관", "박물관", "국립청주박물관장", dateline="청주"),
        Institution("충북문화재단", "재단", "충북문화재단 대표이사", dateline="청주"),
    ),
    sports_bodies=(Institution("충북도체육회", "체육회", "충북도체육회장", dateline="청주"),),
    hospitals=(Institution("충북대병원", "병원", "충북대병원장", dateline="청주"),),
    topics=(
        Topic("오송 바이오 클러스터 조성", "오송바이오", "project"),
        Topic("청주국제공항 활성화", "청주공항", "policy"),
        Topic("충청권 광역철도 청주 도심 통과", "광역철도", "project"),
        Topic("오창 방사광가속기 구축", "방사광가속기", "project"),
        Topic("반도체 특화단지 조성", "반도체", "project"),
        Topic("충주 탄금호 관광지 개발", "탄금호", "project"),
        Topic("레이크파크 르네상스 사업", "레이크파크", "project"),
    ),
    festivals=(
        Topic("청주공예비엔날레", "공예비엔날레", "event"),
        Topic("충주 세계무술축제", "무술축제", "event"),
        Topic("괴산 고추축제", "괴산고추축제", "event"),
    ),
)

REGIONS = (DAEJEON, SEJONG, CHUNGNAM, CHUNGBUK)
LOCAL_POLICIES = tuple(topic for topic in REGION_TOPICS if topic.kind == "policy")
REGION_BY_SECTION = {region.section: region for region in REGIONS}


class Team(NamedTuple):
    name: str
    sport: str
    league: str
    stadium: str
    region: Region


TEAMS = (
    Team("대전하나시티즌", "football", "K리그1", "대전월드컵경기장", DAEJEON),
    Team("충남아산FC", "football", "K리그2", "이순신종합운동장", CHUNGNAM),
    Team("충북청주FC", "football", "K리그2", "청주종합경기장", CHUNGBUK),
    Team("천안시티FC", "football", "K리그2", "천안종합운동장", CHUNGNAM),
    Team("한화이글스", "baseball", "KBO리그", "한화생명이글스파크", DAEJEON),
    Team("한화이글스", "baseball", "KBO리그", "한화생명이글스파크", DAEJEON),
)
OPPONENTS = {
    "football": (
        "수원FC",
        "부천FC1995",
        "성남FC",
        "전남드래곤즈",
        "경남FC",
        "김포FC",
        "FC안양",
        "부산아이파크",
        "서울이랜드",
        "안산그리너스",
        "전북현대",
        "울산HD",
    ),
    "baseball": (
        "LG트윈스",
        "KIA타이거즈",
        "삼성라이온즈",
        "SSG랜더스",
        "두산베어스",
        "롯데자이언츠",
        "NC다이노스",
        "키움히어로즈",
        "KT위즈",
    ),
}

SURNAMES = (
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임",
    "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍",
)  # fmt: skip
GIVEN_NAMES = (
    "민준", "서연", "지훈", "수진", "영호", "정민", "현우", "은지", "성호", "미경",
    "태윤", "상철", "혜원", "동욱", "재희", "경수", "하늘", "준영", "다은", "승민",
    "지원", "용석", "보람", "세진", "명숙", "창범", "유진", "도윤", "시우", "예린",
    "건우", "소율", "진혁", "미란", "광일", "선영", "우석", "나래", "형준", "은별",
)  # fmt: skip

REPORTERS = {
    "politics": (("강태웅", "ktw"), ("오준혁", "ojh"), ("송지아", "sja")),
    "economy": (("김도현", "kdh"), ("임수빈", "isb"), ("백승우", "bsw")),
    "society": (("이승훈", "lsh"), ("최유진", "cyj"), ("안재현", "ajh"), ("유다은", "yde")),
    "culture": (("조은비", "jeb"), ("서민지", "smj"), ("하은성", "hes")),
    "sports": (("윤상현", "ysh"), ("노태민", "ntm")),
    "region/daejeon": (("권예진", "kwon"), ("문지호", "mjh"), ("배소희", "bsh")),
    "region/sejong": (("박소연", "psy"), ("홍준기", "hjk"), ("전하윤", "jhy")),
    "region/chungnam": (
        ("정민호", "jmh"),
        ("장하늘", "jhn"),
        ("류경민", "rkm"),
        ("구본석", "kbs"),
    ),
    "region/chungbuk": (("한지우", "hjw"), ("신동훈", "sdh"), ("양지성", "yjs"), ("엄기현", "ekh")),
}
COLUMNISTS = (
    ("오세영", "osy"),
    ("임재원", "ljw"),
    ("배성민", "bsm"),
    ("문혜린", "mhr"),
    ("고재석", "kjs"),
)
REPORTER_DOMAIN = "dailycc.net"

# A regional daily: its own region's pages fill most of the paper.
SECTION_WEIGHTS = {
    "region/daejeon": 17,
    "region/chungnam": 13,
    "region/chungbuk": 10,
    "region/sejong": 8,
    "society": 13,
    "economy": 11,
    "politics": 9,
    "culture": 6,
    "sports": 5,
    "opinion/editorial": 4,
    "opinion/column": 4,
}
SECTION_DRAW = tuple(section for section, weight in SECTION_WEIGHTS.items() for _ in range(weight))
REGION_DRAW = (DAEJEON,) * 9 + (SEJONG,) * 3 + (CHUNGNAM,) * 5 + (CHUNGBUK,) * 4
NEWS_HOURS = (7, 8, 9, 9, 10, 10, 10, 11, 11, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 19, 20, 21)

FACILITIES = (
    "복합문화공간",
    "창업지원센터",
    "주민 쉼터",
    "청년 거점 공간",
    "실증 센터",
    "스마트 팜",
    "생활 SOC 복합시설",
    "공공 어린이집",
    "작은 도서관",
    "테스트베드",
)
TARGETS = (
    "만 19~39세 청년",
    "65세 이상 어르신",
    "중소기업",
    "소상공인",
    "초등학생 자녀를 둔 가정",
    "다자녀 가구",
    "창업 3년 이내 기업",
    "1인 가구",
)
TECHNOLOGIES = (
    "AI",
    "5G",
    "빅데이터",
    "사물인터넷(IoT)",
    "드론",
    "메타버스",
    "자율주행 기술",
    "디지털 트윈",
    "블록체인",
)
SERVICES = (
    "안전 관제 시스템",
    "맞춤형 안내 서비스",
    "무인 민원 창구",
    "스마트 주차 안내",
    "실시간 교통 정보 서비스",
    "비대면 상담 창구",
)
OBSTACLES = (
    "공사비 상승",
    "주민 반대",
    "국비 확보 지연",
    "전문 인력 부족",
    "부지 보상 문제",
    "관계 기관 간 이견",
)
COMPLAINTS = (
    "기반시설이 낡아 경쟁력이 떨어진다는",
    "인구가 줄면서 활력을 잃고 있다는",
    "주차 공간이 턱없이 부족하다는",
    "출퇴근 시간 교통 혼잡이 심하다는",
    "청년 인구가 빠져나가고 있다는",
    "문화·체육 시설이 부족하다는",
)
ROLES = ("기술 자문", "사업비 일부 부담", "전문 인력 양성", "홍보", "성과 평가", "부지 제공")
STEPS = ("실시설계", "타당성 조사", "주민 의견 수렴", "부지 매입", "기본계획 수립", "사업자 선정")
CEREMONIES = ("협약식", "설명회", "착공식", "개소식", "출범식", "기념식", "간담회")
ECONOMY_AREAS = ("지역 상권", "골목 경제", "관광 산업", "전통시장", "지역 제조업")
STATIONS = ("대전", "서대전", "천안아산", "오송", "공주")
AGENCIES = (
    "통계청",
    "한국부동산원",
    "한국은행 대전세종충남본부",
    "대전세종연구원",
    "충남연구원",
    "충북연구원",
    "한국무역협회 대전세종충남지역본부",
)
METRICS = (  # name, unit, plausible range
    ("청년 고용률", "rate", (35, 52)),
    ("고령 인구 비율", "rate", (11, 27)),
    ("1인 가구 비율", "rate", (27, 40)),
    ("출생아 수", "people", (3_000, 15_000)),
    ("관광객 수", "people", (200_000, 9_000_000)),
    ("수출액", "dollars", (30, 980)),
)
EXPERT_FIELDS = ("행정학과", "경제학과", "도시공학과", "사회복지학과", "경영학과", "교육학과")
EXPERT_SCHOOLS = ("충남대", "한남대", "충북대", "공주대", "순천향대", "배재대", "목원대", "청주대")
THEMES = (
    "빛과 시간",
    "도시의 기억",
    "물길 따라",
    "다시 봄",
    "우리 동네 이야기",
    "과학과 예술",
    "숲의 노래",
)
ENSEMBLES = (
    "대전시립교향악단",
    "대전시립합창단",
    "청주시립무용단",
    "천안시립흥타령풍물단",
    "세종시립민속예술단",
    "충남국악관현악단",
)
SIDE_EVENTS = (
    "어린이 그림 그리기 대회",
    "전통 공예 체험",
    "과학 놀이 마당",
    "야외 영화 상영",
    "지역 먹거리 장터",
    "버스킹 공연",
)
FEES = ("5000원", "1만 원", "2만 원", "3만 원", "1만 5000원")
CRIMES = (
    "음주운전",
    "보이스피싱 사기",
    "특수절도",
    "무면허 운전",
    "전세사기",
    "상습 폭행",
    "횡령",
)
ARRESTS = ("검거", "불구속 입건", "구속", "입건")
CRIME_SPOTS = ("아파트", "상가", "편의점", "주차장", "식당", "사무실", "주택가")
SENTENCES_HANDED_DOWN = (
    "징역 2년",
    "징역 1년 6개월",
    "벌금 500만 원",
    "징역 3년에 집행유예 5년",
    "징역 4년",
    "벌금 1200만 원",
)
BUILDINGS = ("아파트", "공장", "주택", "식당", "창고", "상가", "비닐하우스")
FIRE_CAUSES = ("주방 기름 과열", "전기적 요인", "담배꽁초", "난방기구 과열")
BASE_HITS = ("솔로 홈런", "2루타", "적시타", "결승 2점 홈런", "3루타", "희생플라이")
COLUMN_SPOTS = ("전통시장", "골목 책방", "작은 도서관", "동네 공원", "오래된 국숫집", "시골 장터")
COLUMN_PEOPLE = ("상인", "어르신", "청년 창업가", "대학생", "택시 기사", "마을 이장")
SEASONS = ("겨울", "봄", "여름", "가을")  # by (month % 12) // 3
SEASON_HIGHS = {"겨울": (1, 9), "봄": (13, 24), "여름": (29, 36), "가을": (14, 23)}
INTERVIEW_JOBS = (
    ("귀농 청년농부", "농사"),
    ("공방 대표", "공방 운영"),
    ("자원봉사 단체 회장", "봉사 활동"),
    ("청년 창업가", "창업"),
    ("특수학교 교사", "교직 생활"),
    ("마을 이장", "마을 일"),
    ("전통시장 상인회장", "장사"),
)
INTERVIEW_FOCUS = ("판로", "품질", "교육", "이웃과의 관계", "신뢰", "기록")


class PhotoScene(NamedTuple):
    headline: str
    people: str
    spot: str
    activity: str
    seasons: str
    tag: str


PHOTO_SCENES = (
    PhotoScene(
        "벚꽃 터널", "시민들", "벚꽃길", "꽃그늘 아래를 걸으며 봄기운을 만끽하고 있다", "봄", "벚꽃"
    ),
    PhotoScene(
        "딸기 수확 '한창'",
        "농민들",
        "비닐하우스",
        "빨갛게 익은 딸기를 수확하고 있다",
        "겨울 봄",
        "딸기",
    ),
    PhotoScene("모내기 '구슬땀'", "농민들", "들녘", "이앙기로 모내기를 하고 있다", "봄", "모내기"),
    PhotoScene(
        "봄맞이 대청소", "주민들", "하천변", "봄맞이 환경 정화 활동을 하고 있다", "봄", "환경정화"
    ),
    PhotoScene(
        "물놀이로 더위 '싹'",
        "어린이들",
        "물놀이장",
        "물놀이를 즐기며 더위를 식히고 있다",
        "여름",
        "물놀이",
    ),
    PhotoScene(
        "해바라기 활짝",
        "관광객들",
        "해바라기 밭",
        "활짝 핀 해바라기 사이를 걸으며 사진을 찍고 있다",
        "여름",
        "해바라기",
    ),
    PhotoScene("연꽃 만개", "시민들", "연못", "활짝 핀 연꽃을 감상하고 있다", "여름", "연꽃"),
    PhotoScene("황금 들녘 벼 베기", "농민들", "논", "콤바인으로 벼를 베고 있다", "가을", "벼베기"),
    PhotoScene(
        "단풍 절정", "등산객들", "산책로", "붉게 물든 단풍을 카메라에 담고 있다", "가을", "단풍"
    ),
    PhotoScene(
        "국화 향기 가득",
        "관람객들",
        "전시장",
        "형형색색의 국화 작품을 감상하고 있다",
        "가을",
        "국화",
    ),
    PhotoScene(
        "김장 나눔 '훈훈'",
        "자원봉사자들",
        "복지관 마당",
        "이웃에게 전할 김장 김치를 담그고 있다",
        "가을 겨울",
        "김장나눔",
    ),
    PhotoScene(
        "첫눈 내린 도심", "시민들", "도심 거리", "눈길을 조심스럽게 걷고 있다", "겨울", "첫눈"
    ),
    PhotoScene(
        "얼음 썰매 '신나요'",
        "어린이들",
        "썰매장",
        "얼음 썰매를 타며 즐거운 시간을 보내고 있다",
        "겨울",
        "썰매장",
    ),
    PhotoScene(
        "졸업식 '축하 물결'", "졸업생들", "교정", "가족들과 기념사진을 찍고 있다", "겨울", "졸업식"
    ),
)
EDITORIAL_VERDICTS = (
    "구호에 그쳐선 안 된다",
    "속도보다 내실이 먼저다",
    "지역 도약의 발판 돼야",
    "주민 목소리부터 들어야",
    "정치권이 힘 보태야",
    "차질 없어야 한다",
    "이번엔 결실 맺어야",
)
COLUMN_HEADS = ("[충청칼럼]", "[데스크 칼럼]", "[세상읽기]", "[아침단상]", "[기자수첩]")

# --- Templates --------------------------------------------------------------------


class Slots(dict):
    """The values of one story's slots, for str.format_map. A template names a slot in braces
    and may ask for a particle after a bar: "{actor|은} {day} {topic|을} {verb}한다고 밝혔다."
    Fixed slots (the story's actor, topic, day) are stored; the others (a sum of money, a
    neighbourhood, a quotation) are made afresh each time a sentence asks for one."""

    def __init__(self, story):
        super().__init__()
        self.story = story
        self.random = story.rng.random

    def __missing__(self, key):
        name, _, particle = key.partition("|")
        value = self.get(name) if particle else None
        if value is not None:  # a fixed noun keeps its particle form: store it too
            self[key] = value = josa(value, particle)
            return value
        words = WORD_SLOTS.get(name)
        if words is not None:
            value = words[int(self.random() * len(words))]
        else:
            value = SLOT_MAKERS[name](self.story)
        return josa(value, particle) if particle else value


def templates(*texts):
    """A pool of sentence templates (see Slots for their syntax)."""
    return texts


ADMIN_OPENINGS = templates(
    "{actor|은} 지역 여건에 맞춘 {topic|을} {verb}하고 올해 안에 가시적인 성과를 내겠다고 {day} 밝혔다.",
    "{actor|은} {day} {venue}에서 {partner|과} {topic|을} 위한 업무협약(MOU)을 맺고 본격적인 협력에 들어갔다.",
    "{actor|이} {goal_year}까지 {money|을} 들여 {topic|을} {verb}하는 등 {region} 지역의 생활 여건 개선에 나선다.",
    "{actor|이} {topic|을} {verb}하기로 하고 {upcoming}까지 세부 추진 계획을 마련하기로 했다.",
    "{actor|이} {partner|과} 손잡고 그동안 지지부진했던 {topic}에 속도를 낸다.",
    "{place} 일원에서 추진되는 {topic|이} 국비 확보와 행정 절차를 마무리하고 본궤도에 올랐다.",
    "{actor|은} 올해 {topic|을} {verb}할 계획이라고 {day} 밝혔다.",
)
ADMIN_DETAILS = templates(
    "이번 사업에는 국비 {money|과} {budget} {money|이} 투입되며, {actor_short|은} 부족한 재원을 채우기 위해 민간 투자 유치도 함께 추진한다.",
    "{actor_short|은} 우선 {neighbourhood} 일원에 {facility|을} 조성하고, {goal_year}부터 본격적인 운영에 들어갈 계획이다.",
    "지원 대상은 {region}에 사는 {target|으로}, {upcoming}까지 {actor} 누리집이나 가까운 행정복지센터에서 신청하면 된다.",
    "{actor_short|은} 이를 위해 {small_number}명 규모의 전담팀을 꾸리고 {partner|과} 세부 협의를 이어가고 있다.",
    "사업 대상지는 {neighbourhood} 등 {place_count|으로}, {actor_short|은} 올해 하반기 설계를 마치고 {goal_year} 완공을 목표로 하고 있다.",
    "특히 {tech|을} 활용한 {service}도 함께 선보여 {residents}의 이용 편의를 크게 높인다는 구상이다.",
    "{actor_short|은} 이번 사업으로 일자리 {jobs}개가 새로 생기고 {money} 규모의 생산 유발 효과가 날 것으로 내다봤다.",
    "{agency}에 따르면 지난해 {region} 지역 {statistic}.",
    "{neighbourhood|은} 그동안 {complaint} 지적을 받아 왔지만, 마땅한 해법을 찾지 못해 주민들의 불만이 이어졌다.",
    "다만 {obstacle} 탓에 일정이 늦어질 수 있다는 우려도 나오는 만큼 {actor_short|은} 관계 기관과 대응책을 논의하고 있다.",
    "{partner|은} 이번 사업에서 {role|을} 맡아 {actor_short|과} 함께 세부 과제를 발굴하기로 했다.",
    "이날 {ceremony}에는 {head|과} {partner_head}, 지역 주민 등 {attendees|이} 참석해 사업의 성공을 기원했다.",
    "{citizen|은} {citizen_quote} 말했다.",
    "{head|은} {official_quote} {speech}",
    "{actor_short} 관계자는 {official_quote} {speech}",
    "{head|은} {official_quote_and} {official_quote} 강조했다.",
    "코로나19 이후 위축된 {economy_area}에 활력을 불어넣고, 지역 안에서 돈이 도는 구조를 만들기 위한 조치다.",
    "{region}의 R&D 역량을 산업 현장과 잇는 것이 이번 사업의 핵심으로, 연구 성과가 지역 기업의 매출로 이어지도록 하겠다는 것이다.",
    "KTX {station}역 이용객도 꾸준히 늘어 지난해 {visitors|을} 넘어서면서 역 주변 교통 대책을 요구하는 목소리도 커지고 있다.",
    "올해 {actor}의 관련 예산은 {money|으로}, 지난해보다 {percent} 늘어 사업 추진에도 탄력이 붙을 전망이다.",
    "{expert|은} {expert_quote} 말했다.",
    "ESG 경영에 관심이 높아지면서 {topic|은} 지역 기업들 사이에서도 주목받고 있으며, 참여를 문의하는 기업도 늘고 있다.",
    "앞서 {actor_short|은} {recent} {partner}, 지역 대학 등과 실무 회의를 열고 추진 방향과 역할 분담을 논의했다.",
    "{actor_short|은} {topic|을} {verb}하고 있으며, 참여 기관도 올해 안에 {small_number}곳으로 늘릴 예정이다.",
    "지난해 같은 사업에는 {region} 지역에서 {attendees|이} 참여해 높은 만족도를 보였고, 다시 참여하겠다는 응답도 {percent}에 달했다.",
    "{partner|은} 사업 초기 {money|을} 지원하고 운영 노하우도 전수하기로 했다.",
    "{actor_short|은} 사업 효과를 높이기 위해 {neighbourhood} 주민들을 대상으로 {small_number}차례 설명회를 열고 의견을 모았다.",
    "{topic|은} 지난해 정부 공모에 선정되면서 국비 {money|을} 확보해 추진 동력을 얻었다.",
    "사업이 본격화하면 {neighbourhood} 일대 {residents} {visitors|이} 직접적인 혜택을 볼 것으로 예상된다.",
    "{actor_short|은} 또 {tech} 기반 관리 시스템을 도입해 사업 전 과정을 실시간으로 점검할 방침이다.",
)
ADMIN_CLOSINGS = templates(
    "{actor_short|은} {upcoming}까지 {step|을} 마친 뒤 세부 실행 계획을 확정해 {residents}에게 공개할 방침이다.",
    "{actor_short|은} 다음 달 세부 계획을 확정해 발표하고, 하반기부터 단계적으로 사업을 확대할 예정이다.",
    "한편 {actor|은} 지난해 {other_topic|으로} 정부 평가에서 우수 기관에 선정되는 등 관련 분야에서 성과를 인정받았다.",
    "{actor_short|은} 사업 추진 과정에서 {residents} 의견을 꾸준히 듣고 필요하면 계획을 보완하겠다는 입장이다.",
    "사업이 마무리되면 {region} 지역 {residents}의 생활 여건도 한층 나아질 것으로 기대된다.",
    "{actor_short|은} {goal_year}까지 단계적으로 대상을 넓혀 {region} 전역으로 확대해 나갈 계획이다.",
)
ADMIN_HEADLINES = templates(
    "{actor_headline}, {topic} {headline_verb}",
    "{actor_headline}-{partner_headline}, {topic} 맞손",
    '{actor_headline} "{topic}, 차질 없이 추진"',
    "{topic}, {region}서 첫발…{actor_headline} {headline_verb}",
    "{actor_headline}, {target} 대상 {topic} {headline_verb}",
)
PROJECT_HEADLINES = templates(
    "{actor_headline}, {topic}에 {money} 투입",
    "{region} {topic}…{goal_year} 완공 목표",
)
PROJECT_SUBTITLES = templates("{goal_year}까지 {money} 투입해 {facility} 조성")
ADMIN_SUBTITLES = templates(
    "{partner_headline} 등 {small_number}개 기관 참여…{upcoming} {ceremony}",
    "{neighbourhood} 등 {place_count} 대상",
    '{head_title} "{residents} 체감하는 성과 내겠다"',
    "{target} 대상…{upcoming}까지 신청",
)
ADMIN_SUBHEADINGS = templates(
    "{goal_year}까지 {money} 투입",
    "{neighbourhood} 등 {place_count} 대상",
    "남은 과제는 {obstacle}",
    "{partner_headline} 등 {small_number}개 기관 힘 모아",
    '"{residents} 체감하는 변화 만들겠다"',
    "주민 반응은 엇갈려",
)
OFFICIAL_QUOTES = templates(
    "{topic|을} 차질 없이 마무리해 {residents|이} 체감할 수 있는 변화를 만들겠다",
    "{partner|과} 긴밀히 협력해 {region}의 새로운 성장 동력을 반드시 만들어 내겠다",
    "현장의 목소리를 꼼꼼히 듣고 부족한 부분은 바로 보완하겠다",
    "예산 확보가 관건인 만큼 지역 정치권과 함께 중앙부처를 설득하는 데 힘을 모으겠다",
    "{region|이} 한 단계 도약하는 계기가 될 것",
    "아직 갈 길이 멀지만 첫발을 뗐다는 데 의미가 있다",
    "사업 기간 주민 불편을 최소화하는 데 모든 역량을 모으겠다",
    "이번 사업은 {region}의 미래가 걸린 일",
    "지역 경제에 활력을 불어넣을 마중물",
    "무엇보다 속도가 중요한 때",
    "{residents}의 삶을 바꾸는 일인 만큼 한 치의 빈틈도 없도록 하겠다",
)
CITIZEN_QUOTES = templates(
    "하루빨리 사업이 마무리됐으면 좋겠다",
    "동네에 다시 활기가 돌았으면 한다",
    "공사 기간 불편이 없도록 신경 써 줬으면 한다",
    "아이들이 안전하게 다닐 수 있게 돼 다행이다",
    "실제로 얼마나 달라질지는 지켜봐야 할 것 같다",
    "물가가 너무 올라 장보기가 겁난다",
)
EXPERT_QUOTES = templates(
    "지역 여건에 맞는 세부 전략이 뒤따라야 효과를 거둘 수 있다",
    "사업 초기부터 주민 참여를 보장하는 것이 중요하다",
    "단기 성과에 매달리기보다 장기적인 안목으로 접근해야 한다",
    "이웃 시·도와 역할을 나누는 광역 협력이 열쇠",
)

COUNCIL_OPENINGS = templates(
    "{actor|은} {day} 제{session}회 임시회 본회의를 열고 {topic|을} 원안대로 가결했다.",
    "{actor|이} {topic|을} {verb}하기로 했다.",
    "{actor|은} {day} {committee} 회의를 열고 {topic|을} {verb}했다.",
)
COUNCIL_DETAILS = templates(
    "{topic|은} {member|이} 대표 발의했으며, 동료 의원 {small_number}명이 공동 발의자로 이름을 올렸다.",
    "이날 본회의에서는 {bill|과} {bill} 등 안건 {small_number}건이 함께 처리됐다.",
    "{committee|은} 앞서 {recent} 심사에서 집행부 의견을 들은 뒤 일부 문구를 수정해 본회의에 넘겼다.",
    "{member|은} 5분 자유발언에서 {council_quote} 주장했다.",
    "{actor|은} 이번 회기 동안 {small_number}개 실·국을 상대로 행정사무감사를 벌여 주요 사업의 추진 상황을 점검한다.",
    "{topic|이} 시행되면 {residents} {visitors|이} 직접적인 혜택을 볼 것으로 예상된다.",
    "일부 의원들은 재원 대책이 부족하다며 집행부에 구체적인 보완책을 요구했다.",
    "{head|은} 폐회사에서 {official_quote} 말했다.",
    "{citizen|은} {citizen_quote} 말했다.",
    "{expert|은} {expert_quote} 말했다.",
    "이번 회기에서는 {topic|을} 둘러싸고 의원들 사이에 찬반 토론이 이어지며 한때 회의가 정회되기도 했다.",
    "{member|은} 집행부를 상대로 한 질의에서 {topic}의 재원 조달 방안과 기대 효과를 따져 물었다.",
    '{member|은} 제안 설명에서 "이번 안건의 취지는 {residents}의 삶을 실질적으로 돕는 데 있다"고 밝혔다.',
    "의회 사무처에 따르면 이번 회기에 접수된 조례안과 건의안은 모두 {small_number}건이다.",
    "{committee|은} 심사 과정에서 관련 부서장을 불러 사업의 필요성과 예산 규모를 꼼꼼히 따졌다.",
    "시민단체들은 의회가 {topic|을} 충분한 공론화 없이 처리했다며 아쉬움을 나타냈다.",
    "{member|은} 지역구 주민들과의 간담회에서 모은 의견을 토대로 수정안을 냈다.",
    "{executive|은} 시정 질문 답변에서 {official_quote} 말했다.",
    "의원들은 또 {other_topic}의 추진 상황도 함께 점검했다.",
    "{topic|이} 통과되면서 관련 예산 {money|이} 내년부터 반영될 것으로 보인다.",
)
COUNCIL_QUOTES = templates(
    "{topic|을} 더는 미뤄선 안 된다",
    "집행부가 의회와 충분히 소통해야 한다",
    "예산이 제대로 쓰이는지 끝까지 따져 보겠다",
    "{residents}의 눈높이에서 다시 살펴야 할 때",
)
COUNCIL_HEADLINES = templates(
    "{actor_headline}, {topic} {headline_verb}",
    "{actor_headline} 본회의, {topic} 원안 가결",
    "{topic} 상임위 문턱 넘었다…{actor_headline} {upcoming} 표결",
    "{actor_headline}, 제{session}회 임시회 폐회…안건 {small_number}건 처리",
)

INCIDENT_POLICE = templates(
    "{police|은} {crime} 혐의로 {age}대 A씨를 {arrest}했다고 {day} 밝혔다.",
    "A씨는 {recent} 오후 {hour}시께 {neighbourhood}의 한 {crime_spot}에서 범행을 저지른 혐의를 받고 있다.",
    "경찰은 주변 CCTV를 분석해 A씨의 동선을 확인한 뒤 {small_number}일 만에 붙잡았다.",
    "조사 결과 A씨는 비슷한 수법으로 {cases|을} 더 저지른 것으로 드러났다.",
    "{police_short} 관계자는 {police_quote} 당부했다.",
    "{agency}에 따르면 지난해 {region} 지역 {crime} 적발 건수는 {cases|으로}, 전년보다 {percent} 늘었다.",
    "A씨는 경찰 조사에서 혐의 일부를 인정한 것으로 알려졌다.",
    "A씨는 범행 직후 달아났다가 {neighbourhood}에서 붙잡혔다.",
    "피해자들은 대부분 고령층인 것으로 파악됐다.",
    "경찰에 따르면 A씨는 피해자들에게 접근해 신뢰를 쌓은 뒤 범행한 것으로 조사됐다.",
    "A씨의 범행은 이를 수상히 여긴 주민의 신고로 드러났다.",
    "경찰은 A씨의 휴대전화와 금융 거래 내역을 분석하고 있다.",
    "A씨는 과거에도 비슷한 범죄로 {small_number}차례 처벌받은 전력이 있는 것으로 확인됐다.",
    "경찰은 올해 들어 {region} 지역에서 비슷한 사건이 {cases} 접수됐다고 밝혔다.",
)
INCIDENT_COURT = templates(
    "{court} 형사{chamber}부(재판장 {judge} 부장판사)는 {crime} 혐의로 기소된 {age}대 B씨에게 {sentence|을} 선고했다고 {day} 밝혔다.",
    "B씨는 {recent_year} {neighbourhood} 일대에서 {victims|을} 상대로 범행한 혐의로 재판에 넘겨졌다.",
    "재판부는 {court_quote} 판시했다.",
    "검찰은 앞선 결심 공판에서 B씨에게 {sentence|을} 구형했다.",
    "B씨는 재판 과정에서 혐의를 대부분 인정했지만 일부는 부인했다.",
    "이날 법정에는 피해자와 가족 등 {small_number}명이 나와 재판 과정을 지켜봤다.",
    "B씨의 변호인은 최후 변론에서 선처를 호소했다.",
    "재판부는 또 B씨에게 사회봉사 {service_hours}시간을 명령했다.",
    "재판부는 판결문에서 B씨가 피해 회복을 위해 노력하지 않았다고 지적했다.",
    "B씨는 {recent_year}부터 피해자들에게서 모두 {small_money|을} 가로챈 혐의를 받았다.",
    "검찰은 형량이 가볍다며 항소를 검토하고 있다.",
    "선고 공판이 끝난 뒤 피해자 가족들은 법원 앞에서 엄벌을 촉구했다.",
)
INCIDENT_FIRE = templates(
    "{day} 오전 {hour}시 {minute}분께 {neighbourhood}의 한 {building}에서 불이 나 {small_number}분 만에 꺼졌다.",
    "이 불로 건물 내부 {area|이} 타 소방서 추산 {small_money}의 재산 피해가 났다.",
    "불이 나자 주민 {small_number}명이 스스로 대피해 인명 피해는 없었다.",
    "{fire|은} 신고 접수 {small_number}분 만에 현장에 도착해 진화 작업을 벌였다.",
    "{fire_short} 관계자는 {fire_quote} 당부했다.",
    "화재 당시 건물 안에는 {small_number}명이 있었던 것으로 파악됐다.",
    "불은 {building} 1층에서 시작돼 위층으로 번진 것으로 추정된다.",
    "소방 당국은 장비 {small_number}대와 인력 {attendees|을} 투입해 진화에 나섰다.",
    "검은 연기가 치솟으면서 119 신고가 잇따랐다.",
    "불이 난 {building}에는 스프링클러가 설치돼 있지 않았던 것으로 확인됐다.",
    "소방 당국은 인근 주민들의 신고를 받고 출동해 주변으로 불이 번지는 것을 막았다.",
    "화재 현장 주변 도로는 한때 통제돼 출근길 차량들이 큰 불편을 겪었다.",
    "{fire|은} 최근 비슷한 화재가 잇따르자 화재 예방 캠페인을 벌이기로 했다.",
)
INCIDENT_HEADLINES = {
    "police": templates(
        "{region} {neighbourhood}서 {crime} {age}대 {arrest}",
        "{crime} 혐의 {age}대 A씨 {arrest}…{police_short} {cases} 추가 수사",
    ),
    "court": templates(
        "{crime} {age}대, 1심서 {sentence}",
        "{court}, {crime} {age}대에 {sentence} 선고",
    ),
    "fire": templates(
        "{neighbourhood} {building}서 불…{small_money} 피해",
        "{region} {building} 화재 {small_number}분 만에 진화…인명 피해 없어",
    ),
}
POLICE_QUOTES = templates(
    "비슷한 피해를 입었다면 가까운 경찰서에 바로 신고해 달라",
    "출처가 불분명한 문자 속 인터넷 주소는 절대 누르지 말아야 한다",
    "연말까지 단속을 계속 이어가겠다",
)
COURT_QUOTES = templates(
    "피해자들에게 큰 정신적 고통을 줬고 피해 회복도 이뤄지지 않았다",
    "죄질이 나쁘지만 잘못을 인정하고 반성하는 점을 고려했다",
    "범행 수법과 피해 규모에 비춰 엄한 처벌이 불가피하다",
)
FIRE_QUOTES = templates(
    "겨울철에는 난방기구 주변에 불에 타기 쉬운 물건을 두지 말아야 한다",
    "불이 나면 먼저 대피한 뒤 119에 신고해 달라",
)

NEIGHBOUR_QUOTES = templates(
    "밤늦게 골목을 다니기가 무섭다",
    "조용한 동네에서 이런 일이 생겨 놀랐다",
    "큰 피해가 없어서 그나마 다행",
)
SAFETY_EXPERT_QUOTES = templates(
    "처벌만큼이나 예방 교육이 중요하다",
    "피해자 지원 체계를 함께 갖춰야 재발을 막을 수 있다",
)
EVENT_OPENINGS = templates(
    "{actor|은} {opening_day}부터 {days}일간 {venue}에서 {topic|을} 연다.",
    "{region} 지역민들이 기다려 온 {topic|이} {opening_day} 막을 올린다.",
    "{actor|이} 마련한 {topic|이} {opening_day}부터 {days}일간 {venue}에서 열린다.",
)
EVENT_DETAILS = templates(
    "{theme|을} 주제로 열리는 이번 행사에는 지역 작가와 예술인 {small_number}명이 참여한다.",
    "이번 무대에는 {ensemble|과} 지역 청년 예술인 {small_number}명이 함께 오른다.",
    "부대 행사로 {side_events} 등 가족 단위 관람객을 위한 체험 프로그램도 마련됐다.",
    "관람료는 {fee|이며} 초등학생 이하 어린이는 무료로 입장할 수 있다.",
    "지난해 행사에는 {visitors|이} 다녀가며 역대 최다 관람 기록을 세웠다.",
    "{head|은} {culture_quote} 말했다.",
    "올해는 {tech|을} 활용한 체험관도 처음 문을 연다.",
    "{actor_short|은} 행사 기간 {neighbourhood} 일대의 교통 혼잡에 대비해 임시 주차장 {place_count|을} 운영한다.",
    "개막식에는 {head|과} {partner_head} 등 {attendees|이} 참석할 예정이다.",
    "{citizen|은} {citizen_quote} 말했다.",
    "행사 기간에는 {neighbourhood|과} {venue|을} 잇는 셔틀버스도 운행된다.",
    "개막 공연은 {ensemble|이} 맡는다.",
    "올해로 {edition}회째를 맞은 {topic|은} {region}의 대표 문화 행사로 자리 잡았다.",
    "주최 측은 올해 {visitors|이} 행사장을 찾을 것으로 내다보고 있다.",
    "{actor_short|은} 안전사고에 대비해 행사장 곳곳에 안전 요원 {small_number}명을 배치한다.",
    "특히 올해는 {tech} 기반 비대면 관람 서비스를 새로 도입해 현장을 찾지 못한 관람객도 즐길 수 있게 했다.",
    "지역 예술인들이 직접 기획한 {side_event}도 눈길을 끈다.",
    "행사장 주변 상인들도 손님맞이 준비에 분주한 모습이다.",
    "코로나19로 한동안 멈췄던 대면 행사가 다시 열리는 만큼 기대가 크다.",
    "공연이 끝난 뒤에는 관객과의 대화 시간도 마련된다.",
    "{head|은} {culture_quote} 당부했다.",
    "올해 행사는 지역의 역사와 문화를 새롭게 조명하는 데 초점을 맞췄다.",
    "주최 측은 관람객 편의를 위해 행사장 곳곳에 쉼터와 안내소를 설치했다.",
    "{region} 지역 대학생 자원봉사자 {small_number}명도 행사 운영을 돕는다.",
    "개막 당일에는 축하 불꽃놀이와 시민 참여 퍼레이드가 이어진다.",
)
EVENT_HEADLINES = templates(
    "{actor_headline}, {topic} {headline_verb}",
    "{region} {topic} {opening_day} 개막…{theme} 주제로",
    "{topic}, {venue}서 {days}일간 열린다",
    "'{topic}' {opening_day} 개막…볼거리 풍성",
)
EVENT_SUBHEADINGS = templates(
    "{side_events} 등 체험 풍성",
    "관람료 {fee}…어린이 무료",
    "{venue}서 {days}일간",
)
CULTURE_QUOTES = templates(
    "{residents|이} 가까이에서 수준 높은 예술을 즐길 수 있도록 준비했다",
    "가족과 함께 특별한 추억을 만들어 가시길 바란다",
    "{region}의 이야기를 담은 무대인 만큼 많은 관심을 부탁드린다",
)

MATCH_OPENINGS = {
    ("football", "win"): templates(
        "{team|은} {day} {stadium}에서 열린 {league} {round}라운드 홈경기에서 {opponent|을} {score|으로} 꺾었다.",
    ),
    ("football", "draw"): templates(
        "{team|은} {day} {stadium}에서 열린 {league} {round}라운드 홈경기에서 {opponent|과} {score|으로} 비겼다.",
    ),
    ("football", "loss"): templates(
        "{team|은} {day} {stadium}에서 열린 {league} {round}라운드 홈경기에서 {opponent}에 {score|으로} 졌다.",
    ),
    ("baseball", "win"): templates(
        "{team|은} {day} {stadium}에서 열린 {opponent|과}의 홈경기에서 {score|으로} 이겼다.",
    ),
    ("baseball", "loss"): templates(
        "{team|은} {day} {stadium}에서 열린 {opponent|과}의 홈경기에서 {score|으로} 졌다.",
    ),
}
MATCH_DETAILS = {
    "football": templates(
        "전반 {first_half_minute}분 {player|이} 선제골을 터뜨렸고, 후반에는 {player|이} 추가골을 넣었다.",
        "{opponent|은} 후반 막판 총공세에 나섰지만 골키퍼 {player}의 선방에 막혔다.",
        "{coach|은} 경기 뒤 {sports_quote} 말했다.",
        "이날 경기장에는 {crowd}의 관중이 찾아 열띤 응원을 펼쳤다.",
        "부상에서 돌아온 {player|은} 풀타임을 소화하며 중원을 지켰다.",
        "{team|은} 이날 슈팅 {shots}개를 기록하며 경기를 주도했다.",
        "후반 {second_half_minute}분에는 {player|이} 교체 투입돼 분위기를 바꿨다.",
        "{player|은} 이날 경기 최우수선수(MVP)로 뽑혔다.",
        "수비진은 상대의 빠른 역습을 끝까지 잘 막아냈다.",
        "{coach|은} 이날 {formation} 전술을 꺼내 들었다.",
        "홈 팬들은 경기 내내 응원가를 부르며 선수들에게 힘을 보탰다.",
        "{team|은} 올 시즌 홈 경기에서 {small_number}경기째 패배가 없다.",
        "{team|은} 전반 점유율에서 앞서며 주도권을 잡았다.",
        "{player|은} 경기 뒤 {sports_quote} 말했다.",
        "양 팀은 후반 들어 한 골씩 주고받으며 치열한 공방을 벌였다.",
    ),
    "baseball": templates(
        "선발투수 {player|은} {innings}이닝 동안 삼진 {strikeouts}개를 잡아내며 {runs|으로} 호투했다.",
        "타선에서는 {player|이} {hits}안타 {rbi}타점으로 공격을 이끌었다.",
        "{player|은} {inning}회 말 {base_hit|을} 때려 팀에 리드를 안겼다.",
        "{coach|은} 경기 뒤 {sports_quote} 말했다.",
        "이날 야구장에는 {crowd}의 관중이 찾아 열띤 응원을 펼쳤다.",
        "불펜진도 {player|을} 시작으로 무실점 계투를 이어갔다.",
        "마무리 투수 {player|은} 9회를 삼자범퇴로 막고 시즌 {small_number}번째 세이브를 올렸다.",
        "{player|은} 이날 멀티히트를 기록하며 타격감을 끌어올렸다.",
        "수비에서는 {player|이} 몸을 날리는 호수비로 실점 위기를 넘겼다.",
        "{team|은} 이날 장단 {team_hits}안타를 몰아쳤다.",
        "경기 전 시구는 {region} 지역 유소년 야구단 선수가 맡았다.",
        "홈 팬들은 경기 내내 응원가를 부르며 선수들에게 힘을 보탰다.",
        "{player|은} 경기 뒤 {sports_quote} 말했다.",
        "{team|은} 이날 도루 {steals}개를 성공시키며 상대 배터리를 흔들었다.",
        "양 팀 선발투수의 호투 속에 경기는 중반까지 팽팽하게 이어졌다.",
        "{opponent|은} 9회 초 마지막 반격에 나섰지만 점수를 뒤집지 못했다.",
    ),
}
MATCH_STREAK = templates("이날 승리로 {team|은} {streak}연승을 달리며 리그 {rank}위로 올라섰다.")
MATCH_WIN_DETAILS = {sport: details + MATCH_STREAK for sport, details in MATCH_DETAILS.items()}
MATCH_HEADLINES = {
    "win": templates(
        "{team}, {opponent}에 {score} 승리…{streak}연승",
        "{team}, 안방서 {opponent} 꺾고 {rank}위 도약",
    ),
    "draw": templates("{team}, {opponent|과} {score} 무승부", "{team}, 안방서 {opponent|과} 비겨"),
    "loss": templates("{team}, {opponent}에 {score} 석패", "{team}, 안방서 {opponent}에 덜미"),
}
SPORTS_QUOTES = templates(
    "선수들이 끝까지 집중력을 잃지 않았다",
    "홈 팬들의 응원이 큰 힘이 됐다",
    "다음 경기에서는 더 나은 모습을 보여 드리겠다",
    "부족했던 부분을 잘 준비해 반등하겠다",
)

EDITORIAL_OPENINGS = templates(
    "{actor|이} {topic|을} {verb}하기로 했다.",
    "{actor|이} {goal_year}까지 {money|을} 들여 {topic|을} {verb}한다.",
    "{topic|을} 둘러싼 논의가 본격화하고 있다.",
)
EDITORIAL_BODY = templates(
    "{region} 지역의 오랜 숙원이었던 만큼 반길 만한 소식이지만, 장밋빛 기대만으로는 성과를 낼 수 없다.",
    "{topic|이} 구호에 그치지 않으려면 재원 마련 방안과 단계별 일정을 담은 구체적인 실행 계획이 뒤따라야 한다.",
    "문제는 재원이다.",
    "{money|이} 넘는 사업비를 어떻게 마련할지 아직 뚜렷한 답이 보이지 않는다.",
    "{obstacle} 문제도 갈등이 커지기 전에 머리를 맞대 풀어야 한다.",
    "{actor|은} 주민들과 충분히 소통하며 속도를 조절할 필요가 있다.",
    "{neighbourhood|은} 그동안 {complaint} 지적을 받아 왔다.",
    "정치권도 당리당략을 떠나 힘을 보태야 한다. 지역의 미래가 걸린 일에 여야가 따로일 수 없다.",
    "{topic|은} 한두 해에 끝날 일이 아니다.",
    "단체장이 바뀌어도 흔들리지 않는 장기 로드맵이 필요하다. 그래야 주민들도 사업을 믿고 기다릴 수 있다.",
    "{topic|은} {region}의 미래를 가늠할 {milestone}.",
    "다만 경쟁은 만만치 않다. 전국의 자치단체들이 비슷한 사업을 앞다퉈 내놓고 있기 때문이다.",
    "{partner|과}의 긴밀한 협력 없이는 성과를 장담하기 어렵다.",
    "비슷한 사업을 먼저 시작한 다른 지역의 시행착오도 꼼꼼히 살펴 같은 실수를 되풀이하지 않아야 한다.",
    "{residents|이} 변화를 체감하지 못한다면 아무리 큰 사업도 의미가 없다.",
    "{agency}에 따르면 지난해 {region} 지역 {statistic}.",
    "예산을 따내는 것보다 중요한 것은 그 돈이 제대로 쓰이는지 끝까지 살피는 일이다.",
    "{actor|이} 내세운 청사진이 실현되려면 중앙정부의 지원도 뒷받침돼야 한다.",
    "{topic|은} 지역 주민의 삶과 직결된 문제다.",
    "그동안 비슷한 사업이 발표만 요란하고 흐지부지된 사례가 적지 않았다.",
    "무엇보다 우선순위를 분명히 해야 한다. 모든 것을 한꺼번에 하겠다는 계획은 아무것도 하지 않겠다는 말과 다르지 않다.",
    "{residents}의 세금이 들어가는 사업인 만큼 추진 과정을 투명하게 공개해야 한다.",
    "{region} 지역 경제가 어려운 때일수록 선택과 집중이 필요하다.",
    "관련 기관들이 저마다 다른 목소리를 내서는 곤란하다.",
    "청년들이 떠나는 지역에 미래는 없다.",
    "{actor|은} 사업의 목표와 성과 지표부터 분명히 밝혀야 한다.",
    "{goal_year|이라는} 목표 시점이 현실적인지도 다시 따져 볼 필요가 있다.",
)
EDITORIAL_CLOSINGS = templates(
    "이번 {topic|이} {region} 도약의 발판이 되기를 기대한다.",
    "{actor|은} 이번만큼은 약속을 지켜야 한다.",
    "지금부터가 진짜 시험대다.",
)
COLUMN_BODY = templates(
    "며칠 전 {neighbourhood}의 한 {column_spot|을} 찾았다. 오랜만에 들른 그곳은 예전과 크게 달라져 있었다.",
    "{season} 햇살이 내려앉은 {neighbourhood|은} 예전과 사뭇 다른 풍경이었다.",
    "그곳에서 만난 한 {column_person|은} {column_quote} 했다.",
    "도시는 결국 사람이 머무는 만큼 살아난다.",
    "변화는 늘 작은 골목에서 시작된다. 거창한 계획보다 한 사람의 발걸음이 먼저다.",
    "숫자보다 중요한 것은 사람의 표정이다. 통계가 말해 주지 않는 삶이 골목마다 있다.",
    "{topic|을} 둘러싼 논의를 지켜보며 드는 생각이다.",
    "우리는 과연 {topic|을} 제대로 준비하고 있을까?",
    "{region}의 힘은 결국 사람에게서 나온다.",
    "돌아오는 길, {neighbourhood}의 불빛이 유난히 따뜻해 보였다.",
    "{topic|이} 거창한 계획보다 일상의 작은 변화에서 출발해야 하는 이유다.",
    "물론 과제도 적지 않다. 임대료가 오르면 골목을 일군 작은 가게들이 밀려나는 일이 되풀이된다.",
    "오래된 것을 지우는 대신 제대로 쓰는 일에서 답을 찾아야 한다.",
    "어릴 적 뛰어놀던 골목은 이제 낯선 간판들로 가득하지만, 그 길을 걷는 사람들의 걸음은 여전히 느긋하다.",
)
COLUMN_QUOTES = templates(
    "손님이 예전 같지 않아도 이 골목을 떠날 생각은 없다",
    "요즘은 젊은 사람들이 많이 찾아와 반갑다",
    "동네가 변하는 건 좋지만 오래된 가게들이 밀려날까 걱정이다",
    "여기가 내 인생의 전부",
)
OPINION_LEADS = {
    "editorial": templates(
        "{actor|이} {topic|을} {verb}하기로 했다. 구호에 그치지 않도록 구체적인 실행 계획이 뒤따라야 한다.",
        "{topic|을} 둘러싼 논의가 본격화하고 있다. {residents|이} 체감할 수 있는 결과로 이어져야 한다.",
    ),
    "column": templates(
        "{season}의 {neighbourhood|을} 걸으며 {topic}의 의미를 생각해 본다.",
        "{topic|을} 둘러싼 논의를 지켜보며 {region}이 나아갈 길을 생각해 본다.",
    ),
}
OPINION_HEADLINES = {
    "editorial": templates("[사설] {topic}, {editorial_verdict}"),
    "column": templates(
        "{column_head} {season}, {neighbourhood|을} 걷다",
        "{column_head} {topic}에 거는 기대",
        "{column_head} {topic|을} 다시 생각한다",
        "{column_head} 작은 골목이 도시를 바꾼다",
    ),
}

INTERVIEW_BODY = templates(
    "처음 {interview_work|을} 시작한 지 {interview_years}년이 지났다. 그사이 단골도 생기고 함께 일하는 동료도 늘었다.",
    "{interviewee_short|은} {interview_quote} 말했다.",
    "그는 {interview_quote_and} 웃었다.",
    "그가 가장 공을 들이는 것은 {interview_focus}.",
    "{interviewee_short|은} {interview_quote} 털어놨다.",
    "올해 목표를 묻자 {interviewee_short|은} {interview_quote} 답했다.",
    "{place}에서 나고 자란 그는 {interview_years}년 전 고향으로 돌아왔다. 도시 생활을 정리하기까지 고민이 적지 않았다고 했다.",
    "주변의 도움도 컸다. {actor|이} 운영하는 {topic} 프로그램이 첫 디딤돌이 됐다.",
    "요즘은 {tech|을} 활용해 손님들과 소통하는 방법도 배우고 있다.",
    "{interviewee_short|은} 인터뷰 내내 {interview_work} 이야기를 할 때마다 눈을 반짝였다.",
    "하루 일과는 새벽 5시에 시작된다. 해가 뜨기 전에 그날 할 일을 정리하는 것이 오랜 습관이다.",
    "어려움이 없었던 것은 아니다. 처음 몇 해는 수입이 들쭉날쭉해 생활비를 걱정해야 했다.",
    "그는 지역 청년들을 위한 강의에도 꾸준히 나서고 있다.",
    "{interviewee_short|은} 지난해 {region} 지역 우수 사례로 뽑혀 표창을 받기도 했다.",
    "그에게 {place|은} 일터이자 삶의 터전이다.",
    "최근에는 {actor|과} 함께 지역 주민을 위한 재능기부 행사도 열었다.",
    "주말에도 쉬는 날이 거의 없지만 그는 지금이 가장 행복하다고 했다.",
    "그는 가장 기억에 남는 순간으로 처음 손님에게 감사 인사를 받았던 날을 꼽았다.",
    "{region} 지역에서 비슷한 일을 하는 사람들과의 모임도 꾸리고 있다.",
    "인터뷰를 마칠 무렵 그는 다시 일터로 발길을 옮겼다.",
)
INTERVIEW_QUOTES = templates(
    "처음에는 모든 게 낯설었지만 이웃들이 많이 도와줬다",
    "작은 성과라도 꾸준히 쌓는 게 중요하다고 생각한다",
    "{region}에서 오래 일하며 지역과 함께 크고 싶다",
    "가장 힘든 건 여전히 사람을 구하는 일이다",
    "후배들이 이 일을 이어 갈 수 있는 길을 만들고 싶다",
    "매일이 새로운 도전",
)
INTERVIEW_HEADLINES = templates(
    '[인터뷰] "{interview_headline_quote}"…{interview_job} {interviewee}',
    '[인터뷰] {interview_job} {interviewee} "{interview_headline_quote}"',
)
INTERVIEW_HEADLINE_QUOTES = (
    "이웃 덕분에 여기까지 왔어요",
    "작은 가게도 브랜드가 될 수 있죠",
    "지역과 함께 크고 싶어요",
    "매일이 새로운 도전입니다",
    "고향에서 답을 찾았어요",
)
INTERVIEW_SUBHEADINGS = templates(
    "{interview_work}, 어떻게 시작했나",
    '"{interview_headline_quote}"',
    "앞으로의 계획은",
)

PHOTO_BODY = templates(
    "낮 최고기온이 {temperature}도 안팎을 오르내린 이날 나들이에 나선 가족 단위 시민들이 눈에 띄었다.",
    "{actor|은} 이번 주말까지 주요 명소 주변에 안내 인력을 배치할 계획이다.",
    "가족과 함께 이곳을 찾은 {citizen|은} {visitor_quote} 말했다.",
    "이 일대에는 주말마다 {visitors|이} 찾는 것으로 집계됐다.",
    "{actor_short|은} 방문객 편의를 위해 임시 주차장 {place_count|을} 운영한다.",
    "{photo_spot|을} 찾은 {photo_people|은} 저마다 휴대전화를 꺼내 추억을 남겼다.",
    "이날 {place} 일대는 이른 아침부터 오가는 사람들로 붐볐다.",
    "인근 상인들도 모처럼 활기를 되찾았다며 반가워했다.",
    "{actor_short|은} 쓰레기 무단 투기를 막기 위해 주변 순찰도 강화하기로 했다.",
    "해 질 무렵까지 사진을 찍으려는 발길이 이어졌다.",
)
VISITOR_QUOTES = templates(
    "아이들이 정말 좋아해서 주말마다 나온다",
    "사진보다 직접 보는 게 훨씬 예쁘다",
    "가까운 곳에 이런 명소가 있어 참 좋다",
)
PHOTO_CAPTIONS = templates(
    "{day} {place}의 {photo_spot}에서 {photo_people|이} {photo_activity}.",
)
NEWS_CAPTIONS = templates(
    "{day} {venue}에서 열린 {ceremony}에서 {head|과} 참석자들이 기념촬영을 하고 있다.",
    "{neighbourhood} 일대 전경.",
    "{head|이} {day} {neighbourhood} 현장을 둘러보고 있다.",
)


POLICE_CLOSINGS = templates(
    "경찰은 A씨를 상대로 정확한 범행 동기와 여죄 등을 조사하고 있다.",
    "경찰은 A씨에 대해 구속영장을 신청할 방침이다.",
    "경찰은 공범이 더 있는지 수사를 확대하고 있다.",
)
COURT_CLOSINGS = templates(
    "B씨 측은 판결에 불복해 항소할 뜻을 밝힌 것으로 전해졌다.",
    "재판부는 B씨가 초범인 점 등을 양형에 반영했다고 설명했다.",
)
FIRE_CLOSINGS = templates(
    "소방 당국은 {fire_cause} 등을 토대로 정확한 화재 원인을 조사하고 있다.",
    "경찰은 소방 당국과 합동 감식을 벌일 예정이다.",
)
COUNCIL_CLOSINGS = templates(
    "집행부는 의회의 지적을 반영해 {upcoming}까지 보완책을 내놓기로 했다.",
    "{actor|은} 다음 회기에서 {bill|을} 심사할 예정이다.",
)
EVENT_CLOSINGS = templates(
    "자세한 내용은 {actor} 누리집이나 전화({phone})로 문의하면 된다.",
    "예매는 {upcoming} 오전 10시부터 {actor} 누리집에서 할 수 있다.",
    "입장권은 1인당 최대 4매까지 살 수 있다.",
)
PHOTO_CLOSINGS = templates(
    "이번 주가 절정이 될 것으로 보인다.",
    "{weather_office|은} 당분간 맑은 날씨가 이어지겠다고 내다봤다.",
    "주말에는 더 많은 인파가 몰릴 것으로 보여 교통 혼잡이 예상된다.",
)
MATCH_CLOSINGS = {
    "football": templates(
        "{team|은} {upcoming} {next_opponent|과} 원정 경기를 치른다.",
        "{team|은} 여름 이적시장에서 선수단 보강에 나설 계획이다.",
    ),
    "baseball": templates(
        "{team|은} {upcoming}부터 {next_opponent|과} 원정 3연전을 치른다.",
    ),
}


# --- The story being written ------------------------------------------------------


def _number_words(number, unit=""):
    """51927 as Korean newspapers write it: 5만 1927명, and 110000 as 11만 명."""
    if number < 10_000:
        return f"{number}{unit}"
    tens_of_thousands, rest = divmod(number, 10_000)
    if rest:
        return f"{tens_of_thousands}만 {rest}{unit}"
    return f"{tens_of_thousands}만 {unit}" if unit else f"{tens_of_thousands}만"


@lru_cache
def coprime_steps(size):
    """Steps that visit every position of a pool of this size before coming back: walking
    from any start by such a step is a permutation."""
    return tuple(step for step in range(1, size) if math.gcd(step, size) == 1) or (1,)


class Story:
    """What one article is about (its section, region, actor, topic, date), and fresh
    names and numbers for every slot that asks for one."""

    def __init__(self, rng, section, article_type, published_at):
        self.rng = rng
        self.section = section
        self.article_type = article_type
        self.published_at = published_at
        self.region = REGION_BY_SECTION.get(section) or rng.choice(REGION_DRAW)
        self.walks = {}  # pool: [next position, step], its order through the pool
        self.written = set()  # sentences already in the article
        region = self.region
        self.beat = self._beat()
        actor, topic = self._actor_and_topic()
        partner = rng.choice(NATIONAL_BODIES + region.bodies)
        if partner == actor:
            partner = NATIONAL_BODIES[-1]  # never an actor
        self.actor, self.topic, self.partner = actor, topic, partner
        head_name = self.person()
        year, day = published_at.year, published_at.day
        other = rng.choice(REGION_TOPICS)
        self.values = Slots(self)
        self.values |= {
            "region": region.name,
            "actor": actor.name,
            "actor_short": actor.short,
            "actor_headline": actor.headline,
            "head": f"{head_name} {actor.head}",
            "head_title": actor.head,
            "executive": f"{self.person()} {region.governments[0].head}",
            "residents": actor.residents,
            "budget": actor.budget,
            "partner": partner.name,
            "partner_headline": partner.headline,
            "partner_head": f"{self.person()} {partner.head}",
            "topic": topic.phrase,
            "verb": rng.choice(VERBS[topic.kind]),
            "headline_verb": rng.choice(HEADLINE_VERBS[topic.kind]),
            "other_topic": other.phrase if other != topic else "청년 월세 지원",
            "day": f"{day}일",
            "goal_year": f"{year + rng.randint(1, 5)}년",
            "recent_year": f"{year - 1}년",
            "place": rng.choice(region.neighbourhoods),
            "venue": rng.choice(region.venues),
            "police": region.police.name,
            "police_short": region.police.short,
            "fire": region.fire.name,
            "fire_short": region.fire.short,
            "court": region.court,
            "phone": f"{region.phone_prefix}-{rng.randint(200, 899)}-{rng.randint(1000, 9999)}",
            "season": SEASONS[(published_at.month % 12) // 3],
            "weather_office": "청주기상지청" if region is CHUNGBUK else "대전지방기상청",
        }
        if self.beat == "sports":
            self._sports_values()
        elif self.beat == "interview":
            self.interview = rng.choice(INTERVIEW_JOBS)
        elif self.beat == "photo":
            season = self.values["season"]
            self.scene = rng.choice([scene for scene in PHOTO_SCENES if season in scene.seasons])
            self.values["photo_headline"] = self.scene.headline

    def _beat(self):
        rng, kind = self.rng, self.article_type
        if kind in ("editorial", "column", "interview", "photo"):
            return kind
        if self.section == "sports":
            return "sports" if rng.random() < 0.75 else "event"
        if self.section == "culture":
            return "event"
        if self.section == "politics":
            return "council"
        if self.section == "society":
            return "incident" if rng.random() < 0.45 else "admin"
        if self.section.startswith("region/"):
            draw = rng.random()
            return "incident" if draw < 0.1 else "event" if draw < 0.2 else "admin"
        return "admin"

    def _actor_and_topic(self):
        rng, region, section = self.rng, self.region, self.section
        governments = region.governments
        if self.beat == "incident":
            self.incident = rng.choice(("police", "police", "court", "fire"))
            actor = region.fire if self.incident == "fire" else region.police
            return actor, rng.choice(SAFETY_TOPICS)
        if self.beat in ("interview", "photo"):
            return rng.choice(governments), rng.choice(LOCAL_POLICIES)
        if self.beat == "council":
            return region.council, rng.choice(BILLS)
        if section == "culture" or (self.beat == "event" and section != "sports"):
            if section == "culture" or rng.random() < 0.5:
                return rng.choice(region.culture), rng.choice(CULTURE_TOPICS)
            return rng.choice(governments), rng.choice(region.festivals)
        if section == "sports":
            return rng.choice(region.sports_bodies + governments[:1]), rng.choice(SPORTS_TOPICS)
        if section == "economy":
            actor = rng.choice(region.economy + governments[:1] + NATIONAL_BODIES[:4])
            return actor, rng.choice(ECONOMY_TOPICS)
        if section == "society":
            draw = rng.random()
            if draw < 0.35:
                return region.education, rng.choice(EDUCATION_TOPICS)
            if draw < 0.6:
                return rng.choice((region.police, region.fire)), rng.choice(SAFETY_TOPICS)
            if draw < 0.75:
                return rng.choice(region.hospitals + governments[:1]), rng.choice(HEALTH_TOPICS)
        actor = rng.choice(governments + governments[:1] + region.bodies)
        topic = rng.choice(region.topics + REGION_TOPICS + ECONOMY_TOPICS[:6])
        return actor, topic

    def _sports_values(self):
        rng = self.rng
        teams = [team for team in TEAMS if team.region is self.region] or list(TEAMS)
        team = rng.choice(teams)
        sport = team.sport
        outcomes = ("win", "win", "loss", "draw") if sport == "football" else ("win", "loss")
        outcome = rng.choice(outcomes)
        goals = rng.randint(0, 3) if sport == "football" else rng.randint(1, 9)
        if outcome == "win":
            score = (goals + rng.randint(1, 3), goals)
        elif outcome == "loss":
            score = (goals, goals + rng.randint(1, 3))
        else:
            score = (goals, goals)
        self.team, self.outcome = team, outcome
        self.values |= {
            "team": team.name,
            "stadium": team.stadium,
            "league": team.league,
            "opponent": rng.choice(OPPONENTS[sport]),
            "score": f"{score[0]}-{score[1]}",
            "coach": f"{self.person()} 감독",
            "round": str(rng.randint(1, 38)),
            "streak": str(rng.randint(2, 6)),
            "rank": str(rng.randint(1, 6)),
        }

    # slots

    def slot(self, name):
        return self.values[name]

    def person(self):
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_NAMES)

    def money(self):
        rng = self.rng
        hundreds_of_millions = rng.choice(
            (rng.randint(2, 99), rng.randint(1, 99) * 10, rng.randint(1, 60) * 100)
        )
        if rng.random() < 0.03:
            return f"{rng.randint(1, 3)}조 {rng.randint(1, 9) * 1000}억 원"
        return f"{hundreds_of_millions}억 원"

    def small_money(self):
        rng = self.rng
        return f"{_number_words(rng.randint(3, 900) * 10)}만 원"

    def upcoming(self):
        rng, day = self.rng, self.published_at.day
        if day < 27:
            return f"오는 {rng.randint(day + 1, min(day + 14, 28))}일"
        return f"다음 달 {rng.randint(1, 20)}일"

    def recent(self):
        rng, day = self.rng, self.published_at.day
        if day > 2:
            return f"지난 {rng.randint(max(1, day - 14), day - 1)}일"
        return f"지난달 {rng.randint(10, 28)}일"

    def quoted(self, pool, particle="라고"):
        """A quotation with its quotative ending: "…하겠다"고 and "…해 달라"고 after a verb,
        "…할 때"라고 after a noun. No quotation comes twice before its pool is used up."""
        text = self.sentence(pool)
        if text.endswith(("다", "달라")):
            return f'"{text}"' + ("며" if particle == "라며" else "고")
        return josa(f'"{text}"', particle)

    def statistic(self):
        rng = self.rng
        metric, unit, (low, high) = rng.choice(METRICS)
        change = f"{rng.randint(0, 9)}.{rng.randint(1, 9)}"
        if unit == "rate":
            value = f"{rng.randint(low, high)}.{rng.randint(0, 9)}%"
            trend = rng.choice(("높아졌다", "낮아졌다"))
            return f"{josa(metric, '은')} {josa(value, '로')} 전년보다 {change}%포인트 {trend}"
        if unit == "people":
            value = _number_words(rng.randint(low, high) // 10 * 10, "명")
        else:
            value = f"{rng.randint(low, high)}억 달러"
        trend = rng.choice(("늘었다", "줄었다"))
        return f"{josa(metric, '은')} {josa(value, '로')} 전년보다 {change}% {trend}"

    def sentence(self, pool, record=True):
        """A sentence from one of the pool's templates. Recorded sentences walk the pool in a
        random order of their own, so no template comes back before the others have been
        used, and a sentence already written is skipped."""
        rng, values = self.rng, self.values
        if not record:
            return rng.choice(pool).format_map(values)
        walk = self.walks.get(pool)
        if walk is None:
            size = len(pool)
            walk = self.walks[pool] = [int(rng.random() * size), rng.choice(coprime_steps(size))]
        for _ in pool:
            text = pool[walk[0]].format_map(values)
            walk[0] = (walk[0] + walk[1]) % len(pool)
            if text not in self.written:
                break
        self.written.add(text)
        return text


# Slots that are one word drawn from a list, each time a sentence asks for one.
WORD_SLOTS = {
    "facility": FACILITIES,
    "target": TARGETS,
    "tech": TECHNOLOGIES,
    "service": SERVICES,
    "obstacle": OBSTACLES,
    "complaint": COMPLAINTS,
    "role": ROLES,
    "step": STEPS,
    "ceremony": CEREMONIES,
    "economy_area": ECONOMY_AREAS,
    "station": STATIONS,
    "agency": AGENCIES,
    "crime_spot": CRIME_SPOTS,
    "fire_cause": FIRE_CAUSES,
    "ensemble": ENSEMBLES,
    "side_event": SIDE_EVENTS,
    "base_hit": BASE_HITS,
    "editorial_verdict": EDITORIAL_VERDICTS,
    "column_head": COLUMN_HEADS,
    "column_spot": COLUMN_SPOTS,
    "column_person": COLUMN_PEOPLE,
}
SLOT_MAKERS = {
    "money": Story.money,
    "small_money": Story.small_money,
    "upcoming": Story.upcoming,
    "recent": Story.recent,
    "statistic": Story.statistic,
    "small_number": lambda s: str(s.rng.randint(2, 30)),
    "jobs": lambda s: str(s.rng.randint(3, 90) * 10),
    "place_count": lambda s: f"{s.rng.randint(2, 60)}곳",
    "attendees": lambda s: f"{s.rng.randint(3, 60) * 10}여 명",
    "visitors": lambda s: _number_words(s.rng.randint(2, 190) * 1000, "명"),
    "crowd": lambda s: _number_words(s.rng.randint(3000, 21000), "명"),
    "percent": lambda s: f"{s.rng.randint(1, 40)}.{s.rng.randint(1, 9)}%",
    "neighbourhood": lambda s: s.rng.choice(s.region.neighbourhoods),
    "speech": lambda s: s.rng.choice(("말했다.", "밝혔다.", "강조했다.", "설명했다.", "덧붙였다.")),
    "citizen": lambda s: (
        f"{s.rng.choice(s.region.neighbourhoods)} 주민 "
        f"{s.rng.choice(SURNAMES)}모({s.rng.randint(24, 79)})씨"
    ),
    "expert": lambda s: (
        f"{s.rng.choice(EXPERT_SCHOOLS)} {s.rng.choice(EXPERT_FIELDS)} {s.person()} 교수"
    ),
    "official_quote": lambda s: s.quoted(OFFICIAL_QUOTES),
    "official_quote_and": lambda s: s.quoted(OFFICIAL_QUOTES, "라며"),
    "citizen_quote": lambda s: s.quoted(CITIZEN_QUOTES),
    "visitor_quote": lambda s: s.quoted(VISITOR_QUOTES),
    "expert_quote": lambda s: s.quoted(EXPERT_QUOTES),
    "council_quote": lambda s: s.quoted(COUNCIL_QUOTES),
    "police_quote": lambda s: s.quoted(POLICE_QUOTES),
    "neighbour_quote": lambda s: s.quoted(NEIGHBOUR_QUOTES),
    "expert_safety_quote": lambda s: s.quoted(SAFETY_EXPERT_QUOTES),
    "court_quote": lambda s: s.quoted(COURT_QUOTES),
    "fire_quote": lambda s: s.quoted(FIRE_QUOTES),
    "culture_quote": lambda s: s.quoted(CULTURE_QUOTES),
    "sports_quote": lambda s: s.quoted(SPORTS_QUOTES),
    "column_quote": lambda s: s.quoted(COLUMN_QUOTES),
    "interview_quote": lambda s: s.quoted(INTERVIEW_QUOTES),
    "interview_quote_and": lambda s: s.quoted(INTERVIEW_QUOTES, "라며"),
    "session": lambda s: str(s.rng.randint(250, 330)),
    "committee": lambda s: s.rng.choice(
        ("행정자치위원회", "산업건설위원회", "교육위원회", "복지환경위원회", "예산결산특별위원회")
    ),
    "member": lambda s: f"{s.person()} 의원",
    "bill": lambda s: s.rng.choice(BILLS).phrase,
    "cases": lambda s: f"{s.rng.randint(2, 40)}건",
    "victims": lambda s: f"{s.rng.randint(2, 40)}명",
    "hour": lambda s: str(s.rng.randint(1, 11)),
    "minute": lambda s: str(s.rng.randint(1, 59)),
    "area": lambda s: f"{s.rng.randint(10, 300)}㎡",
    "side_events": lambda s: _pair(s.rng.sample(SIDE_EVENTS, 2)),
    "edition": lambda s: str(s.rng.randint(2, 40)),
    "player": lambda s: s.person(),
    "innings": lambda s: str(s.rng.randint(5, 8)),
    "runs": lambda s: f"{s.rng.randint(0, 3)}실점",
    "hits": lambda s: str(s.rng.randint(2, 4)),
    "rbi": lambda s: str(s.rng.randint(1, 5)),
    "inning": lambda s: str(s.rng.randint(1, 9)),
    "milestone": lambda s: josa(
        s.rng.choice(("시금석", "시험대", "과제", "숙제", "출발점")), "이다"
    ),
    "interviewee_short": lambda s: f"{s.slot('interviewee')[0]} 씨",
    "interview_job": lambda s: s.interview[0],
    "interview_work": lambda s: s.interview[1],
    "interview_focus": lambda s: josa(s.rng.choice(INTERVIEW_FOCUS), "이다"),
    "photo_spot": lambda s: s.scene.spot,
    "photo_people": lambda s: s.scene.people,
    "photo_activity": lambda s: s.scene.activity,
    "temperature": lambda s: str(s.rng.randint(*SEASON_HIGHS[s.values["season"]])),
    "service_hours": lambda s: str(s.rng.randint(4, 20) * 10),
    "first_half_minute": lambda s: str(s.rng.randint(3, 45)),
    "second_half_minute": lambda s: str(s.rng.randint(46, 88)),
    "shots": lambda s: str(s.rng.randint(6, 22)),
    "steals": lambda s: str(s.rng.randint(1, 4)),
    "strikeouts": lambda s: str(s.rng.randint(2, 11)),
    "team_hits": lambda s: str(s.rng.randint(8, 17)),
    "formation": lambda s: s.rng.choice(("4-4-2", "3-5-2", "4-3-3", "4-2-3-1")),
    "next_opponent": lambda s: s.rng.choice(OPPONENTS[s.team.sport]),
}

# Slots drawn the first time a story asks for them and the same in every later sentence: an
# article has one crime, one sentence handed down, one interviewee, one opening day.
KEPT_SLOTS = {
    "crime": lambda s: s.rng.choice(CRIMES),
    "arrest": lambda s: s.rng.choice(ARRESTS),
    "age": lambda s: str(s.rng.randint(2, 7) * 10),
    "sentence": lambda s: s.rng.choice(SENTENCES_HANDED_DOWN),
    "chamber": lambda s: str(s.rng.randint(1, 12)),
    "judge": lambda s: s.person(),
    "building": lambda s: s.rng.choice(BUILDINGS),
    "days": lambda s: str(s.rng.randint(2, 10)),
    "opening_day": lambda s: s.upcoming(),
    "theme": lambda s: f"'{s.rng.choice(THEMES)}'",
    "fee": lambda s: s.rng.choice(FEES),
    "interviewee": lambda s: f"{s.person()} 씨",
    "interview_headline_quote": lambda s: s.rng.choice(INTERVIEW_HEADLINE_QUOTES),
    "interview_years": lambda s: str(s.rng.randint(3, 25)),
}


def _kept(name, make):
    def make_and_keep(story):
        value = story.values[name] = make(story)
        return value

    return make_and_keep


SLOT_MAKERS |= {name: _kept(name, make) for name, make in KEPT_SLOTS.items()}


def _pair(nouns):
    """Two nouns joined by 과/와: 전통 공예 체험과 과학 놀이 마당."""
    return f"{josa(nouns[0], '과')} {nouns[1]}"


# --- Articles ---------------------------------------------------------------------


class NewsroomRandom(random.Random):
    """random.Random whose choice and randint take one random() draw each. The stdlib's
    unbiased versions cost several times more, and synthetic text needs speed, not a
    perfectly even draw."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


class Beat(NamedTuple):
    """The sentence pools one kind of story is written from."""

    openings: tuple
    details: tuple
    closings: tuple
    headlines: tuple
    subtitles: tuple = ()
    subheadings: tuple = ()
    quotes: tuple = ()
    attribution: str = "head"  # the slot that names who said the quote block
    captions: tuple = NEWS_CAPTIONS
    paragraphs: tuple = (5, 12)
    sentences: tuple = (2, 3, 3)  # sentences per paragraph, drawn from these


COUNCIL_SUBTITLES = templates(
    "{member} 대표 발의…{upcoming} 본회의 표결",
    "안건 {small_number}건 처리…{committee} 심사 거쳐",
)
COUNCIL_SUBHEADINGS = templates("{committee} 심사 거쳐", '"{topic} 더는 미룰 수 없어"')
EVENT_SUBTITLES = templates(
    "{venue}서 {days}일간…{side_events} 등 풍성",
    "관람료 {fee}…초등학생 이하 무료",
)
EVENT_CAPTIONS = templates(
    "지난해 {venue}에서 열린 {topic}에서 관람객들이 공연을 즐기고 있다.",
    "{ensemble} 단원들이 {venue}에서 공연하고 있다.",
)
INCIDENT_EXTRA = templates(
    "{citizen|은} {neighbour_quote} 말했다.",
    "{expert|은} {expert_safety_quote} 말했다.",
    "{police|은} 비슷한 사건이 잇따르자 {neighbourhood} 일대 순찰을 강화하기로 했다.",
    "{agency}에 따르면 지난해 {region} 지역 {statistic}.",
)
SPORTS_CAPTIONS = templates(
    "{day} {stadium}에서 열린 경기에서 {team} 선수들이 득점한 뒤 기뻐하고 있다.",
)
COLUMN_CLOSINGS = templates(
    "{topic|이} 잠시 스쳐 가는 구호가 아니라 {region}의 내일을 여는 시작이었으면 한다.",
    "오늘도 {region}의 골목 어딘가에서 작은 변화가 시작되고 있을 것이다.",
)
INTERVIEW_OPENINGS = templates(
    "{interviewee|은} {place}에서 {interview_years}년째 {interview_work|을} 이어 오고 있다.",
)
INTERVIEW_LEADS = templates(
    "{region} {place}에서 {interview_work|을} 이어 가고 있는 {interview_job} {interviewee|을} 만나 이야기를 들었다.",
)
INTERVIEW_CLOSINGS = templates("{interviewee_short|은} {interview_quote_and} 웃었다.")
PHOTO_HEADLINES = templates(
    "[포토] {neighbourhood} {photo_spot}…{photo_headline}",
    "[포토] {season} 맞은 {region}…{photo_headline}",
)

BEATS = {
    "admin": Beat(
        ADMIN_OPENINGS,
        ADMIN_DETAILS,
        ADMIN_CLOSINGS,
        ADMIN_HEADLINES,
        ADMIN_SUBTITLES,
        ADMIN_SUBHEADINGS,
        OFFICIAL_QUOTES,
        paragraphs=(5, 12),
        sentences=(2, 3, 3, 3, 4),
    ),
    "council": Beat(
        COUNCIL_OPENINGS,
        COUNCIL_DETAILS,
        COUNCIL_CLOSINGS,
        COUNCIL_HEADLINES,
        COUNCIL_SUBTITLES,
        COUNCIL_SUBHEADINGS,
        COUNCIL_QUOTES,
        paragraphs=(6, 11),
        sentences=(2, 3, 3),
    ),
    "police": Beat(
        INCIDENT_POLICE[:1],
        INCIDENT_POLICE[1:] + INCIDENT_EXTRA,
        POLICE_CLOSINGS,
        INCIDENT_HEADLINES["police"],
        paragraphs=(6, 9),
        sentences=(2, 2, 3),
    ),
    "court": Beat(
        INCIDENT_COURT[:1],
        INCIDENT_COURT[1:] + INCIDENT_EXTRA[:2],
        COURT_CLOSINGS,
        INCIDENT_HEADLINES["court"],
        paragraphs=(5, 7),
        sentences=(2, 2, 3),
    ),
    "fire": Beat(
        INCIDENT_FIRE[:1],
        INCIDENT_FIRE[1:] + INCIDENT_EXTRA[:2],
        FIRE_CLOSINGS,
        INCIDENT_HEADLINES["fire"],
        paragraphs=(5, 7),
        sentences=(2, 2, 3),
    ),
    "event": Beat(
        EVENT_OPENINGS,
        EVENT_DETAILS,
        EVENT_CLOSINGS,
        EVENT_HEADLINES,
        EVENT_SUBTITLES,
        EVENT_SUBHEADINGS,
        CULTURE_QUOTES,
        captions=EVENT_CAPTIONS,
        paragraphs=(7, 12),
        sentences=(2, 3, 3, 3),
    ),
    # a match report's pools depend on the sport and the result (see _paragraphs)
    "sports": Beat(
        (),
        (),
        (),
        (),
        quotes=SPORTS_QUOTES,
        attribution="coach",
        captions=SPORTS_CAPTIONS,
        paragraphs=(6, 10),
        sentences=(2, 2, 3),
    ),
    "editorial": Beat(
        EDITORIAL_OPENINGS,
        EDITORIAL_BODY,
        EDITORIAL_CLOSINGS,
        OPINION_HEADLINES["editorial"],
        paragraphs=(7, 11),
        sentences=(2, 3, 3),
    ),
    "column": Beat(
        COLUMN_BODY[:2],
        COLUMN_BODY[2:] + EDITORIAL_BODY[:10],
        COLUMN_CLOSINGS,
        OPINION_HEADLINES["column"],
        paragraphs=(7, 11),
        sentences=(2, 3, 3),
    ),
    "interview": Beat(
        INTERVIEW_OPENINGS,
        INTERVIEW_BODY,
        INTERVIEW_CLOSINGS,
        INTERVIEW_HEADLINES,
        subheadings=INTERVIEW_SUBHEADINGS,
        quotes=INTERVIEW_QUOTES,
        attribution="interviewee",
        paragraphs=(6, 10),
        sentences=(2, 3, 3),
    ),
    "photo": Beat(
        PHOTO_CAPTIONS,
        PHOTO_BODY,
        PHOTO_CLOSINGS,
        PHOTO_HEADLINES,
        captions=PHOTO_CAPTIONS,
        paragraphs=(5, 7),
        sentences=(1, 2),
    ),
}
ADMIN_PROJECT_SUBTITLES = ADMIN_SUBTITLES + PROJECT_SUBTITLES
PHOTO_SECTIONS = frozenset(
    ("region/daejeon", "region/sejong", "region/chungnam", "region/chungbuk", "society", "culture")
)
IMAGE_SHARE = 0.25  # photo articles always have one, so about three in ten in all


def _article_type(rng, section):
    if section == "opinion/editorial":
        return "editorial"
    if section == "opinion/column":
        return "column"
    draw = rng.random()
    if draw < 0.07 and section in PHOTO_SECTIONS:
        return "photo"
    if draw > 0.95:
        return "interview"
    return "news"


def _published_at(rng, index, count, article_type):
    """Spread over the archive's ten years in id order, at the hours a newsroom publishes."""
    span_days = (ARCHIVE_END - ARCHIVE_START).days
    day = int(span_days * (index + rng.random()) / count)
    opinion = article_type in ("editorial", "column")
    hour = rng.choice((17, 18)) if opinion else rng.choice(NEWS_HOURS)
    return ARCHIVE_START + timedelta(days=day, hours=hour, minutes=rng.randint(0, 59))


def _reporters(rng, section, article_type):
    if article_type == "editorial":
        return []  # the paper's own voice, unsigned
    desk = COLUMNISTS if article_type == "column" else REPORTERS.get(section, REPORTERS["society"])
    names = [rng.choice(desk)]
    if article_type == "news" and rng.random() < 0.2:
        colleague = rng.choice(desk)
        if colleague != names[0]:
            names.append(colleague)
    return [{"name": name, "email": f"{handle}@{REPORTER_DOMAIN}"} for name, handle in names]


def _headline(story, beat):
    if story.beat == "sports":
        pool = MATCH_HEADLINES[story.outcome]
    elif story.beat == "admin" and story.topic.kind == "project":
        pool = ADMIN_HEADLINES + PROJECT_HEADLINES
    else:
        pool = beat.headlines
    for _ in range(12):
        title = story.sentence(pool, record=False)
        if 15 <= len(title) <= 45:
            return title
    return f"{story.region.name} {story.topic.phrase}, {story.actor.headline} 나서"[:45]


def _subtitle(story, beat, rng):
    pool = beat.subtitles
    if story.beat == "admin" and story.topic.kind == "project":
        pool = ADMIN_PROJECT_SUBTITLES
    if not pool or rng.random() >= 0.35:
        return ""
    return "\n".join(story.sentence(pool) for _ in range(rng.randint(1, 2)))


def _tags(story, rng):
    kind = story.article_type
    tags = {"editorial": ["사설"], "column": ["칼럼"], "photo": ["포토"], "interview": ["인터뷰"]}
    candidates = tags.get(kind, [])
    if story.beat == "sports":
        candidates.append(story.team.name)
    elif story.beat == "incident":
        candidates.append(story.slot("crime").replace(" ", ""))
    elif story.beat == "photo":
        candidates.append(story.scene.tag)
    else:
        candidates.append(story.topic.tag)
    candidates += [story.actor.headline.replace(" ", ""), story.region.name]
    unique = []
    for tag in candidates:
        if tag not in unique:
            unique.append(tag)
    return unique[: rng.randint(1, 4)]


def _paragraphs(story, beat, rng):
    if story.beat == "sports":
        sport = story.team.sport
        openings = MATCH_OPENINGS[(sport, story.outcome)]
        details = (MATCH_WIN_DETAILS if story.outcome == "win" else MATCH_DETAILS)[sport]
        closings = MATCH_CLOSINGS[sport]
    else:
        openings, details, closings = beat.openings, beat.details, beat.closings
    sizes = [rng.choice(beat.sentences) for _ in range(rng.randint(*beat.paragraphs) - 2)]
    # A story says each thing once: shorten its longest paragraphs until its details suffice.
    while sum(sizes) > len(details) - 3 and max(sizes) > 1:
        sizes[sizes.index(max(sizes))] -= 1
    paragraphs = [
        " ".join((story.sentence(openings), *(story.sentence(details) for _ in range(2))))
    ]
    for size in sizes:
        paragraphs.append(" ".join(story.sentence(details) for _ in range(size)))
    paragraphs.append(f"{story.sentence(details)} {story.sentence(closings)}")
    return paragraphs


def _lead(story, beat, rng):
    if story.article_type in OPINION_LEADS:
        return story.sentence(OPINION_LEADS[story.article_type], record=False)
    if story.article_type == "interview":
        return story.sentence(INTERVIEW_LEADS, record=False)
    if story.beat == "sports":
        return story.sentence(MATCH_OPENINGS[(story.team.sport, story.outcome)], record=False)
    lead = story.sentence(beat.openings, record=False)
    if story.beat in ("admin", "event", "council") and rng.random() < 0.5:
        lead += " " + story.sentence(beat.details[:3], record=False)
    return lead


def _body(story, beat, rng, paragraphs):
    body = [{"type": "paragraph", "text": text} for text in paragraphs]
    wants_subheading = story.article_type == "interview" or rng.random() < 0.35
    if beat.subheadings and wants_subheading:
        heading = story.sentence(beat.subheadings, record=False)
        body.insert(rng.randint(2, len(body) - 2), {"type": "subheading", "text": heading})
    if beat.quotes and rng.random() < 0.3:
        quote = {
            "type": "quote",
            "text": story.sentence(beat.quotes),
            "attribution": story.slot(beat.attribution),
        }
        body.insert(len(body) - rng.randint(1, 2), quote)
    return body


def _article(rng, index, count, seed, images_dir):
    article_id = str(FIRST_ARTICLE_ID + index)
    section = rng.choice(SECTION_DRAW)
    article_type = _article_type(rng, section)
    published_at = _published_at(rng, index, count, article_type)
    story = Story(rng, section, article_type, published_at)
    beat = BEATS[story.incident if story.beat == "incident" else story.beat]

    reporters = _reporters(rng, section, article_type)
    title = _headline(story, beat)
    subtitle = _subtitle(story, beat, rng)
    lead = _lead(story, beat, rng)
    body = _body(story, beat, rng, _paragraphs(story, beat, rng))

    # The photo is decided and captioned whether or not images are written, so that the
    # text of every article is the same with and without them.
    if rng.random() < (1.0 if article_type == "photo" else IMAGE_SHARE):
        caption = story.sentence(beat.captions, record=False)
        by_reporter = article_type == "photo" or rng.random() < 0.4
        if by_reporter and reporters:
            credit = f"{reporters[0]['name']} 기자"
        else:
            credit = f"{story.actor.name} 제공"
        position = 0 if article_type == "photo" or rng.random() < 0.7 else 1
        if images_dir is not None:
            paint_photo(images_dir / f"{article_id}.jpg", NewsroomRandom(f"{seed}:{article_id}"))
            image = {
                "type": "image",
                "src": f"images/{article_id}.jpg",
                "caption": caption,
                "credit": credit,
            }
            body.insert(position, image)

    article = {"id": article_id, "section": section, "title": title}
    if subtitle:
        article["subtitle"] = subtitle
    article["lead"] = lead
    opinion = article_type in ("editorial", "column")
    article["dateline"] = "" if opinion else story.actor.dateline or story.region.datelines[0]
    article["reporters"] = reporters
    article["published_at"] = published_at.isoformat()
    if rng.random() < 0.25:
        updated_at = published_at + timedelta(minutes=rng.randint(20, 360))
        updated_at = min(updated_at, ARCHIVE_END - timedelta(minutes=1))
        article["updated_at"] = updated_at.isoformat()
    article["type"] = article_type
    article["tags"] = _tags(story, rng)
    article["body"] = body
    article["status"] = "live"
    return article


def generate(n, seed, images_dir=None):
    """Yield n synthetic articles in the import schema, the same ones for the same (n, seed).

    With images_dir, about three in ten articles get a photo block whose JPEG is written
    there as <id>.jpg (the block's src is images/<id>.jpg, relative to the JSON Lines file).
    """
    rng = NewsroomRandom(seed)
    if images_dir is not None:
        images_dir = Path(images_dir)
        images_dir.mkdir(parents=True, exist_ok=True)
    for index in range(n):
        yield _article(rng, index, n, seed, images_dir)


# --- Photos -----------------------------------------------------------------------


def paint_photo(path, rng):
    """A small landscape JPEG without text: sky, hills, and a town, a field or a park."""
    width, height = PHOTO_SIZE
    horizon = rng.randint(150, 250)
    sky_top = (rng.randint(40, 130), rng.randint(110, 180), rng.randint(180, 245))
    sky_bottom = tuple(min(255, channel + 60) for channel in sky_top)
    image = Image.new("RGB", PHOTO_SIZE, sky_bottom)
    draw = ImageDraw.Draw(image)
    for y in range(0, horizon, 10):
        share = y / horizon
        color = tuple(int(a + (b - a) * share) for a, b in zip(sky_top, sky_bottom, strict=True))
        draw.rectangle((0, y, width, y + 10), fill=color)
    ridge = [(x, horizon - rng.randint(20, 110)) for x in range(0, width + 160, 160)]
    hill = (rng.randint(40, 90), rng.randint(90, 140), rng.randint(50, 90))
    draw.polygon([(0, height), *ridge, (width, height)], fill=hill)
    ground = (rng.randint(70, 130), rng.randint(110, 160), rng.randint(50, 90))
    draw.rectangle((0, horizon, width, height), fill=ground)
    scene = rng.choice(("town", "field", "park"))
    if scene == "town":
        x = 0
        while x < width:
            block_width = rng.randint(40, 90)
            top = horizon - rng.randint(30, 140)
            shade = rng.randint(150, 220)
            draw.rectangle(
                (x, top, x + block_width - 6, horizon + 20), fill=(shade, shade, shade - 10)
            )
            x += block_width
    elif scene == "field":
        for row in range(horizon + 12, height, 24):
            draw.line(
                (0, row, width, row + rng.randint(-8, 8)),
                fill=(ground[0] - 30, ground[1] - 20, 40),
                width=6,
            )
    else:
        for _ in range(rng.randint(5, 9)):
            x, size = rng.randint(0, width), rng.randint(30, 70)
            y = horizon + rng.randint(-10, 60)
            draw.rectangle((x - 4, y, x + 4, y + size), fill=(90, 60, 40))
            crown = (rng.randint(30, 80), rng.randint(110, 170), rng.randint(40, 80))
            draw.ellipse((x - size // 2, y - size, x + size // 2, y + 10), fill=crown)
    image.save(path, "JPEG", quality=60)


# --- Vocabulary, for checks ------------------------------------------------------


def _vocabulary():
    institutions = list(NATIONAL_BODIES)
    topics = list(REGION_TOPICS + ECONOMY_TOPICS + EDUCATION_TOPICS + SAFETY_TOPICS)
    topics += HEALTH_TOPICS + BILLS + CULTURE_TOPICS + SPORTS_TOPICS
    places = []
    for region in REGIONS:
        institutions += region.governments + region.bodies + region.economy + region.culture
        institutions += region.sports_bodies + region.hospitals
        institutions += (region.council, region.education, region.police, region.fire)
        topics += region.topics + region.festivals
        places += region.neighbourhoods + region.venues + region.datelines
        places += (region.name, region.court)
    words = [institution.name for institution in institutions]
    words += [institution.short for institution in institutions]
    words += [institution.head for institution in institutions]
    words += [institution.residents for institution in institutions]
    words += [topic.phrase for topic in topics] + places
    words += [team.name for team in TEAMS] + [
        name for names in OPPONENTS.values() for name in names
    ]
    words += FACILITIES + TARGETS + TECHNOLOGIES + ROLES + STEPS + ENSEMBLES + SIDE_EVENTS
    words += COLUMN_SPOTS + COLUMN_PEOPLE + BASE_HITS + SENTENCES_HANDED_DOWN
    words += [metric for metric, _, _ in METRICS] + [work for _, work in INTERVIEW_JOBS]
    words += [scene[1] for scene in PHOTO_SCENES]
    words += [surname + given for surname in SURNAMES for given in GIVEN_NAMES]
    words += ["감독", "의원", "교수", "씨", "원", "명", "곳", "건", "실점"]
    return frozenset(words)


NOUNS = _vocabulary()
"""Every noun the generator attaches a particle to (names, places, topics, units)."""
