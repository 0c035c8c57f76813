package org.cloudmarket.web.backoffice;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.cloudmarket.tenancy.domain.Banner;
import org.cloudmarket.tenancy.service.BannerPicture;
import org.cloudmarket.tenancy.service.StorefrontView;

/** One banner in the theme editor; it remembers where it was stored so its picture follows it. */
public class BannerRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Integer storedAt;
    private final boolean stored;
    private String title;
    private String text;
    private String link;
    private boolean removePicture;
    private transient Part picture;

    public BannerRow() {
        this.storedAt = null;
        this.stored = false;
    }

    BannerRow(StorefrontView.ShownBanner shown) {
        this.storedAt = shown.position();
        this.stored = shown.image();
        this.title = shown.title();
        this.text = shown.text();
        this.link = shown.link();
    }

    Banner banner() {
        return new Banner(title, text, link);
    }

    BannerPicture picture() {
        if (picture != null && picture.getSize() > 0) {
            try (InputStream in = picture.getInputStream()) {
                return BannerPicture.upload(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored && !removePicture ? BannerPicture.keep(storedAt) : BannerPicture.none();
    }

    /** The stored picture's position, shown as a thumbnail; null when there is none. */
    public Integer getStoredPicture() {
        return stored ? storedAt : null;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getLink() { return link; }
    public void setLink(String link) { this.link = link; }
    public boolean isRemovePicture() { return removePicture; }
    public void setRemovePicture(boolean removePicture) { this.removePicture = removePicture; }
    public Part getPicture() { return picture; }
    public void setPicture(Part picture) { this.picture = picture; }
}
