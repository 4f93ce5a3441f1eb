"""On the production server: an upload request that says it is larger than one upload's files
may be together is answered 413 in German before a byte of it is read."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from portal_app import texts
from portal_app.web.upload_limit import request_cap


def test_an_oversized_upload_request_is_refused_before_it_is_read(portal_url):
    parts = urlsplit(portal_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("POST", "/_upload")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(request_cap() + 1))
    connection.endheaders()  # the body is never sent
    answer = connection.getresponse()
    assert answer.status == 413
    assert answer.read().decode() == texts.UPLOAD_REQUEST_TOO_LARGE
    assert answer.getheader("x-content-type-options") == "nosniff"
    connection.close()
