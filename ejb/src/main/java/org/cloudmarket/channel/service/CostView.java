package org.cloudmarket.channel.service;

import java.math.BigDecimal;

/**
 * What a distributor or reseller pays for a plan: the resolved prices of the level it buys at,
 * never the rules behind them, so nothing reveals the levels above.
 */
public record CostView(long planId, long productId, String productName, String planName, String currency, BigDecimal license,
                       BigDecimal setupFee) {
}
