package org.cloudmarket.shared.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class StoredImageTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void theDigestIsTheLowerCaseHexSha256OfTheBytesAsMariaDbsSha2WritesIt() {
        // SELECT SHA2('abc', 256), the migration's digest of the pictures it copies
        assertThat(StoredImage.digest("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aStoredImageKnowsItsTypeAndDigestFromItsBytes() {
        StoredImage image = new StoredImage(PNG);

        assertThat(image.getContentType()).isEqualTo("image/png");
        assertThat(image.getDigest()).isEqualTo(StoredImage.digest(PNG)).hasSize(64);
        assertThat(image.getData()).isEqualTo(PNG);
    }

    @Test
    void onlyPngJpegOrWebpIsStored() {
        assertThatThrownBy(() -> new StoredImage("<svg/>".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInput.class);
    }
}
