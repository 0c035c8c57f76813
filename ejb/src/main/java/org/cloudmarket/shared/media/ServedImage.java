package org.cloudmarket.shared.media;

import java.util.Optional;

/** A picture to answer with: always its tag, its bytes only when the client does not hold them already. */
public record ServedImage(ImageTag tag, Optional<byte[]> data) {

    public static ServedImage unchanged(ImageTag tag) {
        return new ServedImage(tag, Optional.empty());
    }

    public static ServedImage of(ImageTag tag, byte[] data) {
        return new ServedImage(tag, Optional.of(data));
    }

    /** The client's copy is this very picture: a 304 for HTTP. */
    public boolean unchanged() {
        return data.isEmpty();
    }
}
