package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The managed WildFly as a process (issue 13, BillingKillIT): Arquillian started it as a child of this JVM; this finds it,
 * kills it with SIGKILL, and starts it again with the very command line, working directory and environment it had (read
 * from /proc), its output to a file under target/. The deployments Arquillian added through the management API are in
 * standalone.xml, so the new process deploys the EAR again on boot ({@link #awaitDeployed} checks that).
 * <p>
 * Arquillian only shuts the server down at the end of the suite when its own process is still alive; once that one is
 * killed, the process started here is this JVM's to stop: a shutdown hook sends the management API's shutdown, then
 * destroys it if it is still there, so no orphan WildFly keeps the ports after the tests.
 */
final class ServerProcess {

    private static final Duration BOOT = Duration.ofSeconds(180);

    private static Process restarted;

    private final ProcessHandle handle;
    private final List<String> command;
    private final Path directory;
    private final Map<String, String> environment;

    private ServerProcess(ProcessHandle handle, List<String> command, Path directory, Map<String, String> environment) {
        this.handle = handle;
        this.command = command;
        this.directory = directory;
        this.environment = environment;
    }

    /** The running WildFly: the one this JVM (or an earlier restart here) started, whose pid the server names itself. */
    static ServerProcess running() {
        long pid = serverPid();
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("No process " + pid));
        assertThat(ProcessHandle.current().descendants().anyMatch(child -> child.pid() == pid))
                .as("WildFly (pid %s) is a child of this JVM", pid).isTrue();
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            List<String> command = nulSeparated(Files.readAllBytes(proc.resolve("cmdline")));
            Map<String, String> environment = new LinkedHashMap<>();
            for (String entry : nulSeparated(Files.readAllBytes(proc.resolve("environ")))) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            Path directory = Files.readSymbolicLink(proc.resolve("cwd"));
            return new ServerProcess(handle, command, directory, environment);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the server's command line from " + proc, e);
        }
    }

    long pid() {
        return handle.pid();
    }

    /** SIGKILL (destroyForcibly), and back once the process is gone. */
    void kill() {
        assertThat(handle.destroyForcibly()).as("SIGKILL sent to %s", handle.pid()).isTrue();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("WildFly " + handle.pid() + " did not die", e);
        }
        assertThat(handle.isAlive()).isFalse();
    }

    /** The same command line in the same directory with the same environment; back once the server is running. */
    void startAgain(Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            synchronized (ServerProcess.class) {
                if (restarted == null) {
                    Runtime.getRuntime().addShutdownHook(new Thread(ServerProcess::stopRestarted, "stop the restarted WildFly"));
                }
                restarted = builder.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        Eventually.holds("the restarted server running (log " + log + ")", BOOT, () -> {
            assertThat(restarted.isAlive()).as("the restarted server exited; its log: %s", log).isTrue();
            return "running".equals(attribute(new ModelNode().setEmptyList(), "server-state").map(ModelNode::asString).orElse(""));
        });
    }

    /** Every deployment of the server enabled and up (the EAR among them), as Arquillian left it before the kill. */
    static List<String> deployments() {
        ModelNode operation = new ModelNode();
        operation.get("operation").set("read-children-resources");
        operation.get("child-type").set("deployment");
        operation.get("include-runtime").set(true);
        operation.get("address").setEmptyList();
        ModelNode result = execute(operation).orElseThrow(() -> new AssertionError("The server's deployments could not be read"));
        List<String> deployments = new ArrayList<>();
        for (String name : result.keys()) {
            deployments.add(name + " " + result.get(name).get("enabled").asString() + " " + result.get(name).get("status").asString());
        }
        return deployments;
    }

    private static void stopRestarted() {
        Process process = restarted;
        if (process == null || !process.isAlive()) {
            return;
        }
        ModelNode shutdown = new ModelNode();
        shutdown.get("operation").set("shutdown");
        shutdown.get("address").setEmptyList();
        try {
            execute(shutdown);
            if (process.waitFor(60, TimeUnit.SECONDS)) {
                return;
            }
        } catch (RuntimeException | InterruptedException e) {
            // the JVM is exiting: whatever went wrong, the process must not outlive it
        }
        process.destroyForcibly();
    }

    /** The pid in the runtime name the server's JVM gives ("pid@host"). */
    private static long serverPid() {
        ModelNode address = new ModelNode();
        address.add("core-service", "platform-mbean").add("type", "runtime");
        String name = attribute(address, "name").map(ModelNode::asString)
                .orElseThrow(() -> new AssertionError("The server's runtime name could not be read"));
        return Long.parseLong(name.substring(0, name.indexOf('@')));
    }

    private static Optional<ModelNode> attribute(ModelNode address, String name) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set("read-attribute");
        operation.get("name").set(name);
        operation.get("address").set(address);
        return execute(operation);
    }

    /** The result, or empty while the server does not answer or refuses. */
    private static Optional<ModelNode> execute(ModelNode operation) {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990)) {
            ModelNode result = client.execute(operation);
            return "success".equals(result.get("outcome").asString()) ? Optional.of(result.get("result")) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> nulSeparated(byte[] bytes) {
        // each entry ends with a NUL: the last split is the empty rest
        List<String> parts = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0", -1)));
        if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }
}
