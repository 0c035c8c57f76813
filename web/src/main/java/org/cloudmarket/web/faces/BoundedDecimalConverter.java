package org.cloudmarket.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.BigDecimalConverter;
import jakarta.faces.convert.ConverterException;
import java.math.BigDecimal;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/**
 * Every BigDecimal a page's field receives (prices, tiers, markups, coupons, discounts) passes the
 * one bound of client decimals ({@link Decimals}) before the page or a service computes with it;
 * beyond it the field shows a message. Registered for the type in faces-config.xml, in place of
 * the standard converter.
 */
public class BoundedDecimalConverter extends BigDecimalConverter {

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        String label = label(component);
        try {
            return Decimals.parse(label, value);
        } catch (InvalidInput refused) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null), refused);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : super.getAsString(context, component, value);
    }

    private static String label(UIComponent component) {
        Object label = component.getAttributes().get("label");
        return label == null ? component.getId() : label.toString();
    }
}
