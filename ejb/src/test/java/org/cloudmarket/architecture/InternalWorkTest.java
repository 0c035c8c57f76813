package org.cloudmarket.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.Messages;
import org.cloudmarket.messaging.service.Notifications;
import org.cloudmarket.shared.outbox.Outbox;
import org.cloudmarket.shared.outbox.OutboxTimer;
import org.junit.jupiter.api.Test;

/**
 * Work no request may start: seeding the demo data and writing a message to an organization. A
 * request reaches the EJB business methods (the public methods of a session bean, which any code
 * of the server may also look up by name) and the beans the web module names; these are neither.
 */
class InternalWorkTest {

    @Test
    void theDemoSeederHasNoBusinessMethodAndNothingOutsideItsPackageCanNameIt() throws Exception {
        List<Class<?>> demo = classesOf("demo");
        assertThat(demo).extracting(Class::getSimpleName).contains("DemoData", "DemoSeeder", "DemoTenants", "DemoCatalog", "DemoChannel");
        for (Class<?> type : demo) {
            assertThat(type.isAnnotationPresent(PermitAll.class)).as("%s permits everyone", type).isFalse();
            assertThat(Arrays.stream(type.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(PermitAll.class)))
                    .as("methods of %s that permit everyone", type).isEmpty();
            if (isSessionBean(type)) {
                assertThat(publicMethods(type)).as("business methods of the session bean %s", type).isEmpty();
                assertThat(type.isAnnotationPresent(Singleton.class)).as("%s is started by the deployment only", type).isTrue();
            } else {
                assertThat(Modifier.isPublic(type.getModifiers())).as("%s is visible outside the demo package", type).isFalse();
            }
        }
    }

    @Test
    void onlyServicesSendMessagesNeverACallerOfABusinessMethod() {
        assertThat(isSessionBean(Notifications.class)).as("Notifications is a session bean").isFalse();
        assertThat(Notifications.class.isAnnotationPresent(PermitAll.class)).isFalse();
        assertThat(publicMethods(Messages.class)).as("what anyone may call on Messages").extracting(Method::getName)
                .containsExactly("mine");
    }

    /** mail (issue 10): mail and webhooks are written by services, delivered by the worker and its timer only. */
    @Test
    void theOutboxIsWrittenByServicesAndDeliveredByNoBusinessMethod() {
        assertThat(isSessionBean(Outbox.class) || isSessionBean(Mail.class)).as("Outbox or Mail is a session bean").isFalse();
        assertThat(isSessionBean(OutboxTimer.class)).as("the timer is a session bean").isTrue();
        assertThat(publicMethods(OutboxTimer.class)).as("business methods of the outbox timer").isEmpty();
    }

    @Test
    void aTokenIsIssuedOnlyBehindAPasswordCheckOrAnImpersonationsRules() throws Exception {
        List<String> issuing = classesOf("identity.service").stream().filter(InternalWorkTest::isSessionBean)
                .flatMap(type -> publicMethods(type).stream()).filter(method -> method.getReturnType().getSimpleName().equals("IssuedToken"))
                .map(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName()).toList();
        assertThat(issuing).as("business methods that issue a token").containsExactlyInAnyOrder("Authentication.issueToken",
                "Impersonation.startWithToken");
        Class<?> issuer = Class.forName("org.cloudmarket.identity.service.TokenIssuer");
        assertThat(isSessionBean(issuer)).as("the issuer of checked sign-ins is a session bean").isFalse();
        assertThat(Modifier.isPublic(issuer.getModifiers())).as("the issuer is visible outside identity.service").isFalse();
    }

    private static boolean isSessionBean(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Stateful.class)
                || type.isAnnotationPresent(Singleton.class);
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> !method.isSynthetic()).toList();
    }

    /** The top-level classes of a context's package, from its sources. */
    private static List<Class<?>> classesOf(String context) throws ClassNotFoundException {
        Path sources = Path.of("src/main/java/org/cloudmarket", context.replace('.', '/'));
        try (Stream<Path> files = Files.list(sources)) {
            List<String> names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java"))
                    .map(name -> "org.cloudmarket." + context + "." + name.substring(0, name.length() - ".java".length())).toList();
            Class<?>[] classes = new Class<?>[names.size()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = Class.forName(names.get(i));
            }
            return List.of(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
