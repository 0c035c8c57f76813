package org.cloudmarket.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.junit.jupiter.api.Test;

class MailRendererTest {

    private static final MailRenderer RENDERER = MailRenderer.fromResources();
    private static final String LINK = "http://cloudy.acme.localhost:8080/verify-email.xhtml?token=abc&x=1";
    private static final MailBranding CLOUDY = new MailBranding("Cloudy Partners",
            Optional.of("http://cloudy.acme.localhost:8080/storefront/logo?v=7"));

    private static RenderedMail verification(Locale locale, String name, MailBranding branding) {
        return RENDERER.render(new MailRequest("mario@example.test", MailTemplate.VERIFY_EMAIL, locale,
                Map.of("name", name, "link", LINK)), branding);
    }

    @Test
    void anItalianRequestGetsTheItalianTexts() {
        RenderedMail mail = verification(Locale.ITALIAN, "Mario", CLOUDY);

        assertThat(mail.subject()).isEqualTo("Conferma il tuo indirizzo e-mail per Cloudy Partners");
        assertThat(mail.text()).contains("Ciao Mario,").contains("grazie per esserti registrato su Cloudy Partners")
                .contains("Conferma il mio indirizzo e-mail:\n" + LINK);
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"it\">").contains("Ciao Mario,");
    }

    @Test
    void italyAsARegionOrAnyOtherLanguageFallsBackSensibly() {
        assertThat(verification(Locale.forLanguageTag("it-IT"), "Mario", CLOUDY).subject()).startsWith("Conferma");
        assertThat(verification(Locale.GERMAN, "Mario", CLOUDY).subject()).isEqualTo("Confirm your e-mail address for Cloudy Partners");
        assertThat(verification(null, "Mario", CLOUDY).text()).contains("Hello Mario,");
    }

    @Test
    void valuesAreEscapedInTheHtmlPartAndKeptAsTheyAreInTheText() {
        String name = "<script>alert(\"x\")</script> & 'co'";
        RenderedMail mail = verification(Locale.ENGLISH, name, new MailBranding("Bright <b>IT</b>", Optional.empty()));

        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>IT")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;")
                .contains("Bright &lt;b&gt;IT&lt;/b&gt;");
        assertThat(mail.text()).contains("Hello " + name + ",");
        assertThat(mail.subject()).isEqualTo("Confirm your e-mail address for Bright <b>IT</b>");
    }

    @Test
    void theMailCarriesTheStorefrontsNameAndLogo() {
        RenderedMail mail = verification(Locale.ENGLISH, "Mario", CLOUDY);

        assertThat(mail.sender()).isEqualTo("Cloudy Partners");
        assertThat(mail.html()).contains("<img src=\"http://cloudy.acme.localhost:8080/storefront/logo?v=7\" alt=\"Cloudy Partners\"")
                .contains(">Cloudy Partners</span>").contains("This e-mail was sent by Cloudy Partners.");
        assertThat(mail.text()).startsWith("Cloudy Partners\n").contains("This e-mail was sent by Cloudy Partners.");

        RenderedMail withoutLogo = verification(Locale.ENGLISH, "Mario", new MailBranding("Acme Cloud Marketplace", Optional.empty()));
        assertThat(withoutLogo.html()).doesNotContain("<img").contains(">Acme Cloud Marketplace</span>");
    }

    @Test
    void theLinkIsTheButtonAndIsWrittenOutInBothParts() {
        RenderedMail mail = verification(Locale.ENGLISH, "Mario", CLOUDY);

        assertThat(mail.html()).contains("<a href=\"http://cloudy.acme.localhost:8080/verify-email.xhtml?token=abc&amp;x=1\"")
                .contains(">Confirm my e-mail address</a>");
        assertThat(mail.text()).contains("Confirm my e-mail address:\n" + LINK);
    }

    @Test
    void missingValuesAndLinksThatAreNotAbsoluteHttpUrlsAreRefused() {
        assertThatThrownBy(() -> new MailRequest("a@example.test", MailTemplate.INVITATION, Locale.ENGLISH,
                Map.of("name", "Ada", "link", LINK))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inviter");
        for (String link : new String[] {"/verify-email.xhtml?token=abc", "javascript:alert(1)", "ftp://example.test/x", "http:///nohost"}) {
            assertThatThrownBy(() -> RENDERER.render(new MailRequest("a@example.test", MailTemplate.PASSWORD_RESET, Locale.ENGLISH,
                    Map.of("name", "Ada", "link", link)), CLOUDY)).as(link).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new MailBranding(" ", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextThatNeedsAValueItIsNotGivenIsNeverSentWithAGap() {
        MailRenderer broken = new MailRenderer(Map.of("en", texts("VERIFY_EMAIL.subject", "Hi {nickname}"), "it", texts()), "{content}", "{content}");

        assertThatThrownBy(() -> broken.render(new MailRequest("a@example.test", MailTemplate.VERIFY_EMAIL, Locale.ENGLISH,
                Map.of("name", "Ada", "link", LINK)), CLOUDY)).isInstanceOf(IllegalStateException.class).hasMessageContaining("nickname");
    }

    @Test
    void aValueCannotBreakTheSubjectIntoHeaders() {
        RenderedMail mail = verification(Locale.ENGLISH, "Ada\r\nBcc: everyone@example.test", CLOUDY);
        RenderedMail invitation = RENDERER.render(new MailRequest("a@example.test", MailTemplate.INVITATION, Locale.ENGLISH,
                Map.of("name", "Ada", "inviter", "Eve\r\nBcc: everyone@example.test", "link", LINK)), CLOUDY);

        assertThat(mail.subject()).doesNotContain("\r", "\n");
        assertThat(invitation.subject()).isEqualTo("Eve Bcc: everyone@example.test invited you to Cloudy Partners");
    }

    @Test
    void everyTemplateRendersInEnglishAndItalianWithEveryPlaceholderFilled() {
        for (MailTemplate template : MailTemplate.values()) {
            Map<String, String> values = new HashMap<>();
            template.keys().forEach(key -> values.put(key, key.equals("link") ? LINK : "value-of-" + key));
            for (String language : MailRenderer.LANGUAGES) {
                RenderedMail mail = RENDERER.render(new MailRequest("a@example.test", template, Locale.forLanguageTag(language), values), CLOUDY);
                String described = template + " in " + language;
                assertThat(mail.subject()).as(described).isNotBlank().doesNotContain("{");
                assertThat(mail.text()).as(described).contains("value-of-name").doesNotContain("{", "}");
                assertThat(mail.html()).as(described).contains("value-of-name", "Cloudy Partners").doesNotContain("{", "}");
                template.keys().stream().filter(key -> !key.equals("link"))
                        .forEach(key -> assertThat(mail.subject() + mail.text()).as(described + " shows " + key).contains("value-of-" + key));
                if (template.keys().contains("link")) {
                    assertThat(mail.text()).as(described).contains(LINK);
                }
            }
        }
        assertThat(RENDERER.render(new MailRequest("a@example.test", MailTemplate.PASSWORD_CHANGED, Locale.ITALIAN, Map.of("name", "Ada")),
                CLOUDY).subject()).isEqualTo("La tua password per Cloudy Partners è stata cambiata");
    }

    @Test
    void theOutboxPayloadGivesBackTheRenderedMail() {
        RenderedMail mail = verification(Locale.ITALIAN, "Zoë \"Z\" <z>", CLOUDY);

        assertThat(RenderedMail.fromJson(mail.toJson())).isEqualTo(mail);
    }

    @Test
    void aDeliveredMailKeepsItsTemplateAndStorefrontButNoLinkNorText() {
        RenderedMail mail = verification(Locale.ENGLISH, "Ada", CLOUDY);

        String receipt = RenderedMail.receipt(mail.toJson());

        assertThat(receipt).isEqualTo("{\"template\":\"VERIFY_EMAIL\",\"sender\":\"Cloudy Partners\"}");
        assertThat(mail.toJson()).contains(LINK);
    }

    private static java.util.Properties texts(String... pairs) {
        java.util.Properties properties = new java.util.Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        properties.putIfAbsent("footer", "sent by {storefront}");
        return properties;
    }
}
