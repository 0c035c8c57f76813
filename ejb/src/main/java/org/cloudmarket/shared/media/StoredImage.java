package org.cloudmarket.shared.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * The bytes of one uploaded picture (a product's logo or screenshot, a storefront's logo, favicon
 * or banner picture), in a table of their own. What shows a picture keeps only this row's id, so
 * reading a storefront or a product never reads its pictures: without weaving, EclipseLink loads
 * {@code @Basic(fetch = LAZY)} columns and lazy to-one relations eagerly. A row never changes: a
 * new upload is a new row, so its digest is a strong ETag.
 */
@Entity
@Table(name = "stored_image")
@NamedQuery(name = StoredImage.TAG,
        query = "SELECT NEW org.cloudmarket.shared.media.ImageTag(i.id, i.contentType, i.digest) FROM StoredImage i WHERE i.id = :id")
@NamedQuery(name = StoredImage.DATA, query = "SELECT i.data FROM StoredImage i WHERE i.id = :id")
public class StoredImage extends TenantOwned {

    /** Reads what {@link ImageStore} needs to answer a client that may already hold the picture. */
    public static final String TAG = "StoredImage.tag";
    /** Reads the bytes alone, only when they are sent. */
    public static final String DATA = "StoredImage.data";

    @Column(name = "content_type")
    private String contentType;

    /** Lower-case hex SHA-256 of the bytes (MariaDB's {@code SHA2(data, 256)} for migrated rows). */
    private String digest;

    private byte[] data;

    protected StoredImage() {
    }

    /** Checks the bytes are a PNG, JPEG or WebP image of an accepted size. */
    public StoredImage(byte[] data) {
        this.contentType = ImageFormat.of(data).contentType();
        this.data = data.clone();
        this.digest = digest(this.data);
    }

    static String digest(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public String getContentType() {
        return contentType;
    }

    public String getDigest() {
        return digest;
    }

    public byte[] getData() {
        return data.clone();
    }
}
