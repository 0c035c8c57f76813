package org.cloudmarket.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudmarket.shared.media.ImageTag;
import org.junit.jupiter.api.Test;

class ImageHeadersTest {

    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void theEtagIsTheQuotedDigest() {
        assertThat(ImageHeaders.etag(new ImageTag(7, "image/png", DIGEST))).isEqualTo("\"" + DIGEST + "\"");
    }

    @Test
    void aClientHoldsThePictureItsIfNoneMatchNamesAmongOthersWeakOrStrong() {
        assertThat(ImageHeaders.clientHolds("\"" + DIGEST + "\"").test(DIGEST)).isTrue();
        assertThat(ImageHeaders.clientHolds("\"other\", W/\"" + DIGEST + "\"").test(DIGEST)).isTrue();
        assertThat(ImageHeaders.clientHolds("*").test(DIGEST)).isTrue();
    }

    @Test
    void aClientWithoutOrWithAnotherTagHoldsNothing() {
        assertThat(ImageHeaders.clientHolds(null).test(DIGEST)).isFalse();
        assertThat(ImageHeaders.clientHolds("").test(DIGEST)).isFalse();
        assertThat(ImageHeaders.clientHolds("\"other\"").test(DIGEST)).isFalse();
        assertThat(ImageHeaders.clientHolds("\"" + DIGEST.substring(1) + "\"").test(DIGEST)).isFalse();
    }
}
