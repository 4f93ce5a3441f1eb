#!/usr/bin/env bash
# Installs what the portal needs, only what is missing: venv + Python packages, bun (Reflex's
# JavaScript runtime, from the npm registry) and, for tests, Debian's Chromium and nginx.
# Usage: scripts/setup.sh run|test. Idempotent; a second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
BUN_VERSION="1.4.4"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if [ ! -x .venv/bin/python ]; then
  say "Python-Umgebung .venv anlegen"
  python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
fi

extras=""
[ "$mode" = "test" ] && extras="[test]"
stamp=".venv/.installed-${mode}-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  say "Python-Pakete installieren (${mode})"
  .venv/bin/pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/pip install --quiet --disable-pip-version-check -e ".${extras}"
  rm -f .venv/.installed-"${mode}"-*
  touch "$stamp"
fi

if [ ! -x .tools/bun/bin/bun ]; then
  say "bun ${BUN_VERSION} aus der npm-Registry installieren"
  npm install --global --silent --prefix .tools/bun "bun@${BUN_VERSION}" >/dev/null
fi

# Debian packages the tests need: Chromium (Playwright) and nginx (tests/proxy)
missing=()
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "aus Debian installieren: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  # another install running at the same time holds the lock: wait for it instead of failing
  apt_get="$apt_get -o DPkg::Lock::Timeout=600"
  DEBIAN_FRONTEND=noninteractive $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p data
