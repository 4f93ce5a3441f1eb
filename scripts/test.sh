#!/usr/bin/env bash
# The whole check: lint, layering contracts, unit tests, security tests, Playwright suite,
# the scale-out suite on PostgreSQL and Redis, the fault suite, and the proxy suite behind nginx.
# pytest's exit code 5 ("no tests collected") counts as a failure: an empty suite proves nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
status=0
step() {
  printf '\n\033[1m== %s\033[0m\n' "$1"; shift
  "$@"; local rc=$?
  if [ $rc -ne 0 ]; then
    [ $rc -eq 5 ] && echo "pytest fand keine Tests – das zählt als Fehler."
    echo "FEHLGESCHLAGEN ($rc): $*"; status=1
  fi
}
step "ruff" ruff check .
step "ruff format" ruff format --check .
step "import-linter" lint-imports
# a function or class defined twice in one module hides the first (ruff does not see it)
step "pylint: names defined twice" \
  pylint portal_app tests bench
step "unit tests" python -m pytest tests/unit -q
step "security tests (attacks on services, headers and cookie on the prod server)" \
  python -m pytest tests/security -q
# Two workers, each with a portal of its own (tests/e2e/conftest.py); a file's tests stay together.
step "e2e tests (Playwright, Chromium)" python -m pytest tests/e2e -q -n 2 --dist loadfile
# A run of its own: another server (PostgreSQL, Redis, two workers) built into the same .web
step "scale-out tests (PostgreSQL, Redis, two workers; Playwright)" \
  python -m pytest tests/scaleout -q
# Another run of its own: faults under load (own PostgreSQL, Redis and tmpfs file store; root)
step "fault tests (SMTP, PostgreSQL, Redis, worker, disk, slow database under load)" \
  python -m pytest tests/faults -q
# Another run of its own: the portal as the systemd unit starts it, behind nginx over HTTPS
step "proxy tests (deploy/: nginx over HTTPS, systemd unit; Playwright)" \
  python -m pytest tests/proxy -q
exit $status
