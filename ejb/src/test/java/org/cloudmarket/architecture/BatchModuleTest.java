package org.cloudmarket.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN's modules: ejb knows nothing of Jakarta Batch; the batch module owns the jobs, their artifacts and the
 * JobOperator, and ejb reaches its starters through interfaces (BillingJobs, LifecycleJobs) by JNDI (review 13, point 18:
 * the lifecycle job had been started from ejb through BatchRuntime). Read from the sources.
 */
class BatchModuleTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noEjbSourceUsesJakartaBatch() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> users = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains("jakarta.batch.")).map(Path::toString).sorted().toList();
            assertThat(users).as("ejb sources that use Jakarta Batch").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
