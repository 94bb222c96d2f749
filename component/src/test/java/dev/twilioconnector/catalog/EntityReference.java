package dev.twilioconnector.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes the entity reference of {@code docs/} from the catalog, so the two cannot drift apart. */
final class EntityReference {

    private EntityReference() {
    }

    static String markdown(Collection<Entity> entities) {
        StringBuilder out = new StringBuilder();
        out.append("Every entity, with its operations, the requests they become, and its fields. `Set on` says which\n"
                + "operations accept the field in the payload, in the body unless it says query or header; `Twilio\n"
                + "filters` says which conditions go to Twilio as query parameters (the rest are evaluated on each\n"
                + "record).\n\n");
        out.append("| Entity | Operations | Id | Parent keys | Twilio filters on |\n");
        out.append("|---|---|---|---|---|\n");
        for (Entity entity : entities) {
            out.append("| ").append(entity.name()).append(entity.legacy() ? " (legacy)" : "")
                    .append(" | ").append(entity.operationLabels())
                    .append(" | ").append(entity.idField() == null ? "" : "`" + entity.idField() + "`")
                    .append(" | ").append(String.join(", ", entity.parentKeys()))
                    .append(" | ").append(entity.fields().stream().filter(f -> !f.filters().isEmpty()).map(Field::name)
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        out.append('\n');
        for (Entity entity : entities) {
            out.append("<details><summary><b>").append(entity.name()).append("</b>: ")
                    .append(entity.operationLabels()).append("</summary>\n\n");
            if (entity.description() != null) {
                out.append(entity.description().replace("<", "&lt;")).append("\n\n");
            }
            for (Operation operation : entity.operations()) {
                out.append("- ").append(operation.label()).append(": `").append(entity.binding(operation)).append("`")
                        .append(entity.sendsJson(operation) ? " with a JSON body" : "").append("\n");
            }
            if (entity.idField() != null) {
                out.append("- id: `").append(entity.idField()).append("` matching `").append(entity.idPattern()).append("`\n");
            }
            out.append("\n| Field | Type | Twilio name | Set on | Twilio filters |\n|---|---|---|---|---|\n");
            for (Field field : entity.fields()) {
                out.append("| ").append(field.name())
                        .append(" | ").append(field.type().name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(twilioNames(field))
                        .append(" | ").append(setOn(field))
                        .append(" | ").append(field.filters().entrySet().stream().map(EntityReference::filter)
                                .collect(Collectors.joining(" ")))
                        .append(" |\n");
            }
            out.append("\n</details>\n\n");
        }
        return out.toString();
    }

    private static String setOn(Field field) {
        return Stream.of(Operation.values()).filter(field::acceptedOn)
                .map(op -> op.label() + (field.query().contains(op) ? " (query)" : "")
                        + (field.headers().contains(op) ? " (header)" : "")
                        + (field.required().contains(op) ? " (required)" : ""))
                .sorted().collect(Collectors.joining(", "));
    }

    private static String twilioNames(Field field) {
        StringBuilder names = new StringBuilder();
        if (field.wire() != null) {
            names.append('`').append(field.wire()).append('`');
        }
        if (field.param() != null && !field.param().equals(field.name())) {
            names.append(names.length() == 0 ? "" : ", ").append('`').append(field.param()).append('`');
        }
        return names.toString();
    }

    private static String filter(Map.Entry<Bound, String> entry) {
        return entry.getKey().symbol() + "&nbsp;`" + entry.getValue() + "`";
    }
}
