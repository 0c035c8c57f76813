package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import org.cloudmarket.shared.money.Money;

/** A metric measured over a period (its code), and what it costs, rounded: what billing writes as a usage proceed. */
public record MeasuredUsage(String metric, BigDecimal measured, Money cost) {
}
