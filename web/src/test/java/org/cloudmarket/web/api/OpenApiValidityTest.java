package org.cloudmarket.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The document the API serves ({@link OpenApiResource}, read here as it serves it) is valid OpenAPI
 * 3.0.3 for the two standard readers: the OpenAPI Initiative's JSON Schema of 3.0 documents, which
 * refuses 3.1 syntax such as a numeric {@code exclusiveMinimum}, and swagger-parser, the reader of
 * client generators, which resolves every {@code $ref}. Any message of either fails the test: a
 * generator refuses or misreads the whole document for one of them.
 */
class OpenApiValidityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theServedDocumentMatchesTheJsonSchemaOfOpenApi30() throws IOException {
        JsonSchema schema;
        try (InputStream in = OpenApiValidityTest.class.getClassLoader().getResourceAsStream("openapi-3.0-schema.yaml")) {
            assertThat(in).as("openapi-3.0-schema.yaml on the test class path").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(YAML.readTree(in));
        }
        JsonNode document = YAML.readTree(new OpenApiResource().document());

        Set<ValidationMessage> errors = schema.validate(document);

        assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(errors).as("where the document breaks the OpenAPI 3.0 schema").isEmpty();
    }

    @Test
    void swaggerParserReadsTheServedDocumentWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(new OpenApiResource().document(), null, options);

        assertThat(result.getMessages()).as("what swagger-parser found wrong").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getPaths()).as("paths").isNotEmpty();
        assertThat(api.getComponents().getSchemas()).as("schemas").containsKey("RateRequest");
    }
}
