#!/usr/bin/env python3
"""Writes the connector's catalog (entities.json) from Twilio's official OpenAPI description.

The catalog is data the connector ships; this script is how it was made, so that a new version of
Twilio's description can be folded in by running it again and reading the diff:

    python3 component/src/build/generate-catalog.py target/twilio-spec/package/twilio-oai/spec/json/twilio_api_v2010.json \
        > component/src/main/resources/dev/twilioconnector/catalog/entities.json

What the description cannot say is in the tables below: the entities' names, the connector's
renamed columns, the time field cursors follow, and the two legacy call-feedback resources that
Twilio removed from the description in February 2024 but still serves.
"""
import json
import re
import sys

API = "/2010-04-01/Accounts/{AccountSid}"

# The entity name of each resource, keyed by its list path under the account.
NAMES = {
    "Addresses": "Addresses",
    "Addresses/{AddressSid}/DependentPhoneNumbers": "DependentPhoneNumbers",
    "Applications": "Applications",
    "AuthorizedConnectApps": "AuthorizedConnectApps",
    "AvailablePhoneNumbers": "AvailablePhoneNumberCountries",
    "AvailablePhoneNumbers/{CountryCode}/Local": "AvailablePhoneNumbersLocal",
    "AvailablePhoneNumbers/{CountryCode}/MachineToMachine": "AvailablePhoneNumbersMachineToMachine",
    "AvailablePhoneNumbers/{CountryCode}/Mobile": "AvailablePhoneNumbersMobile",
    "AvailablePhoneNumbers/{CountryCode}/National": "AvailablePhoneNumbersNational",
    "AvailablePhoneNumbers/{CountryCode}/SharedCost": "AvailablePhoneNumbersSharedCost",
    "AvailablePhoneNumbers/{CountryCode}/TollFree": "AvailablePhoneNumbersTollFree",
    "AvailablePhoneNumbers/{CountryCode}/Voip": "AvailablePhoneNumbersVoip",
    "Balance": "Balance",
    "Calls": "Calls",
    "Calls/{CallSid}/Events": "CallEvents",
    "Calls/{CallSid}/Notifications": "CallNotifications",
    "Calls/{CallSid}/Payments": "Payments",
    "Calls/{CallSid}/Recordings": "CallRecordings",
    "Calls/{CallSid}/Siprec": "Siprec",
    "Calls/{CallSid}/Streams": "Streams",
    "Calls/{CallSid}/Transcriptions": "RealtimeTranscriptions",
    "Calls/{CallSid}/UserDefinedMessageSubscriptions": "UserDefinedMessageSubscriptions",
    "Calls/{CallSid}/UserDefinedMessages": "UserDefinedMessages",
    "Conferences": "Conferences",
    "Conferences/{ConferenceSid}/Participants": "Participants",
    "Conferences/{ConferenceSid}/Recordings": "ConferenceRecordings",
    "ConnectApps": "ConnectApps",
    "IncomingPhoneNumbers": "IncomingPhoneNumbers",
    "IncomingPhoneNumbers/Local": "IncomingPhoneNumbersLocal",
    "IncomingPhoneNumbers/Mobile": "IncomingPhoneNumbersMobile",
    "IncomingPhoneNumbers/TollFree": "IncomingPhoneNumbersTollFree",
    "IncomingPhoneNumbers/{ResourceSid}/AssignedAddOns": "AssignedAddOns",
    "IncomingPhoneNumbers/{ResourceSid}/AssignedAddOns/{AssignedAddOnSid}/Extensions": "AssignedAddOnExtensions",
    "Keys": "Keys",
    "Messages": "Messages",
    "Messages/{MessageSid}/Feedback": "MessageFeedback",
    "Messages/{MessageSid}/Media": "Media",
    "Notifications": "Notifications",
    "OutgoingCallerIds": "OutgoingCallerIds",
    "Queues": "Queues",
    "Queues/{QueueSid}/Members": "Members",
    "Recordings": "Recordings",
    "Recordings/{RecordingSid}/Transcriptions": "RecordingTranscriptions",
    "Recordings/{ReferenceSid}/AddOnResults": "RecordingAddOnResults",
    "Recordings/{ReferenceSid}/AddOnResults/{AddOnResultSid}/Payloads": "RecordingAddOnResultPayloads",
    "Recordings/{ReferenceSid}/AddOnResults/{AddOnResultSid}/Payloads/{PayloadSid}/Data": "RecordingAddOnResultPayloadData",
    "SIP/CredentialLists": "SipCredentialLists",
    "SIP/CredentialLists/{CredentialListSid}/Credentials": "SipCredentials",
    "SIP/Domains": "SipDomains",
    "SIP/Domains/{DomainSid}/Auth/Calls/CredentialListMappings": "SipAuthCallsCredentialListMappings",
    "SIP/Domains/{DomainSid}/Auth/Calls/IpAccessControlListMappings": "SipAuthCallsIpAccessControlListMappings",
    "SIP/Domains/{DomainSid}/Auth/Registrations/CredentialListMappings": "SipAuthRegistrationsCredentialListMappings",
    "SIP/Domains/{DomainSid}/CredentialListMappings": "SipCredentialListMappings",
    "SIP/Domains/{DomainSid}/IpAccessControlListMappings": "SipIpAccessControlListMappings",
    "SIP/IpAccessControlLists": "SipIpAccessControlLists",
    "SIP/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses": "SipIpAddresses",
    "SMS/ShortCodes": "ShortCodes",
    "SigningKeys": "SigningKeys",
    "Tokens": "Tokens",
    "Transcriptions": "Transcriptions",
    "Usage/Records": "UsageRecords",
    "Usage/Records/AllTime": "UsageRecordsAllTime",
    "Usage/Records/Daily": "UsageRecordsDaily",
    "Usage/Records/LastMonth": "UsageRecordsLastMonth",
    "Usage/Records/Monthly": "UsageRecordsMonthly",
    "Usage/Records/ThisMonth": "UsageRecordsThisMonth",
    "Usage/Records/Today": "UsageRecordsToday",
    "Usage/Records/Yearly": "UsageRecordsYearly",
    "Usage/Records/Yesterday": "UsageRecordsYesterday",
    "Usage/Triggers": "UsageTriggers",
}

