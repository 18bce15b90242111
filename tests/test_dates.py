"""Readers see dates in Korea Standard Time as 2022.04.07 16:33."""

import datetime

from django.test import override_settings

from news.templatetags.news_tags import kst


def test_utc_time_is_shown_in_kst():
    moment = datetime.datetime(2022, 4, 7, 7, 33, tzinfo=datetime.UTC)
    assert kst(moment) == "2022.04.07 16:33"


@override_settings(TIME_ZONE="UTC")
def test_kst_even_when_the_server_runs_in_another_zone():
    moment = datetime.datetime(2022, 4, 7, 7, 33, tzinfo=datetime.UTC)
    assert kst(moment) == "2022.04.07 16:33"


def test_missing_date_is_empty():
    assert kst(None) == ""
