package dev.twilioconnector.runtime;

import org.apache.camel.spi.PropertiesFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code {{file:/run/secrets/twilio-token}}}: the content of a file, trimmed, as mounted secrets (Docker, Kubernetes)
 * hand them over. The error names the file, never its content.
 */
final class FileFunction implements PropertiesFunction {

    @Override
    public String getName() {
        return "file";
    }

    @Override
    public String apply(String path) {
        try {
            return Files.readString(Path.of(path.trim()), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the placeholder file " + path.trim() + ": " + e.getMessage(), e);
        }
    }
}
