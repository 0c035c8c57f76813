package org.cloudmarket.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny DNS server on 127.0.0.1:{@value #PORT} (UDP) answering TXT queries from what the tests
 * publish, and NXDOMAIN for every other name. The server under test resolves through it
 * (-Dcloudmarket.dns.servers in arquillian.xml), so approving a custom domain runs the real JNDI
 * DNS lookup against records a test controls, as a domain owner would publish them.
 */
final class DnsStub {

    static final int PORT = 15353;
    private static final int TXT = 16;
    private static final Map<String, List<String>> RECORDS = new ConcurrentHashMap<>();
    private static DatagramSocket socket;

    private DnsStub() {
    }

    /** Publishes the TXT records of a name (replacing any), starting the server on first use. */
    static synchronized void publishTxt(String name, String... values) {
        start();
        RECORDS.put(name.toLowerCase(Locale.ROOT), List.of(values));
    }

    static void remove(String name) {
        RECORDS.remove(name.toLowerCase(Locale.ROOT));
    }

    private static void start() {
        if (socket != null) {
            return;
        }
        try {
            socket = new DatagramSocket(PORT, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException("The DNS stub cannot listen on " + PORT, e);
        }
        Thread server = new Thread(DnsStub::serve, "dns-stub");
        server.setDaemon(true);
        server.start();
    }

    private static void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(query);
                byte[] answer = answer(query.getData());
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** RFC 1035: the query's header and question, then one TXT answer per published record. */
    static byte[] answer(byte[] query) {
        int position = 12;
        StringBuilder name = new StringBuilder();
        while (query[position] != 0) {
            int label = query[position++] & 0xff;
            name.append(name.length() == 0 ? "" : ".").append(new String(query, position, label, StandardCharsets.US_ASCII));
            position += label;
        }
        position++;
        int type = ((query[position] & 0xff) << 8) | (query[position + 1] & 0xff);
        int questionEnd = position + 4;
        List<String> records = RECORDS.get(name.toString().toLowerCase(Locale.ROOT));
        List<String> answers = records != null && type == TXT ? records : List.of();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query[0]);
        out.write(query[1]);
        out.write(0x81 | (query[2] & 0x01)); // a response, recursion desired as asked
        out.write(records == null ? 0x83 : 0x80); // recursion available; NXDOMAIN for an unknown name
        writeShort(out, 1);
        writeShort(out, answers.size());
        writeShort(out, 0);
        writeShort(out, 0);
        out.write(query, 12, questionEnd - 12);
        for (String record : answers) {
            byte[] text = record.getBytes(StandardCharsets.UTF_8);
            writeShort(out, 0xc00c); // the name of the question
            writeShort(out, TXT);
            writeShort(out, 1); // IN
            writeShort(out, 0);
            writeShort(out, 0); // TTL 0: never cached
            writeShort(out, text.length + 1);
            out.write(text.length);
            out.write(text, 0, text.length);
        }
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }
}
