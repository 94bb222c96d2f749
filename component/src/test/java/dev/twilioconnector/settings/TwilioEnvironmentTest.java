package dev.twilioconnector.settings;

import dev.twilioconnector.error.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void anAuthTokenOptionIsNotReplacedByAnApiKeyOfTheEnvironment() {
        TwilioEnvironment environment = new TwilioEnvironment(Map.of("TWILIO_API_KEY", KEY));

        AccountCredentials credentials = AccountCredentials.of(ACCOUNT, "0pti0n-t0ken", null, null, environment);

        assertThat(credentials.credentials().username()).isEqualTo(ACCOUNT);
    }

    @Test
    void anApiKeyOptionNeedsItsSecretFromTheOptionsNotFromTheEnvironment() {
        TwilioEnvironment environment = new TwilioEnvironment(Map.of("TWILIO_API_SECRET", "s3cret"));

        assertThatThrownBy(() -> AccountCredentials.of(ACCOUNT, null, KEY, null, environment))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting apiKeySecret is missing: apiKeySid is set, so its secret is needed; give both as"
                        + " options, or both as the variables TWILIO_API_KEY and TWILIO_API_SECRET");
    }

    @Test
    void theEnvironmentNamesItsTwilioVariablesButNeverTheirValues() {
        TwilioEnvironment environment = new TwilioEnvironment(Map.of("TWILIO_AUTH_TOKEN", "t0ken",
                "TWILIO_API_SECRET", "s3cret", "HOME", "/root"));

        assertThat(environment).hasToString("TwilioEnvironment[TWILIO_API_SECRET, TWILIO_AUTH_TOKEN]");
    }

    @Test
    void anOptionWinsOverItsVariable() {
        String option = "AC" + "c".repeat(32);
        TwilioEnvironment environment = new TwilioEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", "t0ken"));

        assertThat(AccountCredentials.of(option, null, null, null, environment).accountSid()).isEqualTo(option);
    }
}
