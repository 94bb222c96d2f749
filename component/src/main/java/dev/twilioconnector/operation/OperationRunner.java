package dev.twilioconnector.operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.HttpBinding;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.client.AnswerReader;
import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.client.TwilioResponse;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.filter.FilterPlan;
import dev.twilioconnector.filter.FilterPlanner;
import dev.twilioconnector.filter.SortOrder;
import dev.twilioconnector.wire.BoundPayload;
import dev.twilioconnector.wire.FormParameters;
import dev.twilioconnector.wire.PayloadBinder;
import dev.twilioconnector.wire.RecordReader;
import dev.twilioconnector.wire.WirePage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out one operation on an entity: checks every input, turns it into Twilio requests, and
 * Twilio's answers into records. Each request goes through the one {@code send} function the
 * connection gives, so whatever stands in front of it (the node throttle, retries) sees them all.
 */
public final class OperationRunner {

    private final Function<TwilioRequest, TwilioResponse> send;
    private final RequestPaths paths;
    private final RecordReader reader;
    private final PayloadBinder binder;

    public OperationRunner(String accountSid, Function<TwilioRequest, TwilioResponse> send, ObjectMapper mapper) {
        this.send = send;
        this.paths = new RequestPaths(accountSid);
        this.reader = new RecordReader(mapper);
        this.binder = new PayloadBinder(mapper);
    }

    public ConnectorResult run(ConnectorRequest request) {
        checkPageSize(request.pageSize());
        switch (request.operation()) {
            case LIST:
                return list(request);
            case GET:
                return new ConnectorResult(get(request), null);
            case CREATE:
                return new ConnectorResult(create(request), null);
            case UPDATE:
                return new ConnectorResult(update(request), null);
            case DELETE:
                return new ConnectorResult(delete(request), null);
            default:
                throw new IllegalStateException("Unhandled operation " + request.operation());
        }
    }

    private ConnectorResult list(ConnectorRequest request) {
        FilterPlan conditions = plan(request.entity(), request.filterClause());
        BoundPayload parameters = binder.request(request.entity(), Operation.LIST, request.payload(),
                conditions.requestValues());
        Map<String, String> pathValues = merge(parameters.pathValues(), conditions.parentKeys());
        Lister lister = new Lister(request, conditions, pathValues, parameters);
        if (request.sortByColumns() != null && !request.sortByColumns().isBlank()) {
            return lister.sorted(request.sortByColumns());
        }
        return lister.page();
    }

    private Map<String, Object> get(ConnectorRequest request) {
        Entity entity = request.entity();
        FilterPlan conditions = plan(entity, request.filterClause());
        Map<String, String> pathValues = addressed(request, conditions);
        BoundPayload parameters = binder.request(entity, Operation.GET, request.payload(), conditions.requestValues());
        return fetch(entity, pathValues, parameters, request.purpose());
    }

    private Map<String, Object> fetch(Entity entity, Map<String, String> pathValues, BoundPayload parameters,
                                      String purpose) {
        String target = paths.expand(entity, entity.binding(Operation.GET), purpose, pathValues)
                + QueryStrings.of(parameters.query());
        return record(send.apply(request(entity, "GET", target, parameters, purpose,
                json -> reader.read(entity, json, pathValues))));
    }

    private Map<String, Object> create(ConnectorRequest request) {
        Entity entity = request.entity();
        BoundPayload bound = binder.bind(entity, Operation.CREATE, request.payload());
        Map<String, String> pathValues = new LinkedHashMap<>(bound.pathValues());
        if (request.entityId() != null && entity.idField() != null) {
            pathValues.put(entity.idField(), request.entityId());
        }
        return post(entity, Operation.CREATE, pathValues, bound, request.purpose());
    }

