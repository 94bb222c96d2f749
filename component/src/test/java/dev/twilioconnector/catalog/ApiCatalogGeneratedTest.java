package dev.twilioconnector.catalog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2010 API's catalog is what its generator writes from Twilio's description, so that nothing in it is edited by
 * hand and a new description is folded in by running the generator again: the command is in the script's header.
 */
class ApiCatalogGeneratedTest {

    private static final Path SCRIPT = Path.of("src/build/generate-catalog.py");
    private static final Path CATALOG = Path.of("src/main/resources/dev/twilioconnector/catalog/entities.json");

    @Test
    void entitiesJsonIsTheGeneratorsOutput() throws Exception {
        Process generator = new ProcessBuilder("python3", SCRIPT.toString(), OfficialSpec.path().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String written = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(generator.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(generator.exitValue()).as("exit status of " + SCRIPT).isZero();

        assertThat(Files.readString(CATALOG)).as(CATALOG + " differs from what " + SCRIPT + " writes: change the script,"
                + " not the catalog, and run it as its header says").isEqualTo(written);
    }
}
