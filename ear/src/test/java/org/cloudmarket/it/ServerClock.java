package org.cloudmarket.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The server's movable clock (issue 13; ClockProducer, on with -Dcloudmarket.clock.movable=true in arquillian.xml): the
 * offset is the system property cloudmarket.clock.offset-seconds, set and removed through WildFly's management API on
 * localhost:9990 (local access needs no credentials). A moved clock moves every timer of the server: keep it moved briefly.
 */
final class ServerClock {

    private static final String PROPERTY = "cloudmarket.clock.offset-seconds";

    private ServerClock() {
    }

    static void move(Duration offset) {
        reset();
        ModelNode add = operation("add");
        add.get("value").set(Long.toString(offset.toSeconds()));
        execute(add, true);
    }

    /** Back to the system's time; nothing to remove is fine. */
    static void reset() {
        execute(operation("remove"), false);
    }

    private static ModelNode operation(String name) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("system-property", PROPERTY);
        return operation;
    }

    private static void execute(ModelNode operation, boolean mustSucceed) {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990)) {
            ModelNode result = client.execute(operation);
            if (mustSucceed && !"success".equals(result.get("outcome").asString())) {
                throw new AssertionError("The server's clock could not be moved: " + result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
