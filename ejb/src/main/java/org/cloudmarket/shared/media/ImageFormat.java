package org.cloudmarket.shared.media;

import java.util.Arrays;
import java.util.Optional;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * The image formats a product may show, recognised by their first bytes rather than by what the
 * uploader claims. SVG is not among them: it can carry script.
 */
public enum ImageFormat {
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}),
    JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    WEBP("image/webp", new byte[] {'R', 'I', 'F', 'F'});

    /** Large enough for a screenshot, small enough to keep rows and pages light. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final String contentType;
    private final byte[] magic;

    ImageFormat(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static ImageFormat of(byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidInput("image", "The image is empty");
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidInput("image", "An image has at most " + MAX_BYTES / 1024 + " KB");
        }
        return detect(data).orElseThrow(() -> new InvalidInput("image", "Upload a PNG, JPEG or WebP image"));
    }

    private static Optional<ImageFormat> detect(byte[] data) {
        return Arrays.stream(values()).filter(format -> format.matches(data)).findFirst();
    }

    private boolean matches(byte[] data) {
        if (data.length < magic.length || !Arrays.equals(Arrays.copyOf(data, magic.length), magic)) {
            return false;
        }
        return this != WEBP || (data.length >= 12 && new String(data, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP"));
    }
}
