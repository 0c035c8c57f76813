package org.cloudmarket.ordering.domain;

/** DOMAIN.md, Channel: a customer buys on a storefront (pull), or its seller orders on its behalf (push). */
public enum OrderSource {
    PULL, PUSH
}
