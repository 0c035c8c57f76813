package org.cloudmarket.catalog.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.media.ImageFormat;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A product's logo or one of its screenshots, stored in the database. */
@Entity
@Table(name = "product_image")
@NamedQuery(name = ProductImage.OF_PRODUCT,
        query = "SELECT i FROM ProductImage i WHERE i.product.id = :product AND i.kind = :kind ORDER BY i.position")
public class ProductImage extends TenantOwned {

    public static final String OF_PRODUCT = "ProductImage.ofProduct";

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

    @Column(name = "content_type")
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] data;

    protected ProductImage() {
    }

    public ProductImage(Product product, Kind kind, int position, byte[] data) {
        if (position < 0 || (kind == Kind.SCREENSHOT && position >= MAX_SCREENSHOTS)) {
            throw new InvalidInput("image", "A product shows at most " + MAX_SCREENSHOTS + " screenshots");
        }
        this.product = product;
        this.kind = kind;
        this.position = position;
        this.contentType = ImageFormat.of(data).contentType();
        this.data = data.clone();
    }

    public Product getProduct() {
        return product;
    }

    public Kind getKind() {
        return kind;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getData() {
        return data.clone();
    }
}
