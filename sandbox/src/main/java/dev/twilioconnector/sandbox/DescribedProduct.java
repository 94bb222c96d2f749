package dev.twilioconnector.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every path of one product's descriptions (all its versions: {@code /v1/...} and {@code /v2/...} of Studio), as
 * the sandbox serves them under {@code /<key>}, the product's key in the connector's {@code baseUrls}.
 */
final class DescribedProduct {

    /** A concrete path matched to a template. */
    record Match(DescribedPath path, List<String> segments) {
    }

    private final String key;
    private final List<DescribedPath> paths;

    DescribedProduct(String key, List<DescribedPath> paths) {
        this.key = key;
        this.paths = List.copyOf(paths);
    }

    String key() {
        return key;
    }

    List<DescribedPath> paths() {
        return paths;
    }

    /**
     * The template that {@code segments} fill: of those of the same length whose fixed segments all match, the one
     * with the most fixed segments, so that {@code Workers/Statistics} is not taken for a Worker's SID.
     */
    Optional<Match> match(List<String> segments) {
        return paths.stream()
                .filter(p -> p.segments().size() == segments.size() && fits(p.segments(), segments))
                .max(Comparator.comparingLong(p -> p.segments().stream().filter(s -> !DescribedPath.isParameter(s)).count()))
                .map(p -> new Match(p, segments));
    }

    /** The member path of a collection: the collection's template and one parameter more. */
    Optional<DescribedPath> member(DescribedPath collection) {
        return paths.stream()
                .filter(p -> p.shape() == DescribedPath.Shape.MEMBER
                        && p.segments().size() == collection.segments().size() + 1
                        && sameShape(p.segments().subList(0, collection.segments().size()), collection.segments()))
                .findFirst();
    }

    /** The collection a member path belongs to, whatever its parameters are named. */
    Optional<DescribedPath> collection(List<String> memberSegments) {
        List<String> parent = memberSegments.subList(0, memberSegments.size() - 1);
        return paths.stream()
                .filter(p -> p.shape() == DescribedPath.Shape.COLLECTION && sameShape(p.segments(), parent))
                .findFirst();
    }

    /** The member path of this shape when the API creates its records: a parent that must exist. */
    Optional<DescribedPath> creatableMember(List<String> segments) {
        return paths.stream()
                .filter(p -> p.shape() == DescribedPath.Shape.MEMBER && sameShape(p.segments(), segments))
                .filter(p -> collection(p.segments()).map(c -> c.operation("POST") != null).orElse(false))
                .findFirst();
    }

    /** The fixed segments that extend a path by one: the children its {@code links} name. */
    List<String> children(DescribedPath path) {
        List<String> children = new ArrayList<>();
        int size = path.segments().size();
        for (DescribedPath p : paths) {
            if (p.segments().size() == size + 1 && sameShape(p.segments().subList(0, size), path.segments())) {
                String last = p.segments().get(size);
                if (!DescribedPath.isParameter(last) && !children.contains(last)) {
                    children.add(last);
                }
            }
        }
        return children;
    }

    private static boolean fits(List<String> template, List<String> concrete) {
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (DescribedPath.isParameter(segment) ? concrete.get(i).isEmpty() : !segment.equals(concrete.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameShape(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            boolean parameter = DescribedPath.isParameter(a.get(i));
            if (parameter != DescribedPath.isParameter(b.get(i)) || !parameter && !a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
