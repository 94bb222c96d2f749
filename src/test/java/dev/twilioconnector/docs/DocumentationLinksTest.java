package dev.twilioconnector.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation a new engineer reads: the README as a front page that fits in ten minutes, and links between
 * the pages that lead somewhere. A relative link must name a file or folder of the repository and, with a
 * {@code #fragment} into a Markdown page, a heading of that page, as GitHub makes anchors of headings.
 */
class DocumentationLinksTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("repository.dir", "..")).toAbsolutePath().normalize();
    private static final int README_MOST_LINES = 300;
    private static final List<String> PAGES = List.of("README.md", "runtime/README.md", "sandbox/README.md",
            "examples/README.md", "docs/options.md", "docs/entities/api.md");

    private static final Pattern FENCE = Pattern.compile("(?m)^```.*?^```", Pattern.DOTALL);
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\n]*`");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]\n]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void readmeFitsOnAFrontPage() throws IOException {
        assertThat(Files.readAllLines(REPOSITORY.resolve("README.md")))
                .as("README.md is the front page: keep it under %d lines, move details to docs/ or a module's README",
                        README_MOST_LINES)
                .hasSizeLessThanOrEqualTo(README_MOST_LINES);
    }

    @Test
    void everyRelativeLinkReachesAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(page)) {
                checked++;
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(REPOSITORY.relativize(page) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(checked).as("relative links checked").isPositive();
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    private static Set<Path> pages() throws IOException {
        Set<Path> pages = new LinkedHashSet<>();
        for (String page : PAGES) {
            Path file = REPOSITORY.resolve(page);
            assertThat(file).as("documentation page").isRegularFile();
            pages.add(file);
        }
        try (Stream<Path> docs = Files.walk(REPOSITORY.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The relative link targets of a page, leaving out code, where brackets and parentheses are not links. */
    private static List<String> links(Path page) throws IOException {
        String text = CODE_SPAN.matcher(FENCE.matcher(Files.readString(page)).replaceAll("")).replaceAll("code");
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            if (!SCHEME.matcher(link.group(1)).find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    private static String problem(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? page
                : (path.startsWith("/") ? REPOSITORY.resolve(path.substring(1)) : page.getParent().resolve(path)).normalize();
        if (!file.startsWith(REPOSITORY) || !Files.exists(file)) {
            return "no such file or folder: " + REPOSITORY.relativize(file);
        }
        if (hash >= 0 && file.toString().endsWith(".md") && !anchors(file).contains(target.substring(hash + 1))) {
            return "no such heading in " + REPOSITORY.relativize(file);
        }
        return null;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
        while (heading.find()) {
            String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int repeats = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
        }
        return anchors;
    }
}
