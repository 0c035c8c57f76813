package org.cloudmarket.messaging.service;

import java.util.List;

/**
 * The mails the platform sends, each with the values its template expects. Every template exists
 * in English and Italian; values are plain text (the renderer escapes them) except {@code link},
 * an absolute URL.
 */
public enum MailTemplate {
    /** A new account's verification link. Values: name, link. */
    VERIFY_EMAIL(List.of("name", "link")),
    /** Someone tried to sign up with an e-mail that already has an account. Values: name, link (sign-in page). */
    ACCOUNT_EXISTS(List.of("name", "link")),
    /** A password reset link. Values: name, link. */
    PASSWORD_RESET(List.of("name", "link")),
    /** A user created by someone else sets a first password. Values: name, inviter, link. */
    INVITATION(List.of("name", "inviter", "link")),
    /** The password was changed: every session ended. Values: name. */
    PASSWORD_CHANGED(List.of("name")),
    /** A customer closed its account. Values: name. */
    ACCOUNT_CLOSED(List.of("name")),
    /** An order was placed. Values: name, order, product, total, status. */
    ORDER_PLACED(List.of("name", "order", "product", "total", "status")),
    /** The auditor approved an order. Values: name, order, product. */
    ORDER_APPROVED(List.of("name", "order", "product")),
    /** The auditor rejected an order. Values: name, order, product, reason. */
    ORDER_REJECTED(List.of("name", "order", "product", "reason")),
    /** A coupon issued for this e-mail address only. Values: name (the address), code, scope, validUntil. */
    COUPON_TARGETED(List.of("name", "code", "scope", "validUntil")),
    /** An invoice (or pro-forma) was issued; its PDF is attached. Values: name, number, total. */
    INVOICE_ISSUED(List.of("name", "number", "total")),
    /** A refund: the credit note of a paid invoice; its PDF is attached. Values: name, number, invoice, total, reason. */
    REFUND_ISSUED(List.of("name", "number", "invoice", "total", "reason")),
    /** A subscription used 90 % of a quota in its period. Values: name, product, metric, percent, quota, link (its page, to upgrade). */
    QUOTA_WARNING(List.of("name", "product", "metric", "percent", "quota", "link")),
    /** A blocking quota was reached: the subscription is suspended until upgraded. Values: name, product, metric, quota, link. */
    QUOTA_BLOCKED(List.of("name", "product", "metric", "quota", "link")),
    /** An invoice is overdue (once a day, billing.service.LifecycleRun). Values: name, number, total, due, stopOn (the suspension's day). */
    PAYMENT_REMINDER(List.of("name", "number", "total", "due", "stopOn")),
    /** An unpaid invoice suspended a subscription (sleepDays). Values: name, product, number, endOn (delayDays: the end's day). */
    SUBSCRIPTION_SUSPENDED(List.of("name", "product", "number", "endOn")),
    /** An unpaid invoice ended a subscription (delayDays). Values: name, product, number. */
    SUBSCRIPTION_ENDED_UNPAID(List.of("name", "product", "number")),
    /**
     * A manual renewal's expiry draws near (the tenant's reminder days) and its renewal invoice waits to be paid (billing's
     * ManualRenewals). Values: name, product, lastDay, number, total (the renewal invoice's).
     */
    RENEWAL_REMINDER(List.of("name", "product", "lastDay", "number", "total")),
    /** A manual renewal's expiry draws near and no renewal invoice can be paid (a live-reporting marketplace). Values: name, product, lastDay. */
    RENEWAL_ENDING(List.of("name", "product", "lastDay")),
    /** A manual renewal lapsed: the subscription ended at the end of its window. Values: name, product, lastDay. */
    SUBSCRIPTION_EXPIRED(List.of("name", "product", "lastDay"));

    private final List<String> keys;

    MailTemplate(List<String> values) {
        this.keys = values;
    }

    public List<String> keys() {
        return keys;
    }
}
