package dev.twilioconnector;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.filter.FilterPlanner;
import dev.twilioconnector.filter.SortOrder;
import dev.twilioconnector.wire.PayloadBinder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whatever a route passes as filterClause, sortByColumns or payload, the connector either accepts it or refuses it
 * with its own input error, before any request: never another exception. Fuzzes for 30 seconds in {@code mvn
 * verify} (JAZZER_FUZZ=1, set by the pom); without it, replays the seed inputs in BadInputFuzzTestInputs: filter
 * clauses of the grammar's keywords, each followed by a byte choosing the operation and one choosing Messages.
 */
class BadInputFuzzTest {

    private static final List<Entity> ENTITIES = new ArrayList<>(Catalog.standard().entities());
    private static final Operation[] OPERATIONS = Operation.values();
    private static final PayloadBinder BINDER = new PayloadBinder(new ObjectMapper());

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"AND", "OR", "NOT", "LIKE", "IN", "IS", "NULL", "TRUE", "FALSE", "=", "!=", "<>", "<", "<=", ">",
            ">=", "(", ")", ",", "'", "''", "%", "_", "ASC", "DESC", "Sid", "To", "Sender", "Body", "Status", "DateSent",
            "DateCreated", "Name", "MessageSid", "CallSid", "'2024-06-01'", "'SM0123456789abcdef0123456789abcdef'", "1e309",
            "-0.5", "\""})
    void filterClauseSortAndPayloadFailOnlyWithTheConnectorsInputError(FuzzedDataProvider data) {
        // numbers come from the end of the input and strings from its front, so the seeds, which are filter clauses
        // ending in two bytes that choose the entity and the operation, feed filterClause whole
        Entity entity = ENTITIES.get(data.consumeInt(0, ENTITIES.size() - 1));
        Operation operation = OPERATIONS[data.consumeInt(0, OPERATIONS.length - 1)];
        String filterClause = data.consumeString(400);
        String sortByColumns = data.consumeString(60);
        Map<String, Object> payload = payload(data, entity);

        onlyInputErrors(() -> FilterPlanner.plan(filterClause, entity));
        onlyInputErrors(() -> SortOrder.parse(sortByColumns, entity));
        onlyInputErrors(() -> BINDER.addressOf(entity, payload));
        if (entity.allows(operation) && (operation == Operation.CREATE || operation == Operation.UPDATE)) {
            onlyInputErrors(() -> BINDER.bind(entity, operation, payload));
        }
    }

    /** Fields of the entity, or made-up names, with values of every JSON shape. */
    private static Map<String, Object> payload(FuzzedDataProvider data, Entity entity) {
        Map<String, Object> payload = new LinkedHashMap<>();
        int size = data.consumeInt(0, 4);
        for (int i = 0; i < size; i++) {
            List<Field> fields = entity.fields();
            String name = data.consumeBoolean() && !fields.isEmpty()
                    ? fields.get(data.consumeInt(0, fields.size() - 1)).name() : data.consumeString(20);
            payload.put(name, value(data, 2));
        }
        return payload;
    }

    private static Object value(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth > 0 ? 7 : 5)) {
            case 0:
                return null;
            case 1:
                return data.consumeBoolean();
            case 2:
                return data.consumeLong();
            case 3:
                return data.consumeDouble();
            case 4:
                return data.consumeString(40);
            case 5:
                return new BigDecimal(data.consumeLong()).scaleByPowerOfTen(data.consumeInt(-40, 40));
            case 6:
                return List.of(String.valueOf(value(data, depth - 1)), data.consumeString(10));
            default:
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put(data.consumeString(10), value(data, depth - 1));
                return nested;
        }
    }

    private static void onlyInputErrors(Runnable step) {
        try {
            step.run();
        } catch (TwilioConnectorInputException refused) {
            // the connector's own answer to bad input: a clear message before any request
        }
    }
}
