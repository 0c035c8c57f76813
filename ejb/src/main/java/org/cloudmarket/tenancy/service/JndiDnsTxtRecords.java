package org.cloudmarket.tenancy.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.cloudmarket.shared.error.Conflict;

/**
 * TXT records through the JDK's DNS provider (JNDI). It asks the system's resolvers, or the servers
 * of the system property {@code cloudmarket.dns.servers} (space-separated {@code dns://host:port}
 * URLs), which the integration tests point at a DNS server of their own.
 */
@ApplicationScoped
public class JndiDnsTxtRecords implements DnsTxtRecords {

    private static final String FACTORY = "com.sun.jndi.dns.DnsContextFactory";

    @Override
    public List<String> lookup(String name) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, FACTORY);
        environment.put(Context.PROVIDER_URL, System.getProperty("cloudmarket.dns.servers", "dns:"));
        environment.put("com.sun.jndi.dns.timeout.initial", "1000");
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // WildFly's JNDI loads the factory through the context class loader; the DNS provider is a
        // JDK module the deployment's loader does not see (its package is exported by the launcher).
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        DirContext context = null;
        try {
            context = new InitialDirContext(environment);
            Attribute txt = context.getAttributes(name, new String[] {"TXT"}).get("TXT");
            List<String> records = new ArrayList<>();
            if (txt != null) {
                for (NamingEnumeration<?> values = txt.getAll(); values.hasMore(); ) {
                    records.add(unquote(values.next().toString()));
                }
            }
            return records;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            throw new Conflict("The DNS could not be asked for " + name + " (" + e.getMessage() + "): try again later");
        } finally {
            thread.setContextClassLoader(previous);
            close(context);
        }
    }

    /** JNDI gives a record of several strings as {@code "a" "b"}: the record is their concatenation. */
    static String unquote(String record) {
        if (!record.startsWith("\"")) {
            return record;
        }
        StringBuilder joined = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                inside = !inside;
            } else if (c == '\\' && inside && i + 1 < record.length()) {
                joined.append(record.charAt(++i));
            } else if (inside) {
                joined.append(c);
            }
        }
        return joined.toString();
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing is held open by a DNS context after the lookup
            }
        }
    }
}
