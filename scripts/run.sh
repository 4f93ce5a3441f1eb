#!/usr/bin/env bash
# Serves the production build. Without further settings: demo mode, SQLite in data/, mails in
# the outbox (shown at /demo/postfach). With PORTAL_SECRET_KEY set (production, e.g. from the
# systemd unit in deploy/), it migrates and serves without demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ -z "${PORTAL_SECRET_KEY:-}" ]; then export PORTAL_DEMO="${PORTAL_DEMO:-1}"; fi
port="${PORTAL_PORT:-3000}"
reflex db migrate
demo="${PORTAL_DEMO:-0}"
case "${demo,,}" in 1 | true | yes | ja | on) portal demo load ;; esac
echo "Kundenportal: http://127.0.0.1:${port}"
exec reflex run --env prod --frontend-port "$port" --backend-host 127.0.0.1
