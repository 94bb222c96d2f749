package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest extends SandboxTestSupport {

    private static final Map<String, Object> AUTHENTICATE = Map.of("code", 20003, "message", "Authenticate",
            "more_info", "https://www.twilio.com/docs/errors/20003", "status", 401);

    @Test
    void missingCredentialsAre401WithCode20003() {
        Http.Reply reply = new Http(sandbox.baseUrl(), null, null).get(Http.account(sandbox, "Messages.json"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json()).isEqualTo(AUTHENTICATE);
    }

    @Test
    void wrongTokenIs401WithCode20003() {
        Http.Reply reply = new Http(sandbox.baseUrl(), sandbox.accountSid(), "wrong")
                .get(Http.account(sandbox, "Messages.json"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json()).isEqualTo(AUTHENTICATE);
    }

    @Test
    void accountSidAndAuthTokenAuthenticate() {
        assertThat(Http.of(sandbox).get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
    }

    @Test
    void apiKeyAuthenticatesForItsAccountUntilDeleted() {
        String key = "SK" + "0123456789abcdef".repeat(2);
        sandbox.addApiKey(key, "s3cret");
        Http withKey = new Http(sandbox.baseUrl(), key, "s3cret");

        assertThat(withKey.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(200);
        assertThat(new Http(sandbox.baseUrl(), key, "other").get(Http.account(sandbox, "Messages.json")).status())
                .isEqualTo(401);

        assertThat(Http.of(sandbox).delete(Http.account(sandbox, "Keys/" + key + ".json")).status()).isEqualTo(204);
        assertThat(withKey.get(Http.account(sandbox, "Messages.json")).status()).isEqualTo(401);
    }

    @Test
    void createdKeyShowsItsSecretOnceAndAuthenticates() {
        Map<String, Object> key = Http.of(sandbox).post(Http.account(sandbox, "Keys.json"),
                Map.of("FriendlyName", "ci")).json();

        assertThat(key).containsEntry("friendly_name", "ci").containsKey("secret");
        assertThat(new Http(sandbox.baseUrl(), (String) key.get("sid"), (String) key.get("secret"))
                .get(Http.account(sandbox, "Calls.json")).status()).isEqualTo(200);
        assertThat(Http.of(sandbox).get(Http.account(sandbox, "Keys/" + key.get("sid") + ".json")).json())
                .doesNotContainKey("secret");
    }

    @Test
    void anotherAccountsPathIs404ButASubaccountsPathIsReachable() {
        Map<String, Object> sub = Http.of(sandbox).post("/2010-04-01/Accounts.json",
                Map.of("FriendlyName", "child")).json();
        String subSid = (String) sub.get("sid");
        Http asSub = new Http(sandbox.baseUrl(), subSid, (String) sub.get("auth_token"));

        assertThat(sub).containsEntry("owner_account_sid", sandbox.accountSid()).containsEntry("status", "active");
        assertThat(Http.of(sandbox).get("/2010-04-01/Accounts/" + subSid + "/Messages.json").status())
                .isEqualTo(200);
        Http.Reply denied = asSub.get(Http.account(sandbox, "Messages.json"));
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.json()).containsEntry("code", 20404);
        assertThat(asSub.get("/2010-04-01/Accounts.json").json().get("accounts")).asList().hasSize(1);
        assertThat(Http.of(sandbox).get("/2010-04-01/Accounts.json").json().get("accounts")).asList().hasSize(2);
    }
}
