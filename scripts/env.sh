# Environment for every reflex command (sourced by the other scripts).
# No telemetry, no update checks, bun from .tools, the npm registry this machine reaches.
export REFLEX_TELEMETRY_ENABLED=false
export REFLEX_CHECK_LATEST_VERSION=false
export REFLEX_USE_SYSTEM_BUN=1
export PATH="$PWD/.tools/bun/bin:$PWD/.venv/bin:$PATH"
if [ -z "${NPM_CONFIG_REGISTRY:-}" ]; then
  NPM_CONFIG_REGISTRY="$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)"
  export NPM_CONFIG_REGISTRY
fi
