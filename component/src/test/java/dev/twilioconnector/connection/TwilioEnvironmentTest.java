package dev.twilioconnector.connection;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio tools' variables fill in the credentials the options leave unset, and never override an option. */
class TwilioEnvironmentTest {

    private static final String ACCOUNT = "AC" + "a".repeat(32);
    private static final String KEY = "SK" + "b".repeat(32);

    @Test
    void accountSidAndAuthTokenComeFromTheVariables() {
        TwilioEnvironment environment = new TwilioEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", "t0ken"));

        AccountCredentials credentials = AccountCredentials.of(null, null, null, null, environment);

        assertThat(credentials.accountSid()).isEqualTo(ACCOUNT);
        assertThat(credentials.credentials().username()).isEqualTo(ACCOUNT);
        assertThat(credentials.credentials()).hasToString("Credentials[username=" + ACCOUNT + ", secret=******]");
    }

    @Test
    void apiKeyAndSecretComeFromTheVariables() {
        TwilioEnvironment environment = new TwilioEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT,
                "TWILIO_API_KEY", KEY, "TWILIO_API_SECRET", "s3cret"));

        AccountCredentials credentials = AccountCredentials.of(null, null, null, null, environment);

        assertThat(credentials.credentials().username()).isEqualTo(KEY);
    }

    @Test
    void anOptionWinsOverItsVariable() {
        String option = "AC" + "c".repeat(32);
        TwilioEnvironment environment = new TwilioEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", "t0ken"));

        assertThat(AccountCredentials.of(option, null, null, null, environment).accountSid()).isEqualTo(option);
    }
}
