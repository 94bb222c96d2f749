#!/usr/bin/env bash
# Fetches Twilio's official OpenAPI description (npm @twilio-alpha/mcp) into the directory given,
# for the tests that hold the catalog and the requests against it. It is never committed.
set -euo pipefail
dest="$1"
version="$2"
spec="$dest/package/twilio-oai/spec/json/twilio_api_v2010.json"
if [ -s "$spec" ]; then
  exit 0
fi
mkdir -p "$dest"
npm pack "@twilio-alpha/mcp@$version" --silent --pack-destination "$dest" >/dev/null
tar -xzf "$dest/twilio-alpha-mcp-$version.tgz" -C "$dest" package/twilio-oai/spec/json/twilio_api_v2010.json
rm -f "$dest/twilio-alpha-mcp-$version.tgz"
test -s "$spec"
