package org.cloudmarket.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cloudmarket.catalog.service.BundleComponentRef;
import org.cloudmarket.catalog.service.BundleItemView;
import org.cloudmarket.catalog.service.CatalogPage;
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.catalog.service.DecisionView;
import org.cloudmarket.catalog.service.ExtraResourceView;
import org.cloudmarket.catalog.service.MetricView;
import org.cloudmarket.catalog.service.PlanView;
import org.cloudmarket.catalog.service.ProductSummary;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.catalog.service.TierView;
import org.cloudmarket.catalog.service.VendorRegistrationView;
import org.cloudmarket.channel.service.ChannelSettings;
import org.cloudmarket.channel.service.CostView;
import org.cloudmarket.channel.service.PriceListView;
import org.cloudmarket.identity.service.AuditView;
import org.cloudmarket.identity.service.UserView;
import org.cloudmarket.messaging.service.MessageView;
import org.cloudmarket.ordering.service.QuoteView;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps META-INF/openapi.yaml in step with the JAX-RS resources and the records JSON-B writes and
 * reads, without a server and without a YAML library: the document's layout is fixed enough to be
 * read line by line (paths at two spaces, methods at four; schemas at four, properties at eight).
 */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(TokenResource.class, MeResource.class, UserResource.class,
            ImpersonationResource.class, AuditResource.class, ProductResource.class, CatalogResource.class,
            VendorRegistrationResource.class, MessageResource.class, QuoteResource.class, OrderResource.class, PriceListResource.class,
            ChannelResource.class, StorefrontResource.class, ResellerServiceResource.class, CouponResource.class, ResellerCategoryResource.class,
            ResellerBundleResource.class, CustomDomainResource.class,
            // h/users
            OrganizationResource.class, PasswordResetResource.class, ApiKeyResource.class,
            CustomerResource.class, BillingDetailsResource.class, // h/customers
            PlatformTenantResource.class, // h/platform
            EmailVerificationResource.class, // h/signup
            SubscriptionResource.class, // h/changes
            InvoiceResource.class, // h/invoices
            UsageResource.class, SubscriptionUsageResource.class, // h/intake
            SubscriptionInvoicePreviewResource.class, // h/gen
            UsageSummaryResource.class, // h/quota
            LifecycleRunResource.class, // issue 13, LIFE
            BillingRunResource.class, // h/batch
            InvoiceRefundResource.class, VendorCostResource.class, // h/costs
            OpenApiResource.class);

    /** The schemas of JSON bodies, by the record whose components JSON-B maps to their properties. */
    private static final Map<String, Class<? extends Record>> SCHEMAS = Map.ofEntries(
            Map.entry("Problem", Problem.class),
            Map.entry("InvoicePreview", org.cloudmarket.billing.service.InvoicePreviewView.class),
            Map.entry("InvoicePreviewLine", org.cloudmarket.billing.service.InvoicePreviewView.Line.class),
            Map.entry("TokenRequest", TokenResource.TokenRequest.class),
            Map.entry("TokenResponse", TokenResource.TokenResponse.class),
            Map.entry("Me", MeResource.Me.class),
            Map.entry("UserView", UserView.class),
            Map.entry("ImpersonationRequest", ImpersonationResource.ImpersonationRequest.class),
            Map.entry("ImpersonationResponse", ImpersonationResource.ImpersonationResponse.class),
            Map.entry("AuditView", AuditView.class),
            Map.entry("MessageView", MessageView.class),
            Map.entry("CategoryView", CategoryView.class),
            Map.entry("CatalogPage", CatalogPage.class),
            Map.entry("ProductSummary", ProductSummary.class),
            Map.entry("ProductView", ProductView.class),
            Map.entry("PlanView", PlanView.class),
            Map.entry("ExtraResourceView", ExtraResourceView.class),
            Map.entry("MetricView", MetricView.class),
            Map.entry("BundleItemView", BundleItemView.class),
            Map.entry("DecisionView", DecisionView.class),
            Map.entry("TierView", TierView.class),
            Map.entry("VendorRegistrationView", VendorRegistrationView.class),
            Map.entry("ProductRequest", CatalogRequests.ProductRequest.class),
            Map.entry("PlanRequest", CatalogRequests.PlanRequest.class),
            Map.entry("ExtraResourceRequest", CatalogRequests.ExtraResourceRequest.class),
            Map.entry("MetricRequest", CatalogRequests.MetricRequest.class),
            Map.entry("BundleRequest", CatalogRequests.BundleRequest.class),
            Map.entry("BundleComponentRef", BundleComponentRef.class),
            Map.entry("DecisionRequest", CatalogRequests.DecisionRequest.class),
            Map.entry("QuoteRequest", QuoteResource.QuoteBody.class),
            Map.entry("Reading", QuoteResource.Reading.class),
            Map.entry("QuoteView", QuoteView.class),
            Map.entry("QuoteLine", QuoteView.Line.class),
            Map.entry("OrderRequest", OrderResource.OrderBody.class),
            Map.entry("OrderLine", org.cloudmarket.ordering.service.OrderView.Line.class),
            Map.entry("OrderView", org.cloudmarket.ordering.service.OrderView.class),
            Map.entry("OrderPage", org.cloudmarket.shared.paging.Page.class),
            Map.entry("InvoiceView", org.cloudmarket.billing.service.InvoiceView.class),
            Map.entry("InvoiceLine", org.cloudmarket.billing.service.InvoiceView.LineView.class),
            Map.entry("InvoiceParty", org.cloudmarket.billing.service.InvoiceView.PartyView.class),
            Map.entry("InvoicePage", org.cloudmarket.shared.paging.Page.class),
            Map.entry("PaymentRequest", InvoiceResource.PaymentRequest.class),
            // h/batch
            Map.entry("BillingRun", org.cloudmarket.billing.service.BillingRunView.class),
            Map.entry("BillingRunError", org.cloudmarket.billing.service.BillingRunView.ErrorView.class),
            Map.entry("BillingRunRequest", BillingRunResource.StartRequest.class),
            Map.entry("DeclarationView", org.cloudmarket.billing.service.SelfBilling.DeclarationView.class),
            Map.entry("LifecycleRunRequest", LifecycleRunResource.LifecycleRunRequest.class), // issue 13, LIFE
            Map.entry("LifecycleRunView", org.cloudmarket.billing.service.LifecycleRunView.class),
            Map.entry("PriceListView", PriceListView.class),
            Map.entry("PriceListEntry", PriceListView.Entry.class),
            Map.entry("PriceListRequest", PriceListResource.PriceListRequest.class),
            Map.entry("EntryRequest", PriceListResource.EntryRequest.class),
            Map.entry("AssignmentRequest", PriceListResource.AssignmentRequest.class),
            Map.entry("CostView", CostView.class),
            Map.entry("CustomDomainRequest", org.cloudmarket.tenancy.service.CustomDomains.Request.class),
            Map.entry("HostRequest", StorefrontResource.HostRequest.class),
            Map.entry("DomainRequest", org.cloudmarket.tenancy.service.StorefrontEditor.DomainRequest.class),
            Map.entry("ResellerBundleRequest", ResellerBundleResource.BundleRequest.class),
            Map.entry("BundleCreated", ResellerBundleResource.BundleCreated.class),
            Map.entry("CategoryRequest", ResellerCategoryResource.CategoryRequest.class),
            Map.entry("MembershipRequest", ResellerCategoryResource.MembershipRequest.class),
            Map.entry("CouponRequest", CouponResource.CouponRequest.class),
            Map.entry("CouponView", org.cloudmarket.ordering.service.CouponView.class),
            Map.entry("ServiceRequest", ResellerServiceResource.ServiceRequest.class),
            Map.entry("ResellerServiceView", org.cloudmarket.channel.service.ResellerServiceView.class),
            Map.entry("ChannelSettings", ChannelSettings.View.class),
            Map.entry("SettingsRequest", ChannelResource.SettingsRequest.class),
            Map.entry("RateRequest", ChannelResource.RateRequest.class),
            Map.entry("ExchangeRates", org.cloudmarket.channel.service.ExchangeRates.View.class),
            Map.entry("StorefrontRequest", StorefrontResource.StorefrontRequest.class),
            Map.entry("StorefrontResponse", StorefrontResource.StorefrontResponse.class),
            Map.entry("StorefrontDetails", StorefrontDetails.class),
            Map.entry("BannerRequest", StorefrontResource.BannerRequest.class),
            Map.entry("Banner", org.cloudmarket.tenancy.domain.Banner.class),
            // h/users
            Map.entry("InviteRequest", UserResource.InviteRequest.class),
            Map.entry("ChangeRequest", UserResource.ChangeRequest.class),
            Map.entry("OpenRequest", OrganizationResource.OpenRequest.class),
            Map.entry("OrganizationView", org.cloudmarket.accounts.service.OrganizationView.class),
            Map.entry("Opened", org.cloudmarket.accounts.service.OrganizationAdministration.Opened.class),
            Map.entry("ResetRequest", PasswordResetResource.ResetRequest.class),
            Map.entry("NewPassword", PasswordResetResource.NewPassword.class),
            Map.entry("KeyRequest", ApiKeyResource.KeyRequest.class),
            Map.entry("ApiKeyView", org.cloudmarket.identity.service.ApiKeyView.class),
            Map.entry("IssuedApiKey", org.cloudmarket.identity.service.IssuedApiKey.class),
            // h/customers
            Map.entry("CustomerView", org.cloudmarket.customer.service.CustomerView.class),
            Map.entry("CustomerUserView", org.cloudmarket.customer.service.CustomerView.CustomerUserView.class),
            Map.entry("BillingDetailsView", org.cloudmarket.tenancy.service.BillingDetailsView.class),
            Map.entry("BillingDetailsChange", CustomerResource.BillingDetailsChange.class),
            Map.entry("SellerBillingDetailsRequest", BillingDetailsResource.SellerBillingDetailsRequest.class),
            // h/platform
            Map.entry("TenantRequest", org.cloudmarket.platform.service.TenantForm.class),
            Map.entry("TenantView", org.cloudmarket.platform.service.TenantView.class),
            // h/signup
            Map.entry("SignUpRequest", org.cloudmarket.customer.service.SignUpRequest.class),
            Map.entry("SignUpAccepted", CustomerResource.SignUpAccepted.class),
            Map.entry("VerificationRequest", EmailVerificationResource.VerificationRequest.class),
            // h/changes
            Map.entry("SubscriptionPage", org.cloudmarket.shared.paging.Page.class),
            Map.entry("SubscriptionView", org.cloudmarket.subscription.service.SubscriptionView.class),
            Map.entry("ChangelogEntry", org.cloudmarket.subscription.service.SubscriptionView.ChangelogEntry.class),
            Map.entry("SubscriptionChangeRequest", SubscriptionResource.SubscriptionChangeRequest.class),
            // h/intake
            Map.entry("UsageBatch", UsageResource.UsageBatch.class),
            Map.entry("UsageReading", UsageResource.UsageReading.class),
            Map.entry("UsageResults", UsageResource.UsageResults.class),
            Map.entry("ReadingResult", org.cloudmarket.metering.domain.ReadingResult.class),
            Map.entry("UsageView", org.cloudmarket.metering.service.UsageView.class),
            Map.entry("UsagePoint", org.cloudmarket.metering.domain.UsagePoint.class),
            // h/quota
            Map.entry("UsageSummary", org.cloudmarket.metering.service.UsageSummaries.Summary.class),
            Map.entry("UsageMetricSoFar", org.cloudmarket.metering.service.UsageSummaries.MetricSoFar.class),
            // h/costs
            Map.entry("RefundRequest", InvoiceRefundResource.RefundRequest.class),
            Map.entry("RefundLine", InvoiceRefundResource.RefundLine.class),
            Map.entry("MonthRequest", VendorCostResource.MonthRequest.class),
            Map.entry("MonthInvoices", VendorCostResource.MonthInvoices.class),
            Map.entry("TrialCostRequest", ProductResource.TrialCostRequest.class),
            Map.entry("PlatformFeeRequest", ProductResource.PlatformFeeRequest.class));

    /** One record documented as the alternatives of a oneOf: together they have its components. */
    private static final Map<Set<String>, Class<? extends Record>> ALTERNATIVES =
            Map.of(Set.of("UsageQuantity", "UsageReadings"), QuoteResource.Usage.class);

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(:[^}]*)?}");
    private static final Pattern DOCUMENTED_PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern DOCUMENTED_METHOD = Pattern.compile("^    (get|post|put|delete|patch|head|options):$");
    private static final Pattern SCHEMA = Pattern.compile("^    (\\w+):$");
    private static final Pattern PROPERTY = Pattern.compile("^        (\\w[\\w-]*):.*$");

    private static List<String> document;

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            assertThat(in).as("META-INF/openapi.yaml on the class path").isNotNull();
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void documentsEveryOperationOfTheCode() {
        assertThat(documentedOperations()).as("operations in openapi.yaml").containsAll(codeOperations());
    }

    /** Every POST a signed-in caller makes honours Idempotency-Key (IdempotencyFilter); only the anonymous ones ignore it. */
    @Test
    void everySignedInPostNamesTheIdempotencyKey() {
        Set<String> anonymous = Set.of("/tokens", "/email-verifications", "/password-resets");
        List<String> missing = new java.util.ArrayList<>();
        String path = null;
        boolean inPost = false;
        boolean named = false;
        for (String line : section("paths:")) {
            Matcher pathKey = DOCUMENTED_PATH.matcher(line);
            Matcher methodKey = DOCUMENTED_METHOD.matcher(line);
            if (pathKey.matches() || methodKey.matches()) {
                if (inPost && !named && !anonymous.contains(path)) {
                    missing.add(path);
                }
                inPost = methodKey.matches() && methodKey.group(1).equals("post");
                named = false;
                path = pathKey.matches() ? pathKey.group(1) : path;
            } else if (inPost && line.contains("#/components/parameters/IdempotencyKey")) {
                named = true;
            }
        }
        if (inPost && !named && !anonymous.contains(path)) {
            missing.add(path);
        }
        assertThat(missing).as("POST operations without the IdempotencyKey parameter").isEmpty();
    }

    @Test
    void documentsNoOperationTheCodeLacks() {
        assertThat(codeOperations()).as("operations of the resources").containsAll(documentedOperations());
    }

    @Test
    void listsEveryResourceOfThePackage() throws URISyntaxException, ClassNotFoundException {
        URL folder = OpenApiResource.class.getResource(OpenApiResource.class.getSimpleName() + ".class");
        File[] classes = new File(folder.toURI()).getParentFile().listFiles((dir, name) -> name.endsWith(".class"));
        Set<String> resources = new TreeSet<>();
        for (File file : classes) {
            String name = OpenApiResource.class.getPackageName() + "." + file.getName().replace(".class", "");
            Class<?> type = Class.forName(name, false, OpenApiResource.class.getClassLoader());
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type.getName());
            }
        }
        assertThat(resources).as("the resources of the package; add a new one to RESOURCES")
                .isEqualTo(RESOURCES.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void servesFromTheApplicationPath() {
        String root = "/" + strip(ApiApplication.class.getAnnotation(ApplicationPath.class).value());
        assertThat(document).containsSequence("servers:", "  - url: " + root);
    }

    @Test
    void describesEveryBodyWithTheRecordsProperties() {
        Map<String, Set<String>> schemas = documentedSchemaProperties();
        Set<String> mapped = new TreeSet<>(SCHEMAS.keySet());
        ALTERNATIVES.keySet().forEach(mapped::addAll);

        assertThat(schemas.keySet()).as("object schemas, each mapped to its record in this test")
                .containsExactlyInAnyOrderElementsOf(mapped);
        SCHEMAS.forEach((schema, record) ->
                assertThat(schemas.get(schema)).as("properties of %s, the components of %s", schema, record.getName())
                        .isEqualTo(components(record)));
        ALTERNATIVES.forEach((names, record) ->
                assertThat(names.stream().flatMap(name -> schemas.get(name).stream()).collect(Collectors.toSet()))
                        .as("properties of %s together, the components of %s", names, record.getName())
                        .isEqualTo(components(record)));
    }

    /** "get /products/{id}" for every resource method, as the server root sees it. */
    private static Set<String> codeOperations() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isSynthetic()) {
                    continue;
                }
                Path path = method.getAnnotation(Path.class);
                httpMethod(method).ifPresent(verb -> operations.add(verb + " " + path(root, path == null ? "" : path.value())));
            }
        }
        assertThat(operations).as("operations found by reflection").isNotEmpty();
        return operations;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class)).filter(Objects::nonNull)
                .map(verb -> verb.value().toLowerCase(Locale.ROOT)).findFirst();
    }

    private static String path(String... parts) {
        String joined = Stream.of(parts).map(OpenApiDocumentTest::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.joining("/"));
        Matcher parameter = PATH_PARAMETER.matcher("/" + joined);
        return parameter.replaceAll("{$1}");
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        String path = null;
        for (String line : section("paths:")) {
            Matcher pathKey = DOCUMENTED_PATH.matcher(line);
            Matcher methodKey = DOCUMENTED_METHOD.matcher(line);
            if (pathKey.matches()) {
                path = path(pathKey.group(1));
            } else if (methodKey.matches()) {
                assertThat(path).as("a path before '%s'", line).isNotNull();
                assertThat(operations.add(methodKey.group(1) + " " + path)).as("documented once: %s %s", methodKey.group(1), path)
                        .isTrue();
            }
        }
        assertThat(operations).as("operations under paths:").isNotEmpty();
        return operations;
    }

    /** The properties of each object schema under components/schemas. */
    private static Map<String, Set<String>> documentedSchemaProperties() {
        List<String> components = section("components:");
        int start = components.indexOf("  schemas:");
        assertThat(start).as("components/schemas").isNotNegative();
        Map<String, Set<String>> schemas = new LinkedHashMap<>();
        String schema = null;
        boolean inProperties = false;
        for (String line : components.subList(start + 1, components.size())) {
            if (!line.isBlank() && indent(line) <= 2) {
                break;
            }
            Matcher schemaKey = SCHEMA.matcher(line);
            Matcher property = PROPERTY.matcher(line);
            if (schemaKey.matches()) {
                schema = schemaKey.group(1);
                inProperties = false;
            } else if (line.equals("      properties:")) {
                inProperties = true;
                schemas.put(schema, new TreeSet<>());
            } else if (!line.isBlank() && indent(line) <= 6) {
                inProperties = false;
            } else if (inProperties && property.matches()) {
                schemas.get(schema).add(property.group(1));
            }
        }
        return schemas;
    }

    private static Set<String> components(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The lines of a top-level section of the document, up to the next top-level key. */
    private static List<String> section(String key) {
        int start = document.indexOf(key);
        assertThat(start).as("'%s' in the document", key).isNotNegative();
        List<String> lines = new ArrayList<>();
        for (String line : document.subList(start + 1, document.size())) {
            if (!line.isEmpty() && indent(line) == 0 && !line.startsWith("#")) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