# Columns the connector names differently from Twilio, as the examples users know do.
RENAMED = {"From": "Sender", "FriendlyName": "Name"}

# The field a cursor follows through time, where it is not DateCreated.
TIME_FIELDS = {"Messages": "DateSent", "Calls": "EndTime"}

# Ids whose path parameter carries no pattern in the description.
ID_PATTERNS = {
    "CountryCode": "^[A-Z]{2}$",
    # Streams and Siprec sessions are addressed by SID or by the name given at creation.
    "Streams": "^(MZ[0-9a-fA-F]{32}|[A-Za-z0-9][A-Za-z0-9_-]{0,63})$",
    "Siprec": "^(SR[0-9a-fA-F]{32}|[A-Za-z0-9][A-Za-z0-9_-]{0,63})$",
    "RealtimeTranscriptions": "^(GT[0-9a-fA-F]{32}|[A-Za-z0-9][A-Za-z0-9_-]{0,63})$",
    # A queue member is its call's SID, or Front for the member at the head of the queue.
    "Members": "^(CA[0-9a-fA-F]{32}|Front)$",
    # A participant is its call's SID, or the label given when it joined.
    "Participants": "^(CA[0-9a-fA-F]{32}|[A-Za-z0-9][A-Za-z0-9_-]{0,63})$",
}

PAGING = {"PageSize", "Page", "PageToken"}

# Quantities Twilio sends as JSON strings; the connector gives them as numbers. Codes that only
# look numeric (postal_code, short_code, lata, validation_code) stay strings: leading zeros matter.
NUMERIC_STRINGS = {
    "num_segments": "INTEGER", "num_media": "INTEGER", "duration": "INTEGER", "count": "INTEGER",
    "price": "NUMBER", "balance": "NUMBER", "usage": "NUMBER", "current_value": "NUMBER", "trigger_value": "NUMBER",
    "latitude": "NUMBER", "longitude": "NUMBER",
}

HTTP_METHODS = ("get", "post", "delete")


def pascal(wire):
    return "".join(part[:1].upper() + part[1:] for part in wire.split("_"))


def column(name):
    return RENAMED.get(name, name)


def first_sentence(text):
    if not text:
        return None
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text).replace("`", "").strip()
    match = re.match(r"(.+?[.!?])(\s|$)", text, re.S)
    sentence = (match.group(1) if match else text).replace("\n", " ")
    return sentence[:200]


