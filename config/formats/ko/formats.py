"""Django's Korean formats, plus the dotted dates the admin's pickers write (2022.04.07 16:33).

WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT make the admin's date pickers show
and send dates as newsrooms write them; Django must also read them back.
"""

from django.conf.locale.ko.formats import *  # noqa: F403
from django.conf.locale.ko.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

DATE_INPUT_FORMATS = ["%Y.%m.%d", *DATE_INPUT_FORMATS]
DATETIME_INPUT_FORMATS = ["%Y.%m.%d %H:%M", "%Y.%m.%d %H:%M:%S", *DATETIME_INPUT_FORMATS]
