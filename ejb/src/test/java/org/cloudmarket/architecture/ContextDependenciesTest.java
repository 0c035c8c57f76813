package org.cloudmarket.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's bounded contexts (one package each under org.cloudmarket) depend on each other one
 * way: a context that builds on another (ordering on channel, channel on catalog) is never needed
 * by it. Read from the sources, so an import or a fully qualified name both count.
 */
class ContextDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/cloudmarket");
    private static final Pattern REFERENCE = Pattern.compile("org\\.cloudmarket\\.([a-z]+)\\.");

    /** Cycles found before this test existed, each to be removed in its own issue; none may be added. */
    private static final Set<String> KNOWN_CYCLES = Set.of("identity <-> tenancy");

    @Test
    void channelNeverDependsOnOrderingWhichBuildsOnIt() {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses.get("ordering")).as("ordering builds on the channel").contains("channel");
        assertThat(uses.get("channel")).as("what the channel uses").doesNotContain("ordering");
        assertThat(uses.get("catalog")).as("what the catalog uses").doesNotContain("channel", "ordering");
    }

    @Test
    void noTwoContextsDependOnEachOther() {
        Map<String, Set<String>> uses = dependencies();
        List<String> cycles = new ArrayList<>();
        uses.forEach((context, used) -> used.stream()
                .filter(other -> context.compareTo(other) < 0 && uses.getOrDefault(other, Set.of()).contains(context))
                .forEach(other -> cycles.add(context + " <-> " + other)));
        assertThat(cycles).as("contexts that need each other").isSubsetOf(KNOWN_CYCLES);
    }

    @Test
    void theStorefrontAnOrganizationRunsIsReadThroughStorefrontsOwnQueries() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> copies = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("Storefront.java"))
                    .filter(file -> read(file).matches("(?s).*FROM Storefront \\w+ WHERE \\w+\\.owner.*"))
                    .map(Path::toString).toList();
            assertThat(copies).as("copies of Storefront.OF_OWNER / OF_MARKETPLACE").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each context and the other contexts its sources name. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String context = SOURCES.relativize(file).getName(0).toString();
                Set<String> used = uses.computeIfAbsent(context, name -> new TreeSet<>());
                String code = read(file).replaceFirst("(?m)^package .*$", "");
                Matcher reference = REFERENCE.matcher(code);
                while (reference.find()) {
                    if (!reference.group(1).equals(context)) {
                        used.add(reference.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(uses).as("the contexts found in " + SOURCES.toAbsolutePath()).containsKeys("channel", "ordering", "catalog");
        return uses;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
