package dev.twilioconnector.action;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One action of the catalog: a function with inputs and an output, for what is not a plain operation on a record.
 *
 * @param name        the action's name, {@code SendMessage}
 * @param description what it does, for the documentation
 * @param inputs      its input parameters
 * @param rules       rules over several inputs
 * @param request     the operation it makes of the inputs; null for a download or a query
 * @param output      what it returns: an entity's record, or declared fields of Twilio's answer; null for a download
 *                    or a query
 * @param watch       how it waits for a status, or null when it cannot wait
 * @param download    for an action that reads a record's content as a stream in place of making a request and
 *                    returning a record (then both null), what it reads; null otherwise
 * @param query       whether it runs SQL through the {@link QueryEngine} and returns rows, rather than a request
 */
public record Action(String name, String description, List<ActionInput> inputs, List<InputRule> rules,
                     ActionRequest request, ActionOutput output, StatusWatch watch, ContentDownload download,
                     boolean query) {

    public Action {
        inputs = List.copyOf(inputs);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The input {@code key} names, by its name or an alias, ignoring case. */
    public Optional<ActionInput> input(String key) {
        return inputs.stream().filter(input -> input.isCalled(key)).findFirst();
    }

    /** The input names, for error messages. */
    public String inputNames() {
        return inputs.stream().map(ActionInput::name).collect(Collectors.joining(", "));
    }

    public Optional<StatusWatch> statusWatch() {
        return Optional.ofNullable(watch);
    }
}