    private Object update(ConnectorRequest request) {
        Entity entity = request.entity();
        BoundPayload bound = binder.bind(entity, Operation.UPDATE, request.payload());
        if (targetsOne(request, bound)) {
            Map<String, String> pathValues = merge(bound.pathValues(), idOf(request));
            return post(entity, Operation.UPDATE, pathValues, bound, request.purpose());
        }
        List<String> touched = new ArrayList<>();
        for (Map<String, String> target : matching(request, bound.pathValues())) {
            post(entity, Operation.UPDATE, target, bound, request.purpose());
            touched.add(target.get(entity.idField()));
        }
        return bulkResult(touched);
    }

    private Object delete(ConnectorRequest request) {
        Entity entity = request.entity();
        FilterPlan conditions = plan(entity, request.filterClause());
        BoundPayload parameters = binder.request(entity, Operation.DELETE, request.payload(), conditions.requestValues());
        Map<String, String> address = parameters.pathValues();
        if (targetsOne(request, parameters)) {
            Map<String, String> pathValues = merge(merge(address, conditions.parentKeys()), idOf(request));
            remove(entity, pathValues, parameters, request.purpose());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(entity.idField() == null ? "Sid" : entity.idField(), pathValues.get(entity.idField()));
            return result;
        }
        List<String> touched = new ArrayList<>();
        for (Map<String, String> target : matching(request, address)) {
            remove(entity, target, parameters, request.purpose());
            touched.add(target.get(entity.idField()));
        }
        return bulkResult(touched);
    }

    /** An entityId, or an id in the payload with no filterClause, addresses one record. */
    private static boolean targetsOne(ConnectorRequest request, BoundPayload bound) {
        Entity entity = request.entity();
        boolean hasFilter = request.filterClause() != null && !request.filterClause().isBlank();
        if (request.entityId() != null && !request.entityId().isBlank()) {
            return true;
        }
        if (!hasFilter && entity.idField() != null && bound.pathValues().containsKey(entity.idField())) {
            return true;
        }
        if (!hasFilter && entity.idField() != null) {
            throw new TwilioConnectorInputException(request.purpose() + " needs an entityId or a non-empty filterClause;"
                    + " an empty condition never means every record");
        }
        return entity.idField() == null;
    }

    private static Map<String, String> idOf(ConnectorRequest request) {
        Entity entity = request.entity();
        if (request.entityId() == null || request.entityId().isBlank() || entity.idField() == null) {
            return Map.of();
        }
        return Map.of(entity.idField(), request.entityId());
    }

    private Map<String, String> addressed(ConnectorRequest request, FilterPlan conditions) {
        Map<String, String> pathValues = merge(binder.addressOf(request.entity(), request.payload()), conditions.parentKeys());
        conditions.idEquality().ifPresent(id -> pathValues.putIfAbsent(request.entity().idField(), id));
        return merge(pathValues, idOf(request));
    }

