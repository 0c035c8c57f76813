package org.cloudmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo data is seeded only on a server started with the flag: the run profile and the test server set it. */
class DemoDataTest {

    private final CountingSeeder seeder = new CountingSeeder();

    @AfterEach
    void clearFlag() {
        System.clearProperty(DemoData.FLAG);
    }

    @Test
    void aServerWithoutTheFlagSeedsNothing() {
        System.clearProperty(DemoData.FLAG);
        new DemoData(seeder).startup();
        assertThat(seeder.runs).isZero();
    }

    @Test
    void aServerStartedWithTheFlagSeedsOnce() {
        System.setProperty(DemoData.FLAG, "true");
        new DemoData(seeder).startup();
        assertThat(seeder.runs).isEqualTo(1);
    }

    @Test
    void anyOtherValueOfTheFlagSeedsNothing() {
        System.setProperty(DemoData.FLAG, "yes");
        new DemoData(seeder).startup();
        assertThat(seeder.runs).isZero();
    }

    private static final class CountingSeeder extends DemoSeeder {
        private int runs;

        @Override
        public void seed() {
            runs++;
        }
    }
}
