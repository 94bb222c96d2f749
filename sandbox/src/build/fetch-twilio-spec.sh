#!/usr/bin/env bash
# Fetches Twilio's official OpenAPI descriptions (npm @twilio-alpha/mcp), one file per product and version, into
# the directory given, for the tests that hold the catalog and the requests against them and for the generator of
# the products' catalogs. They are never committed.
set -euo pipefail
dest="$1"
version="$2"
specs="$dest/package/twilio-oai/spec/json"
# The package holds 50 descriptions; a directory with fewer is left over from a build that fetched only the
# 2010 API's, and is fetched again.
if [ "$(find "$specs" -name 'twilio_*.json' -size +0 2>/dev/null | wc -l)" -ge 50 ]; then
  exit 0
fi
mkdir -p "$dest"
npm pack "@twilio-alpha/mcp@$version" --silent --pack-destination "$dest" >/dev/null
tar -xzf "$dest/twilio-alpha-mcp-$version.tgz" -C "$dest" --wildcards 'package/twilio-oai/spec/json/twilio_*.json'
rm -f "$dest/twilio-alpha-mcp-$version.tgz"
test "$(find "$specs" -name 'twilio_*.json' -size +0 | wc -l)" -ge 50
