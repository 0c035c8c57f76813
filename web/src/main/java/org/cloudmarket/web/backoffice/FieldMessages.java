package org.cloudmarket.web.backoffice;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Set;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * A refusal shown next to the field it names (the form's {@code form:field} component), when the
 * form has that field; anything else at the top of the form, as PageMessages does.
 */
public final class FieldMessages {

    private FieldMessages() {
    }

    public static void refused(String form, Set<String> fields, DomainException refusal) {
        refused(form, fields.stream().collect(java.util.stream.Collectors.toMap(field -> field, field -> field)), refusal);
    }

    /**
     * The same, where a service's field name differs from the form's component id
     * ({@code couponCode} shown at {@code checkout:coupon}): {@code idsByField} maps one to the other.
     */
    public static void refused(String form, java.util.Map<String, String> idsByField, DomainException refusal) {
        String field = refusal instanceof InvalidInput invalid ? invalid.field()
                : refusal instanceof Conflict conflict ? conflict.field() : null;
        if (field != null && idsByField.containsKey(field)) {
            FacesContext.getCurrentInstance().addMessage(form + ":" + idsByField.get(field),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
        } else {
            PageMessages.refused(refusal);
        }
    }
}
