"""A course's facts as a description list, shared by the catalogue and the course page."""

from __future__ import annotations

import reflex as rx

from portal_app import texts


def fact(label: str, value) -> rx.Component:
    return rx.fragment(rx.el.dt(label), rx.el.dd(value))


def course_facts(course, *, full: bool = False) -> rx.Component:
    """Dates, place, price, seats left and deadline; `full` adds code, category and schedule."""
    extra = (
        [
            fact(texts.COURSE_CODE, course.code),
            fact(texts.COURSE_CATEGORY, course.category),
            fact(texts.COURSE_SCHEDULE, course.schedule),
        ]
        if full
        else []
    )
    return rx.el.dl(
        fact(texts.COURSE_DATES, course.dates),
        *extra,
        fact(texts.COURSE_LOCATION, course.location),
        fact(texts.COURSE_PRICE, course.price),
        fact(texts.COURSE_SEATS, course.seats),
        fact(texts.COURSE_DEADLINE, course.deadline),
        class_name="facts facts--compact",
    )
