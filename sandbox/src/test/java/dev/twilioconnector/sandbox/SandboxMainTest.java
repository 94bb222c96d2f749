package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxMainTest {

    @Test
    void readsPortAccountLimitRetryAfterAndStatusStep() {
        assertThat(SandboxMain.Options.parse("--port", "4010", "--account-limit", "50", "--retry-after", "1",
                "--status-step-millis", "750"))
                .isEqualTo(new SandboxMain.Options(4010, 50, Duration.ofSeconds(1), Duration.ofMillis(750)));
        assertThat(SandboxMain.Options.parse()).isEqualTo(new SandboxMain.Options(0, 0, null, null));
        assertThat(SandboxMain.Options.parse("--status-step-millis", "0").statusStep()).isNull();
    }

    @Test
    void badArgumentsFailNamingTheOption() {
        assertThatThrownBy(() -> SandboxMain.Options.parse("--limit", "5"))
                .hasMessage("unknown option '--limit'");
        assertThatThrownBy(() -> SandboxMain.Options.parse("--account-limit"))
                .hasMessage("--account-limit needs a value");
        assertThatThrownBy(() -> SandboxMain.Options.parse("--account-limit", "-5"))
                .hasMessage("--account-limit must be a whole number, 0 or more, got '-5'");
        assertThatThrownBy(() -> SandboxMain.Options.parse("--port", "http"))
                .hasMessage("--port must be a whole number, 0 or more, got 'http'");
    }
}
