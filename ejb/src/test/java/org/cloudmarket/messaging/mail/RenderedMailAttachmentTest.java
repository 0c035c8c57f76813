package org.cloudmarket.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** h/invoices: an attachment travels through the outbox as a reference (source, tenant, id), never as bytes. */
class RenderedMailAttachmentTest {

    @Test
    void theAttachmentsReferenceSurvivesTheOutboxPayloadAndTheReceiptKeepsNoneOfIt() {
        RenderedMail mail = new RenderedMail("INVOICE_ISSUED", "Bright IT", "Your invoice", "text", "<p>html</p>")
                .withAttachment(new RenderedMail.AttachmentRef("invoice-pdf", 2, 42));

        RenderedMail back = RenderedMail.fromJson(mail.toJson());

        assertThat(back).isEqualTo(mail);
        assertThat(back.attachment()).isEqualTo(new RenderedMail.AttachmentRef("invoice-pdf", 2, 42));
        assertThat(RenderedMail.receipt(mail.toJson())).doesNotContain("invoice-pdf").doesNotContain("42");
    }

    @Test
    void aMailWithoutAttachmentReadsBackWithout() {
        RenderedMail mail = new RenderedMail("PASSWORD_CHANGED", "Acme", "Changed", "text", "<p>html</p>");

        assertThat(mail.toJson()).doesNotContain("attachment");
        assertThat(RenderedMail.fromJson(mail.toJson()).attachment()).isNull();
    }
}
