package dev.twilioconnector.action;

import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.catalog.Operation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The action catalog as Markdown: per action its inputs, the rules over them, its request, what it waits for, and its
 * output, an entity's record or a table of the fields it returns.
 */
final class ActionReference {

    private ActionReference() {
    }

    static String markdown(ActionCatalog catalog) {
        StringBuilder page = new StringBuilder();
        page.append("Run an action with `twilio-connector:actions/<Action>`. Its inputs come from the body, a JSON object")
                .append(" or a `Map`, and from headers `CamelTwilioConnector<Input>` (e.g. `CamelTwilioConnectorTo`), which")
                .append(" win over the body. Every input is checked before any request; each request goes through the")
                .append(" connection's throttle, retries and circuit breaker, like an operation's. The action sets headers")
                .append(" `CamelTwilioConnectorSid` (the SID of the record it returns) and, when it can wait,")
                .append(" `CamelTwilioConnectorStatus`. A download action puts the content in the body as a stream")
                .append(" instead of a record.\n\n")
                .append("| action | what it does |\n|---|---|\n");
        catalog.actions().forEach(action -> page.append("| [").append(action.name()).append("](#")
                .append(action.name().toLowerCase(Locale.ROOT)).append(") | ").append(action.description()).append(" |\n"));
        catalog.actions().forEach(action -> section(page, action));
        return page.toString();
    }

    private static void section(StringBuilder page, Action action) {
        page.append("\n## ").append(action.name()).append("\n\n").append(action.description()).append("\n\n")
                .append("| input | type | required | also called | allowed | description |\n|---|---|---|---|---|---|\n");
        for (ActionInput input : action.inputs()) {
            page.append("| `").append(input.name()).append("` | ").append(type(input.type())).append(" | ")
                    .append(input.required() ? "yes" : "").append(" | ").append(String.join(", ", input.aliases()))
                    .append(" | ").append(allowed(input)).append(" | ").append(input.description()).append(" |\n");
        }
        if (!action.rules().isEmpty()) {
            page.append("\nRules, checked before any request:\n\n");
            action.rules().forEach(rule -> page.append("- ").append(rule(rule)).append('\n'));
        }
        if (action.download() != null) {
            download(page, action.download());
            return;
        }
        if (action.query()) {
            query(page);
            return;
        }
        ActionRequest request = action.request();
        page.append("\nRequest: `").append(request.entity().name()).append(' ').append(request.operation().label())
                .append("` with each input as the field of the same name");
        request.whenGiven().forEach((input, fields) -> page.append("; with `").append(input).append("`, also ")
                .append(fields.entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                        .collect(Collectors.joining(", "))));
        page.append(".\n");
        action.statusWatch().ifPresent(watch -> page.append("\nOptions `waitForStatus` (")
                .append(watch.choices().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")))
                .append(") and `waitTimeout`: reads the record again (`").append(watch.entity().name())
                .append(" Get`) until its `").append(watch.field()).append("` reaches the status; ")
                .append(watch.failed().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")))
                .append(" fail with `TwilioConnectorStatusException` carrying Twilio's `ErrorCode`; the timeout fails with")
                .append(" `TwilioConnectorWaitTimeoutException` telling the last status seen.\n"));
        output(page, action);
    }

    private static void output(StringBuilder page, Action action) {
        ActionOutput output = action.output();
        if (output.record()) {
            page.append("\nOutput: the `").append(output.entity().name()).append("` record: ")
                    .append(output.fields().stream().map(f -> "`" + f.name() + "`").collect(Collectors.joining(", ")))
                    .append(".\n");
            return;
        }
        ActionRequest request = action.request();
        page.append("\nOutput: Twilio answers `").append(request.entity().name()).append(' ')
                .append(request.operation().label()).append("` with no `").append(output.entity().name())
                .append("` record; the action returns these fields of the answer, and sets no `CamelTwilioConnectorSid`:\n\n")
                .append("| field | type | description |\n|---|---|---|\n");
        output.fields().forEach(field -> page.append("| `").append(field.name()).append("` | ").append(type(field.type()))
                .append(" | ").append(field.description()).append(" |\n"));
    }

    private static void download(StringBuilder page, ContentDownload download) {
        String path = download.entity().binding(Operation.GET).path();
        page.append("\nRequest: `GET ").append(path, 0, path.length() - ".json".length())
                .append(download.formatInput() == null ? "" : ".{" + download.formatInput() + "}").append("` with ")
                .append(download.pathInputs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> "`{" + e.getKey() + "}` from `" + e.getValue() + "`").collect(Collectors.joining(", ")))
                .append(". Twilio answers with a redirect to a temporary address on its storage host, which is followed")
                .append(" without the `Authorization` header: credentials go to the base URL's host only.\n")
                .append("\nOutput: the body is an `InputStream` of the content, read as it arrives, never held whole in")
                .append(" memory; headers `CamelTwilioConnectorSid` (the ").append(download.entity().name())
                .append(" record's SID), `CamelTwilioConnectorContentType` (and Camel's `Content-Type`) and")
                .append(" `CamelTwilioConnectorContentLength`. Whatever takes the body closes it (Camel's `file:`, `http:`,")
                .append(" `aws2-s3:` producers do); a stream still open when the exchange completes is closed then.\n");
    }

    private static void query(StringBuilder page) {
        page.append("\nRequests: the query's Lists, through the `").append(QueryEngine.ARTIFACT).append("` artifact's SQL")
                .append(" engine ([sql.md](sql.md#the-action-executecustomquery)), which must be on the class path; without it")
                .append(" the route fails when it starts, naming the artifact. Each List goes through the connection's call path.\n")
                .append("\nOptions `pageSize` (default 25, at most 1000) and `pageToken`: one page of rows, as a List's; header")
                .append(" `CamelTwilioConnectorNextPageToken` (the number of rows before the next page) is set when more rows")
                .append(" follow. `streamResults`: the body is an `Iterator` of every row, read as it is consumed.\n")
                .append("\nOutput: a `List<Map<String,Object>>` of rows, each by column label (`N` of `COUNT(*) AS N`).\n");
    }

    private static String type(FieldType type) {
        return type == FieldType.LIST ? "list of text" : type.name().toLowerCase(Locale.ROOT);
    }

    private static String allowed(ActionInput input) {
        if (!input.allowed().isEmpty()) {
            return String.join(", ", input.allowed()) + (input.defaultValue() == null ? ""
                    : " (default " + input.defaultValue() + ")");
        }
        return input.pattern() == null ? "" : "`" + input.pattern().pattern().replace("|", "\\|") + "`";
    }

    private static String rule(InputRule rule) {
        if (rule instanceof InputRule.Needs needs) {
            return "`" + needs.input() + "` needs `" + needs.needed() + "`";
        }
        InputRule.Alternatives alternatives = (InputRule.Alternatives) rule;
        List<String> choices = alternatives.alternatives().stream()
                .map(choice -> choice.stream().map(name -> "`" + name + "`").collect(Collectors.joining(" and/or ")))
                .toList();
        return (alternatives.exclusive() ? "exactly one of " : "at least one of ") + String.join(", or ", choices);
    }
}
