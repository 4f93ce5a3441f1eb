"""A backend worker that dies is started again instead of taking the whole server down
(the fault suite kills one for real: tests/faults/test_scale_out.py)."""

from importlib.metadata import version

from granian.constants import Interfaces
from granian.server import Server

import rxconfig  # noqa: F401  (installs the patch, as `reflex run` reads the config)
from portal_app.web import worker_respawn


def test_granian_servers_respawn_failed_workers_unless_told_otherwise():
    server = Server(target="portal_app.portal_app:app", interface=Interfaces.ASGI)
    assert server.respawn_failed_workers is True
    told = Server(target="x:y", interface=Interfaces.ASGI, respawn_failed_workers=False)
    assert told.respawn_failed_workers is False


def test_the_patch_is_written_for_the_installed_granian():
    assert version("granian") == worker_respawn.GRANIAN_VERSION
