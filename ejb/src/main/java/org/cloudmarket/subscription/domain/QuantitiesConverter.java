package org.cloudmarket.subscription.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Extra-resource quantities are one column, read and written whole (see {@link Quantities}). */
@Converter
public class QuantitiesConverter implements AttributeConverter<Quantities, String> {

    @Override
    public String convertToDatabaseColumn(Quantities quantities) {
        return quantities == null ? null : quantities.toColumn();
    }

    @Override
    public Quantities convertToEntityAttribute(String column) {
        return column == null ? null : Quantities.fromColumn(column);
    }
}
