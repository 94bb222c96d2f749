#!/usr/bin/env bash
# Copies Twilio's descriptions of every product but the 2010 API (which resources.json serves) from the directory
# fetch-twilio-spec.sh filled into the sandbox's generated resources, with an index of their names: the generic CRUD
# reads them from the classpath, where a jar's directory cannot be listed. Built each time, never committed.
set -euo pipefail
specs="$1/package/twilio-oai/spec/json"
dest="$2/dev/twilioconnector/sandbox/descriptions"
rm -rf "$dest"
mkdir -p "$dest"
find "$specs" -name 'twilio_*.json' ! -name 'twilio_api_v2010.json' -exec cp {} "$dest" \;
(cd "$dest" && ls twilio_*.json) > "$dest/index.txt"
