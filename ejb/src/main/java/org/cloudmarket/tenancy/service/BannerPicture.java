package org.cloudmarket.tenancy.service;

/**
 * What picture a banner shows after the theme editor saves: a new upload, the picture the banner
 * at position {@code keepFrom} had before (banners move when one above them is removed), or none.
 */
public record BannerPicture(Integer keepFrom, byte[] upload) {

    public static BannerPicture none() {
        return new BannerPicture(null, null);
    }

    public static BannerPicture keep(int position) {
        return new BannerPicture(position, null);
    }

    public static BannerPicture upload(byte[] image) {
        return new BannerPicture(null, image);
    }
}
