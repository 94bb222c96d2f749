package dev.twilioconnector.action;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.Operation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionCatalogTest {

    @Test
    void sendMessageIsAMessagesCreateThatCanWaitForSentOrDelivered() {
        Action send = ActionCatalog.standard().require("sendmessage");

        assertThat(send.request().entity().name()).isEqualTo("Messages");
        assertThat(send.request().operation()).isEqualTo(Operation.CREATE);
        assertThat(send.input("From")).get().extracting(ActionInput::name).isEqualTo("Sender");
        assertThat(send.inputs()).filteredOn(ActionInput::required).extracting(ActionInput::name).containsExactly("To");
        assertThat(send.watch().choices()).containsExactly("none", "sent", "delivered");
        assertThat(send.output().entity().name()).isEqualTo("Messages");
        assertThat(send.output().record()).isTrue();
    }

    @Test
    void makeCallIsACallsCreateThatCanWaitForCompleted() {
        Action call = ActionCatalog.standard().require("MakeCall");

        assertThat(call.request().entity().name()).isEqualTo("Calls");
        assertThat(call.request().operation()).isEqualTo(Operation.CREATE);
        assertThat(call.inputs()).filteredOn(ActionInput::required).extracting(ActionInput::name).containsExactly("To", "Sender");
        assertThat(call.watch().choices()).containsExactly("none", "completed");
        assertThat(call.watch().failed()).containsExactly("busy", "failed", "no-answer", "canceled");
    }

    @Test
    void addOutgoingCallerIdsReturnsDeclaredFieldsOfTwiliosAnswerAndCannotWait() {
        Action add = ActionCatalog.standard().require("AddOutgoingCallerIds");

        assertThat(add.output().record()).isFalse();
        assertThat(add.output().fields()).extracting(Field::name).containsExactly("ValidationCode", "CallSid", "PhoneNumber", "Name");
        assertThat(add.output().idField()).isEmpty();
        assertThat(add.statusWatch()).isEmpty();
    }

    @Test
    void anOutputFieldThatTwiliosAnswerLacksIsRefusedWhenTheCatalogIsRead() {
        String broken = "{\"actions\": [{\"name\": \"AddCallerId\", \"description\": \"d\", \"inputs\": [{\"name\":"
                + " \"PhoneNumber\", \"type\": \"STRING\"}], \"request\": {\"entity\": \"OutgoingCallerIds\", \"operation\":"
                + " \"Create\"}, \"output\": {\"fields\": [\"ValidationCode\", \"CallDelay\"]}}]}";

        assertThatThrownBy(() -> ActionCatalogReader.read(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), Catalog.standard()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Action AddCallerId of " + ActionCatalogReader.RESOURCE + " returns field CallDelay, which"
                        + " Twilio's answer to OutgoingCallerIds Create lacks");
    }

    @Test
    void executeCustomQueryRunsSqlRatherThanARequestOfTheCatalog() {
        Action query = ActionCatalog.standard().require("ExecuteCustomQuery");

        assertThat(query.query()).isTrue();
        assertThat(query.request()).isNull();
        assertThat(query.output()).isNull();
        assertThat(query.inputs()).extracting(ActionInput::name).containsExactly("Query", "QueryParameters");
        assertThat(query.inputs()).filteredOn(ActionInput::required).extracting(ActionInput::name).containsExactly("Query");
    }

    @Test
    void aQueryWithARequestIsRefusedWhenTheCatalogIsRead() {
        String broken = "{\"actions\": [{\"name\": \"Ask\", \"description\": \"d\", \"inputs\": [], \"query\": true,"
                + " \"request\": {\"entity\": \"Messages\", \"operation\": \"List\"}}]}";

        assertThatThrownBy(() -> ActionCatalogReader.read(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), Catalog.standard()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Action Ask of " + ActionCatalogReader.RESOURCE + " runs a query, so it has no request, output,"
                        + " wait or rules");
    }

    @Test
    void anActionWhoseInputItsRequestDoesNotAcceptIsRefusedWhenTheCatalogIsRead() {
        String broken = "{\"actions\": [{\"name\": \"SendFax\", \"description\": \"d\", \"inputs\": [{\"name\": \"Fax\","
                + " \"type\": \"STRING\"}], \"request\": {\"entity\": \"Messages\", \"operation\": \"Create\"},"
                + " \"output\": \"Messages\"}]}";

        assertThatThrownBy(() -> ActionCatalogReader.read(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), Catalog.standard()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Action SendFax of " + ActionCatalogReader.RESOURCE + " passes Fax, which Messages Create does not accept");
    }

    @Test
    void downloadRecordingReadsARecordingsContentInTheFormatAskedWavByDefault() {
        Action download = ActionCatalog.standard().require("DownloadRecording");

        assertThat(download.request()).isNull();
        assertThat(download.download().entity().name()).isEqualTo("Recordings");
        assertThat(download.download().pathInputs()).containsExactly(java.util.Map.entry("Sid", "RecordingSid"));
        assertThat(download.input("Format")).get().satisfies(format -> {
            assertThat(format.allowed()).containsExactly("wav", "mp3");
            assertThat(format.defaultValue()).isEqualTo("wav");
        });
    }

    @Test
    void aDownloadThatLeavesAPathFieldWithoutARequiredInputIsRefusedWhenTheCatalogIsRead() {
        String broken = "{\"actions\": [{\"name\": \"DownloadMedia\", \"description\": \"d\", \"inputs\": [{\"name\":"
                + " \"MediaSid\", \"type\": \"STRING\", \"required\": true}], \"download\": {\"entity\": \"Media\","
                + " \"path\": {\"Sid\": \"MediaSid\"}}}]}";

        assertThatThrownBy(() -> ActionCatalogReader.read(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), Catalog.standard()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Action DownloadMedia of " + ActionCatalogReader.RESOURCE
                        + " gives Media's path field MessageSid no required input");
    }
}
