package org.cloudmarket.catalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A product a reseller put in one of its own categories. */
@Entity
@Table(name = "category_product")
public class CategoryProduct extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    protected CategoryProduct() {
    }

    public CategoryProduct(Category category, Product product) {
        this.category = category;
        this.product = product;
    }

    public Category getCategory() {
        return category;
    }

    public Product getProduct() {
        return product;
    }
}
