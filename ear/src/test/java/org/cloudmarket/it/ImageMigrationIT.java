package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * The move of pictures into stored_image (db/changelog/images.xml) on a database that already
 * holds some: a scratch schema on the tests' MariaDB is migrated as far as before that changelog,
 * given pictures the old way (with the duplicates a race of uploads left), then migrated to the end.
 * Needs no server: only the database.
 */
class ImageMigrationIT {

    @Test
    void existingPicturesMoveToStoredImagesAndARaceOfScreenshotsIsPutInOrder() throws Exception {
        String schema = "images_migration_" + UUID.randomUUID().toString().substring(0, 8);
        execute(System.getenv("DB_URL"), "CREATE DATABASE " + schema);
        String url = System.getenv("DB_URL").replaceFirst("/[^/?]+(\\?|$)", "/" + schema + "$1");
        try {
            migrate(url, "before-images.xml");
            execute(url, "SET SESSION sql_mode = ''", "SET FOREIGN_KEY_CHECKS = 0",
                    "INSERT INTO tenant (id, slug, name) VALUES (1, 'a', 'A'), (2, 'b', 'B')",
                    "INSERT INTO product (id, tenant_id, name) VALUES (5, 1, 'p'), (6, 2, 'q')",
                    "INSERT INTO storefront (id, tenant_id, name, logo, logo_type, favicon, favicon_type) VALUES"
                            + " (1, 1, 'a', 'LOGO', 'image/png', 'FAVICON', 'image/webp'), (2, 2, 'b', NULL, NULL, NULL, NULL)",
                    "INSERT INTO storefront_banner (id, tenant_id, storefront_id, position, title, image, image_type) VALUES"
                            + " (10, 1, 1, 1, 't', 'BANNER', 'image/jpeg'), (11, 1, 1, 2, 'u', NULL, NULL)",
                    "INSERT INTO product_image (tenant_id, product_id, kind, position, content_type, data) VALUES"
                            + " (1, 5, 'LOGO', 0, 'image/png', 'L1'), (1, 5, 'LOGO', 0, 'image/png', 'L2'),"
                            + " (1, 5, 'SCREENSHOT', 0, 'image/png', 's0'), (1, 5, 'SCREENSHOT', 1, 'image/png', 's1'),"
                            + " (1, 5, 'SCREENSHOT', 2, 'image/png', 's2'), (1, 5, 'SCREENSHOT', 3, 'image/png', 's3'),"
                            + " (1, 5, 'SCREENSHOT', 4, 'image/png', 's4'), (1, 5, 'SCREENSHOT', 5, 'image/png', 's5'),"
                            + " (1, 5, 'SCREENSHOT', 7, 'image/png', 's6'), (1, 5, 'SCREENSHOT', 7, 'image/png', 's7'),"
                            + " (1, 5, 'SCREENSHOT', 8, 'image/png', 's8'), (2, 6, 'LOGO', 0, 'image/jpeg', 'other')");

            migrate(url, "db/changelog/master.xml");

            assertThat(rows(url, """
                    SELECT CONCAT(s.id, ' ', l.data, ' ', l.content_type, ' ', f.data, ' ', f.content_type) FROM storefront s
                    JOIN stored_image l ON l.id = s.logo_image_id AND l.tenant_id = s.tenant_id
                    JOIN stored_image f ON f.id = s.favicon_image_id AND f.tenant_id = s.tenant_id"""))
                    .containsExactly("1 LOGO image/png FAVICON image/webp");
            assertThat(rows(url, "SELECT COUNT(*) FROM storefront WHERE logo_image_id IS NULL AND favicon_image_id IS NULL"))
                    .containsExactly("1");
            assertThat(rows(url, """
                    SELECT CONCAT(b.id, ' ', COALESCE(i.data, '-')) FROM storefront_banner b
                    LEFT JOIN stored_image i ON i.id = b.image_id ORDER BY b.id"""))
                    .containsExactly("10 BANNER", "11 -");
            assertThat(rows(url, """
                    SELECT CONCAT(p.tenant_id, ' ', p.kind, ' ', p.position, ' ', i.data) FROM product_image p
                    JOIN stored_image i ON i.id = p.image_id AND i.tenant_id = p.tenant_id ORDER BY p.tenant_id, p.kind, p.position"""))
                    .as("the race's duplicates in order, the ninth screenshot and the second logo gone")
                    .containsExactly("1 LOGO 0 L1", "1 SCREENSHOT 0 s0", "1 SCREENSHOT 1 s1", "1 SCREENSHOT 2 s2", "1 SCREENSHOT 3 s3",
                            "1 SCREENSHOT 4 s4", "1 SCREENSHOT 5 s5", "1 SCREENSHOT 6 s6", "1 SCREENSHOT 7 s7", "2 LOGO 0 other");
            assertThat(rows(url, "SELECT COUNT(*) FROM stored_image WHERE CAST(digest AS BINARY) <> CAST(SHA2(data, 256) AS BINARY)")).containsExactly("0");
            assertThat(rows(url, "SELECT COUNT(*) FROM stored_image")).as("the dropped pictures are not copied").containsExactly("13");
            assertThat(rows(url, """
                    SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()
                    AND (table_name IN ('storefront', 'storefront_banner', 'product_image') AND data_type LIKE '%blob'
                         OR column_name = 'copied_from')""")).as("no picture left beside the rows that show it").isEmpty();
        } finally {
            execute(System.getenv("DB_URL"), "DROP DATABASE " + schema);
        }
    }

    /** Runs a changelog; before-images.xml is every changelog the master includes before images.xml. */
    private static void migrate(String url, String changelog) throws Exception {
        Path folder = Files.createTempDirectory("changelog");
        Files.writeString(folder.resolve("before-images.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                   xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <include file="db/changelog/tenancy.xml"/>
                    <include file="db/changelog/identity.xml"/>
                    <include file="db/changelog/catalog.xml"/>
                    <include file="db/changelog/messaging.xml"/>
                    <include file="db/changelog/channel.xml"/>
                </databaseChangeLog>
                """);
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(changelog, new CompositeResourceAccessor(new DirectoryResourceAccessor(folder),
                    new ClassLoaderResourceAccessor(ImageMigrationIT.class.getClassLoader())), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", ""); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", ""); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
