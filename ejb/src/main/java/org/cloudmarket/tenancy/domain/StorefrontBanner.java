package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A banner as stored: its place among the storefront's banners, its texts and its picture. */
@Entity
@Table(name = "storefront_banner")
public class StorefrontBanner extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "storefront_id")
    private Storefront storefront;

    private int position;

    private String title;

    private String text;

    private String link;

    /** A stored_image row, read only when served (see StoredImage). */
    @Column(name = "image_id")
    private Long imageId;

    protected StorefrontBanner() {
    }

    StorefrontBanner(Storefront storefront, int position, Banner banner) {
        this.storefront = storefront;
        this.position = position;
        rewrite(banner);
    }

    /** New texts keep the picture: the owner changes words without uploading it again. */
    void rewrite(Banner banner) {
        this.title = banner.title();
        this.text = banner.text();
        this.link = banner.link();
    }

    /** Shows the stored picture {@code imageId}, or none with null; answers the one shown before. */
    Optional<Long> setImage(Long imageId) {
        Optional<Long> before = getImageId();
        this.imageId = imageId;
        return before;
    }

    public Banner banner() {
        return new Banner(title, text, link);
    }

    public int getPosition() {
        return position;
    }

    public boolean hasImage() {
        return imageId != null;
    }

    public Optional<Long> getImageId() {
        return Optional.ofNullable(imageId);
    }
}
