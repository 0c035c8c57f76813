package org.cloudmarket.web.media;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cloudmarket.shared.media.ImageTag;

/**
 * How every picture is answered over HTTP: the digest of its bytes is its (strong) ETag, and a
 * client whose {@code If-None-Match} names it gets a 304 without the bytes being read.
 */
public final class ImageHeaders {

    /** For a URL that names the picture's version: that URL never shows another picture. */
    public static final String FOR_A_VERSION = "public, max-age=31536000, immutable";

    private ImageHeaders() {
    }

    public static String etag(ImageTag tag) {
        return "\"" + tag.digest() + "\"";
    }

    /**
     * Whether the client holds the picture of a digest, by its {@code If-None-Match} (null when
     * absent). The comparison is the weak one RFC 9110 prescribes for this header; {@code *}
     * names any picture.
     */
    public static Predicate<String> clientHolds(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return digest -> false;
        }
        Set<String> tags = Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .map(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag)
                .collect(Collectors.toSet());
        return digest -> tags.contains("*") || tags.contains(digest);
    }
}
