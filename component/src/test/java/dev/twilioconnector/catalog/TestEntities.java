package dev.twilioconnector.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small hand-built entities for tests that must not depend on the shipped catalog. */
public final class TestEntities {

    private TestEntities() {
    }

    /** A Messages-like entity: To and Sender filter by equality, DateSent by day or range, AreaCode is search-only. */
    public static Entity messages() {
        Map<Operation, HttpBinding> operations = new EnumMap<>(Operation.class);
        operations.put(Operation.LIST, HttpBinding.parse("GET /2010-04-01/Accounts/{AccountSid}/Messages.json"));
        operations.put(Operation.GET, HttpBinding.parse("GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"));
        operations.put(Operation.CREATE, HttpBinding.parse("POST /2010-04-01/Accounts/{AccountSid}/Messages.json"));
        operations.put(Operation.UPDATE, HttpBinding.parse("POST /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"));
        operations.put(Operation.DELETE, HttpBinding.parse("DELETE /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"));
        List<Field> fields = List.of(
                field("Sid", "sid", FieldType.STRING, null, Map.of()),
                field("Sender", "from", FieldType.STRING, "From", Map.of(Bound.EQUAL, "From")),
                field("To", "to", FieldType.STRING, "To", Map.of(Bound.EQUAL, "To")),
                field("Body", "body", FieldType.STRING, "Body", Map.of()),
                field("Status", "status", FieldType.STRING, null, Map.of()),
                field("DateSent", "date_sent", FieldType.DATETIME, null,
                        Map.of(Bound.EQUAL, "DateSent", Bound.AT_LEAST, "DateSent>", Bound.AT_MOST, "DateSent<")),
                field("DateCreated", "date_created", FieldType.DATETIME, null, Map.of()),
                field("NumSegments", "num_segments", FieldType.INTEGER, null, Map.of()),
                field("Price", "price", FieldType.NUMBER, null, Map.of()),
                field("Name", "friendly_name", FieldType.STRING, "FriendlyName", Map.of()),
                field("AreaCode", null, FieldType.INTEGER, "AreaCode", Map.of(Bound.EQUAL, "AreaCode")),
                field("StatusCallback", null, FieldType.STRING, "StatusCallback", Map.of()),
                field("Redacted", "redacted", FieldType.BOOLEAN, null, Map.of()),
                field("MediaUrl", "media_url", FieldType.LIST, "MediaUrl", Map.of()));
        return new Entity("Messages", "Messages sent and received", operations, "messages", "Sid",
                "^(SM|MM)[0-9a-fA-F]{32}$", List.of(), "DateCreated", false, fields);
    }

    /** A Media-like entity nested under a message: its path needs MessageSid. */
    public static Entity media() {
        Map<Operation, HttpBinding> operations = new EnumMap<>(Operation.class);
        operations.put(Operation.LIST, HttpBinding.parse("GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json"));
        operations.put(Operation.GET, HttpBinding.parse("GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json"));
        operations.put(Operation.DELETE, HttpBinding.parse("DELETE /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json"));
        List<Field> fields = List.of(
                field("Sid", "sid", FieldType.STRING, null, Map.of()),
                field("MessageSid", "parent_sid", FieldType.STRING, null, Map.of()),
                field("ContentType", "content_type", FieldType.STRING, null, Map.of()),
                field("DateCreated", "date_created", FieldType.DATETIME, null,
                        Map.of(Bound.EQUAL, "DateCreated", Bound.AT_LEAST, "DateCreated>", Bound.AT_MOST, "DateCreated<")));
        return new Entity("Media", "Media of a message", operations, "media_list", "Sid",
                "^ME[0-9a-fA-F]{32}$", List.of("MessageSid"), "DateCreated", false, fields);
    }

    /**
     * An AvailablePhoneNumbers-like entity: no id, the path needs CountryCode (which records do not carry),
     * and most filters are search parameters.
     */
    public static Entity availablePhoneNumbers() {
        Map<Operation, HttpBinding> operations = new EnumMap<>(Operation.class);
        operations.put(Operation.LIST, HttpBinding.parse(
                "GET /2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json"));
        List<Field> fields = List.of(
                field("PhoneNumber", "phone_number", FieldType.STRING, null, Map.of()),
                field("Name", "friendly_name", FieldType.STRING, null, Map.of()),
                field("Region", "region", FieldType.STRING, null, Map.of()),
                field("Beta", "beta", FieldType.BOOLEAN, null, Map.of(Bound.EQUAL, "Beta")),
                field("CountryCode", null, FieldType.STRING, null, Map.of()),
                field("AreaCode", null, FieldType.INTEGER, null, Map.of(Bound.EQUAL, "AreaCode")),
                field("SmsEnabled", null, FieldType.BOOLEAN, null, Map.of(Bound.EQUAL, "SmsEnabled")));
        return new Entity("AvailablePhoneNumbersLocal", "Local numbers to buy", operations, "available_phone_numbers", null,
                null, List.of("CountryCode"), null, false, fields);
    }

    private static Field field(String name, String wire, FieldType type, String param, Map<Bound, String> filters) {
        return new Field(name, wire, type, param, Set.of(), Set.of(), Set.of(), Set.of(), filters, name, false);
    }
}
