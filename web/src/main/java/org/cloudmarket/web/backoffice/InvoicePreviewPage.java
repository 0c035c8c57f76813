package org.cloudmarket.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.cloudmarket.billing.service.InvoicePreview;
import org.cloudmarket.billing.service.InvoicePreviewView;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * "Preview billing" (/backoffice/invoice-preview.xhtml?subscription=&at=): the lines a billing run at an instant (now by
 * default) would bill one subscription, from the same service as the API's dry run; it writes nothing.
 */
@Named
@RequestScoped
public class InvoicePreviewPage {

    @Inject
    private InvoicePreview invoicePreview;

    @Inject
    private Clock clock;

    private Long subscription;
    private String at;
    private InvoicePreviewView preview;

    /** The view action: the preview once the form names a subscription; a refusal (a bad instant, one not in sight) as a message. */
    public void load() {
        if (subscription == null) {
            return;
        }
        try {
            preview = invoicePreview.at(subscription, instant());
        } catch (DomainException refusal) {
            PageMessages.refused(refusal);
        }
    }

    public InvoicePreviewView getPreview() {
        return preview;
    }

    private Instant instant() {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("at", "at is an instant like 2026-12-01T00:00:00Z");
        }
    }

    public Long getSubscription() {
        return subscription;
    }

    public void setSubscription(Long subscription) {
        this.subscription = subscription;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }
}
