package dev.twilioconnector.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** Twilio's official OpenAPI description of the 2010-04-01 API, as the build fetched it with npm. */
public final class OfficialSpec {

    private static final String FILE = "package/twilio-oai/spec/json/twilio_api_v2010.json";
    private static JsonNode document;

    private OfficialSpec() {
    }

    public static Path path() {
        String dir = System.getProperty("twilio.spec.dir", "../target/twilio-spec");
        return Path.of(dir, FILE);
    }

    public static synchronized JsonNode document() {
        if (document == null) {
            try {
                document = new ObjectMapper().readTree(Files.readAllBytes(path()));
            } catch (IOException e) {
                throw new UncheckedIOException("Twilio's description is missing at " + path()
                        + "; the build fetches it with npm (sandbox/src/build/fetch-twilio-spec.sh)", e);
            }
        }
        return document;
    }

    /** The operation object of a path and method, or a missing node. */
    public static JsonNode operation(String path, String method) {
        return document().path("paths").path(path).path(method.toLowerCase());
    }

    /** The names of an operation's query parameters. */
    public static Set<String> queryParameters(String path, String method) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode parameter : operation(path, method).path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    /** The names of an operation's form parameters. */
    public static Set<String> formParameters(String path, String method) {
        Set<String> names = new LinkedHashSet<>();
        operation(path, method).path("requestBody").path("content").path("application/x-www-form-urlencoded")
                .path("schema").path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