class Spec:
    def __init__(self, document):
        self.doc = document
        self.schemas = document["components"]["schemas"]

    def resolve(self, node):
        while "$ref" in node:
            node = self.schemas[node["$ref"].split("/")[-1]]
        return node

    def item_schema(self, operation):
        for code in ("200", "201"):
            response = operation.get("responses", {}).get(code)
            if not response or "content" not in response:
                continue
            schema = response["content"]["application/json"]["schema"]
            if "$ref" in schema:
                return schema["$ref"].split("/")[-1], None
            for key, prop in schema.get("properties", {}).items():
                if prop.get("type") == "array":
                    return prop["items"]["$ref"].split("/")[-1], key
        return None, None


def field_type(wire, prop):
    fmt = prop.get("format")
    kind = prop.get("type")
    if fmt == "date-time-rfc-2822" or fmt == "date-time":
        return "DATETIME"
    if fmt == "date":
        return "DATE"
    if kind in ("integer", "number", "boolean"):
        return {"integer": "INTEGER", "number": "NUMBER", "boolean": "BOOLEAN"}[kind]
    if kind == "object":
        return "OBJECT"
    if kind == "array":
        return "LIST"
    if kind == "string" and wire in NUMERIC_STRINGS:
        return NUMERIC_STRINGS[wire]
    return "STRING"


def param_type(prop):
    if prop.get("type") == "array":
        return "LIST"
    fmt = prop.get("format")
    if fmt in ("date-time", "date-time-rfc-2822"):
        return "DATETIME"
    if fmt == "date":
        return "DATE"
    return {"integer": "INTEGER", "number": "NUMBER", "boolean": "BOOLEAN"}.get(prop.get("type"), "STRING")


def groups(spec):
    """Pairs each resource's list path with its instance path."""
    found = {}
    for path, item in spec.doc["paths"].items():
        if not any(m in item for m in HTTP_METHODS):
            continue
        rel = path[len(API) + 1:-len(".json")] if path.startswith(API + "/") else None
        if path == "/2010-04-01/Accounts.json":
            found.setdefault("Accounts", {})["list"] = path
            continue
        if path == "/2010-04-01/Accounts/{Sid}.json":
            found.setdefault("Accounts", {})["instance"] = path
            continue
        if rel in NAMES:
            found.setdefault(NAMES[rel], {})["list"] = path
            continue
        parent = rel.rsplit("/", 1)[0]
        if parent in NAMES and rel.endswith("}"):
            found.setdefault(NAMES[parent], {})["instance"] = path
            continue
        raise SystemExit("No entity name for " + path)
    return found


