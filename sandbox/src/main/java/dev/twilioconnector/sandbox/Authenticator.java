package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic authentication as Twilio does it: the user is an Account SID with its Auth Token, or an API Key SID
 * with its secret. Anything else is answered 401 with Twilio's code 20003 before any handler runs.
 */
final class Authenticator extends Filter {

    /** Request attribute: the Basic-auth user name as sent. */
    static final String USER = "sandbox.user";
    /** Request attribute: the SID of the account the credentials belong to. */
    static final String ACCOUNT = "sandbox.account";

    private final Store store;
    private final ApiKeys apiKeys;

    Authenticator(Store store, ApiKeys apiKeys) {
        this.store = store;
        this.apiKeys = apiKeys;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<String> account = Optional.empty();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decode(header.substring(6).trim());
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String user = decoded.substring(0, colon);
                RequestAttributes.set(exchange, USER, user);
                account = authenticate(user, decoded.substring(colon + 1));
            }
        }
        if (account.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            Responses.send(exchange, 401, new TwilioError(401, 20003, "Authenticate").body());
            return;
        }
        RequestAttributes.set(exchange, ACCOUNT, account.get());
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "Twilio Basic authentication";
    }

    private Optional<String> authenticate(String user, String password) {
        if (user.startsWith("SK")) {
            // a deleted key stops working even though its secret is still known
            return apiKeys.accountFor(user, password)
                    .filter(account -> store.get(account, "Keys", user).isPresent());
        }
        return store.get(Store.GLOBAL, "Accounts", user)
                .filter(a -> !"closed".equals(a.get("status")))
                .filter(a -> ApiKeys.sameText(String.valueOf(a.get("auth_token")), password))
                .map(a -> user);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
