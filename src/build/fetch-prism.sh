#!/usr/bin/env bash
# Installs Stoplight Prism (npm @stoplight/prism-cli) into the directory given, for the contract test that runs
# the connector against Prism serving Twilio's official OpenAPI description as a validating mock.
set -euo pipefail
dest="$1"
version="$2"
prism="$dest/node_modules/.bin/prism"
if [ -x "$prism" ] && grep -q "\"version\": \"$version\"" "$dest/node_modules/@stoplight/prism-cli/package.json"; then
  exit 0
fi
mkdir -p "$dest"
npm install --prefix "$dest" --no-audit --no-fund --no-save --silent "@stoplight/prism-cli@$version" >/dev/null
test -x "$prism"
