package dev.twilioconnector.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets of {@code examples/kamelets} against the rules of Apache Camel's Kamelet catalog: those its validator
 * ({@code script/validator/validator.go} in apache/camel-kamelets) enforces and those its README says a Kamelet MUST or
 * SHOULD follow, plus this project's own (credentials, durations, the component's release). The validator is Go and
 * cannot run here, so its rules are written again below; each failure names the Kamelet and the rule.
 */
class KameletCatalogRulesTest {

    private static final Path KAMELETS = Path.of(System.getProperty("examples.dir", "../examples")).resolve("kamelets");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String TYPE_LABEL = "camel.apache.org/kamelet.type";
    private static final String CATALOG_VERSION = "camel.apache.org/catalog.version";
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    private static final String COMPONENT_CLASS = "#class:dev.twilioconnector.TwilioConnectorComponent";
    private static final String COMPONENT_ARTIFACT = "mvn:dev.twilioconnector:camel-twilio-connector:";
    private static final List<String> CREDENTIAL_PROPERTIES = List.of("accountSid", "authToken", "apiKeySid", "apiKeySecret");
    private static final Set<String> SECRET_PROPERTIES = Set.of("authToken", "apiKeySecret");
    private static final Set<String> SUPPORT_LEVELS = Set.of("Stable", "Preview", "Experimental");
    /** The words a property title may leave in lower case; the validator takes them from an English stop-word list. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
            "on", "or", "per", "the", "to", "with");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?::[^}]*)?}}");
    private static final Pattern DURATION_NAME = Pattern.compile("delay|period|lookback|.*(Delay|Period|Timeout)");

    /**
     * A rule a single Kamelet must follow: its name, what breaks it (one message a violation), and a mistake that
     * breaks it, made on a copy of a good Kamelet to show that the rule catches it.
     */
    private record Rule(String name, Function<Kamelet, List<String>> violations, Consumer<ObjectNode> mistake) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("the file is named <metadata.name>.kamelet.yaml", KameletCatalogRulesTest::fileName,
                    k -> metadataOf(k).put("name", "twilio-connector-other-source")),
            new Rule("label " + TYPE_LABEL + " is source, sink or action, and the name ends with it", KameletCatalogRulesTest::type,
                    k -> ((ObjectNode) metadataOf(k).path("labels")).put(TYPE_LABEL, "sink")),
            new Rule("annotation camel.apache.org/kamelet.icon is an SVG in a data: URI", KameletCatalogRulesTest::icon,
                    k -> annotationsOf(k).put("camel.apache.org/kamelet.icon", "https://example.com/icon.svg")),
            new Rule("annotations name the provider, support level, catalog version and group", KameletCatalogRulesTest::annotations,
                    k -> annotationsOf(k).put("camel.apache.org/kamelet.support.level", "Beta")),
            new Rule("the definition has a title ending with the type, a description and type object", KameletCatalogRulesTest::definition,
                    k -> definitionOf(k).put("title", "Twilio Connector")),
            new Rule("required properties are listed once and defined", KameletCatalogRulesTest::required,
                    k -> ((ArrayNode) definitionOf(k).path("required")).add("entity")),
            new Rule("every property has a type, a capitalized title not starting with The/A/An, and a description",
                    KameletCatalogRulesTest::properties, k -> propertyOf(k, "filterClause").put("title", "The filter clause")),
            new Rule("no property is named id, which every Kamelet has implicitly", KameletCatalogRulesTest::reservedId,
                    k -> ((ObjectNode) definitionOf(k).path("properties")).set("id", propertyOf(k, "entity").deepCopy())),
            new Rule("x-descriptors: a password is a credential, no deprecated prefix, none twice", KameletCatalogRulesTest::descriptors,
                    k -> propertyOf(k, "baseUrl").put("format", "password")),
            new Rule("accountSid, authToken, apiKeySid and apiKeySecret are credentials; authToken and apiKeySecret are passwords",
                    KameletCatalogRulesTest::credentials, k -> propertyOf(k, "authToken").remove("format")),
            new Rule("the template passes the credentials to a component of the Kamelet's own", KameletCatalogRulesTest::ownConnection,
                    k -> ((ObjectNode) k.path("spec").path("template")).remove("beans")),
            new Rule("every parameter the template uses is declared, and every declared one is used",
                    KameletCatalogRulesTest::usedParameters,
                    k -> ((ObjectNode) definitionOf(k).path("properties")).set("unused", propertyOf(k, "entity").deepCopy())),
            new Rule("a source sends to kamelet:sink, a sink consumes from kamelet:source", KameletCatalogRulesTest::templateConvention,
                    k -> ((ArrayNode) k.path("spec").path("template").path("from").path("steps")).remove(1)),
            new Rule("dependencies are camel:, mvn:group:artifact:version or github:apache/ references",
                    KameletCatalogRulesTest::dependencies,
                    k -> ((ArrayNode) k.path("spec").path("dependencies")).add("org.postgresql:postgresql:42.7.8")),
            new Rule("the component dependency is a release, the catalog version", KameletCatalogRulesTest::componentRelease,
                    k -> ((ArrayNode) k.path("spec").path("dependencies")).set(0, TextNode.valueOf(COMPONENT_ARTIFACT + "0.1.0-SNAPSHOT"))),
            new Rule("durations are strings that Camel reads as durations (60s)", KameletCatalogRulesTest::durations,
                    k -> propertyOf(k, "delay").put("type", "integer").put("default", 10000)),
            new Rule("spec.types gives the media type a source sends (out) or a sink takes (in)", KameletCatalogRulesTest::mediaTypes,
                    k -> ((ObjectNode) k.path("spec")).remove("types")));

    @TestFactory
    Stream<DynamicTest> everyKameletFollowsEveryRule() {
        List<Kamelet> kamelets = kamelets();
        assertThat(kamelets).extracting(Kamelet::name).contains("twilio-connector-source", "twilio-connector-sink");
        return kamelets.stream().flatMap(kamelet -> RULES.stream().map(rule -> DynamicTest.dynamicTest(
                kamelet.name() + ": " + rule.name(),
                () -> assertThat(rule.violations().apply(kamelet)).as("%s breaks the rule: %s", kamelet.name(), rule.name())
                        .isEmpty())));
    }

    @Test
    void titlesAndDescriptionsAreUniqueAcrossTheKamelets() {
        assertThat(duplicates(kamelets())).as("the rule: titles and descriptions are unique").isEmpty();
    }

    @Test
    void everyKameletHasTheSameCatalogVersion() {
        assertThat(catalogVersions(kamelets())).as("the rule: one " + CATALOG_VERSION + " across the Kamelets").hasSize(1);
    }

    /** Each rule catches the mistake it is there for: a copy of the source Kamelet with that mistake breaks the rule. */
    @TestFactory
    Stream<DynamicTest> eachRuleCatchesAKameletThatBreaksIt() {
        Kamelet source = kamelets().stream().filter(k -> k.name().equals("twilio-connector-source")).findFirst().orElseThrow();
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.name(), () -> {
            ObjectNode broken = source.yaml().deepCopy();
            rule.mistake().accept(broken);
            assertThat(rule.violations().apply(new Kamelet(source.file(), broken))).as("a Kamelet that breaks: %s", rule.name())
                    .isNotEmpty();
        }));
    }

    @Test
    void theCrossKameletRulesCatchADuplicateAndASecondVersion() {
        Kamelet source = kamelets().get(0);
        ObjectNode copy = source.yaml().deepCopy();
        annotationsOf(copy).put(CATALOG_VERSION, "0.0.9");
        List<Kamelet> two = List.of(source, new Kamelet(source.file(), copy));
        assertThat(duplicates(two)).isNotEmpty();
        assertThat(catalogVersions(two)).hasSize(2);
    }

    private static List<String> fileName(Kamelet kamelet) {
        String expected = kamelet.name() + ".kamelet.yaml";
        return kamelet.file().getFileName().toString().equals(expected) ? List.of()
                : List.of("the file " + kamelet.file().getFileName() + " holds the Kamelet " + kamelet.name());
    }

    private static List<String> type(Kamelet kamelet) {
        String type = kamelet.type();
        if (!Set.of("source", "sink", "action").contains(type)) {
            return List.of("the type label is '" + type + "'");
        }
        return kamelet.name().endsWith("-" + type) ? List.of() : List.of("the name does not end with -" + type);
    }

    private static List<String> icon(Kamelet kamelet) {
        String prefix = "data:image/svg+xml;base64,";
        String icon = kamelet.annotation("camel.apache.org/kamelet.icon");
        if (!icon.startsWith(prefix)) {
            return List.of("the icon is not a base64 SVG data: URI: " + abbreviate(icon));
        }
        try {
            byte[] svg = Base64.getDecoder().decode(icon.substring(prefix.length()));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
            String root = document.getDocumentElement().getLocalName();
            return "svg".equals(root) ? List.of() : List.of("the icon's root element is " + root + ", not svg");
        } catch (Exception e) {
            return List.of("the icon is not an SVG document: " + e.getMessage());
        }
    }

    private static List<String> annotations(Kamelet kamelet) {
        List<String> violations = new ArrayList<>();
        for (String annotation : List.of("camel.apache.org/provider", CATALOG_VERSION, "camel.apache.org/kamelet.group")) {
            if (kamelet.annotation(annotation).isBlank()) {
                violations.add("no " + annotation);
            }
        }
        String level = kamelet.annotation("camel.apache.org/kamelet.support.level");
        if (!SUPPORT_LEVELS.contains(level)) {
            violations.add("support level '" + level + "' is none of " + SUPPORT_LEVELS);
        }
        return violations;
    }

    private static List<String> definition(Kamelet kamelet) {
        JsonNode definition = kamelet.definition();
        List<String> violations = new ArrayList<>();
        String type = kamelet.type();
        String title = definition.path("title").asText();
        if (title.isBlank() || type.isEmpty()
                || !title.endsWith(Character.toUpperCase(type.charAt(0)) + type.substring(1))) {
            violations.add("title '" + title + "' does not end with the type " + type);
        }
        if (definition.path("description").asText().isBlank()) {
            violations.add("no description");
        }
        if (!definition.path("type").asText().equals("object")) {
            violations.add("type is not object");
        }
        return violations;
    }

    private static List<String> required(Kamelet kamelet) {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : kamelet.definition().path("required")) {
            if (!seen.add(name.asText())) {
                violations.add(name.asText() + " is listed twice");
            }
            if (!kamelet.properties().has(name.asText())) {
                violations.add(name.asText() + " is required but not defined");
            }
        }
        return violations;
    }

    private static List<String> properties(Kamelet kamelet) {
        List<String> violations = new ArrayList<>();
        kamelet.properties().fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode property = entry.getValue();
            if (property.path("type").asText().isBlank()) {
                violations.add(name + " has no type");
            }
            if (property.path("description").asText().isBlank()) {
                violations.add(name + " has no description");
            }
            String title = property.path("title").asText();
            if (title.isBlank()) {
                violations.add(name + " has no title");
            }
            for (String article : List.of("The ", "A ", "An ")) {
                if (title.startsWith(article)) {
                    violations.add(name + "'s title starts with '" + article.trim() + "'");
                }
            }
            for (String word : title.split(" ")) {
                if (!word.isEmpty() && !STOP_WORDS.contains(word.toLowerCase()) && Character.isLowerCase(word.charAt(0))) {
                    violations.add(name + "'s title has the word '" + word + "' in lower case");
                }
            }
        });
        return violations;
    }

    private static List<String> reservedId(Kamelet kamelet) {
        return kamelet.properties().has("id") ? List.of("a property is named id") : List.of();
    }

    private static List<String> descriptors(Kamelet kamelet) {
        List<String> violations = new ArrayList<>();
        kamelet.properties().fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            List<String> descriptors = texts(entry.getValue().path("x-descriptors"));
            if (entry.getValue().path("format").asText().equals("password") && !descriptors.contains(CREDENTIALS)) {
                violations.add(name + " is a password without the descriptor " + CREDENTIALS);
            }
            if (descriptors.stream().anyMatch(d -> d.startsWith("urn:alm:descriptor:com.tectonic.ui"))) {
                violations.add(name + " uses the deprecated urn:alm:descriptor:com.tectonic.ui descriptors");
            }
            if (new HashSet<>(descriptors).size() != descriptors.size()) {
                violations.add(name + " lists a descriptor twice");
            }
        });
        return violations;
    }

    private static List<String> credentials(Kamelet kamelet) {
        List<String> violations = new ArrayList<>();
        for (String name : CREDENTIAL_PROPERTIES) {
            JsonNode property = kamelet.properties().path(name);
            if (!texts(property.path("x-descriptors")).contains(CREDENTIALS)) {
                violations.add(name + " is not a credential (" + CREDENTIALS + ")");
            }
            if (SECRET_PROPERTIES.contains(name) && !property.path("format").asText().equals("password")) {
                violations.add(name + " is not format: password");
            }
        }
        return violations;
    }

    private static List<String> ownConnection(Kamelet kamelet) {
        JsonNode template = kamelet.template();
        JsonNode component = null;
        for (JsonNode bean : template.path("beans")) {
            if (bean.path("type").asText().equals(COMPONENT_CLASS)) {
                component = bean;
            }
        }
        if (component == null) {
            return List.of("no template bean of type " + COMPONENT_CLASS);
        }
        List<String> violations = new ArrayList<>();
        for (String name : CREDENTIAL_PROPERTIES) {
            String value = component.path("properties").path(name).asText();
            if (!value.equals("{{" + name + "}}") && !value.equals("{{?" + name + "}}")) {
                violations.add("the component's " + name + " is '" + value + "', not the Kamelet's " + name);
            }
        }
        String scheme = "{{" + component.path("name").asText() + "}}:";
        List<String> uris = uris(template);
        if (uris.stream().noneMatch(uri -> uri.startsWith(scheme))) {
            violations.add("no endpoint of the template uses the component " + scheme);
        }
        uris.stream().filter(uri -> uri.startsWith("twilio-connector:"))
                .forEach(uri -> violations.add(uri + " uses the integration's component, not the Kamelet's"));
        return violations;
    }

    private static List<String> usedParameters(Kamelet kamelet) {
        Set<String> used = new HashSet<>();
        strings(kamelet.template()).forEach(text -> {
            Matcher parameter = PARAMETER.matcher(text);
            while (parameter.find()) {
                used.add(parameter.group(1));
            }
        });
        Set<String> declared = new HashSet<>();
        kamelet.properties().fieldNames().forEachRemaining(declared::add);
        kamelet.template().path("beans").forEach(bean -> declared.add(bean.path("name").asText()));
        List<String> violations = new ArrayList<>();
        used.stream().filter(name -> !declared.contains(name)).sorted()
                .forEach(name -> violations.add(name + " is used but not declared"));
        declared.stream().filter(name -> !used.contains(name)).sorted()
                .forEach(name -> violations.add(name + " is declared but never used"));
        return violations;
    }

    private static List<String> templateConvention(Kamelet kamelet) {
        List<String> texts = strings(kamelet.template());
        return switch (kamelet.type()) {
            case "source" -> texts.contains("kamelet:sink") ? List.of() : List.of("the source does not send to kamelet:sink");
            case "sink" -> texts.contains("kamelet:source") ? List.of() : List.of("the sink does not consume from kamelet:source");
            default -> List.of();
        };
    }

    private static List<String> dependencies(Kamelet kamelet) {
        return texts(kamelet.yaml().path("spec").path("dependencies")).stream()
                .filter(dependency -> !dependency.matches("camel:[a-z0-9-]+")
                        && !dependency.matches("mvn:[^:]+:[^:]+:[^:]+")
                        && !dependency.startsWith("github:apache/"))
                .map(dependency -> dependency + " is not a camel:, mvn:group:artifact:version or github:apache/ reference")
                .toList();
    }

    private static List<String> componentRelease(Kamelet kamelet) {
        List<String> components = texts(kamelet.yaml().path("spec").path("dependencies")).stream()
                .filter(dependency -> dependency.startsWith(COMPONENT_ARTIFACT)).toList();
        if (components.size() != 1) {
            return List.of("depends " + components.size() + " times on " + COMPONENT_ARTIFACT + "<version>");
        }
        String version = components.get(0).substring(COMPONENT_ARTIFACT.length());
        List<String> violations = new ArrayList<>();
        if (version.endsWith("-SNAPSHOT")) {
            violations.add("depends on the unreleased " + version);
        }
        if (!version.equals(kamelet.annotation(CATALOG_VERSION))) {
            violations.add("depends on " + version + " but its catalog version is " + kamelet.annotation(CATALOG_VERSION));
        }
        return violations;
    }

    private static List<String> durations(Kamelet kamelet) {
        List<String> violations = new ArrayList<>();
        kamelet.properties().fields().forEachRemaining(entry -> {
            if (!DURATION_NAME.matcher(entry.getKey()).matches()) {
                return;
            }
            JsonNode property = entry.getValue();
            if (!property.path("type").asText().equals("string")) {
                violations.add(entry.getKey() + " is of type " + property.path("type").asText() + ", not a string such as 60s");
            }
            for (String example : List.of("default", "example")) {
                JsonNode value = property.path(example);
                if (value.isMissingNode()) {
                    continue;
                }
                if (!value.isTextual()) {
                    violations.add(entry.getKey() + "'s " + example + " " + value + " is not a string");
                    continue;
                }
                try {
                    TimeUtils.toMilliSeconds(value.asText());
                } catch (RuntimeException e) {
                    violations.add(entry.getKey() + "'s " + example + " '" + value.asText() + "' is not a duration");
                }
            }
        });
        return violations;
    }

    private static List<String> mediaTypes(Kamelet kamelet) {
        String direction = switch (kamelet.type()) {
            case "source" -> "out";
            case "sink" -> "in";
            default -> null;
        };
        if (direction == null) {
            return List.of();
        }
        String mediaType = kamelet.yaml().path("spec").path("types").path(direction).path("mediaType").asText();
        return mediaType.contains("/") ? List.of() : List.of("no spec.types." + direction + ".mediaType");
    }

    private static List<String> duplicates(List<Kamelet> kamelets) {
        List<String> violations = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        for (Kamelet kamelet : kamelets) {
            if (!titles.add(kamelet.definition().path("title").asText())) {
                violations.add(kamelet.name() + " has another Kamelet's title");
            }
            if (!descriptions.add(kamelet.definition().path("description").asText())) {
                violations.add(kamelet.name() + " has another Kamelet's description");
            }
        }
        return violations;
    }

    private static Set<String> catalogVersions(List<Kamelet> kamelets) {
        Set<String> versions = new HashSet<>();
        kamelets.forEach(kamelet -> versions.add(kamelet.annotation(CATALOG_VERSION)));
        return versions;
    }

    /** One Kamelet file, parsed. */
    private record Kamelet(Path file, JsonNode yaml) {

        String name() {
            return yaml.path("metadata").path("name").asText();
        }

        String type() {
            return yaml.path("metadata").path("labels").path(TYPE_LABEL).asText();
        }

        String annotation(String key) {
            return yaml.path("metadata").path("annotations").path(key).asText();
        }

        JsonNode definition() {
            return yaml.path("spec").path("definition");
        }

        JsonNode properties() {
            return definition().path("properties");
        }

        JsonNode template() {
            return yaml.path("spec").path("template");
        }
    }

    private static List<Kamelet> kamelets() {
        try (Stream<Path> files = Files.list(KAMELETS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".kamelet.yaml")).sorted()
                    .map(file -> new Kamelet(file, read(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not a YAML file: " + file, e);
        }
    }

    /** The endpoint URIs of a template: every {@code uri} value and every step written as {@code to: <uri>}. */
    private static List<String> uris(JsonNode template) {
        List<String> uris = new ArrayList<>();
        collect(template, (key, value) -> {
            if (key.equals("uri") || key.equals("to")) {
                uris.add(value);
            }
        });
        return uris;
    }

    private static List<String> strings(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, (key, value) -> texts.add(value));
        return texts;
    }

    private static void collect(JsonNode node, BiConsumer<String, String> text) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getValue().isTextual()) {
                    text.accept(entry.getKey(), entry.getValue().asText());
                } else {
                    collect(entry.getValue(), text);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> {
                if (element.isTextual()) {
                    text.accept("", element.asText());
                } else {
                    collect(element, text);
                }
            });
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static ObjectNode metadataOf(ObjectNode kamelet) {
        return (ObjectNode) kamelet.path("metadata");
    }

    private static ObjectNode annotationsOf(ObjectNode kamelet) {
        return (ObjectNode) kamelet.path("metadata").path("annotations");
    }

    private static ObjectNode definitionOf(ObjectNode kamelet) {
        return (ObjectNode) kamelet.path("spec").path("definition");
    }

    private static ObjectNode propertyOf(ObjectNode kamelet, String name) {
        return (ObjectNode) kamelet.path("spec").path("definition").path("properties").path(name);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
