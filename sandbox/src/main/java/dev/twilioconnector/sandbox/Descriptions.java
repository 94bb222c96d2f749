package dev.twilioconnector.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's descriptions of every product but the 2010 API, which the build packages into the sandbox's jar under
 * {@link #FOLDER} with an index of their names. A product's key is its file name's product
 * ({@code twilio_studio_v1.json} and {@code twilio_studio_v2.json} are {@code studio}), the key the connector's
 * {@code baseUrls} names it by. The descriptions of a product are read the first time it is asked for, once per JVM:
 * they are the same for every sandbox, and most tests never reach one.
 */
final class Descriptions {

    static final String FOLDER = "/dev/twilioconnector/sandbox/descriptions/";

    private static final Pattern FILE = Pattern.compile("twilio_(.+?)(_v\\d+)?\\.json");
    /** File names by product key, in the index's order. */
    private static final Map<String, List<String>> FILES = index();
    private static final List<String> KEYS = List.copyOf(FILES.keySet());
    private static final Map<String, DescribedProduct> READ = new ConcurrentHashMap<>();

    private Descriptions() {
    }

    /** The keys of the products described, in the index's order. */
    static List<String> keys() {
        return KEYS;
    }

    static Optional<DescribedProduct> product(String key) {
        if (!FILES.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(READ.computeIfAbsent(key, Descriptions::read));
    }

    private static DescribedProduct read(String key) {
        List<DescribedPath> paths = new ArrayList<>();
        for (String file : FILES.get(key)) {
            try (InputStream in = open(file)) {
                paths.addAll(DescriptionReader.read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Twilio's description " + file, e);
            }
        }
        return new DescribedProduct(key, paths);
    }

    private static Map<String, List<String>> index() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        try (BufferedReader index = new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
            for (String line = index.readLine(); line != null; line = index.readLine()) {
                Matcher file = FILE.matcher(line.trim());
                if (file.matches()) {
                    files.computeIfAbsent(file.group(1), k -> new ArrayList<>()).add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index of Twilio's descriptions", e);
        }
        return files;
    }

    private static InputStream open(String file) {
        InputStream in = Descriptions.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("Twilio's description " + file + " is not on the classpath under " + FOLDER
                    + "; the sandbox's build packages them (sandbox/src/build/package-twilio-descriptions.sh)");
        }
        return in;
    }
}
