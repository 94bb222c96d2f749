package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The end of the filter chain: maps an authenticated request onto a resource and an operation, and answers in
 * Twilio's wire format. Operations follow the path's shape: a list path takes GET (list) and POST (create), an
 * instance path GET (get), POST (update) and DELETE (delete); anything else, or an operation the resource does
 * not allow, is a 405. Paths under {@code /verify/} are Twilio Verify v2's, answered by {@link VerifyService}, those
 * under {@code /conversations/} Conversations v1's ({@link ConversationsService}) and those under {@code /insights/}
 * Voice Insights v1's ({@link InsightsService}); the other products' paths, under their keys ({@code /studio/},
 * {@code /taskrouter/}), are answered from their descriptions by {@link DescribedCrud}, after the hand-written
 * services, which win for their prefixes.
 */
final class ApiHandler implements HttpHandler {

    private static final String VERSION = "/2010-04-01/";
    private static final String JSON = ".json";

    private final ResourceTable resources;
    private final Store store;
    private final Records records;
    private final Behaviours behaviours;
    private final Downloads downloads;
    private final VerifyService verify;
    private final ConversationsService conversations;
    private final InsightsService insights;
    private final DescribedCrud described;

    ApiHandler(ResourceTable resources, Store store, Records records, Behaviours behaviours, Downloads downloads,
               VerifyService verify, ConversationsService conversations, InsightsService insights,
               DescribedCrud described) {
        this.resources = resources;
        this.store = store;
        this.records = records;
        this.behaviours = behaviours;
        this.downloads = downloads;
        this.verify = verify;
        this.conversations = conversations;
        this.insights = insights;
        this.described = described;
    }

    private record Answer(int status, Object body) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && Downloads.isDownload(path)) {
            download(exchange, path);
            return;
        }
        Answer answer;
        try {
            answer = dispatch(exchange);
        } catch (TwilioError e) {
            answer = new Answer(e.status(), e.body());
        }
        Responses.send(exchange, answer.status(), answer.body());
    }

    private void download(HttpExchange exchange, String path) throws IOException {
        Downloads.Redirect redirect;
        try {
            redirect = downloads.redirect(path, (String) RequestAttributes.get(exchange, Authenticator.ACCOUNT));
        } catch (TwilioError e) {
            Responses.send(exchange, e.status(), e.body());
            return;
        }
        Responses.redirect(exchange, redirect.status(), redirect.location());
    }

    private Answer dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String caller = (String) RequestAttributes.get(exchange, Authenticator.ACCOUNT);
        if (VerifyService.serves(path)) {
            VerifyService.Answer answer = verify.handle(exchange.getRequestMethod(), path,
                    Params.parse(exchange.getRequestURI().getRawQuery()),
                    (Params) RequestAttributes.get(exchange, RequestLog.FORM), caller);
            return new Answer(answer.status(), answer.body());
        }
        if (ConversationsService.serves(path)) {
            ConversationsService.Answer answer = conversations.handle(exchange.getRequestMethod(), path,
                    Params.parse(exchange.getRequestURI().getRawQuery()),
                    (Params) RequestAttributes.get(exchange, RequestLog.FORM), caller);
            return new Answer(answer.status(), answer.body());
        }
        if (InsightsService.serves(path)) {
            InsightsService.Answer answer = insights.handle(exchange.getRequestMethod(), path,
                    Params.parse(exchange.getRequestURI().getRawQuery()), caller);
            return new Answer(answer.status(), answer.body());
        }
        if (DescribedCrud.serves(path)) {
            DescribedCrud.Answer answer = described.handle(exchange.getRequestMethod(), path,
                    Params.parse(exchange.getRequestURI().getRawQuery()),
                    (Params) RequestAttributes.get(exchange, RequestLog.FORM),
                    (String) RequestAttributes.get(exchange, RequestLog.JSON), caller);
            return new Answer(answer.status(), answer.body());
        }
        if (!path.startsWith(VERSION) || !path.endsWith(JSON)) {
            throw TwilioError.notFound(path);
        }
        List<String> segments = Arrays.asList(
                path.substring(VERSION.length(), path.length() - JSON.length()).split("/"));
        if (!"Accounts".equals(segments.get(0))) {
            throw TwilioError.notFound(path);
        }
        ResolvedPath resolved;
        String account;
        if (segments.size() <= 2) {
            resolved = resources.resolveAccounts(segments);
            account = caller;
            if (resolved.isInstance() && !canAccess(caller, resolved.id())) {
                throw TwilioError.notFound(path);
            }
        } else {
            account = segments.get(1);
            resolved = resources.resolve(segments.subList(2, segments.size()))
                    .filter(r -> canAccess(caller, account))
                    .orElseThrow(() -> TwilioError.notFound(path));
        }
        String operation = operation(resolved, exchange.getRequestMethod());
        if (operation == null || !resolved.type().allows(operation)) {
            throw new TwilioError(405, 20004, "Method not allowed");
        }
        if (!records.parentExists(resolved, account)) {
            throw TwilioError.notFound(path);
        }
        Params query = Params.parse(exchange.getRequestURI().getRawQuery());
        Params form = (Params) RequestAttributes.get(exchange, RequestLog.FORM);
        return switch (operation) {
            case "list" -> new Answer(200, records.page(resolved, account,
                    visibleTo(resolved, caller).and(Filters.of(resolved.type(), query)), query));
            case "get" -> new Answer(200, WireFormat.render(records.find(resolved, account)
                    .orElseThrow(() -> TwilioError.notFound(path))));
            case "create" -> new Answer(behaviours.createStatus(resolved.type()),
                    WireFormat.render(records.create(resolved, account, form)));
            case "update" -> new Answer(200, WireFormat.render(records.update(resolved, account, form)
                    .orElseThrow(() -> TwilioError.notFound(path))));
            case "delete" -> {
                if (!records.delete(resolved, account)) {
                    throw TwilioError.notFound(path);
                }
                yield new Answer(204, null);
            }
            default -> throw new IllegalStateException("unmapped operation " + operation);
        };
    }

    private static String operation(ResolvedPath resolved, String method) {
        if (!resolved.isInstance()) {
            return switch (method) {
                case "GET" -> "list";
                case "POST" -> "create";
                default -> null;
            };
        }
        return switch (method) {
            case "GET" -> "get";
            // a singleton (a call's Feedback) is created, or replaced, by POSTing to its own path
            case "POST" -> resolved.type().singleton() ? "create" : "update";
            case "DELETE" -> "delete";
            default -> null;
        };
    }

    /**
     * An account reaches its own resources and those of its sub-accounts; any other account's path is answered
     * 404, so that the existence of other accounts is not revealed.
     */
    private boolean canAccess(String caller, String account) {
        return caller.equals(account) || store.get(Store.GLOBAL, "Accounts", account)
                .map(a -> caller.equals(a.get("owner_account_sid")))
                .orElse(false);
    }

    /** The Accounts list shows the caller and its sub-accounts only; other lists are already scoped by path. */
    private Predicate<Map<String, Object>> visibleTo(ResolvedPath resolved, String caller) {
        return record -> !resolved.type().isAccounts() || canAccess(caller, String.valueOf(record.get("sid")));
    }
}
