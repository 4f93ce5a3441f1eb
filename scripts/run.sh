#!/usr/bin/env bash
# Serves the production build. Without further settings: demo mode, SQLite in data/, mails in
# the outbox (shown at /demo/postfach). With PORTAL_SECRET_KEY set (production, e.g. from the
# systemd unit in deploy/), it migrates and serves without demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ -z "${PORTAL_SECRET_KEY:-}" ]; then export PORTAL_DEMO="${PORTAL_DEMO:-1}"; fi
port="${PORTAL_PORT:-3000}"
host="${PORTAL_HOST:-127.0.0.1}"
reflex db migrate  # reads the settings first: demo mode on another address than 127.0.0.1 stops here
demo="${PORTAL_DEMO:-0}"
case "${demo,,}" in
  1 | true | yes | ja | on)
    portal demo load
    printf '\n\033[1;33m%s\n%s\n%s\033[0m\n\n' \
      "DEMO-MODUS: Demodaten, kein geheimer Schlüssel, alle Mails lesbar unter /demo/postfach." \
      "Nur auf diesem Rechner erreichbar (127.0.0.1). Für den Betrieb PORTAL_SECRET_KEY und" \
      "PORTAL_BASE_URL setzen (README, Abschnitt \"Settings\")."
    ;;
esac
echo "Kundenportal: http://${host}:${port}"
exec reflex run --env prod --frontend-port "$port" --backend-host "$host"
