package org.cloudmarket.messaging.mail;

import static org.cloudmarket.shared.text.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * A mail as rendered when it was sent (its outbox payload, JSON): what the worker delivers later
 * does not change with a template or a storefront edited in between. {@code sender} is the
 * display name of its From address (the storefront's name); {@code template} the MailTemplate it
 * was rendered from, the one thing of it the row keeps once delivered ({@link #receipt}).
 */
public record RenderedMail(String template, String sender, String subject, String text, String html, AttachmentRef attachment) {

    /** The file to attach at delivery: which MailAttachmentSource renders it, for which tenant, from which id. */
    public record AttachmentRef(String source, long tenantId, long id) {
    }

    public RenderedMail(String template, String sender, String subject, String text, String html) {
        this(template, sender, subject, text, html, null);
    }

    public RenderedMail withAttachment(AttachmentRef ref) {
        return new RenderedMail(template, sender, subject, text, html, ref);
    }

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("template", template).add("sender", sender).add("subject", subject)
                .add("text", text).add("html", html);
        if (attachment != null) {
            json.add("attachment", JSON.createObjectBuilder().add("source", attachment.source()).add("tenantId", attachment.tenantId())
                    .add("id", attachment.id()));
        }
        return json.build().toString();
    }

    public static RenderedMail fromJson(String payload) {
        try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
            JsonObject mail = reader.readObject();
            JsonObject attachment = mail.getJsonObject("attachment");
            return new RenderedMail(mail.getString("template", ""), mail.getString("sender"), mail.getString("subject"),
                    mail.getString("text"), mail.getString("html"), attachment == null ? null
                    : new AttachmentRef(attachment.getString("source"), attachment.getJsonNumber("tenantId").longValueExact(),
                    attachment.getJsonNumber("id").longValueExact()));
        }
    }

    /**
     * What a delivered row keeps of the mail: which template and storefront, for an operator. Not
     * the subject (an invitation's names the inviter) nor the texts, whose links carry token secrets.
     */
    public static String receipt(String payload) {
        RenderedMail mail = fromJson(payload);
        return JSON.createObjectBuilder().add("template", mail.template()).add("sender", mail.sender()).build().toString();
    }
}
