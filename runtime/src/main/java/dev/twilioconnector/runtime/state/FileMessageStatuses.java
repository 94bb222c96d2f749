package dev.twilioconnector.runtime.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The furthest statuses of one node without a state database: a file per message, {@code <Sid>.json}, in a folder
 * of this node's. The check and the write are one step per node, so two callbacks of one message cannot both pass
 * the check here; the file is replaced whole, so a reader never sees half of one.
 */
public final class FileMessageStatuses implements MessageStatuses {

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    public FileMessageStatuses(Path folder) {
        this.folder = folder;
    }

    @Override
    public synchronized boolean record(Map<String, Object> callback) throws IOException {
        String sid = String.valueOf(callback.get("Sid"));
        if (!sid.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a message SID: '" + sid + "'");
        }
        Path kept = folder.resolve(sid + ".json");
        if (Files.exists(kept)) {
            JsonNode previous = json.readTree(kept.toFile());
            if (DeliveryRank.of(previous.path("Status").asText(null)) > DeliveryRank.of(callback.get("Status"))) {
                return false;
            }
        }
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, sid, ".part");
        json.writeValue(written.toFile(), callback);
        Files.move(written, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
