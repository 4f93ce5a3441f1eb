"""Ids that arrive from the browser are used only when they are plain positive numbers."""

import pytest

from portal_app.state.session import parse_id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(7, 7), ("7", 7), ("0012", 12), (True, None), (False, None), (1.0, None), ("", None),
     ("1 OR 1=1", None), ("-1", None), (-1, None), (0, None), ("0", None), ("<script>", None),
     ("٣", None), (None, None), ([1], None), ({"id": 1}, None), ("9" * 20, None),
     (10**15, None)],
)  # fmt: skip
def test_only_plain_positive_numbers_become_ids(raw, expected):
    assert parse_id(raw) == expected
