package org.cloudmarket.catalog.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class ProductImageTest {

    @Test
    void aProductShowsEightScreenshotsAtPlacesZeroToSeven() {
        assertThatCode(() -> ProductImage.requirePlace(ProductImage.Kind.SCREENSHOT, 7)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProductImage.requirePlace(ProductImage.Kind.SCREENSHOT, 8))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("at most 8 screenshots");
        assertThatThrownBy(() -> ProductImage.requirePlace(ProductImage.Kind.LOGO, -1)).isInstanceOf(InvalidInput.class);
    }
}
