package org.cloudmarket.web.backoffice;

import java.io.Serializable;
import java.math.BigDecimal;

/** One editable row of the tier editor. */
public class TierRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long from;
    private Long to;
    private BigDecimal price;

    public TierRow() {
    }

    TierRow(Long from, Long to, BigDecimal price) {
        this.from = from;
        this.to = to;
        this.price = price;
    }

    public Long getFrom() {
        return from;
    }

    public void setFrom(Long from) {
        this.from = from;
    }

    public Long getTo() {
        return to;
    }

    public void setTo(Long to) {
        this.to = to;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }
}
