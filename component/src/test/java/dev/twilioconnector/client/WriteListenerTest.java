package dev.twilioconnector.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.wire.FormParameters;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client tells its listener around the write of each request, and only of a request it wrote. */
class WriteListenerTest {

    private final List<String> told = new CopyOnWriteArrayList<>();
    private final WriteListener listener = new WriteListener() {
        @Override
        public void writing() {
            told.add("writing");
        }

        @Override
        public void written() {
            told.add("written");
        }
    };
    private TwilioSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = TwilioSandbox.start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aGetAndAPostAreEachToldBeforeTheirWriteAndOnceItIsDone() {
        TwilioClient client = client(sandbox.baseUrl());
        String messages = "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages.json";

        client.send(TwilioRequest.get(messages, "a test"));
        client.send(new TwilioRequest("POST", messages,
                new FormParameters().add("To", "+15558675310").add("From", "+15017122661").add("Body", "hi"), "a test"));

        assertThat(told).containsExactly("writing", "written", "writing", "written");
    }

    @Test
    void aRequestThatFindsNoServerIsNeverWritten() {
        TwilioClient client = client("http://127.0.0.1:" + AvailablePortFinder.getNextAvailable());

        assertThatThrownBy(() -> client.send(TwilioRequest.get("/2010-04-01/Accounts.json", "a test")))
                .isInstanceOf(RequestNotSentException.class);
        assertThat(told).isEmpty();
    }

    private TwilioClient client(String baseUrl) {
        return new TwilioClient(new ClientSettings(baseUrl, sandbox.accountSid(),
                new Credentials(sandbox.accountSid(), sandbox.authToken()), Duration.ofSeconds(5), Duration.ofSeconds(5),
                null, null), new ObjectMapper(), listener);
    }
}
