package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * The filter after authentication that turns away the requests over the {@link AccountLimit}, before any fault or
 * handler sees them, so that a refused request is not carried out.
 */
final class AccountLimiter extends Filter {

    private static final String ACCOUNT_PATH = "/2010-04-01/Accounts/";

    private final AccountLimit limit;

    AccountLimiter(AccountLimit limit) {
        this.limit = limit;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (limit.admits(accountOf(exchange), ArrivalStampingExecutor.current().nanos())) {
            chain.doFilter(exchange);
            return;
        }
        limit.retryAfter().ifPresent(wait ->
                exchange.getResponseHeaders().set("Retry-After", Long.toString(wait.toSeconds())));
        Responses.send(exchange, 429, TwilioError.tooManyRequests().body());
    }

    /** The account the path names, else the one the credentials belong to. */
    private static String accountOf(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(ACCOUNT_PATH)) {
            String rest = path.substring(ACCOUNT_PATH.length());
            int end = rest.indexOf('/');
            String account = end < 0 ? rest : rest.substring(0, end);
            return account.endsWith(".json") ? account.substring(0, account.length() - ".json".length()) : account;
        }
        return (String) RequestAttributes.get(exchange, Authenticator.ACCOUNT);
    }

    @Override
    public String description() {
        return "Twilio's per-account request limit";
    }
}
