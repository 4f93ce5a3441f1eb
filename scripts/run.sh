#!/usr/bin/env bash
# Serves the production build. Without further settings: demo mode, SQLite in data/, mails in
# the outbox (shown at /demo/postfach).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ -z "${PORTAL_SECRET_KEY:-}" ]; then export PORTAL_DEMO="${PORTAL_DEMO:-1}"; fi
port="${PORTAL_PORT:-3000}"
reflex db migrate
portal demo load
echo "Kundenportal: http://127.0.0.1:${port}"
exec reflex run --env prod --frontend-port "$port" --backend-host 127.0.0.1
