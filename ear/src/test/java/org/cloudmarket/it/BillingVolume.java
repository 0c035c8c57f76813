package org.cloudmarket.it;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Many subscriptions for the billing run's benchmark and its kill test, written straight into the tests' database by
 * multi-row INSERTs (the API would take hours for a million): {@code tenants} marketplaces of their own, slugs
 * {@code <prefix>1 ..}, each with what a run needs (the tenant with its billing details and settings, its storefront
 * and host {@code <slug>.localhost}, an ADMIN {@code admin@<slug>.test} whose password is {@code demo}, a vendor, customers
 * with billing details and a user each, two products with four plans) and {@code subscriptionsPerTenant} subscriptions,
 * DEPLOYED, each as a purchase leaves it: its PAID NORMAL order with lines, the price snapshot of its window, its first
 * period billed (period 0's proceeds on a PAID invoice, numbered from the tenant's counter). Every subscription's
 * second period starts at {@code due}, so a run at {@code due} bills each one's next period: its prepaid (license,
 * prepaid storage), a MONTHLY period order, the period advanced.
 * <p>The plans, round robin over the subscriptions: <b>monthly</b> (10.00 a month, 3 months' commitment), <b>yearly billed
 * monthly</b> (8.00 a month for 12 months, 2 TB of prepaid storage at 2.00), <b>hourly</b> (0.05 an hour, a 720-hour
 * window), <b>pay per user</b> (5.00 a month for 12 months, a metric {@code users} at 2.00 and one post-paid backup at
 * 1.00: billed at the period's end plus the grace, so not at {@code due}). All in EUR in a UTC marketplace, sold directly
 * by the tenant (no reseller), 10 % platform fee.
 * <p>{@code due} should be a midnight (UTC): periods start at the start of a day (an hour for the hourly plan).
 */
final class BillingVolume {

    /** The tenants written, in slug order, and what each holds. */
    record Volume(String slugPrefix, List<Long> tenantIds, List<String> slugs, int subscriptionsPerTenant, Instant due) {

        int subscriptions() {
            return tenantIds.size() * subscriptionsPerTenant;
        }

        /** The API host of the {@code i}-th tenant (0-based). */
        String host(int i) {
            return slugs.get(i) + ".localhost";
        }

        String admin(int i) {
            return "admin@" + slugs.get(i) + ".test";
        }
    }

    static final String PASSWORD = "demo";

    /** Rows a multi-row INSERT carries. */
    private static final int ROWS_PER_STATEMENT = 1_000;
    /** Subscriptions written in one go (their orders, invoices, proceeds, lines). */
    private static final int SLICE = 1_000;
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final BigDecimal FEE = new BigDecimal("0.10");

    /** One of the tenant's plans as the fixture writes it. */
    private record PlanSpec(String product, String name, String unit, int duration, String license, String extraResources,
                            String extrasJson, String metricsJson, String storage) {

        boolean hourly() {
            return "HOURS".equals(unit);
        }

        Instant plus(Instant anchor, int periods) {
            return hourly() ? anchor.plus(periods, ChronoUnit.HOURS)
                    : ZonedDateTime.ofInstant(anchor, ZoneOffset.UTC).plusMonths(periods).toInstant();
        }

        String levelJson() {
            return "{\"name\":\"" + name + "\",\"currency\":\"EUR\",\"license\":\"" + license + "\",\"setupFee\":\"0.00\","
                    + "\"billingFrequency\":1,\"unit\":\"" + unit + "\",\"minimumDuration\":" + (hourly() ? 1 : duration)
                    + ",\"trialDays\":0,\"extraResources\":" + extrasJson + ",\"metrics\":" + metricsJson + "}";
        }

        String snapshot() {
            String level = levelJson();
            return "{\"marketplaceCurrency\":\"EUR\",\"orderCurrency\":\"EUR\",\"vendor\":" + level + ",\"wholesale\":" + level
                    + ",\"sellIn\":" + level + ",\"sellOut\":" + level + ",\"exchangeRate\":null}";
        }

        /** Period 0's prepaid lines: (component, kind, description, quantity, unit price, amount). */
        List<String[]> firstLines() {
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"license", "LICENSE", name + " license, 1 x 1 " + unit.toLowerCase(Locale.ROOT), "1", license, license});
            if (storage != null) {
                String amount = new BigDecimal(storage).multiply(BigDecimal.valueOf(2)).setScale(2, RoundingMode.HALF_UP).toPlainString();
                lines.add(new String[] {"extra:storage", "EXTRA_RESOURCE", "Storage, 2 TB (volume), 1 period", "1", amount, amount});
            }
            return lines;
        }
    }

    private static final String STORAGE = "[{\"code\":\"storage\",\"name\":\"Storage\",\"unit\":\"TB\",\"scheme\":\"VOLUME\","
            + "\"tiers\":[{\"from\":1,\"price\":\"2.00\",\"to\":null}],\"billing\":\"PRE_PAID\",\"metricCode\":null}]";
    private static final String BACKUP = "[{\"code\":\"backup\",\"name\":\"Backup\",\"unit\":\"sets\",\"scheme\":\"VOLUME\","
            + "\"tiers\":[{\"from\":1,\"price\":\"1.00\",\"to\":null}],\"billing\":\"POST_PAID\",\"metricCode\":null}]";
    private static final String USERS = "[{\"code\":\"users\",\"name\":\"Users\",\"unit\":\"users\",\"kind\":\"GAUGE\","
            + "\"aggregation\":\"AVERAGE\",\"includedQuantity\":\"0\",\"unitPrice\":\"2.00\",\"scheme\":null,\"tiers\":null}]";

    private static final List<PlanSpec> PLANS = List.of(
            new PlanSpec("Volume Mail", "Monthly", "MONTHS", 3, "10.00", "", "[]", "[]", null),
            new PlanSpec("Volume Mail", "Yearly billed monthly", "MONTHS", 12, "8.00", "storage=2", STORAGE, "[]", "2.00"),
            new PlanSpec("Volume Mail", "Hourly", "HOURS", 720, "0.05", "", "[]", "[]", null),
            new PlanSpec("Volume Desk", "Pay per user", "MONTHS", 12, "5.00", "backup=1", BACKUP, USERS, null));

    private BillingVolume() {
    }

    /** As {@link #create(Connection, String, int, int, Instant, int)} with a customer per 100 subscriptions. */
    static Volume create(Connection connection, String slugPrefix, int tenants, int subscriptionsPerTenant, Instant due) throws SQLException {
        return create(connection, slugPrefix, tenants, subscriptionsPerTenant, due, Math.max(1, subscriptionsPerTenant / 100));
    }

    /**
     * Writes the tenants (slugs {@code slugPrefix + 1 ..}), each committed on its own; tenants left by an earlier call with
     * the same prefix are deleted first. The connection's auto-commit is restored.
     */
    static Volume create(Connection connection, String slugPrefix, int tenants, int subscriptionsPerTenant, Instant due, int customers)
            throws SQLException {
        deleteAll(connection, slugPrefix);
        String passwordHash = one(connection, "SELECT password_hash FROM app_user WHERE email = 'admin@acme.test'");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<Long> ids = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        try {
            for (int t = 1; t <= tenants; t++) {
                String slug = slugPrefix + t;
                ids.add(new TenantWriter(connection, slug, t, due, passwordHash).write(subscriptionsPerTenant, customers));
                slugs.add(slug);
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Volume(slugPrefix, List.copyOf(ids), List.copyOf(slugs), subscriptionsPerTenant, due);
    }

    /** Deletes the volume's tenants and every row of theirs (TestDatabase.deleteTenant). */
    static void delete(Connection connection, Volume volume) throws SQLException {
        for (String slug : volume.slugs()) {
            TestDatabase.deleteTenant(connection, slug);
        }
    }

    /** Deletes every tenant whose slug starts with {@code slugPrefix} (what an interrupted run left). */
    static void deleteAll(Connection connection, String slugPrefix) throws SQLException {
        if (slugPrefix.isBlank() || !slugPrefix.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A slug prefix of lowercase letters, digits and hyphens: " + slugPrefix);
        }
        List<String> slugs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT slug FROM tenant WHERE slug LIKE ?")) {
            statement.setString(1, slugPrefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    slugs.add(rows.getString(1));
                }
            }
        }
        for (String slug : slugs) {
            TestDatabase.deleteTenant(connection, slug);
        }
    }

    /** One tenant's rows. */
    private static final class TenantWriter {

        private final Connection connection;
        private final String slug;
        private final int number;
        private final Instant due;
        private final String passwordHash;
        private final String now = time(Instant.now());
        private long tenantId;
        private long storefrontId;
        private long vendorId;
        private final List<Long> customerIds = new ArrayList<>();
        private final List<Long> customerUsers = new ArrayList<>();
        private final List<Long> productIds = new ArrayList<>();
        private final List<Long> planIds = new ArrayList<>();
        private int invoiceCounter;

        TenantWriter(Connection connection, String slug, int number, Instant due, String passwordHash) {
            this.connection = connection;
            this.slug = slug;
            this.number = number;
            this.due = due;
            this.passwordHash = passwordHash;
        }

        long write(int subscriptions, int customers) throws SQLException {
            String prefix = "BV" + number;
            tenantId = insertOne("INSERT INTO tenant (slug, name, default_currency, time_zone, locale, created_at, version, party_kind,"
                    + " legal_name, address_line, city, postal_code, country, vat_number, invoice_prefix) VALUES (" + values(slug,
                    "Volume " + number, "EUR", "UTC", "en", now, 0, "COMPANY", "Volume Marketplace " + number + " S.p.A.", "Via Roma 1",
                    "Milano", "20121", "IT", "IT07382910458", prefix) + ")");
            execute("INSERT INTO tenant_setting (tenant_id, name, value) VALUES (" + values(tenantId, "billing.platformFee", "10") + "), ("
                    + values(tenantId, "billing.paymentTermsDays", "30") + ")");
            storefrontId = insertOne("INSERT INTO storefront (tenant_id, owner_id, name, base_theme, primary_color, accent_color, font_family,"
                    + " locale, currency, created_at, version) VALUES (" + values(tenantId, null, "Volume " + number, "saga-blue", "#0b5cad",
                    "#ff8f00", "Inter", "en", "EUR", now, 0) + ")");
            execute("INSERT INTO storefront_host (host, tenant_id, storefront_id) VALUES (" + values(slug + ".localhost", tenantId, storefrontId) + ")");
            insertOne("INSERT INTO app_user (tenant_id, email, display_name, role, organization_id, password_hash, enabled, created_at, version)"
                    + " VALUES (" + values(tenantId, "admin@" + slug + ".test", "Volume Admin", "ADMIN", null, passwordHash, true, now, 0) + ")");
            vendorId = insertOne("INSERT INTO organization (tenant_id, kind, name, created_at, version, party_kind, legal_name, address_line,"
                    + " city, postal_code, country, vat_number, iban, invoice_prefix) VALUES (" + values(tenantId, "VENDOR", "Volume Vendor",
                    now, 0, "COMPANY", "Volume Vendor B.V.", "Keizersgracht 1", "Amsterdam", "1015 CW", "NL", "NL123456789B01",
                    "NL91ABNA0417164300", "VV" + number) + ")");
            for (int c = 1; c <= customers; c++) {
                long customer = insertOne("INSERT INTO organization (tenant_id, kind, name, created_at, version, party_kind, legal_name,"
                        + " address_line, city, postal_code, country, vat_number) VALUES (" + values(tenantId, "CUSTOMER", "Customer " + c, now,
                        0, "COMPANY", "Customer " + c + " GmbH", "Unter den Linden " + c, "Berlin", "10117", "DE", "DE811907980") + ")");
                customerIds.add(customer);
                customerUsers.add(insertOne("INSERT INTO app_user (tenant_id, email, display_name, role, organization_id, password_hash,"
                        + " enabled, created_at, version) VALUES (" + values(tenantId, "customer" + c + "@" + slug + ".test", "Customer " + c,
                        "CUSTOMER", customer, passwordHash, true, now, 0) + ")"));
            }
            catalog();
            for (int from = 0; from < subscriptions; from += SLICE) {
                slice(from, Math.min(SLICE, subscriptions - from));
            }
            if (invoiceCounter > 0) {
                execute("INSERT INTO invoice_counter (tenant_id, issuer_key, kind, year, last_value) VALUES ("
                        + values(tenantId, 0, "INVOICE", year(), invoiceCounter) + ")");
            }
            return tenantId;
        }

        private void catalog() throws SQLException {
            String lastProduct = null;
            int position = 0;
            for (PlanSpec plan : PLANS) {
                if (!plan.product().equals(lastProduct)) {
                    lastProduct = plan.product();
                    position = 0;
                    productIds.add(insertOne("INSERT INTO product (tenant_id, vendor_id, kind, name, slug, summary, trial_days, status,"
                            + " created_at, updated_at, published_at, version) VALUES (" + values(tenantId, vendorId, "STANDARD",
                            plan.product(), plan.product().toLowerCase(Locale.ROOT).replace(' ', '-'), plan.product() + " for the billing volume",
                            0, "PUBLISHED", now, now, now, 0) + ")"));
                }
                long product = productIds.get(productIds.size() - 1);
                long planId = insertOne("INSERT INTO plan (tenant_id, product_id, name, position, currency, license_price, setup_fee,"
                        + " billing_frequency, billing_unit, minimum_duration, approval_required, self_billed, payment_methods, version)"
                        + " VALUES (" + values(tenantId, product, plan.name(), position++, "EUR", plan.license(), "0", 1, plan.unit(),
                        plan.hourly() ? 1 : plan.duration(), false, false, "BANK_TRANSFER", 0) + ")");
                planIds.add(planId);
                if (plan.storage() != null) {
                    execute("INSERT INTO extra_resource (tenant_id, plan_id, code, name, unit, scheme, tiers, billing) VALUES ("
                            + values(tenantId, planId, "storage", "Storage", "TB", "VOLUME", "1-:2.00", "PRE_PAID") + ")");
                }
                if (!"[]".equals(plan.metricsJson())) {
                    execute("INSERT INTO metric (tenant_id, plan_id, code, name, kind, aggregation, unit, included_quantity, unit_price)"
                            + " VALUES (" + values(tenantId, planId, "users", "Users", "GAUGE", "AVERAGE", "users", "0", "2.00") + ")");
                    execute("INSERT INTO extra_resource (tenant_id, plan_id, code, name, unit, scheme, tiers, billing) VALUES ("
                            + values(tenantId, planId, "backup", "Backup", "sets", "VOLUME", "1-:1.00", "POST_PAID") + ")");
                }
            }
        }

        /** {@code count} subscriptions from the tenant's {@code from}-th: orders, subscriptions, invoices, proceeds, lines. */
        private void slice(int from, int count) throws SQLException {
            List<PlanSpec> plans = new ArrayList<>();
            List<Integer> customers = new ArrayList<>();
            List<Instant> anchors = new ArrayList<>();
            Rows orders = new Rows("INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id,"
                    + " vendor_id, product_id, plan_id, placed_by, duration, extra_resources, currency, marketplace_currency, start_at,"
                    + " payment_method, total, created_at, version)");
            for (int i = 0; i < count; i++) {
                int n = from + i;
                PlanSpec plan = PLANS.get(n % PLANS.size());
                int customer = n % customerIds.size();
                Instant anchor = plan.hourly() ? due.minus(1, ChronoUnit.HOURS)
                        : ZonedDateTime.ofInstant(due, ZoneOffset.UTC).minusMonths(1).toInstant();
                plans.add(plan);
                customers.add(customer);
                anchors.add(anchor);
                orders.add(tenantId, "NORMAL", "PAID", "PULL", customerIds.get(customer), null, storefrontId, vendorId, product(plan),
                        planIds.get(PLANS.indexOf(plan)), customerUsers.get(customer), plan.duration(), plan.extraResources(), "EUR", "EUR",
                        time(anchor), "BANK_TRANSFER", total(plan), time(anchor), 1);
            }
            List<Long> orderIds = orders.insert();

            Rows subscriptions = new Rows("INSERT INTO subscription (tenant_id, type, deployment_status, customer_id, seller_id, storefront_id,"
                    + " vendor_id, product_id, plan_id, order_id, currency, prices, extra_resources, duration, anchor_at, window_start,"
                    + " period_start, period_end, ends_at, auto_renew, trial_converts, paid, created_at, version)");
            Rows orderLines = new Rows("INSERT INTO order_line (tenant_id, order_id, position, line_type, component, description, quantity,"
                    + " unit_price, amount, vendor_unit_price, wholesale_unit_price, sell_in_unit_price)");
            for (int i = 0; i < count; i++) {
                PlanSpec plan = plans.get(i);
                Instant anchor = anchors.get(i);
                subscriptions.add(tenantId, "NORMAL", "DEPLOYED", customerIds.get(customers.get(i)), null, storefrontId, vendorId, product(plan),
                        planIds.get(PLANS.indexOf(plan)), orderIds.get(i), "EUR", plan.snapshot(), plan.extraResources(), plan.duration(),
                        time(anchor), time(anchor), time(anchor), time(plan.plus(anchor, 1)), time(plan.plus(anchor, plan.duration())), true,
                        false, true, time(anchor), 1);
                int position = 0;
                for (String[] line : plan.firstLines()) {
                    orderLines.add(tenantId, orderIds.get(i), position++, line[1], line[0], line[2], line[3], line[4], line[5], line[4],
                            line[4], line[4]);
                }
            }
            List<Long> subscriptionIds = subscriptions.insert();
            orderLines.insert();

            Rows invoices = new Rows("INSERT INTO invoice (tenant_id, kind, issuer_id, issuer_key, customer_id, year, counter, number, status,"
                    + " currency, issued_at, due_at, net, tax, total, issuer_name, customer_name, issuer_party_kind, issuer_legal_name,"
                    + " issuer_address_line, issuer_city, issuer_postal_code, issuer_country, issuer_vat_number, issuer_invoice_prefix,"
                    + " customer_party_kind, customer_legal_name, customer_address_line, customer_city, customer_postal_code, customer_country,"
                    + " customer_vat_number, order_id, paid_at, version)");
            for (int i = 0; i < count; i++) {
                PlanSpec plan = plans.get(i);
                int customer = customers.get(i) + 1;
                Instant anchor = anchors.get(i);
                invoiceCounter++;
                invoices.add(tenantId, "INVOICE", null, 0, customerIds.get(customers.get(i)), year(), invoiceCounter,
                        String.format(Locale.ROOT, "BV%d-%d-%06d", number, year(), invoiceCounter), "PAID", "EUR", time(anchor),
                        time(anchor.plus(30, ChronoUnit.DAYS)), total(plan), "0", total(plan), "Volume Marketplace " + number + " S.p.A.",
                        "Customer " + customer + " GmbH", "COMPANY", "Volume Marketplace " + number + " S.p.A.", "Via Roma 1", "Milano", "20121",
                        "IT", "IT07382910458", "BV" + number, "COMPANY", "Customer " + customer + " GmbH", "Unter den Linden " + customer,
                        "Berlin", "10117", "DE", "DE811907980", orderIds.get(i), time(anchor), 1);
            }
            List<Long> invoiceIds = invoices.insert();

            Rows proceeds = new Rows("INSERT INTO proceed (tenant_id, subscription_id, order_id, component, kind, period_start, period_end,"
                    + " customer_id, seller_id, vendor_id, distributor_id, reseller_id, plan_id, description, quantity, currency, unit_price,"
                    + " amount, upstream_currency, vendor_amount, wholesale_amount, sell_in_amount, platform_fee, exchange_rate, invoice_id,"
                    + " created_at)");
            List<String[]> proceedLines = new ArrayList<>();
            List<Integer> proceedInvoice = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PlanSpec plan = plans.get(i);
                Instant anchor = anchors.get(i);
                for (String[] line : plan.firstLines()) {
                    proceeds.add(tenantId, subscriptionIds.get(i), orderIds.get(i), line[0], line[1], time(anchor), time(plan.plus(anchor, 1)),
                            customerIds.get(customers.get(i)), null, vendorId, null, null, planIds.get(PLANS.indexOf(plan)), line[2], line[3],
                            "EUR", line[4], line[5], "EUR", line[5], line[5], line[5],
                            new BigDecimal(line[5]).multiply(FEE).setScale(2, RoundingMode.HALF_UP).toPlainString(), null, invoiceIds.get(i),
                            time(anchor));
                    proceedLines.add(line);
                    proceedInvoice.add(i);
                }
            }
            List<Long> proceedIds = proceeds.insert();
            Rows invoiceLines = new Rows("INSERT INTO invoice_line (tenant_id, invoice_id, position, proceed_id, kind, description, quantity,"
                    + " unit_price, net_amount, tax_rate, tax_category)");
            int lastInvoice = -1;
            int position = 0;
            for (int p = 0; p < proceedIds.size(); p++) {
                int invoice = proceedInvoice.get(p);
                position = invoice == lastInvoice ? position + 1 : 1;
                lastInvoice = invoice;
                String[] line = proceedLines.get(p);
                invoiceLines.add(tenantId, invoiceIds.get(invoice), position, proceedIds.get(p), line[1], line[2], line[3], line[4], line[5],
                        "0.00", "E");
            }
            invoiceLines.insert();
            try (PreparedStatement link = connection.prepareStatement("UPDATE purchase_order o JOIN subscription s ON s.tenant_id = o.tenant_id"
                    + " AND s.order_id = o.id JOIN invoice i ON i.tenant_id = o.tenant_id AND i.order_id = o.id"
                    + " SET o.subscription_id = s.id, o.invoice_id = i.id WHERE o.tenant_id = ? AND o.id BETWEEN ? AND ?")) {
                link.setLong(1, tenantId);
                link.setLong(2, orderIds.get(0));
                link.setLong(3, orderIds.get(orderIds.size() - 1));
                link.executeUpdate();
            }
        }

        private long product(PlanSpec plan) {
            return productIds.get(plan.product().equals(PLANS.get(0).product()) ? 0 : 1);
        }

        private static String total(PlanSpec plan) {
            return plan.firstLines().stream().map(line -> new BigDecimal(line[5])).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP).toPlainString();
        }

        private int year() {
            return LocalDateTime.ofInstant(due, ZoneOffset.UTC).minusMonths(1).getYear();
        }

        private long insertOne(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
        }

        /** Rows of one table, inserted {@value #ROWS_PER_STATEMENT} a statement, answering their generated ids in order. */
        private final class Rows {

            private final String insert;
            private final List<String> tuples = new ArrayList<>();

            Rows(String insert) {
                this.insert = insert;
            }

            void add(Object... values) {
                tuples.add("(" + values(values) + ")");
            }

            List<Long> insert() throws SQLException {
                List<Long> ids = new ArrayList<>(tuples.size());
                for (int from = 0; from < tuples.size(); from += ROWS_PER_STATEMENT) {
                    String sql = insert + " VALUES " + String.join(", ", tuples.subList(from, Math.min(tuples.size(), from + ROWS_PER_STATEMENT)));
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
                        try (ResultSet keys = statement.getGeneratedKeys()) {
                            while (keys.next()) {
                                ids.add(keys.getLong(1));
                            }
                        }
                    }
                }
                if (ids.size() != tuples.size()) {
                    throw new IllegalStateException(insert + ": " + tuples.size() + " rows, " + ids.size() + " ids");
                }
                return ids;
            }
        }
    }

    /** SQL literals: strings quoted and escaped, numbers and booleans as they are, null as NULL. */
    static String values(Object... values) {
        StringJoiner joined = new StringJoiner(", ");
        for (Object value : values) {
            if (value == null) {
                joined.add("NULL");
            } else if (value instanceof Number || value instanceof Boolean) {
                joined.add(value.toString());
            } else {
                joined.add("'" + value.toString().replace("\\", "\\\\").replace("'", "''") + "'");
            }
        }
        return joined.toString();
    }

    static String time(Instant instant) {
        return SQL_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String one(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("Nothing for " + sql);
            }
            return rows.getString(1);
        }
    }
}
