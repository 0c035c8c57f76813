package org.cloudmarket.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.cloudmarket.pricing.InvalidTiers;
import org.cloudmarket.shared.media.ImageFormat;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** The small values of the catalog: stored tier tables, image formats, slugs and codes. */
class CatalogValuesTest {

    private final TierTableConverter converter = new TierTableConverter();

    @Test
    void aTierTableIsStoredAsOneColumnAndReadBackEqual() {
        TierTable table = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));

        String column = converter.convertToDatabaseColumn(table);

        assertThat(column).isEqualTo("1-9:5.00;10-:3.00");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo(table);
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void aCorruptedTierColumnIsRefusedWhenRead() {
        assertThatThrownBy(() -> converter.convertToEntityAttribute("1-9:5.00;11-:3.00")).isInstanceOf(InvalidTiers.class);
    }

    @Test
    void imagesAreRecognisedByTheirBytesAndSvgIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);

        assertThat(ImageFormat.of(png)).isEqualTo(ImageFormat.PNG);
        assertThat(ImageFormat.of(jpeg)).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.of(webp)).isEqualTo(ImageFormat.WEBP);
        assertThatThrownBy(() -> ImageFormat.of(svg)).isInstanceOf(InvalidInput.class).hasMessageContaining("PNG, JPEG or WebP");
        assertThatThrownBy(() -> ImageFormat.of(new byte[ImageFormat.MAX_BYTES + 1])).isInstanceOf(InvalidInput.class);
    }

    @Test
    void slugsAreLowerCaseAsciiWithDashes() {
        assertThat(Slugs.of("Nimbus Backup Pro!")).isEqualTo("nimbus-backup-pro");
        assertThat(Slugs.of("Caffè & Più")).isEqualTo("caffe-piu");
        assertThat(Slugs.of("!!!")).isEqualTo("item");
    }

    @Test
    void codesAreLowerCaseAndStartWithALetter() {
        assertThat(Codes.require("storage-ssd")).isEqualTo("storage-ssd");
        assertThatThrownBy(() -> Codes.require("Storage")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Codes.require("1tb")).isInstanceOf(InvalidInput.class);
    }
}
