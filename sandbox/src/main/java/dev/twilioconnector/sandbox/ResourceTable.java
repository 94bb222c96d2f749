package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The resource table ({@code resources.json}) and the resolution of paths against it. */
final class ResourceTable {

    private record TableFile(List<String> dateFields, List<ResourceType> resources) {
    }

    private final Set<String> dateFields;
    private final List<ResourceType> resources;

    private ResourceTable(TableFile table) {
        this.dateFields = Set.copyOf(table.dateFields());
        this.resources = List.copyOf(table.resources());
    }

    static ResourceTable load() {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = ResourceTable.class.getResourceAsStream("resources.json")) {
            return new ResourceTable(mapper.readValue(in, TableFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox resource table", e);
        }
    }

    /** Fields that hold instants: stored as {@link java.time.Instant}, rendered in RFC 2822. */
    Set<String> dateFields() {
        return dateFields;
    }

    ResourceType accounts() {
        return resources.stream().filter(ResourceType::isAccounts).findFirst().orElseThrow();
    }

    /** The resource whose records a nested resource hangs below, e.g. Calls for a call's Recordings. */
    Optional<ResourceType> parentOf(ResourceType type) {
        List<String> segments = type.segments();
        int variable = indexOfVariable(segments);
        if (variable <= 0) {
            return Optional.empty();
        }
        String parentPath = String.join("/", segments.subList(0, variable));
        return resources.stream().filter(r -> r.path().equals(parentPath) && !r.isAccounts()).findFirst();
    }

    /** The parent's id bound in a nested path. */
    static String parentId(ResolvedPath resolved) {
        List<String> segments = resolved.type().segments();
        return resolved.bindings().get(ResolvedPath.variable(segments.get(indexOfVariable(segments))));
    }

    private static int indexOfVariable(List<String> segments) {
        for (int i = 0; i < segments.size(); i++) {
            if (ResolvedPath.isVariable(segments.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Resolves a path below an account (segments without {@code .json}), e.g. {@code [Messages, SM..., Media]}.
     * Where several templates match, the one with the most literal segments wins, so that
     * {@code Calls/FeedbackSummary} is not taken for the call {@code FeedbackSummary}.
     */
    Optional<ResolvedPath> resolve(List<String> segments) {
        ResolvedPath best = null;
        int bestLiterals = -1;
        for (ResourceType type : resources) {
            if (type.isAccounts()) {
                continue;
            }
            ResolvedPath resolved = match(type, segments);
            int literals = resolved == null ? -1 : literalCount(type);
            if (literals > bestLiterals) {
                best = resolved;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Resolves {@code Accounts} or {@code Accounts/{Sid}}. */
    ResolvedPath resolveAccounts(List<String> segments) {
        return new ResolvedPath(accounts(), Map.of(), segments.size() > 1 ? segments.get(1) : null);
    }

    /** Resolves a collection path as the Java API takes it, e.g. {@code Messages/SM.../Media}. */
    ResolvedPath resolveCollection(String path) {
        List<String> segments = Arrays.asList(path.split("/"));
        Optional<ResolvedPath> resolved = "Accounts".equals(path)
                ? Optional.of(resolveAccounts(segments))
                : resolve(segments);
        if (resolved.isEmpty() || (resolved.get().isInstance() && !resolved.get().type().singleton())) {
            throw new IllegalArgumentException("Not a collection path: '" + path + "'. Known resources: "
                    + resources.stream().map(ResourceType::path).collect(Collectors.joining(", ")));
        }
        return resolved.get();
    }

    private static ResolvedPath match(ResourceType type, List<String> segments) {
        List<String> template = type.segments();
        boolean list = segments.size() == template.size();
        boolean instance = !type.singleton() && type.prefix() != null && segments.size() == template.size() + 1;
        if (!list && !instance) {
            return null;
        }
        Map<String, String> bindings = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            if (ResolvedPath.isVariable(expected)) {
                bindings.put(ResolvedPath.variable(expected), segments.get(i));
            } else if (!expected.equals(segments.get(i))) {
                return null;
            }
        }
        if (type.singleton()) {
            return new ResolvedPath(type, Map.copyOf(bindings), bindings.get(type.id()));
        }
        return new ResolvedPath(type, Map.copyOf(bindings), instance ? segments.get(template.size()) : null);
    }

    private static int literalCount(ResourceType type) {
        return (int) type.segments().stream().filter(s -> !ResolvedPath.isVariable(s)).count();
    }
}
