package dev.twilioconnector.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP request an operation becomes: a method and a path template whose {@code {Placeholders}}
 * name the account, the entity's id and its parent keys.
 */
public record HttpBinding(String method, String path) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** Parses the catalog's {@code "GET /2010-04-01/..."} form. */
    public static HttpBinding parse(String text) {
        int space = text.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("Expected 'METHOD /path' but got '" + text + "'");
        }
        return new HttpBinding(text.substring(0, space), text.substring(space + 1));
    }

    /** The placeholders of the path, in order. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return method + ' ' + path;
    }
}