def build_entity(spec, name, paths):
    list_path, instance_path = paths.get("list"), paths.get("instance")
    list_item = spec.doc["paths"].get(list_path, {})
    instance_item = spec.doc["paths"].get(instance_path, {})
    operations, list_key, schemas = {}, None, []

    def take(operation):
        schema, key = spec.item_schema(operation)
        if schema:
            schemas.append(schema)
        return key

    if "get" in list_item:
        list_key = take(list_item["get"])
        if list_key:
            operations["List"] = "GET " + list_path
        else:
            operations["Get"] = "GET " + list_path  # a singleton such as Balance
    if "post" in list_item:
        take(list_item["post"])
        operations["Create"] = "POST " + list_path
    if "get" in instance_item:
        take(instance_item["get"])
        operations["Get"] = "GET " + instance_path
    if "post" in instance_item:
        take(instance_item["post"])
        operations["Update"] = "POST " + instance_path
    if "delete" in instance_item:
        operations["Delete"] = "DELETE " + instance_path

    id_field, id_pattern = None, None
    if instance_path:
        id_field = re.findall(r"\{(\w+)}", instance_path)[-1]
        for operation in (instance_item.get(m) for m in HTTP_METHODS):
            for param in (operation or {}).get("parameters", []):
                if param["in"] == "path" and param["name"] == id_field:
                    id_pattern = param["schema"].get("pattern", id_pattern)
        id_pattern = ID_PATTERNS.get(name) or id_pattern or ID_PATTERNS.get(id_field)
        if not id_pattern:
            raise SystemExit("No id pattern for " + name)
    placeholders = set()
    for binding in operations.values():
        placeholders.update(re.findall(r"\{(\w+)}", binding))
    parent_keys = sorted(placeholders - {"AccountSid", id_field} - ({"Sid"} if name == "Accounts" else set()),
                         key=lambda key: list_path.find(key) if list_path else instance_path.find(key))

    fields = {}

    def add(field_name, **attrs):
        field = fields.setdefault(field_name, {"name": field_name})
        for key, value in attrs.items():
            if value is not None and key not in field:
                field[key] = value
        return field

    for schema_name in schemas:
        for wire, prop in spec.schemas[schema_name].get("properties", {}).items():
            resolved = spec.resolve(prop)
            add(column(pascal(wire)), wire=wire,
                type=field_type(wire, resolved),
                description=first_sentence(prop.get("description") or resolved.get("description")))

    for label, item, method in (("Create", list_item, "post"), ("Update", instance_item, "post")):
        if label not in operations:
            continue
        body = item[method].get("requestBody", {}).get("content", {}).get("application/x-www-form-urlencoded", {})
        schema = body.get("schema", {})
        required = set(schema.get("required", []))
        for param, prop in schema.get("properties", {}).items():
            resolved = spec.resolve(prop)
            field = add(column(param), type=param_type(resolved), description=first_sentence(prop.get("description")))
            field["param"] = param
            field.setdefault("input", []).append(label)
            if param in required:
                field.setdefault("required", []).append(label)

    if "List" in operations:
        for param in list_item["get"].get("parameters", []):
            if param["in"] != "query" or param["name"] in PAGING:
                continue
            raw = param["name"]
            base, bound = (raw[:-1], ">=") if raw.endswith(">") else (raw[:-1], "<=") if raw.endswith("<") else (raw, "=")
            field = add(column(base), type=param_type(spec.resolve(param["schema"])),
                        description=first_sentence(param.get("description")))
            field.setdefault("filters", {})[bound] = raw

    # query parameters and headers of the operations other than List, sent from the field of that name
    for label in ("Get", "Create", "Update", "Delete"):
        if label not in operations:
            continue
        method, path = operations[label].split(" ", 1)
        for param in spec.doc["paths"][path][method.lower()].get("parameters", []):
            if param["in"] not in ("query", "header"):
                continue
            field = add(column(param["name"]), type=param_type(spec.resolve(param["schema"])),
                        description=first_sentence(param.get("description")))
            field["param"] = param["name"]
            field.setdefault("query" if param["in"] == "query" else "headers", []).append(label)

    for key in parent_keys:
        add(key, type="STRING", description="The SID of the parent record; it addresses the request and is copied onto each record.")

    time_field = TIME_FIELDS.get(name) or ("DateCreated" if "DateCreated" in fields else None)
    entity = {
        "name": name,
        "description": first_sentence(list_item.get("description") or instance_item.get("description")),
        "operations": {op: operations[op] for op in ("List", "Get", "Create", "Update", "Delete") if op in operations},
        "listKey": list_key,
        "idField": id_field,
        "idPattern": id_pattern,
        "parentKeys": parent_keys,
        "timeField": time_field,
        "legacy": False,
        "fields": [order(f) for f in fields.values()],
    }
    return entity


FIELD_ORDER = ("name", "wire", "type", "param", "input", "required", "query", "headers", "filters", "description")


def order(field):
    return {key: field[key] for key in FIELD_ORDER if key in field}


