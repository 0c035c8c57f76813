package org.cloudmarket.ordering.service;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudmarket.catalog.domain.PaymentMethod;

/**
 * The marketplace settings ordering reads (BUYING-CONTRACT, Tenant.settings), with their defaults:
 * {@code ordering.approval} (false), {@code ordering.pushAutoApproval} (true) and
 * {@code payments.methods} (every method). Pure: the tenant's settings map in, values out. Public for the
 * storefront's checkout, which offers the methods this rule allows (h/pages).
 */
public record OrderingSettings(boolean approval, boolean pushAutoApproval, Set<PaymentMethod> paymentMethods) {

    public static OrderingSettings of(Map<String, String> settings) {
        String methods = settings.get("payments.methods");
        Set<PaymentMethod> allowed = methods == null || methods.isBlank() ? EnumSet.allOf(PaymentMethod.class)
                : Arrays.stream(methods.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> name.toUpperCase(Locale.ROOT))
                .filter(name -> Arrays.stream(PaymentMethod.values()).anyMatch(method -> method.name().equals(name)))
                .map(PaymentMethod::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(PaymentMethod.class)));
        return new OrderingSettings("true".equals(settings.get("ordering.approval")),
                !"false".equals(settings.get("ordering.pushAutoApproval")), allowed);
    }
}
