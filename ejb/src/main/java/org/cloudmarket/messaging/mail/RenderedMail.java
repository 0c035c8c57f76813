package org.cloudmarket.messaging.mail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * A mail as rendered when it was sent (its outbox payload, JSON): what the worker delivers later
 * does not change with a template or a storefront edited in between. {@code sender} is the
 * display name of its From address (the storefront's name).
 */
public record RenderedMail(String sender, String subject, String text, String html) {

    public String toJson() {
        return Json.createObjectBuilder().add("sender", sender).add("subject", subject).add("text", text).add("html", html)
                .build().toString();
    }

    public static RenderedMail fromJson(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject mail = reader.readObject();
            return new RenderedMail(mail.getString("sender"), mail.getString("subject"), mail.getString("text"), mail.getString("html"));
        }
    }
}
