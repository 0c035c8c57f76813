package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;
import org.cloudmarket.shared.media.ImageFormat;
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

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] image;

    @Column(name = "image_type")
    private String imageType;

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

    void setImage(byte[] data) {
        if (data == null) {
            this.image = null;
            this.imageType = null;
        } else {
            this.imageType = ImageFormat.of(data).contentType();
            this.image = data.clone();
        }
    }

    public Banner banner() {
        return new Banner(title, text, link);
    }

    public int getPosition() {
        return position;
    }

    public boolean hasImage() {
        return imageType != null;
    }

    public String getImageType() {
        return imageType;
    }

    public Optional<byte[]> getImage() {
        return Optional.ofNullable(image).map(byte[]::clone);
    }
}
