"""The Korean analyser: stems without particles and endings, bigram terms, safe queries."""

import pytest

from search.analysis import (
    LONGEST_TERM,
    KoreanAnalyzer,
    QueryBuilder,
    stem_index_terms,
    stem_tsquery,
    tsvector,
)

analyzer = KoreanAnalyzer()


def stems(text, words=analyzer):
    return [word.stem for word in words.words(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("대전시는", ["대전시"]),
        ("세종시는 28일", ["세종시", "28일"]),
        ("국가산단을 조성한다고 밝혔다.", ["국가산단", "조성", "밝히"]),
        ("조성했다", ["조성"]),
        ("협약을 맺었다", ["협약", "맺"]),
        ("한남대와 충남대", ["한남대", "충남대"]),
        ("K-배터리", ["k", "배터리"]),
        ("ＡＩ와 AI", ["ai", "ai"]),
        ("코로나19 이후", ["코로나19", "이후"]),
    ],
)
def test_particles_and_endings_are_stripped(text, expected):
    assert stems(text) == expected


def test_words_point_back_at_the_original_text():
    text = "유성구의 관광객이 ＡＩ 안내를"
    assert [text[w.start : w.end] for w in analyzer.words(text)] == [
        "유성구",
        "관광객",
        "ＡＩ",
        "안내",
    ]


def test_terms_are_bigrams_of_hangul_and_whole_runs_of_latin_and_digits():
    assert analyzer.terms("정부세종청사") == ["정부", "부세", "세종", "종청", "청사"]
    assert analyzer.terms("코로나19") == ["코로", "로나", "19"]
    assert analyzer.terms("5g") == ["5g"]
    assert analyzer.terms("맺") == ["맺"]


def test_user_words_are_kept_whole_whatever_mecab_makes_of_them():
    assert stems("한밭대·목원대") != ["한밭대", "목원대"]  # mecab reads 한/MM 밭/VA 대/EF
    with_words = KoreanAnalyzer(user_words=["한밭대"])
    assert stems("한밭대·목원대", with_words) == ["한밭대", "목원대"]
    assert stems("한밭대는 한밭대학교를", with_words) == ["한밭대", "한밭대학교"]


def test_runs_are_indexed_by_their_longer_parts_at_their_first_bigram():
    assert stem_index_terms("대전산단") == (
        ("대전", 0),
        ("전산", 1),
        ("산단", 2),
        ("대전산", 0),
        ("전산단", 1),
        ("대전산단", 0),
    )
    assert stem_index_terms("코로나19") == (
        ("코로", 0),
        ("로나", 1),
        ("코로나", 0),
        ("19", 2),
    )
    assert max(len(term) for term, _ in stem_index_terms("가나다라마바사아자차")) == LONGEST_TERM


def test_a_query_word_is_one_lexeme_the_gin_index_answers_without_a_recheck():
    builder = QueryBuilder(analyzer)
    assert builder.tsquery("세종시는") == "'세종시'"
    assert builder.tsquery("충남대 연구") == "'충남대' & '연구'"
    assert builder.tsquery("세종청", prefix=True) == "'세종청':*"


def test_runs_of_a_word_keep_their_distance_and_long_words_are_phrases_of_parts():
    builder = QueryBuilder(analyzer)
    assert builder.tsquery("코로나19") == "('코로나' <2> '19')"
    long_word = "가나다라마바사아자"  # nine syllables, LONGEST_TERM is eight
    assert stem_tsquery(long_word) == "('가나다라마바사아' <-> '나다라마바사아자')"
    assert stem_tsquery(long_word + "1") == "('가나다라마바사아' <-> '나다라마바사아자' <7> '1')"


def test_synonyms_widen_a_query_word():
    builder = QueryBuilder(analyzer, {"산단": [["산업단지"]]})
    assert builder.tsquery("산단") == "(('산단') | ('산업단지'))"


@pytest.mark.parametrize(
    "query", ["", "   ", "은", "을 를", "& | ! ( ) : * < > ' \" \\", "😀🎉", "\x00", "가" * 1000]
)
def test_any_query_gives_a_valid_tsquery_or_none(query):
    text = QueryBuilder(analyzer).tsquery(query)
    assert text is None or ("''" not in text and text.count("(") == text.count(")"))


def test_tsvector_weights_and_positions_run_on_across_fields():
    vector = tsvector([("대전 시청", "A"), ("유성", "B")], analyzer)
    assert vector == "'대전':1A '시청':3A '유성':6B"