    /** The id and parent keys of every record the filterClause keeps, read before any is changed. */
    private List<Map<String, String>> matching(ConnectorRequest request, Map<String, String> address) {
        Entity entity = request.entity();
        FilterPlan conditions = plan(entity, request.filterClause());
        Map<String, String> pathValues = merge(address, conditions.parentKeys());
        List<Map<String, Object>> records;
        Optional<String> id = conditions.idEquality();
        if (id.isPresent() && entity.allows(Operation.GET)) {
            records = fetchIfExists(entity, merge(pathValues, Map.of(entity.idField(), id.get())),
                    BoundPayload.addressOnly(pathValues), request.purpose())
                    .filter(conditions::matches).map(List::of).orElse(List.of());
        } else if (entity.allows(Operation.LIST)) {
            records = new Lister(request, conditions, pathValues, BoundPayload.addressOnly(pathValues)).all();
        } else {
            throw new TwilioConnectorInputException(entity.name() + " cannot be listed, so " + request.purpose()
                    + " needs an entityId or a filterClause of the form " + entity.idField() + " = '...'");
        }
        List<Map<String, String>> targets = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Map<String, String> target = new LinkedHashMap<>(pathValues);
            target.put(entity.idField(), String.valueOf(record.get(entity.idField())));
            targets.add(target);
        }
        return targets;
    }

    private Optional<Map<String, Object>> fetchIfExists(Entity entity, Map<String, String> pathValues,
                                                        BoundPayload parameters, String purpose) {
        try {
            return Optional.of(fetch(entity, pathValues, parameters, purpose));
        } catch (TwilioConnectorException e) {
            if (e.getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Map<String, Object> post(Entity entity, Operation operation, Map<String, String> pathValues,
                                     BoundPayload bound, String purpose) {
        String target = paths.expand(entity, entity.binding(operation), purpose, pathValues)
                + QueryStrings.of(bound.query());
        return record(send.apply(request(entity, entity.binding(operation).method(), target, bound, purpose,
                json -> reader.read(entity, json, pathValues))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(TwilioResponse response) {
        return (Map<String, Object>) response.body();
    }

    private void remove(Entity entity, Map<String, String> pathValues, BoundPayload parameters, String purpose) {
        String target = paths.expand(entity, entity.binding(Operation.DELETE), purpose, pathValues)
                + QueryStrings.of(parameters.query());
        send.apply(request(entity, "DELETE", target, parameters, purpose, AnswerReader.TREE));
    }

    /**
     * A request to the entity's product, at the base URL the connection gives that product, with the body and
     * headers bound from the payload; {@code target} already carries the query.
     */
    private static TwilioRequest request(Entity entity, String method, String target, BoundPayload bound,
                                         String purpose, AnswerReader answer) {
        return new TwilioRequest(method, target, bound.form(), bound.json(), bound.headers(), purpose, entity.product(),
                entity.host(), answer);
    }

    private static FilterPlan plan(Entity entity, String filterClause) {
        return FilterPlanner.plan(filterClause == null ? "" : filterClause, entity);
    }

    private static Map<String, Object> bulkResult(List<String> touched) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Count", touched.size());
        result.put("Sids", touched);
        return result;
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > ConnectorRequest.MAX_PAGE_SIZE) {
            throw new TwilioConnectorInputException("pageSize " + pageSize + " is out of range: allowed 1.."
                    + ConnectorRequest.MAX_PAGE_SIZE);
        }
    }

    /** Reads the pages of one List, following Twilio's next_page_uri. */
    private final class Lister {

        private final ConnectorRequest request;
        private final FilterPlan conditions;
        private final Map<String, String> pathValues;
        private final BoundPayload parameters;
        private final String listPath;

        Lister(ConnectorRequest request, FilterPlan conditions, Map<String, String> pathValues, BoundPayload parameters) {
            this.request = request;
            this.conditions = conditions;
            this.pathValues = pathValues;
            this.parameters = parameters;
            HttpBinding binding = request.entity().binding(Operation.LIST);
            this.listPath = paths.expand(request.entity(), binding, request.purpose(), pathValues);
        }

        ConnectorResult page() {
            Optional<String> id = conditions.idEquality();
            if (id.isPresent() && request.entity().allows(Operation.GET) && request.pageToken() == null) {
                Map<String, String> one = merge(pathValues, Map.of(request.entity().idField(), id.get()));
                List<Map<String, Object>> found = fetchIfExists(request.entity(), one, BoundPayload.addressOnly(one),
                        request.purpose())
                        .filter(conditions::matches).map(List::of).orElse(List.of());
                return new ConnectorResult(found, null);
            }
            PageToken position = request.pageToken() == null
                    ? new PageToken(firstPage(request.pageSize()), 0)
                    : PageToken.decode(request.pageToken(), listPath);
            if (position.sorted()) {
                throw new TwilioConnectorInputException("pageToken was issued for a sorted List; pass the same sortByColumns");
            }
            List<Map<String, Object>> kept = new ArrayList<>();
            String uri = position.uri();
            int skip = position.skip();
            while (uri != null) {
                WirePage page = read(uri);
                List<Map<String, Object>> records = page.records();
                String next = nextUri(uri, page);
                for (int i = skip; i < records.size(); i++) {
                    Map<String, Object> record = records.get(i);
                    if (conditions.matches(record)) {
                        kept.add(record);
                        if (kept.size() == request.pageSize()) {
                            return new ConnectorResult(kept, continuation(uri, i + 1, records.size(), next));
                        }
                    }
                }
                uri = next;
                skip = 0;
            }
            return new ConnectorResult(kept, null);
        }

        ConnectorResult sorted(String sortByColumns) {
            Comparator<Map<String, Object>> order = SortOrder.parse(sortByColumns, request.entity()).comparator();
            int offset = request.pageToken() == null ? 0 : PageToken.decode(request.pageToken(), listPath).skip();
            List<Map<String, Object>> records = new ArrayList<>(all());
            records.sort(order);
            int end = Math.min(records.size(), offset + request.pageSize());
            List<Map<String, Object>> page = offset >= records.size() ? List.of() : records.subList(offset, end);
            String next = end < records.size() ? PageToken.sortedOffset(end).encode() : null;
            return new ConnectorResult(new ArrayList<>(page), next);
        }

        /** Every record the clause keeps, reading Twilio's pages at their largest size. */
        List<Map<String, Object>> all() {
            List<Map<String, Object>> kept = new ArrayList<>();
            String uri = firstPage(request.entity().maxPageSize());
            while (uri != null) {
                WirePage page = read(uri);
                for (Map<String, Object> record : page.records()) {
                    if (conditions.matches(record)) {
                        kept.add(record);
                    }
                }
                uri = nextUri(uri, page);
            }
            return kept;
        }

        private WirePage read(String uri) {
            return (WirePage) send.apply(request(request.entity(), "GET", uri, parameters, request.purpose(),
                    json -> reader.readPage(request.entity(), json, pathValues))).body();
        }

        /** The first page's request; a page larger than the entity's list gives is read in several of Twilio's. */
        private String firstPage(int pageSize) {
            FormParameters query = new FormParameters();
            conditions.queryParameters().forEach((name, values) -> values.forEach(value -> query.add(name, value)));
            query.add("PageSize", Integer.toString(Math.min(pageSize, request.entity().maxPageSize())));
            return listPath + QueryStrings.of(query);
        }

        /**
         * The page after {@code current}: the 2010 API's {@code next_page_uri}, or the other products'
         * {@code meta.next_page_url} of which only the path and query are taken, so that the next page is read where
         * the connection sends the product's requests and credentials never go to a host it did not name. A server
         * whose next page is the one just read would be followed forever.
         */
        private String nextUri(String current, WirePage page) {
            String field = "next_page_uri";
            String uri = page.nextPageUri();
            if (uri == null) {
                if (page.nextPageUrl() == null) {
                    return null;
                }
                field = "meta.next_page_url";
                uri = pathAndQuery(page.nextPageUrl());
            }
            if (!uri.startsWith(listPath + "?")) {
                throw new TwilioConnectorException(200, null, field + " '" + uri + "' leaves " + listPath, null,
                        request.purpose());
            }
            if (uri.equals(current)) {
                throw new TwilioConnectorException(200, null, field + " '" + uri + "' is the page just read",
                        null, request.purpose());
            }
            return uri;
        }

        /** The list path and query of a next-page link; what precedes the list path is the product's base URL's. */
        private String pathAndQuery(String url) {
            URI link;
            try {
                link = new URI(url);
            } catch (URISyntaxException e) {
                throw new TwilioConnectorException(200, null, "meta.next_page_url '" + url + "' is not a URL", null,
                        request.purpose());
            }
            String path = link.getRawPath() == null ? "" : link.getRawPath();
            String own = path.endsWith(listPath) ? listPath : path;
            return own + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
        }

        private String continuation(String uri, int nextIndex, int pageLength, String nextUri) {
            if (nextIndex < pageLength) {
                return new PageToken(uri, nextIndex).encode();
            }
            return nextUri == null ? null : new PageToken(nextUri, 0).encode();
        }
    }
}
