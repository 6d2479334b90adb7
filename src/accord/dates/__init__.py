"""Dates: every date expression of a text, normalised, keeping its precision.

A small regex grammar per language (`grammar`, from data files in accord/lang/<code>/) covers
the forms news uses:

    27 декабря 2019 года / 31. jula 2016. / Sept. 28, 2023      -> day
    в конце февраля 2020 года / децембра 2019. / early March     -> month
    в 2018 году / 2016. godine / in 2019                         -> year (only in a date context)
    08.09.2021 / 23. 08. 2022. / 2019-09-18                      -> day
    2 июня / on Wednesday / вчера / u utorak / прошлой неделе    -> resolved against the
                                                                    publication date, else skipped

`find_dates(text, lang, published)` runs it on any string (`find`); `resolve` turns one match
into a value. The stage `accord.stages.dates` runs it over the body; cleaning runs it over
stamp lines (`accord.clean.published`), sentence splitting asks it for month names.
"""
from .find import find_dates
from .grammar import grammar

__all__ = ["find_dates", "grammar"]