def legacy_entities():
    feedback_issues = ("audio-latency, digits-not-captured, dropped-call, imperfect-audio, incorrect-caller-id, "
                       "one-way-audio, post-dial-delay, unsolicited-call")
    calls = API + "/Calls"
    return [
        {
            "name": "Feedback",
            "description": "Quality feedback on a call (legacy: Twilio removed it from its description in February 2024).",
            "operations": {"Get": "GET " + calls + "/{Sid}/Feedback.json", "Create": "POST " + calls + "/{Sid}/Feedback.json"},
            "listKey": None,
            "idField": "Sid",
            "idPattern": "^CA[0-9a-fA-F]{32}$",
            "parentKeys": [],
            "timeField": "DateCreated",
            "legacy": True,
            "fields": [
                {"name": "Sid", "wire": "sid", "type": "STRING", "input": ["Create"], "required": ["Create"],
                 "description": "The SID of the call the feedback is about."},
                {"name": "AccountSid", "wire": "account_sid", "type": "STRING", "description": "The SID of the account."},
                {"name": "DateCreated", "wire": "date_created", "type": "DATETIME", "description": "When the feedback was created."},
                {"name": "DateUpdated", "wire": "date_updated", "type": "DATETIME", "description": "When the feedback was last updated."},
                {"name": "QualityScore", "wire": "quality_score", "type": "INTEGER", "param": "QualityScore",
                 "input": ["Create"], "required": ["Create"], "description": "The call's quality, from 1 (worst) to 5 (best)."},
                {"name": "Issue", "wire": "issues", "type": "LIST", "param": "Issue", "input": ["Create"],
                 "description": "Problems heard on the call, any of: " + feedback_issues + "."},
            ],
        },
        {
            "name": "FeedbackSummary",
            "description": "Call quality feedback summed up over a date range (legacy: Twilio removed it from its description in February 2024).",
            "operations": {"Get": "GET " + calls + "/FeedbackSummary/{Sid}.json",
                           "Create": "POST " + calls + "/FeedbackSummary.json",
                           "Delete": "DELETE " + calls + "/FeedbackSummary/{Sid}.json"},
            "listKey": None,
            "idField": "Sid",
            "idPattern": "^FS[0-9a-fA-F]{32}$",
            "parentKeys": [],
            "timeField": "DateCreated",
            "legacy": True,
            "fields": [
                {"name": "Sid", "wire": "sid", "type": "STRING", "description": "The SID of the summary."},
                {"name": "AccountSid", "wire": "account_sid", "type": "STRING", "description": "The SID of the account."},
                {"name": "CallCount", "wire": "call_count", "type": "INTEGER", "description": "Calls in the range."},
                {"name": "CallFeedbackCount", "wire": "call_feedback_count", "type": "INTEGER", "description": "Calls with feedback in the range."},
                {"name": "DateCreated", "wire": "date_created", "type": "DATETIME", "description": "When the summary was created."},
                {"name": "DateUpdated", "wire": "date_updated", "type": "DATETIME", "description": "When the summary was last updated."},
                {"name": "StartDate", "wire": "start_date", "type": "DATE", "param": "StartDate", "input": ["Create"],
                 "required": ["Create"], "description": "The first day of the range, YYYY-MM-DD."},
                {"name": "EndDate", "wire": "end_date", "type": "DATE", "param": "EndDate", "input": ["Create"],
                 "required": ["Create"], "description": "The last day of the range, YYYY-MM-DD."},
                {"name": "IncludeSubaccounts", "wire": "include_subaccounts", "type": "BOOLEAN", "param": "IncludeSubaccounts",
                 "input": ["Create"], "description": "Whether calls of subaccounts count."},
                {"name": "StatusCallback", "type": "STRING", "param": "StatusCallback", "input": ["Create"],
                 "description": "The URL Twilio calls when the summary is complete."},
                {"name": "StatusCallbackMethod", "type": "STRING", "param": "StatusCallbackMethod", "input": ["Create"],
                 "description": "GET or POST, for the status callback."},
                {"name": "Issues", "wire": "issues", "type": "LIST", "description": "Each issue with its count, description and percentage_of_total_calls."},
                {"name": "QualityScoreAverage", "wire": "quality_score_average", "type": "NUMBER", "description": "The mean quality score."},
                {"name": "QualityScoreMedian", "wire": "quality_score_median", "type": "NUMBER", "description": "The median quality score."},
                {"name": "QualityScoreStandardDeviation", "wire": "quality_score_standard_deviation", "type": "NUMBER",
                 "description": "The standard deviation of the quality scores."},
                {"name": "Status", "wire": "status", "type": "STRING", "description": "queued, in-progress, completed or failed."},
            ],
        },
    ]


def main():
    spec = Spec(json.load(open(sys.argv[1])))
    entities = [build_entity(spec, name, paths) for name, paths in groups(spec).items()]
    entities.extend(legacy_entities())
    entities.sort(key=lambda e: e["name"])
    out = ['{"entities": [']
    for i, entity in enumerate(entities):
        head = {k: v for k, v in entity.items() if k != "fields"}
        out.append("  {" + json.dumps(head)[1:-1] + ', "fields": [')
        out.append(",\n".join("    " + json.dumps(f) for f in entity["fields"]))
        out.append("  ]}" + ("," if i < len(entities) - 1 else ""))
    out.append("]}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
