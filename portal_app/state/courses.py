"""Events of the course catalogue: filter, search, page. The database does the filtering."""

from __future__ import annotations

import asyncio

import reflex as rx

from portal_app import texts
from portal_app.services import courses, dates
from portal_app.services.courses import CATEGORIES, CourseQuery
from portal_app.state.course_cards import CourseCard, course_card
from portal_app.state.session import SessionState, parse_id

SORT_SOON = "frueh"
SORT_LATE = "spaet"


class CatalogueState(SessionState):
    text: str = ""
    category: str = ""
    location: str = ""
    start_from: str = ""
    start_until: str = ""
    sort: str = SORT_SOON
    page: int = 1
    pages: int = 1
    total: int = 0
    courses: list[CourseCard] = []
    locations: list[str] = []
    categories: list[str] = list(CATEGORIES)

    def _query(self) -> CourseQuery:
        return CourseQuery(
            text=self.text,
            category=self.category if self.category in CATEGORIES else "",
            location=self.location,
            start_from=dates.optional_date(self.start_from),
            start_until=dates.optional_date(self.start_until),
            newest_first=self.sort == SORT_LATE,
            page=self.page,
        )

    async def _search(self):
        result = await asyncio.to_thread(courses.search, self._query())
        self.courses = [course_card(view) for view in result.courses]
        self.total, self.page, self.pages = result.total, result.page, result.pages

    @rx.event
    async def load(self):
        self.locations = await asyncio.to_thread(courses.locations)
        await self._search()

    @rx.event
    async def apply(self, form_data: dict):
        self.text = str(form_data.get("text", ""))[: courses.MAX_QUERY_LENGTH]
        self.category = str(form_data.get("category", ""))
        self.location = str(form_data.get("location", ""))
        self.start_from = str(form_data.get("start_from", ""))
        self.start_until = str(form_data.get("start_until", ""))
        self.sort = SORT_LATE if form_data.get("sort") == SORT_LATE else SORT_SOON
        self.page = 1
        await self._search()

    @rx.event
    async def reset_filters(self):
        self.text = self.category = self.location = self.start_from = self.start_until = ""
        self.sort, self.page = SORT_SOON, 1
        await self._search()

    @rx.event
    async def go_to_page(self, page: int):
        self.page = parse_id(page) or 1  # the browser may send anything
        await self._search()
        return rx.set_focus("suchergebnis")

    @rx.var
    def count_text(self) -> str:
        if self.total == 1:
            return texts.COURSES_COUNT_ONE
        return texts.COURSES_COUNT.format(total=self.total)

    @rx.var
    def page_text(self) -> str:
        return texts.COURSES_PAGE.format(page=self.page, pages=self.pages)
