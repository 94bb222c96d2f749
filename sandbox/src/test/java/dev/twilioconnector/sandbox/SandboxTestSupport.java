package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A sandbox on loopback for a test class, emptied before each test, and an HTTP client pointed at it. */
abstract class SandboxTestSupport {

    static TwilioSandbox sandbox;
    static Http http;

    @BeforeAll
    static void start() {
        sandbox = TwilioSandbox.start();
        http = Http.of(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }
}
