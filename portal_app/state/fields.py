"""Ids of form fields, shared by the pages that render them and the events that focus them."""


def field_id(name: str) -> str:
    return f"feld-{name}"
