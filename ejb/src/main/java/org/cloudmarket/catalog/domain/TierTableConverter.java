package org.cloudmarket.catalog.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;

/**
 * A tier table is a value read and written whole with its owner, so it is one column:
 * {@code "1-9:5.00;10-:3.00"}. Reading it back validates it again.
 */
@Converter
public class TierTableConverter implements AttributeConverter<TierTable, String> {

    @Override
    public String convertToDatabaseColumn(TierTable table) {
        if (table == null) {
            return null;
        }
        return table.tiers().stream()
                .map(tier -> tier.from() + "-" + (tier.to() == null ? "" : tier.to()) + ":" + tier.price().toPlainString())
                .collect(Collectors.joining(";"));
    }

    @Override
    public TierTable convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        List<Tier> tiers = new ArrayList<>();
        for (String band : column.split(";")) {
            String[] rangeAndPrice = band.split(":");
            String[] range = rangeAndPrice[0].split("-", -1);
            Long to = range[1].isEmpty() ? null : Long.valueOf(range[1]);
            tiers.add(new Tier(Long.parseLong(range[0]), to, new BigDecimal(rangeAndPrice[1])));
        }
        return new TierTable(tiers);
    }
}
