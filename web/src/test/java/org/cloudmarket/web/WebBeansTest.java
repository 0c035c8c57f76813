package org.cloudmarket.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the web module's beans may hold and call, checked over all of its sources. */
class WebBeansTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * A view- or session-scoped bean travels with the session (passivation, replication). CDI injects
     * a field once, when the bean is made: a transient one comes back null, and the page fails later.
     */
    @Test
    void noBeanKeptWithTheSessionHoldsATransientInjectedField() throws ClassNotFoundException {
        List<String> transientInjections = new ArrayList<>();
        for (Class<?> type : classes()) {
            if (!(type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)
                    || type.isAnnotationPresent(ConversationScoped.class))) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class) && Modifier.isTransient(field.getModifiers())) {
                    transientInjections.add(type.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertThat(classes()).extracting(Class::getSimpleName).contains("OffersPage");
        assertThat(transientInjections).isEmpty();
    }

    /** Seeding the demo data and sending messages are internal work of the services: no page or resource names them. */
    @Test
    void noPageOrResourceNamesTheDemoSeederOrTheMessagesSender() {
        List<String> offenders = sources().filter(file -> {
            String code = read(file);
            return code.contains("org.cloudmarket.demo") || code.contains("org.cloudmarket.messaging.service.Notifications");
        }).map(Path::toString).toList();
        assertThat(offenders).isEmpty();
    }

    private static List<Class<?>> classes() throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (Path file : sources().toList()) {
            String name = SOURCES.relativize(file).toString().replace('/', '.');
            classes.add(Class.forName(name.substring(0, name.length() - ".java".length()), false, WebBeansTest.class.getClassLoader()));
        }
        return classes;
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
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
