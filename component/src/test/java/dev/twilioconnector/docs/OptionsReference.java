package dev.twilioconnector.docs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Writes the option reference of {@code docs/} from the component's generated Camel metadata, the same descriptor
 * Camel tooling and the YAML DSL read, so the page lists every setting with the default the code has.
 */
final class OptionsReference {

    /** Options every Camel component and endpoint has; Camel's own documentation describes them. */
    private static final Predicate<String> CAMEL_STANDARD = name -> switch (name) {
        case "bridgeErrorHandler", "lazyStartProducer", "autowiredEnabled", "exceptionHandler", "exchangePattern",
             "pollStrategy", "sendEmptyMessageWhenIdle", "backoffErrorThreshold", "backoffIdleThreshold",
             "backoffMultiplier", "greedy", "repeatCount", "runLoggingLevel", "scheduledExecutorService", "scheduler",
             "schedulerProperties", "startScheduler", "timeUnit", "useFixedDelay" -> true;
        default -> false;
    };

    private OptionsReference() {
    }

    static String markdown(JsonNode descriptor) {
        StringBuilder out = new StringBuilder();
        out.append("Connection settings: component options, `camel.component.twilio-connector.<name>`"
                + " (or the `twilio.<name>` short form in the runner).\n\n");
        table(out, descriptor.path("componentProperties"), "setting");
        out.append("\nEndpoint options: `twilio-connector:<Entity>/<Operation>?<name>=<value>`, or YAML `parameters`."
                + " Camel's standard consumer and scheduler options (`greedy`, `scheduler`, `backoff*`, ...) work"
                + " as in every polling consumer.\n\n");
        table(out, descriptor.path("properties"), "option");
        out.append("\nHeaders (a header wins over the option of the same meaning):\n\n");
        out.append("| header | meaning |\n|---|---|\n");
        for (Map.Entry<String, JsonNode> header : descriptor.path("headers").properties()) {
            out.append("| `").append(header.getKey()).append("` | ").append(cell(header.getValue().path("description")))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static void table(StringBuilder out, JsonNode options, String noun) {
        out.append("| ").append(noun).append(" | group | default | meaning |\n|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            JsonNode value = option.getValue();
            if (CAMEL_STANDARD.test(option.getKey())) {
                continue;
            }
            out.append("| `").append(option.getKey()).append("`")
                    .append(value.path("kind").asText().equals("path") ? " (path)" : "")
                    .append(" | ").append(value.path("group").asText())
                    .append(" | ").append(value.has("defaultValue") ? "`" + value.path("defaultValue").asText() + "`" : "")
                    .append(" | ").append(value.path("secret").asBoolean() ? "Secret. " : "")
                    .append(cell(value.path("description")))
                    .append(value.has("enum") ? " One of " + enumValues(value.path("enum")) + "." : "")
                    .append(" |\n");
        }
    }

    private static String enumValues(JsonNode values) {
        StringBuilder out = new StringBuilder();
        for (JsonNode value : values) {
            out.append(out.isEmpty() ? "" : ", ").append('`').append(value.asText()).append('`');
        }
        return out.toString();
    }

    private static String cell(JsonNode text) {
        return text.asText().replace("|", "\\|").replace("{code ", "`").replace("<", "&lt;").replace("\n", " ");
    }
}
