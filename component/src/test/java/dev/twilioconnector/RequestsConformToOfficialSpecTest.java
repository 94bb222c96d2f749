package dev.twilioconnector;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.twilioconnector.catalog.OfficialSpec;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a battery of operations against the sandbox and holds every request the connector sent
 * against Twilio's official OpenAPI description: the validator checks the method, path, query
 * parameters and authentication; the form parameters' names are checked against the operation's
 * request body (the validator's form reader guesses types from values, taking {@code +15558675310}
 * for an integer, so it cannot judge Twilio's form bodies).
 */
class RequestsConformToOfficialSpecTest extends SandboxTestSupport {

    private static final String MESSAGE = "SM3ad97d41e786c02bca47c8ce1745053b";
    private static final String CALL = "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6";
    /**
     * Twilio documents {@code YYYY-MM-DD} for its date filters ({@code DateSent>=2024-06-01}) and uses
     * it in this description's own examples, while the parameters' schema says date-time.
     */
    private static final Pattern DOCUMENTED_DAY_FILTER =
            Pattern.compile("String \"\\d{4}-\\d{2}-\\d{2}\" is invalid against requested date format.*");
    private static OpenApiInteractionValidator validator;

    @BeforeAll
    static void loadTheDescription() {
        validator = OpenApiInteractionValidator.createForSpecificationUrl(OfficialSpec.path().toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    @Test
    void everyRequestOfEveryOperationIsValidAccordingToTwiliosDescription() {
        sandbox.put("Messages", Map.of("sid", MESSAGE, "to", "+15551234567", "date_sent", "2024-06-01T10:00:00Z"));
        sandbox.put("Messages/" + MESSAGE + "/Media", Map.of("sid", "ME00000000000000000000000000000001"));
        sandbox.put("Calls", Map.of("sid", CALL, "status", "completed"));
        sandbox.put("Recordings", Map.of("sid", "RE2e915e78549694bd0a0742d2d39454e5", "call_sid", CALL));
        sandbox.put("IncomingPhoneNumbers", Map.of("sid", "PN4047ac009a15885690a50a1d388b8411"));
        sandbox.put("Queues", Map.of("sid", "QU00000000000000000000000000000001"));
        sandbox.clearRequests();

        callOk("twilio-connector:Messages/Create", "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"Hi\","
                + "\"MediaUrl\":[\"https://example.com/a.png\"],\"ValidityPeriod\":60,\"SendAsMms\":true}");
        callOk("twilio-connector:Messages/List", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE,
                "To = '+15551234567' AND Sender = '+15017122661' AND DateSent >= '2024-06-01' AND DateSent < '2024-06-30'"));
        callOk("twilio-connector:Messages/Get?entityId=" + MESSAGE, null);
        callOk("twilio-connector:Messages/Update?entityId=" + MESSAGE, "{\"Body\":\"\"}");
        callOk("twilio-connector:Media/List", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "MessageSid = '" + MESSAGE + "'"));
        callOk("twilio-connector:Calls/List", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE,
                "Status = 'completed' AND StartTime >= '2024-06-01T00:00:00Z' AND EndTime <= '2024-07-01'"));
        callOk("twilio-connector:Calls/Create", "{\"To\":\"+15558675310\",\"From\":\"+15017122661\","
                + "\"Url\":\"https://example.com/twiml\",\"StatusCallbackEvent\":[\"initiated\",\"answered\"]}");
        callOk("twilio-connector:Recordings/List", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "CallSid = '" + CALL + "'"));
        callOk("twilio-connector:Recordings/Get?entityId=RE2e915e78549694bd0a0742d2d39454e5", null);
        callOk("twilio-connector:Recordings/Get?entityId=RE2e915e78549694bd0a0742d2d39454e5", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "IncludeSoftDeleted = true"));
        callOk("twilio-connector:IncomingPhoneNumbers/Update?entityId=PN4047ac009a15885690a50a1d388b8411", "{\"Name\":\"Support\"}");
        callOk("twilio-connector:Queues/Create", "{\"Name\":\"support\",\"MaxSize\":10}");
        callOk("twilio-connector:Queues/Delete?entityId=QU00000000000000000000000000000001", null);
        callOk("twilio-connector:Messages/Delete", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, MESSAGE));

        List<String> problems = new ArrayList<>();
        for (RecordedRequest request : requests()) {
            ValidationReport report = validator.validateRequest(toValidatorRequest(request));
            report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .filter(message -> !DOCUMENTED_DAY_FILTER.matcher(message.getMessage()).matches())
                    .forEach(message -> problems.add(request.method() + " " + request.path() + ": " + message.getMessage()));
            Set<String> defined = OfficialSpec.formParameters(templateOf(request), request.method());
            request.formParams().keySet().stream().filter(name -> !defined.contains(name))
                    .forEach(name -> problems.add(request.method() + " " + request.path() + ": form parameter " + name));
        }
        assertThat(requests()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(problems).isEmpty();
    }

    private static SimpleRequest toValidatorRequest(RecordedRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path())
                .withHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (sandbox.accountSid() + ":" + sandbox.authToken()).getBytes(StandardCharsets.UTF_8)));
        request.queryParams().forEach((name, values) -> builder.withQueryParam(name, values));
        return builder.build();
    }

    /** The description's path template that the request's path instantiates. */
    private static String templateOf(RecordedRequest request) {
        Iterator<String> paths = OfficialSpec.document().path("paths").fieldNames();
        while (paths.hasNext()) {
            String template = paths.next();
            if (request.path().matches(template.replaceAll("\\{[A-Za-z]+}", "[^/]+").replace(".", "\\."))) {
                return template;
            }
        }
        throw new AssertionError("no path of the description matches " + request.path());
    }
}
