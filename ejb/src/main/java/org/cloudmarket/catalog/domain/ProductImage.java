package org.cloudmarket.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * A product's logo or one of its screenshots: its place, and the stored picture it shows (a
 * stored_image row, read only when served). The schema keeps one picture per place and at most
 * {@link #MAX_SCREENSHOTS} screenshots, whatever the application does.
 */
@Entity
@Table(name = "product_image")
@NamedQuery(name = ProductImage.OF_PRODUCT,
        query = "SELECT i FROM ProductImage i WHERE i.product.id = :product AND i.kind = :kind ORDER BY i.position")
@NamedQuery(name = ProductImage.AT,
        query = "SELECT i.imageId FROM ProductImage i WHERE i.product.id = :product AND i.kind = :kind AND i.position = :position")
public class ProductImage extends TenantOwned {

    public static final String OF_PRODUCT = "ProductImage.ofProduct";
    /** The stored picture at one place of a product. */
    public static final String AT = "ProductImage.at";

    /** At most this many screenshots per product. */
    public static final int MAX_SCREENSHOTS = 8;

    /** What the image shows. */
    public enum Kind { LOGO, SCREENSHOT }

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private int position;

    @Column(name = "image_id")
    private long imageId;

    protected ProductImage() {
    }

    public ProductImage(Product product, Kind kind, int position, long imageId) {
        requirePlace(kind, position);
        this.product = product;
        this.kind = kind;
        this.position = position;
        this.imageId = imageId;
    }

    /** Refuses a place no image may take (a ninth screenshot), before its picture is stored. */
    public static void requirePlace(Kind kind, int position) {
        if (position < 0 || (kind == Kind.SCREENSHOT && position >= MAX_SCREENSHOTS)) {
            throw new InvalidInput("image", "A product shows at most " + MAX_SCREENSHOTS + " screenshots");
        }
    }

    public Product getProduct() {
        return product;
    }

    public Kind getKind() {
        return kind;
    }

    public long getImageId() {
        return imageId;
    }
}
