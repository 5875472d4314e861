#!/usr/bin/env bash
# Checks that docker/compose.yml (alone and with the test-ports override) is a valid compose
# project, with placeholder secrets. Where Docker or its compose plugin is missing (CI machines
# without an engine), says so and skips: the unit spec docker/compose.spec.ts still checks the file.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker >/dev/null 2>&1; then
  echo "docker not available: compose check skipped"
  exit 0
fi
if ! docker compose version >/dev/null 2>&1; then
  echo "docker compose not available: compose check skipped"
  exit 0
fi

export POSTGRES_PASSWORD=placeholder AMPARO_DB_OWNER_PASSWORD=placeholder \
  AMPARO_DB_APP_PASSWORD=placeholder AUDIT_SIGNING_KEY=placeholder AUTH_JWT_PRIVATE_KEY=placeholder \
  AUTH_JWT_PUBLIC_KEY=placeholder AUTH_MFA_ENCRYPTION_KEY=placeholder
docker compose -f docker/compose.yml config --quiet
docker compose -f docker/compose.yml -f docker/compose.test-ports.yml config --quiet
echo "docker/compose.yml: valid"
