package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Without Debian's chromium or its driver the page tests fail with one line naming the missing
 * packages and the command that installs them (no server needed to check it).
 */
class BrowserPrerequisitesIT {

    private static final Path NOWHERE = Path.of("/nonexistent/cloudmarket/chromium");
    private static final Path AN_EXECUTABLE = Path.of("/bin/sh");

    @Test
    void namesAMissingChromiumAndTheCommandThatInstallsIt() {
        assertThat(Browser.missing(NOWHERE, AN_EXECUTABLE)).contains(
                "The page tests need Debian's chromium (no /nonexistent/cloudmarket/chromium): sudo apt-get install chromium");
    }

    @Test
    void namesBothPackagesWhenBothAreMissing() {
        assertThat(Browser.missing(NOWHERE, Path.of("/nonexistent/cloudmarket/chromedriver"))).contains(
                "The page tests need Debian's chromium and chromium-driver (no /nonexistent/cloudmarket/chromium, "
                        + "no /nonexistent/cloudmarket/chromedriver): sudo apt-get install chromium chromium-driver");
    }

    @Test
    void saysNothingWhenBothAreThere() {
        assertThat(Browser.missing(AN_EXECUTABLE, AN_EXECUTABLE)).isEmpty();
    }

    @Test
    void aFileThatCannotRunCountsAsMissing() throws IOException {
        Path notAProgram = Files.createTempFile("chromium", ".txt");
        try {
            assertThat(Browser.missing(notAProgram, AN_EXECUTABLE)).hasValueSatisfying(line ->
                    assertThat(line).endsWith("sudo apt-get install chromium"));
        } finally {
            Files.delete(notAProgram);
        }
    }
}
