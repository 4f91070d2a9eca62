#!/usr/bin/env bash
# Validates docker-compose.yml without needing a Docker engine (safe for CI):
#
#   scripts/check-compose.sh [path/to/docker-compose.yml]
#
# 1. With Compose available (`docker compose` v2 plugin, else `docker-compose` v1), runs `config -q`, which
#    parses, interpolates, merges anchors and checks the file against the Compose schema (no daemon needed).
# 2. Otherwise, with python3 + PyYAML, checks that the file is YAML and that its `services` mapping holds
#    every expected service.
# Either way, checks that the four apps and three infrastructure services are all there.
#
# Exit 0: valid, or no tool to check with (a message says so). Exit 1: the file is invalid.
set -euo pipefail

# A path given as argument is relative to the caller's directory; the default is the repo's own file.
if [ $# -gt 0 ]; then
  case "$1" in /*) file="$1" ;; *) file="$PWD/$1" ;; esac
fi
cd "$(dirname "$0")/.."
file="${file:-docker-compose.yml}"
expected=(kafka postgres redis grid-registry issue-dispatch volunteer-coordination analytics)

fail() { echo "check-compose: $*" >&2; exit 1; }

[ -f "$file" ] || fail "$file not found"

# Reports the expected services missing from the list given on stdin (one name a line).
missing_from() {
  local listed missing=()
  listed="$(cat)"
  for service in "${expected[@]}"; do
    grep -qx -- "$service" <<<"$listed" || missing+=("$service")
  done
  [ ${#missing[@]} -eq 0 ] || fail "$file lacks service(s): ${missing[*]}"
}

compose=()
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1 && docker-compose version >/dev/null 2>&1; then
  compose=(docker-compose)
fi

if [ ${#compose[@]} -gt 0 ]; then
  "${compose[@]}" -f "$file" config -q || fail "$file is invalid (${compose[*]} config)"
  "${compose[@]}" -f "$file" config --services | missing_from
  echo "check-compose: $file is valid (${compose[*]} config) and defines all ${#expected[@]} services"
  exit 0
fi

if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' >/dev/null 2>&1; then
  services="$(python3 - "$file" <<'PY'
import sys, yaml
try:
    doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
except yaml.YAMLError as error:
    sys.exit(f"YAML parse error: {error}")
if not isinstance(doc, dict) or not isinstance(doc.get("services"), dict):
    sys.exit("no top-level `services` mapping")
print("\n".join(doc["services"]))
PY
)" || fail "$file is invalid (python3 yaml)"
  missing_from <<<"$services"
  # Belt and braces: the service keys appear literally, as two-space-indented mapping keys.
  for service in "${expected[@]}"; do
    grep -qE "^  ${service}:" "$file" || fail "$file: no '  ${service}:' line"
  done
  echo "check-compose: $file parses as YAML and defines all ${#expected[@]} services" \
       "(Compose not installed: schema not checked)"
  exit 0
fi

echo "check-compose: neither Docker Compose nor python3 with PyYAML is available; $file NOT checked"
exit 0
