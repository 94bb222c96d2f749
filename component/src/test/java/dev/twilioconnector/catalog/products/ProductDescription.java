package dev.twilioconnector.catalog.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One of Twilio's official descriptions of a product other than the 2010 API, as the build fetched it with npm
 * ({@code twilio_<product>_v<N>.json}).
 *
 * @param key      the product as the file names it ({@code verify}, {@code ip_messaging}): the key of its
 *                 catalog file and of its base URL
 * @param product  the product's part of entity names ({@code Verify}, {@code IpMessaging})
 * @param version  the version the file names, 0 for the two files that name none ({@code twilio_preview.json},
 *                 {@code twilio_iam_organizations.json}: each is a product of its own)
 * @param file     the file's name
 * @param document the parsed description
 */
public record ProductDescription(String key, String product, int version, String file, JsonNode document) {

    private static final Pattern FILE = Pattern.compile("twilio_(.+?)(?:_v(\\d+))?\\.json");
    private static final String DIR = "package/twilio-oai/spec/json";
    private static final String API_2010 = "twilio_api_v2010.json";

    /** Every description but the 2010 API's, by product and newest version first. */
    public static List<ProductDescription> all() {
        Path dir = Path.of(System.getProperty("twilio.spec.dir", "../target/twilio-spec"), DIR);
        List<ProductDescription> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            ObjectMapper mapper = new ObjectMapper();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher matcher = FILE.matcher(name);
                if (name.equals(API_2010) || !matcher.matches()) {
                    continue;
                }
                String key = matcher.group(1);
                int version = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
                found.add(new ProductDescription(key, capitalised(key), version, name, mapper.readTree(file.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Twilio's descriptions are missing at " + dir
                    + "; the build fetches them with npm (sandbox/src/build/fetch-twilio-spec.sh)", e);
        }
        found.sort(Comparator.comparing(ProductDescription::key).thenComparing(ProductDescription::version,
                Comparator.reverseOrder()));
        return found;
    }

    /** The scheme and host every path of the description is served on. */
    public String host() {
        return document.path("servers").path(0).path("url").asText();
    }

    /** {@code verify} becomes {@code Verify}, {@code ip_messaging} {@code IpMessaging}. */
    private static String capitalised(String key) {
        StringBuilder name = new StringBuilder();
        for (String part : key.split("_")) {
            name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return name.toString();
    }
}
