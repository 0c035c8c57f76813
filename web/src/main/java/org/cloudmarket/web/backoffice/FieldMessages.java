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
final class FieldMessages {

    private FieldMessages() {
    }

    static void refused(String form, Set<String> fields, DomainException refusal) {
        String field = refusal instanceof InvalidInput invalid ? invalid.field()
                : refusal instanceof Conflict conflict ? conflict.field() : null;
        if (field != null && fields.contains(field)) {
            FacesContext.getCurrentInstance().addMessage(form + ":" + field,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
        } else {
            PageMessages.refused(refusal);
        }
    }
}
