package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PollAnswerTest {

    @Test
    void theValueIsRead() {
        assertThat(PollAnswer.parse("{\"value\": 3.0}").value()).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("3"));
        assertThat(PollAnswer.parse(" {\"value\":42} ").value()).contains(new BigDecimal("42"));
        assertThat(PollAnswer.parse("{\"value\":0.000001}").value()).contains(new BigDecimal("0.000001"));
        assertThat(PollAnswer.parse("{\"value\":1.5E+3}").value()).contains(new BigDecimal("1500"));
        assertThat(PollAnswer.parse("{\"value\":999999999999999999.999999}").succeeded()).isTrue();
    }

    @Test
    void metricsNameIsAcceptedAndIgnored() {
        assertThat(PollAnswer.parse("{\"metricsName\":\"users\",\"value\":7}").value()).contains(new BigDecimal("7"));
    }

    @Test
    void anythingElseIsAFailureWithAShortReason() {
        assertThat(PollAnswer.parse("").failure()).hasValue("the answer is not JSON");
        assertThat(PollAnswer.parse("<html>").failure()).hasValue("the answer is not JSON");
        assertThat(PollAnswer.parse("{\"value\":3").failure()).hasValue("the answer is not JSON");
        assertThat(PollAnswer.parse("3.0").failure()).hasValue("the answer is not a JSON object");
        assertThat(PollAnswer.parse("[{\"value\":3}]").failure()).hasValue("the answer is not a JSON object");
        assertThat(PollAnswer.parse("{}").failure()).hasValue("the answer has no value");
        assertThat(PollAnswer.parse("{\"value\":\"3\"}").failure()).hasValue("value is not a number");
        assertThat(PollAnswer.parse("{\"value\":null}").failure()).hasValue("value is not a number");
        assertThat(PollAnswer.parse("{\"value\":3,\"unit\":\"GB\"}").failure()).hasValue("unknown field in the answer: unit");
    }

    @Test
    void theValueFitsTheReadingsColumn() {
        assertThat(PollAnswer.parse("{\"value\":1000000000000000000}").failure()).hasValue("value has more than 18 digits before the point");
        assertThat(PollAnswer.parse("{\"value\":1e999999999}").failure()).hasValue("value has more than 18 digits before the point");
        assertThat(PollAnswer.parse("{\"value\":0.0000001}").failure()).hasValue("value has more than 6 decimals");
        assertThat(PollAnswer.parse("{\"value\":1e-999999999}").failure()).hasValue("value has more than 6 decimals");
        assertThat(PollAnswer.parse("{\"value\":2.5000000000}").value()).contains(new BigDecimal("2.5"));
    }
}
