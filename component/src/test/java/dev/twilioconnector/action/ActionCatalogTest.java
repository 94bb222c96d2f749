package dev.twilioconnector.action;

import dev.twilioconnector.catalog.Catalog;
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
        assertThat(send.output().name()).isEqualTo("Messages");
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
}
